#pragma once
// The one list of keyboard shortcuts: the help window (F1) shows it and the README copies it, so
// a key is documented where it is handled (window/input.cpp).
#include <vector>

namespace la::ui {

struct Shortcut {
  const char* keys;
  const char* action;
};

const std::vector<Shortcut>& shortcuts();

// Closes the front-most open window among the closable ones (case card, teaching card,
// distribution, sites, help); returns false when none is open. Esc calls it.
struct Closable {
  const char* name;  // the window's ImGui name (as passed to Begin, "###id" part included)
  bool* open;
};
bool closeTopmost(const std::vector<Closable>& windows);

}  // namespace la::ui

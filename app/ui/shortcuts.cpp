#include "ui/shortcuts.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // the focus order of windows (no public API in 1.86)

namespace la::ui {

const std::vector<Shortcut>& shortcuts() {
  static const std::vector<Shortcut> list{
      {"1 .. 6", "front, back, left, right, three-quarter, top view"},
      {"R", "reset view (front)"},
      {"B or Home", "back to the whole body (flies back from a close-up)"},
      {"F", "fly to the selected case"},
      {"N / P", "next / previous case in the table (selects and flies)"},
      {"Enter", "open the selected case's card"},
      {"C", "teaching card of the open case, else of the filter's subtype or variant; again: the next one, then close"},
      {"C (presentation)", "show the slide's teaching card over it; again: the next one, then hide; Up/Down scroll"},
      {"Ctrl+F", "search the case table"},
      {"Ctrl+Shift+C", "export the table's rows as CSV (with their sources)"},
      {"Ctrl+Shift+R / Ctrl+Shift+B", "export the rows' references as text / BibTeX"},
      {"Ctrl+T", "site tree (counts, rare sites, fly to a site)"},
      {"Ctrl+D", "distribution window"},
      {"Ctrl+E", "export picture"},
      {"Ctrl+S / Ctrl+O", "save / open view (scene file)"},
      {"Esc", "close the front-most window (or stop placing an anchor)"},
      {"F1", "keyboard help"},
      {"Ctrl+Q", "quit"},
      {"Left drag", "rotate"},
      {"Shift+drag, middle drag", "pan"},
      {"Wheel, right drag", "zoom"},
      {"Hover", "a marker: its case; the skin: the site and its count"},
      {"Click a marker", "open its case and select its row"},
  };
  return list;
}

bool closeTopmost(const std::vector<Closable>& windows) {
  const Closable* best = nullptr;
  int bestOrder = -1;
  for (const Closable& c : windows) {
    if (!c.open || !*c.open) continue;
    ImGuiWindow* w = ImGui::FindWindowByName(c.name);
    // A window never drawn yet has no place in the order: it counts as the back-most open one.
    const int order = w ? w->FocusOrder : 0;
    if (order >= bestOrder) bestOrder = order, best = &c;
  }
  if (!best) return false;
  *best->open = false;
  return true;
}

}  // namespace la::ui

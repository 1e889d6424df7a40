#pragma once
// The window's memory between runs (core/app_config): size, panel layout, open windows and the
// last view. Read before the window opens, written when it closes. Test runs (--screenshot and
// friends) neither read nor write it, so they draw the same thing on every machine.
#include "core/app_config.hpp"
#include "window/atlas_window.hpp"

namespace la::window {

struct Atlas;

// Loads the file and applies what must be known before the window exists (size, last view).
AppConfig loadSettings(GuiOptions& options, std::string& note);
// After ImGui is set up: the panel layout and which windows are open.
void applySettings(Atlas& a, const AppConfig& config);
// Writes size, layout, open windows and the view as it is now.
void saveSettings(Atlas& a, AppConfig config);

}  // namespace la::window

#pragma once
// Mouse and keyboard: the 3D view gets the mouse unless ImGui wants it; shortcuts come from GLFW
// key events and become panel requests, so keys and buttons do the same thing.
#include "window/atlas.hpp"

struct GLFWwindow;

namespace la::window {

void onKey(GLFWwindow* w, int key, int scancode, int action, int mods);
void routeMouse(Atlas& a);
void routeKeys(Atlas& a, ui::PanelRequests& r);

}  // namespace la::window

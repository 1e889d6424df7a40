#pragma once
// VTK drawing into a GLFW-owned OpenGL context, and ImGui set up on the same window.
#include "window/atlas.hpp"

namespace la::window {

// Creates the VTK render window and interactor on the current GLFW context.
void setupVtk(Atlas& a);
// ImGui with the UI font (Latin, Greek and typographic punctuation) and GLFW/GL3 backends.
void setupImGui(Atlas& a);
// Matches VTK and the picture to a new framebuffer size.
void resize(Atlas& a, int w, int h);

}  // namespace la::window

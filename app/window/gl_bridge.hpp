#pragma once
// VTK drawing into a GLFW-owned OpenGL context, and ImGui set up on the same window.
#include "window/atlas.hpp"

struct ImFont;

namespace la::window {

// Creates the VTK render window and interactor on the current GLFW context.
void setupVtk(Atlas& a);
// ImGui with the UI font (Latin, Greek and typographic punctuation) and GLFW/GL3 backends.
void setupImGui(Atlas& a);
// Adds the UI font (DejaVu Sans, bold when asked and installed) at `pixels` with the same glyph
// ranges; null when the font file is missing. Fonts added after the first frame need the backend's
// font texture made again (ImGui_ImplOpenGL3_CreateFontsTexture).
ImFont* addUiFont(float pixels, bool bold = false);
// Matches VTK and the picture to a new framebuffer size.
void resize(Atlas& a, int w, int h);

}  // namespace la::window

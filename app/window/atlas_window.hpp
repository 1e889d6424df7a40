#pragma once
// The interactive atlas window (GLFW + VTK + ImGui).
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/scene.hpp"

namespace la::window {

struct GuiOptions {
  Scene scene;
  std::filesystem::path sceneDir;  // resolves relative body paths
  int width = 1600, height = 1000;
  // When set: draw a few frames, save the whole window (panel included) there and quit.
  // Used for the README screenshot and the GUI smoke test.
  std::filesystem::path screenshot;
  std::string openCase;  // a case id to open at start (e.g. "CC000")
  // Tables to show instead of the built-in dataset: (file, mapping id or file; empty = built-in layout).
  std::vector<std::pair<std::string, std::string>> data;
};

// Runs until the window closes. Returns a process exit code (0 ok, 1 could not open a window).
int runGui(const GuiOptions& options);

}  // namespace la::window

#pragma once
// The interactive atlas window (GLFW + VTK + ImGui).
#include <chrono>
#include <filesystem>
#include <optional>
#include <utility>
#include <vector>
#include <string>
#include <vector>

#include "core/view_model.hpp"

namespace la::window {

struct GuiOptions {
  ViewModel scene;                 // the view to open (tables, body, filter, camera...)
  std::filesystem::path sceneDir;  // resolves relative body and table paths
  int width = 1600, height = 1000;
  // When set: draw a few frames, save the whole window (panel included) there and quit.
  // Used for the README screenshot and the GUI smoke test.
  std::filesystem::path screenshot;
  std::string openCase;  // a case id to open at start (e.g. "CC000")
  // When set: after a few frames, export the picture as Ctrl+E does (at exportWidth x exportHeight)
  // and quit. Lets a test compare the window's export with `render` of the same view.
  std::filesystem::path exportPicture;
  int exportWidth = 3840, exportHeight = 2160;
  bool verbose = false;  // print how long the start took (launch to the first complete frame)
  std::chrono::steady_clock::time_point launched = std::chrono::steady_clock::now();
  // `lesion-atlas present`: show this playlist (full screen unless presentWindowed) and quit when
  // it ends. presentKeys and `screenshot` script it for tests (window/presentation.hpp).
  std::filesystem::path present;
  bool presentWindowed = false;
  std::vector<std::string> presentKeys;
  // When set: record a turntable from the window as its button does (frames at exportWidth x
  // exportHeight), then quit. Tests the window's path with its progress.
  std::filesystem::path recordTurntable;
  int turntableFrames = 72;

  // Remembered settings (size, layout, last view: see window/settings.hpp). Off for test runs.
  bool useConfig = true;
  bool sceneGiven = false;  // the command line named the view (scene, data, body...): the last view is not reopened
  // Test hooks: select a case as a click on its row does (the camera flies to it); hover a pixel
  // (display coordinates, origin bottom-left) or a case's marker and print the tooltip's text.
  std::string selectCase;
  std::optional<std::pair<int, int>> hoverAt;
  std::string hoverCase;
  std::vector<std::pair<int, int>> keys;  // (GLFW key, modifiers) pressed one per frame after start (see parseKeys)
  std::string openCard;                   // test hook: open this teaching card ("subtype-idiopathic")
  std::filesystem::path teachingCards;    // test hook: read the teaching cards from here (empty: shipped)
};

// "Ctrl+T,F1,Escape" -> GLFW key codes and modifiers for GuiOptions::keys; false and `error` for a
// name it does not know. Names: A-Z, 0-9, F1-F12, Escape, Enter, Home; prefixes Ctrl+ and Shift+.
bool parseKeys(const std::string& text, std::vector<std::pair<int, int>>& keys, std::string* error);

// Runs until the window closes. Returns a process exit code (0 ok, 1 could not open a window).
int runGui(const GuiOptions& options);

}  // namespace la::window

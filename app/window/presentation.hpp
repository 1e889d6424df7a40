#pragma once
// Presentation mode: the scenes of a playlist (core/playlist.hpp) one after another, full screen
// (or in the window), panels hidden, each slide drawn as an export draws it (title, legend,
// caption) through render::compose. Right, Page Down, Space: next; Left, Page Up: back; Home, End;
// Esc leaves. Between scenes of the same body the camera swings over in about half a second. C shows
// the slide's teaching card over it (again: the next card, then hidden; Up/Down scroll; Esc hides).
#include <filesystem>
#include <string>
#include <vector>

#include "window/atlas.hpp"

namespace la::window {

struct PresentOptions {
  std::filesystem::path playlist;
  bool windowed = false;
  // For tests and docs: keys pressed one after another once each slide has settled ("right",
  // "left", "space", "home", "end", "esc", "c", "up", "down"), then the window is saved to `screenshot` and the
  // presentation ends.
  std::vector<std::string> keys;
  std::filesystem::path screenshot;
};

// Runs in the atlas window until Esc (or the end of the scripted keys); the atlas view is put back
// afterwards. Returns 0, or 1 when the playlist cannot be read (the message is in the panel and on
// stderr).
int runPresentation(Atlas& a, const PresentOptions& options);

}  // namespace la::window

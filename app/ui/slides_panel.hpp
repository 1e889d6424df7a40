#pragma once
// The "Slides" section of the main panel: a turntable video (with a progress bar and a cancel
// button while it records), presenting a playlist, and the 3D model for slides. Like every panel
// it only records what the user asked for; the window layer does it.
#include <optional>
#include <string>

namespace la::ui {

struct TurntableSettings {
  std::string path = "lesion-atlas-turntable.mp4";  // .mp4, .gif, or a folder/ for PNG frames
  int frames = 72;
  float fps = 24.f;
  int width = 1280, height = 720;
};

struct SlidesState {
  TurntableSettings turntable;
  bool recording = false;  // set by the window while a turntable is being written
  int done = 0, total = 0;
  std::string playlistPath;           // the playlist to present (the window fills in the shipped one)
  bool presentWindowed = false;
  std::string modelPath = "lesion-atlas.glb";  // glTF binary of the body and the markers
  // Set by `--record-turntable` (tests): record with these settings, then close the window.
  std::optional<TurntableSettings> autoRecord;
};

struct SlidesRequests {
  bool recordTurntable = false;
  bool cancelTurntable = false;
  bool present = false;
  bool export3d = false;
};

void drawSlidesSection(SlidesState& state, SlidesRequests& req);
// While a turntable records: a small window at the top of the screen with its progress bar and a
// Cancel button, whatever the panel shows.
void drawTurntableProgress(SlidesState& state, SlidesRequests& req);

}  // namespace la::ui

#pragma once
// A turntable: one full turn of a composed picture about the body's vertical axis, as H.264 MP4,
// GIF (both through ffmpeg, core/video_encoder.hpp) or numbered PNGs. The picture is composed
// once (render::compose, the same path as every picture); frames differ only by the camera, drawn
// into one offscreen target. Frame i is turned by 360*i/N degrees, so the last frame is one step
// before the first and the loop is seamless. Stepped one frame at a time, so the command line can
// print progress and the window can draw a progress bar and cancel.
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace la::render {

class OffscreenTarget;
class Picture;

enum class TurntableOutput { Mp4, Gif, PngFolder };

// By the name: *.mp4, *.gif, or a folder (a name ending in '/', an existing folder, or a name
// without extension) for PNG frames. Nullopt for anything else (e.g. *.avi).
std::optional<TurntableOutput> turntableOutputFor(const std::string& out);

struct TurntableOptions {
  int frames = 72;
  double fps = 24;
  int width = 1280, height = 720;  // must be even for MP4
};

struct TurntableStats {
  int frames = 0;
  double seconds = 0;            // wall time from the first frame to the finished file
  double renderSeconds = 0;      // drawing and reading back frames
  double encodeSeconds = 0;      // handing frames to ffmpeg (waiting for it) or writing PNGs, and the final wait
  double encoderCpuSeconds = 0;  // ffmpeg's own CPU time (it runs beside the renderer)
};

class TurntableRecorder {
 public:
  // `picture` must be composed at the options' size with its camera applied; it is attached to
  // `target` here and detached (camera restored) when finished or cancelled. Throws
  // EncoderError/RenderError when the output cannot be started (no ffmpeg, bad folder).
  TurntableRecorder(Picture& picture, const TurntableOptions& options, const std::filesystem::path& out,
                    OffscreenTarget& target);
  ~TurntableRecorder();  // cancels an unfinished recording
  TurntableRecorder(const TurntableRecorder&) = delete;
  TurntableRecorder& operator=(const TurntableRecorder&) = delete;

  // Draws and writes the next frame; returns false when every frame has been written.
  bool step();
  // After the last frame: ends the encoder and moves the file into place (atomic).
  void finish();
  // Stops, removes what this recording wrote, restores the camera.
  void cancel();

  int done() const;
  int total() const;
  const TurntableStats& stats() const;
  const std::filesystem::path& output() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The camera of frame `i` of `n`: position and focal point turned about the vertical axis through
// (axisX, axisZ). Exposed for tests.
void turnAboutVertical(const double in[3], double axisX, double axisZ, double angleRad, double out[3]);

}  // namespace la::render

#pragma once
// Video through Debian's ffmpeg: frames are piped to its standard input as raw RGB. The program is
// started from an argument vector (posix_spawn, no shell), so no file name is ever parsed by a
// shell. Used by turntables (render/turntable.hpp) from the command line and the window.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <sys/types.h>
#include <vector>

namespace la {

struct EncoderError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

enum class VideoFormat {
  Mp4,  // H.264 (libx264), yuv420p: plays in PowerPoint, Keynote, browsers
  Gif,  // palette made from the frames themselves (palettegen + paletteuse), loops forever
};

// The ffmpeg program: $LA_FFMPEG when set (a path), else `ffmpeg` on $PATH. Empty when not found.
std::filesystem::path findFfmpeg();
// What to tell a user without ffmpeg: how to install it, and that a PNG sequence needs none.
std::string ffmpegMissingMessage();

// The arguments after the program name: raw RGB frames of width x height at `fps` on stdin,
// written to `out` (its extension must match the format; ffmpeg picks the container from it).
std::vector<std::string> ffmpegArguments(VideoFormat format, int width, int height, double fps,
                                         const std::filesystem::path& out);

// One running ffmpeg fed through a pipe. Its messages go to a temporary file and are quoted when
// it fails.
class FfmpegPipe {
 public:
  // Starts `program` with `args`; throws EncoderError when it cannot start.
  FfmpegPipe(const std::filesystem::path& program, const std::vector<std::string>& args);
  ~FfmpegPipe();  // kills and reaps a pipe that was neither finished nor aborted
  FfmpegPipe(const FfmpegPipe&) = delete;
  FfmpegPipe& operator=(const FfmpegPipe&) = delete;

  // Writes one frame's bytes; throws EncoderError (with ffmpeg's messages) when ffmpeg has quit.
  void write(const unsigned char* data, size_t size);
  // Ends the input and waits for ffmpeg; throws EncoderError when it did not exit with 0.
  void finish();
  // Stops ffmpeg at once (cancel) and reaps it.
  void abort();
  // CPU seconds ffmpeg used (user + system), known after finish().
  double cpuSeconds() const { return cpuSeconds_; }

 private:
  std::string messages() const;  // the last lines ffmpeg wrote to stderr
  pid_t pid_ = -1;
  int fd_ = -1;                  // write end of its stdin
  std::filesystem::path log_;    // its stderr
  double cpuSeconds_ = 0;
};

}  // namespace la

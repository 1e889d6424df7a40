#pragma once
// Renders a Picture to an image file natively at the requested size in an offscreen framebuffer
// (never an upscaled window grab), so a 4K slide is drawn at 4K on any screen.
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

class vtkRenderWindow;
class vtkUnsignedCharArray;

namespace la::render {

class Picture;

struct RenderError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ImageOptions {
  int width = 1920;
  int height = 1080;
  bool transparent = false;  // alpha channel with a see-through background
  // PNG text chunks (keyword, text): title, software, the data's version and source line
  // (render::pictureText); ignored for video frames.
  std::vector<std::pair<std::string, std::string>> text;
};

// One offscreen GL window reused for many pictures (slides, turntable frames): the context and its
// shaders are made once.
class OffscreenTarget {
 public:
  OffscreenTarget();
  ~OffscreenTarget();
  vtkRenderWindow* window() const;
  vtkUnsignedCharArray* pixels() const;  // read-back buffer reused frame after frame

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Checks a size against the limits; throws RenderError naming `out`.
void checkImageSize(const ImageOptions& options, const std::filesystem::path& out);

// Where the time of one picture goes (`render --verbose`, `slides --verbose`): drawing until the
// GL driver has finished, reading the pixels back, compressing the PNG, writing the file.
struct PngTimes {
  double renderMs = 0, readBackMs = 0, encodeMs = 0, writeMs = 0;
  size_t bytes = 0;  // of the PNG written
};

// Writes a PNG atomically (temporary file + rename). Throws RenderError naming the file. With no
// target, a window is made for this one picture. `times`, when given, receives the split.
void renderToPng(Picture& picture, const ImageOptions& options, const std::filesystem::path& out,
                 OffscreenTarget* target = nullptr, PngTimes* times = nullptr);

// Renders the picture, already attached to `target`'s window and sized, and reads it back as 8-bit
// RGB, top row first (as video encoders take frames). For many frames of one picture
// (turntables): attach once, then change only the camera between calls.
void renderToRgb(OffscreenTarget& target, int width, int height, std::vector<unsigned char>& rgb);

// Largest width/height the GL implementation can render offscreen (GL_MAX_RENDERBUFFER_SIZE).
int maxImageSize();

}  // namespace la::render

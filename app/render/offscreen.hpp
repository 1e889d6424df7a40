#pragma once
// Renders a Picture to an image file natively at the requested size in an offscreen framebuffer
// (never an upscaled window grab), so a 4K slide is drawn at 4K on any screen.
#include <filesystem>
#include <memory>
#include <stdexcept>

class vtkRenderWindow;

namespace la::render {

class Picture;

struct RenderError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ImageOptions {
  int width = 1920;
  int height = 1080;
  bool transparent = false;  // alpha channel with a see-through background
};

// One offscreen GL window reused for many pictures (slides, turntable frames): the context and its
// shaders are made once.
class OffscreenTarget {
 public:
  OffscreenTarget();
  ~OffscreenTarget();
  vtkRenderWindow* window() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Checks a size against the limits; throws RenderError naming `out`.
void checkImageSize(const ImageOptions& options, const std::filesystem::path& out);

// Writes a PNG atomically (temporary file + rename). Throws RenderError naming the file. With no
// target, a window is made for this one picture.
void renderToPng(Picture& picture, const ImageOptions& options, const std::filesystem::path& out,
                 OffscreenTarget* target = nullptr);

// Largest width/height the GL implementation can render offscreen (GL_MAX_RENDERBUFFER_SIZE).
int maxImageSize();

}  // namespace la::render

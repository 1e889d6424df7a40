#pragma once
// Renders a SceneView to an image file natively at the requested size in an offscreen
// framebuffer (never an upscaled window grab), so a 4K slide is drawn at 4K on any screen.
#include <filesystem>
#include <stdexcept>

namespace la::render {

class SceneView;

struct RenderError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ImageOptions {
  int width = 1920;
  int height = 1080;
  bool transparent = false;  // alpha channel with a see-through background
};

// Writes a PNG atomically (temporary file + rename). Throws RenderError naming the file.
void renderToPng(SceneView& view, const ImageOptions& options, const std::filesystem::path& out);

// Largest width/height the GL implementation can render offscreen (GL_MAX_RENDERBUFFER_SIZE).
int maxImageSize();

}  // namespace la::render

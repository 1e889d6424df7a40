#pragma once
#include <filesystem>

class vtkImageData;

namespace la::render {

// Writes an image as PNG atomically (temporary file in the same folder, then rename), so an
// interrupted export never leaves a truncated picture. Throws RenderError naming the file.
void writePng(vtkImageData* image, const std::filesystem::path& out);

// 8-bit RGBA pixels, bottom row first (as glReadPixels returns them).
void writeRgbaPng(const unsigned char* pixels, int width, int height, const std::filesystem::path& out);

}  // namespace la::render

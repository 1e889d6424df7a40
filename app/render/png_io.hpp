#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

class vtkImageData;

namespace la::render {

// Writes an image as PNG atomically (temporary file in the same folder, then rename), so an
// interrupted export never leaves a truncated picture. Throws RenderError naming the file.
// `text` becomes tEXt chunks (keyword, Latin-1 text; other characters are written as '?').
using PngText = std::vector<std::pair<std::string, std::string>>;
void writePng(vtkImageData* image, const std::filesystem::path& out, const PngText& text = {});
// The two halves of writePng: compressing (zlib level 6, its default) and writing atomically.
// `out` names the file in messages only.
std::string encodePng(vtkImageData* image, const PngText& text, const std::filesystem::path& out);
void writePngBytes(const std::string& png, const std::filesystem::path& out);

// 8-bit RGBA pixels, bottom row first (as glReadPixels returns them).
void writeRgbaPng(const unsigned char* pixels, int width, int height, const std::filesystem::path& out,
                  const PngText& text = {});
// 8-bit RGB pixels, top row first (a turntable frame).
void writeRgbPngTopDown(const unsigned char* pixels, int width, int height, const std::filesystem::path& out);

}  // namespace la::render

#include "render/png_io.hpp"

#include <vtkImageData.h>
#include <vtkPNGWriter.h>
#include <vtkSmartPointer.h>
#include <vtkUnsignedCharArray.h>

#include <system_error>

#include "core/atomic_file.hpp"
#include "core/png_encode.hpp"
#include "render/offscreen.hpp"

namespace fs = std::filesystem;

namespace la::render {
namespace {

// PNG tEXt is Latin-1: UTF-8 text is decoded, and what Latin-1 cannot hold becomes '?'.
std::string toLatin1(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      out += char(c);
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (len == 2 && i + 1 < s.size()) {
      const unsigned cp = ((c & 0x1Fu) << 6) | ((unsigned char)s[i + 1] & 0x3Fu);
      out += cp >= 0xA0 && cp <= 0xFF ? char(cp) : '?';
    } else {
      out += '?';
    }
    i += len - 1;
  }
  return out;
}

// 8-bit RGB or RGBA rows through the encoder that uses every CPU (core/png_encode.hpp).
std::string encodeRows(const PngImage& rows, const PngText& text, const fs::path& out) {
  PngTextChunks chunks;
  for (const auto& [key, value] : text) chunks.emplace_back(toLatin1(key).substr(0, 79), toLatin1(value));
  try {
    return la::encodePng(rows, chunks);
  } catch (const std::exception& e) {
    throw RenderError(out.string() + ": cannot encode PNG (" + e.what() + ")");
  }
}

}  // namespace

std::string encodePng(vtkImageData* img, const PngText& text, const fs::path& out) {
  int dims[3] = {0, 0, 0};
  img->GetDimensions(dims);
  const int channels = img->GetNumberOfScalarComponents();
  if (img->GetScalarType() == VTK_UNSIGNED_CHAR && (channels == 3 || channels == 4) && dims[2] == 1)
    return encodeRows({static_cast<const unsigned char*>(img->GetScalarPointer()), dims[0], dims[1], channels, true}, text,
                      out);
  // Other pixel formats: VTK's writer.
  auto writer = vtkSmartPointer<vtkPNGWriter>::New();
  writer->WriteToMemoryOn();
  writer->SetCompressionLevel(6);  // zlib's own default (VTK's is 5): smaller files, same speed class
  writer->SetInputData(img);
  for (const auto& [key, value] : text) writer->AddText(toLatin1(key).substr(0, 79).c_str(), toLatin1(value).c_str());
  writer->Write();
  vtkUnsignedCharArray* bytes = writer->GetResult();
  if (writer->GetErrorCode() != 0 || !bytes || bytes->GetNumberOfValues() == 0)
    throw RenderError(out.string() + ": cannot encode PNG");
  return std::string(reinterpret_cast<const char*>(bytes->GetPointer(0)), size_t(bytes->GetNumberOfValues()));
}

void writePngBytes(const std::string& png, const fs::path& out) {
  const fs::path dir = out.has_parent_path() ? out.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw RenderError(out.string() + ": folder does not exist");
  // Written like every other file the atlas makes (core/atomic_file).
  try {
    writeFileAtomically(out, png);
  } catch (const IoError& e) {
    throw RenderError(e.what());
  }
}

void writePng(vtkImageData* img, const fs::path& out, const PngText& text) {
  writePngBytes(encodePng(img, text, out), out);
}

// The encoder reads rows in either order, so the pixels are not copied into a vtkImageData first.
void writeRgbaPng(const unsigned char* pixels, int width, int height, const fs::path& out, const PngText& text) {
  writePngBytes(encodeRows({pixels, width, height, 4, true}, text, out), out);
}

void writeRgbPngTopDown(const unsigned char* pixels, int width, int height, const fs::path& out) {
  writePngBytes(encodeRows({pixels, width, height, 3, false}, {}, out), out);
}

}  // namespace la::render

#include "render/png_io.hpp"

#include <vtkImageData.h>
#include <vtkPNGWriter.h>
#include <vtkSmartPointer.h>

#include <cstring>
#include <system_error>

#include "render/offscreen.hpp"

namespace fs = std::filesystem;

namespace la::render {

void writePng(vtkImageData* img, const fs::path& out) {
  const fs::path dir = out.has_parent_path() ? out.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw RenderError(out.string() + ": folder does not exist");
  const fs::path tmp = dir / ("." + out.filename().string() + ".tmp.png");
  auto writer = vtkSmartPointer<vtkPNGWriter>::New();
  writer->SetFileName(tmp.c_str());
  writer->SetInputData(img);
  writer->Write();
  if (writer->GetErrorCode() != 0) {
    fs::remove(tmp, ec);
    throw RenderError(out.string() + ": cannot write PNG");
  }
  fs::rename(tmp, out, ec);
  if (ec) throw RenderError(out.string() + ": cannot replace file: " + ec.message());
}

void writeRgbaPng(const unsigned char* pixels, int width, int height, const fs::path& out) {
  auto img = vtkSmartPointer<vtkImageData>::New();
  img->SetDimensions(width, height, 1);
  img->AllocateScalars(VTK_UNSIGNED_CHAR, 4);
  std::memcpy(img->GetScalarPointer(), pixels, size_t(width) * size_t(height) * 4);
  writePng(img, out);
}

}  // namespace la::render

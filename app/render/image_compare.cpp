#include "render/image_compare.hpp"

#include <vtkImageData.h>
#include <vtkImageDifference.h>
#include <vtkImageExtractComponents.h>
#include <vtkPNGReader.h>
#include <vtkSmartPointer.h>

#include "render/offscreen.hpp"

namespace fs = std::filesystem;

namespace la::render {
namespace {

vtkSmartPointer<vtkImageData> readRgb(const fs::path& p) {
  std::error_code ec;
  if (!fs::exists(p, ec)) throw RenderError(p.string() + ": no such image");
  auto r = vtkSmartPointer<vtkPNGReader>::New();
  if (!r->CanReadFile(p.c_str())) throw RenderError(p.string() + ": not a PNG file");
  r->SetFileName(p.c_str());
  r->Update();
  vtkSmartPointer<vtkImageData> img = r->GetOutput();
  // Compare colour only: the difference filter expects matching component counts.
  if (img->GetNumberOfScalarComponents() == 4) {
    auto x = vtkSmartPointer<vtkImageExtractComponents>::New();
    x->SetInputData(img);
    x->SetComponents(0, 1, 2);
    x->Update();
    img = x->GetOutput();
  }
  return img;
}

}  // namespace

ImageComparison compareImages(const fs::path& image, const fs::path& reference) {
  auto a = readRgb(image);
  auto b = readRgb(reference);
  ImageComparison c;
  int da[3], db[3];
  a->GetDimensions(da);
  b->GetDimensions(db);
  c.sizesMatch = da[0] == db[0] && da[1] == db[1];
  if (!c.sizesMatch) {
    c.error = 1e9;
    c.detail = "size " + std::to_string(da[0]) + "x" + std::to_string(da[1]) + " differs from reference " +
               std::to_string(db[0]) + "x" + std::to_string(db[1]);
    return c;
  }
  auto diff = vtkSmartPointer<vtkImageDifference>::New();
  diff->SetInputData(a);
  diff->SetImageData(b);
  diff->SetThreshold(16);  // per-channel tolerance before a pixel counts as different
  diff->AllowShiftOn();
  diff->AveragingOn();
  diff->Update();
  c.error = diff->GetThresholdedError();
  c.detail = "thresholded error " + std::to_string(c.error) + " (raw " + std::to_string(diff->GetError()) + ")";
  return c;
}

}  // namespace la::render

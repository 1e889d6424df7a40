// The image comparison behind the render tests must accept an identical picture and reject a
// changed one; otherwise every render test could pass while drawing nothing.
#include <catch2/catch.hpp>

#include <vtkImageData.h>
#include <vtkPNGReader.h>
#include <vtkSmartPointer.h>

#include <filesystem>

#include "render/image_compare.hpp"
#include "render/png_io.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kBaseline = fs::path(LA_TEST_SOURCE_DIR) / "tests/baselines/default_front.png";

vtkSmartPointer<vtkImageData> readPng(const fs::path& p) {
  auto r = vtkSmartPointer<vtkPNGReader>::New();
  r->SetFileName(p.c_str());
  r->Update();
  vtkSmartPointer<vtkImageData> img = r->GetOutput();
  return img;
}

// Paints a size x size square of `value` at (x0, y0) into every colour channel.
fs::path perturbed(int x0, int y0, int size, unsigned char value, const std::string& name) {
  auto img = readPng(kBaseline);
  int dims[3];
  img->GetDimensions(dims);
  const int nc = img->GetNumberOfScalarComponents();
  for (int y = y0; y < y0 + size && y < dims[1]; ++y)
    for (int x = x0; x < x0 + size && x < dims[0]; ++x) {
      auto* px = static_cast<unsigned char*>(img->GetScalarPointer(x, y, 0));
      for (int c = 0; c < std::min(nc, 3); ++c) px[c] = value;
    }
  const fs::path out = fs::path(LA_TEST_BINARY_DIR) / name;
  la::render::writePng(img, out);
  return out;
}

}  // namespace

TEST_CASE("an image matches itself exactly", "[render][compare]") {
  REQUIRE(fs::exists(kBaseline));
  auto c = la::render::compareImages(kBaseline, kBaseline);
  CHECK(c.sizesMatch);
  CHECK(c.error == Approx(0.0));
}

TEST_CASE("a painted patch over the body fails the comparison", "[render][compare]") {
  // Centre of a 320x240 front view: the trunk.
  const fs::path bad = perturbed(140, 100, 40, 0, "perturbed_patch.png");
  auto c = la::render::compareImages(bad, kBaseline);
  CHECK(c.sizesMatch);
  CHECK(c.error > la::render::kDefaultImageThreshold);
}

TEST_CASE("a single changed pixel stays within the threshold", "[render][compare]") {
  // Anti-aliasing noise of this order must not fail render tests.
  const fs::path nearly = perturbed(10, 10, 1, 128, "perturbed_pixel.png");
  auto c = la::render::compareImages(nearly, kBaseline);
  CHECK(c.error <= la::render::kDefaultImageThreshold);
}

TEST_CASE("images of different sizes never match", "[render][compare]") {
  auto img = readPng(kBaseline);
  auto small = vtkSmartPointer<vtkImageData>::New();
  small->SetDimensions(16, 16, 1);
  small->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
  const fs::path p = fs::path(LA_TEST_BINARY_DIR) / "tiny.png";
  la::render::writePng(small, p);
  auto c = la::render::compareImages(p, kBaseline);
  CHECK_FALSE(c.sizesMatch);
  CHECK(c.error > la::render::kDefaultImageThreshold);
}

TEST_CASE("a missing image is reported with its path", "[render][compare]") {
  CHECK_THROWS_WITH(la::render::compareImages("/nonexistent/x.png", kBaseline),
                    Catch::Contains("/nonexistent/x.png"));
}

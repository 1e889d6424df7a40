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

// ---- Placement of sites on a mesh without a site map -------------------------------------

#include <algorithm>
#include <cmath>

#include "core/paths.hpp"
#include "core/site_catalog.hpp"
#include "render/mesh_io.hpp"
#include "render/site_placement.hpp"

namespace {

double dist(const std::array<double, 3>& a, const std::array<double, 3>& b) {
  return std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

}  // namespace

TEST_CASE("placement from proportions lands near the generator's own anchors on the built-in bodies",
          "[render][placement]") {
  const auto catalog = la::SiteCatalog::load(la::assetPath("sites.json"));
  for (const char* body : {"male", "female"}) {
    INFO(body);
    auto mesh = la::render::loadMesh(la::assetPath(std::string("bodies/") + body + ".glb"));
    const auto reference = la::SiteMap::load(la::assetPath(std::string("bodies/") + body + ".sites.json"));
    const auto guess = la::render::placeSitesByProportion(mesh, catalog, body);
    std::vector<double> d;
    for (const auto& a : guess.anchors)
      if (const auto* r = reference.find(a.site, a.side)) d.push_back(dist(a.position, r->position));
    REQUIRE(d.size() > 80);
    std::sort(d.begin(), d.end());
    // Measured 2026-11-25: median 4-5 cm, 80th percentile 7-8 cm on 1.62-1.75 m figures. A first
    // placement the user then corrects; a regression that sends sites to the wrong limb fails here.
    CHECK(d[d.size() / 2] < 0.07);
    CHECK(d[d.size() * 8 / 10] < 0.10);
  }
}

#ifdef LA_SHARED_DIR
TEST_CASE("placement from proportions finds the raised arms of an A-pose mesh (MakeHuman)",
          "[render][placement][shared]") {
  const auto catalog = la::SiteCatalog::load(la::assetPath("sites.json"));
  la::render::MeshLoadOptions opts;
  opts.exclude = {"helper-*", "joint-*"};
  auto mesh = la::render::loadMesh(std::string(LA_SHARED_DIR) + "/external/makehuman_base.obj", opts);
  const auto map = la::render::placeSitesByProportion(mesh, catalog, "makehuman");
  // Joint positions of the file's own skeleton (decimetres, from its joint-* marker cubes, listed
  // in shared/external/SOURCES.md). A skin anchor lies within about a limb's radius of its joint.
  const std::array<double, 3> lElbow{3.129, 3.493, 0.132}, lKnee{1.581, -3.695, 0.32}, lHand{4.31, 2.45, 1.76};
  const std::array<double, 3> rElbow{-3.129, 3.493, 0.132};
  CHECK(dist(map.find("elbow", "left")->position, lElbow) < 1.0);
  CHECK(dist(map.find("elbow", "right")->position, rElbow) < 1.0);
  CHECK(dist(map.find("knee", "left")->position, lKnee) < 1.0);
  CHECK(dist(map.find("hand", "left")->position, lHand) < 2.0);
  // The figure's left is +X; sides mirror.
  CHECK(map.find("hand", "left")->position[0] > 3.0);
  CHECK(map.find("hand", "right")->position[0] < -3.0);
  CHECK(map.find("scalp", "none")->position[1] > 8.0);
  CHECK(map.find("heel", "left")->position[1] < -7.5);
}
#endif

// ---- Transparent export ------------------------------------------------------------------------

#include "cli/xvfb.hpp"
#include "render/offscreen.hpp"
#include "render/picture.hpp"

TEST_CASE("a transparent export has a see-through background and an opaque body", "[render][export]") {
  la::cli::PrivateDisplay display;  // starts Xvfb only when there is no DISPLAY
  la::render::Picture picture;
  la::render::SceneView& view = picture.pane(0);
  view.setBody(la::render::loadMesh(la::assetPath("bodies/placeholder.obj")));
  picture.setBackground({1, 1, 1}, 0.0);
  view.setColors({1, 1, 1}, {0.87, 0.74, 0.66});
  view.applyCamera(la::CameraSpec{}, 1.0);
  const fs::path out = fs::path(LA_TEST_BINARY_DIR) / "transparent.png";
  la::render::renderToPng(picture, {200, 200, true}, out);
  auto img = readPng(out);
  REQUIRE(img->GetNumberOfScalarComponents() == 4);
  auto alpha = [&](int x, int y) { return static_cast<unsigned char*>(img->GetScalarPointer(x, y, 0))[3]; };
  CHECK(alpha(2, 2) == 0);        // corner: background
  CHECK(alpha(197, 197) == 0);
  CHECK(alpha(100, 100) == 255);  // centre: the trunk
}

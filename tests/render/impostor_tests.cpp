// Past 5,000 markers a pane draws each as a point sprite shaded as a sphere's front
// (render/marker_impostors). Drawn for real offscreen, on the built-in male figure, with SYNTHETIC
// markers at skin vertices: a marker's disc has the area of its sphere's projection (worked out
// here from the camera, not from the shader), and markers on the skin facing away from the camera
// leave the picture as it was.
#include <catch2/catch.hpp>

#include <vtkCamera.h>
#include <vtkDataArray.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkUnsignedCharArray.h>

#include <cmath>

#include "cli/xvfb.hpp"
#include "core/dataset.hpp"
#include "core/site_catalog.hpp"
#include "render/compose.hpp"
#include "render/marker_impostors.hpp"
#include "render/offscreen.hpp"
#include "render/picture.hpp"

namespace {

constexpr int kW = 800, kH = 600;
constexpr size_t kMarkers = 6000;  // past the 5,000 where impostors take over

const la::SiteCatalog& catalog() {
  static const la::SiteCatalog c = la::SiteCatalog::load(std::string(LA_TEST_SOURCE_DIR) + "/assets/sites.json");
  return c;
}

struct Scene {
  la::cli::PrivateDisplay display;  // starts Xvfb only when there is no DISPLAY
  la::Dataset data;  // empty: only the synthetic markers below are drawn
  la::render::BodyCache bodies{catalog()};
  la::render::Picture picture;
  la::render::OffscreenTarget target;
  la::render::Composition shown;
  Scene() {
    la::render::AtlasContext ctx{catalog(), data, bodies, LA_TEST_SOURCE_DIR, {}};
    la::render::ComposeOptions o;
    o.purpose = la::render::Purpose::Screen;
    o.width = kW;
    o.height = kH;
    shown = la::render::compose(la::ViewModel{}, ctx, picture, o);
    picture.pane(0).renderer()->SetUseFXAA(false);  // exact edges for counting
    target.window()->SetSize(kW, kH);
    picture.setImageSize(kW, kH);
    picture.attach(target.window());
  }
  ~Scene() { picture.detach(target.window()); }
  la::render::SceneView& pane() { return picture.pane(0); }

  vtkSmartPointer<vtkUnsignedCharArray> draw() {
    target.window()->Render();
    auto px = vtkSmartPointer<vtkUnsignedCharArray>::New();
    target.window()->GetRGBACharPixelData(0, 0, kW - 1, kH - 1, 0, px);
    return px;
  }
};

size_t changedPixels(vtkUnsignedCharArray* a, vtkUnsignedCharArray* b) {
  size_t n = 0;
  for (vtkIdType i = 0; i < a->GetNumberOfTuples(); ++i)
    for (int c = 0; c < 3; ++c)
      if (std::abs(int(a->GetValue(4 * i + c)) - int(b->GetValue(4 * i + c))) > 12) {
        ++n;
        break;
      }
  return n;
}

// Skin vertices whose normals look at the camera (sign +1) or away from it (-1), up to `count`.
std::vector<vtkIdType> facing(vtkPolyData* body, vtkCamera* cam, double sign, size_t count) {
  double dir[3];
  cam->GetDirectionOfProjection(dir);  // from the camera into the scene
  vtkDataArray* normals = body->GetPointData()->GetNormals();
  std::vector<vtkIdType> out;
  for (vtkIdType v = 0; v < body->GetNumberOfPoints() && out.size() < count; ++v) {
    double n[3];
    normals->GetTuple(v, n);
    if (-sign * (n[0] * dir[0] + n[1] * dir[1] + n[2] * dir[2]) > 0.8) out.push_back(v);
  }
  return out;
}

la::MarkerSpec markerAt(vtkPolyData* body, vtkIdType v, size_t i) {
  la::MarkerSpec m;
  double p[3], n[3];
  body->GetPoint(v, p);
  body->GetPointData()->GetNormals()->GetTuple(v, n);
  m.position = {p[0], p[1], p[2]};
  m.normal = {n[0], n[1], n[2]};
  m.caseIndex = i;
  return m;
}

}  // namespace

TEST_CASE("impostors: a disc with its sphere's projected area", "[render][impostor]") {
  Scene s;
  vtkPolyData* body = s.pane().body();
  // Every marker on one vertex facing the camera: one disc on screen, looked at from close by.
  const vtkIdType v = facing(body, s.picture.camera(), +1, 1).at(0);
  vtkCamera* cam = s.picture.camera();
  double p[3];
  body->GetPoint(v, p);
  cam->SetFocalPoint(p);
  cam->Zoom(6);
  s.pane().renderer()->ResetCameraClippingRange();
  const auto bare = s.draw();
  std::vector<la::MarkerSpec> markers(kMarkers, markerAt(body, v, 0));
  const double radius = s.shown.panes[0].radius;
  s.pane().setMarkers(markers, radius, s.shown.palette);
  const auto drawn = s.draw();
  // Expected: the sphere's radius (shrunk as markers crowd) projected at its distance.
  double eye[3];
  cam->GetPosition(eye);
  const double distance = std::hypot(p[0] - eye[0], p[1] - eye[1], p[2] - eye[2]);
  const double r = radius * la::render::impostorRadiusScale(kMarkers);
  const double viewportPx = kH * (s.pane().renderer()->GetViewport()[3] - s.pane().renderer()->GetViewport()[1]);
  const double rPx = r / (distance * std::tan(cam->GetViewAngle() * M_PI / 360.0)) * viewportPx / 2;
  const double expected = M_PI * rPx * rPx;
  INFO("radius " << rPx << " px, expected area " << expected);
  REQUIRE(rPx > 4);  // big enough for the area to say disc (a square would be 27% larger)
  CHECK(double(changedPixels(bare, drawn)) == Approx(expected).epsilon(0.15));
}

TEST_CASE("impostors: markers on skin facing away from the camera change nothing", "[render][impostor]") {
  Scene s;
  vtkPolyData* body = s.pane().body();
  const auto bare = s.draw();
  const auto back = facing(body, s.picture.camera(), -1, kMarkers);
  REQUIRE(back.size() > 1000);
  std::vector<la::MarkerSpec> markers;
  for (size_t i = 0; i < kMarkers; ++i) markers.push_back(markerAt(body, back[i % back.size()], i));
  s.pane().setMarkers(markers, s.shown.panes[0].radius, s.shown.palette);
  CHECK(changedPixels(bare, s.draw()) == 0);
  // The same number on skin facing the camera does show: the check above can fail.
  const auto front = facing(body, s.picture.camera(), +1, kMarkers);
  markers.clear();
  REQUIRE(front.size() > 1000);
  for (size_t i = 0; i < kMarkers; ++i) markers.push_back(markerAt(body, front[i % front.size()], i));
  s.pane().setMarkers(markers, s.shown.panes[0].radius, s.shown.palette);
  CHECK(changedPixels(bare, s.draw()) > 2000);
}

// Exploring on the real built-in figure, without drawing: CPU marker picking respects the body
// (a marker behind it is not picked through it) and stays under a millisecond at 100k markers;
// the skin under the cursor names its site; every flight to a site's close-up stays outside the
// body (checked with VTK's own enclosed-points filter, not with the planner's probe).
#include <catch2/catch.hpp>

#include <vtkCamera.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkRenderer.h>
#include <vtkSelectEnclosedPoints.h>

#include <algorithm>
#include <chrono>

#include "core/fly_path.hpp"
#include "core/site_catalog.hpp"
#include "core/site_hover.hpp"
#include "render/body_cache.hpp"
#include "render/fly_planner.hpp"
#include "render/scene_view.hpp"

namespace {

const la::SiteCatalog& catalog() {
  static const la::SiteCatalog c = la::SiteCatalog::load(std::string(LA_TEST_SOURCE_DIR) + "/assets/sites.json");
  return c;
}

const la::render::Figure& male() {
  static la::render::BodyCache cache(catalog());
  return cache.get("male", LA_TEST_SOURCE_DIR);
}

// A pane on a window that is never shown: enough for projections and rays.
struct Pane {
  vtkSmartPointer<vtkGenericOpenGLRenderWindow> win = vtkSmartPointer<vtkGenericOpenGLRenderWindow>::New();
  la::render::SceneView view;
  explicit Pane(const std::string& preset = "front") {
    win->SetSize(1200, 900);
    win->AddRenderer(view.renderer());
    view.setBody(male().mesh);
    la::CameraSpec cam;
    cam.preset = preset;
    view.applyCamera(cam, 1200.0 / 900.0);
  }
};

la::MarkerSpec markerAt(const la::Vec3& p, const la::Vec3& n, size_t caseIndex) {
  la::MarkerSpec m;
  m.position = p;
  m.normal = n;
  m.caseIndex = caseIndex;
  return m;
}

la::Vec3 eyeOf(const la::render::SceneView& v) {
  la::Vec3 e;
  v.renderer()->GetActiveCamera()->GetPosition(e.data());
  return e;
}

}  // namespace

TEST_CASE("pick: a marker behind the body is not picked through it", "[explore][pick]") {
  Pane pane;
  const double radius = 0.006 * (pane.view.bodyBounds()[3] - pane.view.bodyBounds()[2]);
  // The ray through the middle of the chest: where it enters the body, and beyond where it leaves.
  const la::ScreenProjection proj = pane.view.projection();
  const la::Vec3 chest{0, pane.view.bodyBounds()[2] + 0.72 * (pane.view.bodyBounds()[3] - pane.view.bodyBounds()[2]), 0};
  double px, py;
  REQUIRE(proj.project(chest, px, py));
  la::render::BodyProbe::Hit front;
  REQUIRE(pane.view.pickSkin(px, py, front));
  const la::Vec3 eye = eyeOf(pane.view);
  const la::Vec3 dir = la::normalized(la::sub(front.position, eye));
  la::render::BodyProbe::Hit back;  // the first skin met from far behind, looking back
  REQUIRE(pane.view.probe().firstHit(la::add(front.position, la::scale(dir, 5.0)), front.position, back));
  // Behind the back, facing the camera (so the far-side rule alone would let it through).
  const la::Vec3 hidden = la::add(back.position, la::scale(dir, 3 * radius));
  const la::Vec3 toEye = la::scale(dir, -1);
  pane.view.setMarkers({markerAt(hidden, toEye, 7)}, radius, la::Palette{});
  CHECK(pane.view.pickMarker(px, py) == -1);
  // The same marker in front of the chest is picked.
  const la::Vec3 shown = la::add(front.position, la::scale(toEye, radius));
  pane.view.setMarkers({markerAt(hidden, toEye, 7), markerAt(shown, toEye, 8)}, radius, la::Palette{});
  CHECK(pane.view.pickMarker(px, py) == 1);
}

TEST_CASE("pick: under 1 ms with 100k markers on the skin", "[explore][pick][timing]") {
  Pane pane;
  vtkPolyData* body = male().mesh;
  vtkDataArray* normals = body->GetPointData()->GetNormals();
  REQUIRE(normals);
  std::vector<la::MarkerSpec> ms;
  const vtkIdType n = body->GetNumberOfPoints();
  const double radius = 0.004;
  for (vtkIdType i = 0; ms.size() < 100000; i = (i + 7) % n) {  // SYNTHETIC markers spread over the mesh
    double p[3], nn[3];
    body->GetPoint(i, p);
    normals->GetTuple(i, nn);
    ms.push_back(markerAt({p[0] + nn[0] * radius, p[1] + nn[1] * radius, p[2] + nn[2] * radius}, {nn[0], nn[1], nn[2]},
                          size_t(i)));
  }
  pane.view.setMarkers(ms, radius, la::Palette{});
  pane.view.probe().prepare();  // built once per body, not per pick
  std::vector<double> ms_per_pick;
  int picked = 0;
  for (int k = 0; k < 41; ++k) {
    const double x = 420 + 9 * k, y = 150 + 15 * k;
    const auto t0 = std::chrono::steady_clock::now();
    picked += pane.view.pickMarker(x, y) >= 0;
    ms_per_pick.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms_per_pick.begin(), ms_per_pick.end());
  const double median = ms_per_pick[ms_per_pick.size() / 2];
  INFO("median pick " << median << " ms, fastest " << ms_per_pick.front() << " ms");
  CHECK(picked > 10);  // the diagonal crosses the figure: most picks find a marker
  CHECK(median < 1.0);
}

TEST_CASE("hover: the skin under the chest's pixel is a trunk site", "[explore][hover]") {
  Pane pane;
  const auto b = pane.view.bodyBounds();
  double px, py;
  REQUIRE(pane.view.projection().project({0, b[2] + 0.70 * (b[3] - b[2]), 0}, px, py));
  la::render::BodyProbe::Hit hit;
  REQUIRE(pane.view.pickSkin(px, py, hit));
  const auto sites = la::vertexAnchors(male().map, catalog(), size_t(male().mesh->GetNumberOfPoints()));
  REQUIRE(hit.vertex >= 0);
  const int anchor = sites[size_t(hit.vertex)];
  REQUIRE(anchor >= 0);
  INFO(male().map.anchors[size_t(anchor)].site);
  CHECK(catalog().isWithin(male().map.anchors[size_t(anchor)].site, "trunk"));
}

TEST_CASE("fly: every close-up and the flights between them stay outside the body", "[explore][fly]") {
  Pane pane;
  const la::render::BodyProbe& probe = pane.view.probe();
  const auto b = pane.view.bodyBounds();
  const la::Ellipsoid shell = la::enclosingEllipsoid(b);
  la::FlyPose home;
  auto* cam = pane.view.renderer()->GetActiveCamera();
  cam->GetPosition(home.position.data());
  cam->GetFocalPoint(home.focal.data());
  cam->GetViewUp(home.up.data());
  const double dist = la::render::closeUpDistance(b, cam->GetViewAngle());
  // Every sample of every flight, tested at the end by an independent inside/outside filter.
  auto samples = vtkSmartPointer<vtkPoints>::New();
  std::vector<la::FlyPose> closeUps;
  for (const la::SiteAnchor& an : male().map.anchors) {
    const la::FlyPose to = la::render::closeUpPose(probe, an.position, an.normal, dist, home.position);
    closeUps.push_back(to);
    const la::FlyPath path = la::render::clearPath(probe, home, to, shell);
    for (int i = 0; i <= 40; ++i) samples->InsertNextPoint(path.at(i / 40.0).position.data());
  }
  for (size_t i = 0; i < closeUps.size(); ++i) {  // site to site, across the body
    const la::FlyPath path = la::render::clearPath(probe, closeUps[i], closeUps[(i * 7 + 3) % closeUps.size()], shell);
    for (int i2 = 0; i2 <= 40; ++i2) samples->InsertNextPoint(path.at(i2 / 40.0).position.data());
  }
  // The check must be able to fail: the middle of the chest (the last sample) is inside.
  samples->InsertNextPoint(0, b[2] + 0.7 * (b[3] - b[2]), 0.5 * (b[4] + b[5]));
  auto pts = vtkSmartPointer<vtkPolyData>::New();
  pts->SetPoints(samples);
  auto enclosed = vtkSmartPointer<vtkSelectEnclosedPoints>::New();
  enclosed->SetInputData(pts);
  enclosed->SetSurfaceData(male().mesh);
  enclosed->SetTolerance(1e-6);
  enclosed->Update();
  const vtkIdType last = samples->GetNumberOfPoints() - 1;
  REQUIRE(enclosed->IsInside(last));
  CHECK(probe.inside({0, b[2] + 0.7 * (b[3] - b[2]), 0.5 * (b[4] + b[5])}));  // and the planner's own test agrees
  size_t inside = 0;
  for (vtkIdType i = 0; i < last; ++i) inside += enclosed->IsInside(i);
  INFO(samples->GetNumberOfPoints() << " camera positions sampled");
  CHECK(inside == 0);
  CHECK(closeUps.size() == male().map.anchors.size());
}

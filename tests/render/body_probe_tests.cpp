// A figure's probe: its closest-point answers match a search over every triangle, and one probe
// (one set of locators) is shared by the figure's marker layout and the pane that shows it, so
// neither a filter change nor the window's start builds a locator again.
#include <catch2/catch.hpp>

#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkSphereSource.h>
#include <vtkTriangle.h>

#include <cmath>
#include <limits>

#include "core/site_catalog.hpp"
#include "core/view_model.hpp"
#include "render/body_cache.hpp"
#include "render/compose.hpp"
#include "render/scene_view.hpp"

namespace {

const la::SiteCatalog& catalog() {
  static const la::SiteCatalog c = la::SiteCatalog::load(std::string(LA_TEST_SOURCE_DIR) + "/assets/sites.json");
  return c;
}

// The distance from p to the nearest triangle, by trying them all.
double nearestByBruteForce(vtkPolyData* mesh, const la::Vec3& p) {
  double best = std::numeric_limits<double>::max();
  for (vtkIdType c = 0; c < mesh->GetNumberOfCells(); ++c) {
    vtkIdType n;
    const vtkIdType* ids;
    mesh->GetCellPoints(c, n, ids);
    double a[3], b[3], d[3], closest[3], pcoords[3], weights[3], dist2 = 0;
    mesh->GetPoint(ids[0], a), mesh->GetPoint(ids[1], b), mesh->GetPoint(ids[2], d);
    auto tri = vtkSmartPointer<vtkTriangle>::New();
    tri->GetPoints()->SetPoint(0, a), tri->GetPoints()->SetPoint(1, b), tri->GetPoints()->SetPoint(2, d);
    int sub = 0;
    double x[3] = {p[0], p[1], p[2]};
    tri->EvaluatePosition(x, closest, sub, pcoords, dist2, weights);
    best = std::min(best, std::sqrt(dist2));
  }
  return best;
}

}  // namespace

TEST_CASE("probe: the closest surface point is as near as the nearest triangle", "[probe]") {
  auto sphere = vtkSmartPointer<vtkSphereSource>::New();
  sphere->SetThetaResolution(12);
  sphere->SetPhiResolution(9);
  sphere->Update();
  vtkPolyData* mesh = sphere->GetOutput();
  la::render::BodyProbe probe;
  probe.setBody(mesh);
  // Outside, inside, near a pole and far away.
  for (const la::Vec3 p : {la::Vec3{0.9, 0.1, 0.2}, la::Vec3{0.05, -0.1, 0.1}, la::Vec3{0.0, 0.0, 0.7},
                           la::Vec3{-3.0, 2.0, 1.0}}) {
    la::Vec3 q;
    vtkIdType cell = -1;
    REQUIRE(probe.closest(p, q, cell));
    REQUIRE(cell >= 0);
    const double got = std::hypot(q[0] - p[0], q[1] - p[1], q[2] - p[2]);
    CHECK(got == Approx(nearestByBruteForce(mesh, p)).margin(1e-9));
  }
  la::render::BodyProbe empty;
  la::Vec3 q;
  vtkIdType cell = -1;
  CHECK_FALSE(empty.closest({0, 0, 0}, q, cell));
}

TEST_CASE("probe: one per figure, shared by the pane that shows it", "[probe]") {
  la::render::BodyCache cache(catalog());
  la::ViewModel vm;
  vm.figures = la::Figures::Both;
  la::render::prepareFigures(vm, cache, LA_TEST_SOURCE_DIR);
  const la::render::Figure& male = cache.get("male", LA_TEST_SOURCE_DIR);
  const la::render::Figure& female = cache.get("female", LA_TEST_SOURCE_DIR);
  REQUIRE(male.probe);
  REQUIRE(female.probe);
  CHECK(male.probe->body() == male.mesh.Get());
  CHECK(female.probe->body() == female.mesh.Get());
  // Loaded once: asking again gives the same figure, not a reload.
  CHECK(&cache.get("male", LA_TEST_SOURCE_DIR) == &male);

  la::render::SceneView view;
  view.setBody(male.mesh, male.probe);
  CHECK(&view.probe() == male.probe.get());
  view.setBody(male.mesh);  // the same body without a probe keeps the one it has
  CHECK(&view.probe() == male.probe.get());
  view.setBody(female.mesh, male.probe);  // a probe of another mesh is not taken
  CHECK(view.probe().body() == female.mesh.Get());
  CHECK(&view.probe() != male.probe.get());
}

TEST_CASE("probe: a view that names a missing body is left for compose to report", "[probe]") {
  la::render::BodyCache cache(catalog());
  la::ViewModel vm;
  vm.body = "no-such-mesh.obj";
  CHECK_NOTHROW(la::render::prepareFigures(vm, cache, LA_TEST_SOURCE_DIR));
  CHECK_THROWS(cache.get("no-such-mesh.obj", LA_TEST_SOURCE_DIR));
}

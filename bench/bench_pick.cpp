// Hover and click picking on the CPU: one pick among N markers spread over the built-in male
// figure (SYNTHETIC markers at its mesh vertices, generated here in memory), from the front, in a
// 1200x900 pane. The target is under 1 ms at 100k markers: the hover tooltip must follow the
// cursor within one frame. No display needed (the pane's window is never drawn).
#include <benchmark/benchmark.h>

#include <vtkDataArray.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkRenderer.h>

#include <algorithm>

#include "core/paths.hpp"
#include "core/site_catalog.hpp"
#include "render/body_cache.hpp"
#include "render/scene_view.hpp"

namespace {

const la::render::Figure& male() {
  static const la::SiteCatalog catalog = la::SiteCatalog::load(la::assetPath("sites.json"));
  static la::render::BodyCache cache(catalog);
  return cache.get("male", ".");
}

void BM_PickMarker(benchmark::State& state) {
  auto win = vtkSmartPointer<vtkGenericOpenGLRenderWindow>::New();
  win->SetSize(1200, 900);
  la::render::SceneView view;
  win->AddRenderer(view.renderer());
  vtkPolyData* body = male().mesh;
  view.setBody(body);
  la::CameraSpec cam;
  view.applyCamera(cam, 1200.0 / 900.0);
  vtkDataArray* normals = body->GetPointData()->GetNormals();
  std::vector<la::MarkerSpec> ms;
  const vtkIdType n = body->GetNumberOfPoints();
  for (vtkIdType i = 0; ms.size() < size_t(state.range(0)); i = (i + 7) % n) {
    double p[3], nn[3];
    body->GetPoint(i, p);
    normals->GetTuple(i, nn);
    la::MarkerSpec m;
    m.position = {p[0] + nn[0] * 0.004, p[1] + nn[1] * 0.004, p[2] + nn[2] * 0.004};
    m.normal = {nn[0], nn[1], nn[2]};
    m.caseIndex = size_t(i);
    ms.push_back(m);
  }
  view.setMarkers(ms, 0.004, la::Palette{});
  view.probe().prepare();
  int k = 0, found = 0;
  for (auto _ : state) {
    const double x = 420 + 9 * (k % 41), y = 150 + 15 * (k % 41);
    found += view.pickMarker(x, y) >= 0;
    ++k;
  }
  state.counters["found"] = double(found) / std::max(1, k);
}
BENCHMARK(BM_PickMarker)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();

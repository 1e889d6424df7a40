// Rendering and placement costs that decide how the atlas feels: loading a built-in body through
// Assimp (and, for comparison, a user's mesh through the mesh reader child process), laying out
// markers for a large (synthetic) table, and drawing a slide offscreen.
// Synthetic lesions are generated here, in memory, and labelled synthetic; nothing is written
// into assets/. Needs an X display (run under xvfb-run, or it starts a private Xvfb).
#include <benchmark/benchmark.h>

#include <vtkPolyData.h>

#include <filesystem>

#include "cli/xvfb.hpp"
#include "core/importer.hpp"
#include "core/marker_layout.hpp"
#include "core/paths.hpp"
#include "core/site_catalog.hpp"
#include "core/site_map.hpp"
#include "render/compose.hpp"
#include "render/mesh_arrays.hpp"
#include "render/pane_content.hpp"
#include "render/mesh_io.hpp"
#include "render/mesh_isolation.hpp"
#include "render/offscreen.hpp"
#include "render/scene_loader.hpp"
#include "render/scene_view.hpp"

namespace {

const la::SiteCatalog& catalog() {
  static const la::SiteCatalog c = la::SiteCatalog::load(la::assetPath("sites.json"));
  return c;
}

const la::SiteMap& maleMap() {
  static const la::SiteMap m = la::SiteMap::load(la::assetPath("bodies/male.sites.json"));
  return m;
}

vtkSmartPointer<vtkPolyData> maleBody() {
  static vtkSmartPointer<vtkPolyData> b = la::render::loadBodyMesh("male", {});
  return b;
}

// SYNTHETIC: n one-lesion cases spread over the catalog's point sites, sides alternating.
la::Dataset syntheticDataset(size_t n) {
  std::vector<std::string> sites;
  for (const la::Site& s : catalog().sites())
    if (!s.region && !s.coarse && s.sex.empty() && s.id != "unspecified" && s.id != "other") sites.push_back(s.id);
  la::Dataset d;
  la::TableInfo t;
  t.name = "SYNTHETIC benchmark table";
  d.tables.push_back(t);
  d.cases.resize(n);
  for (size_t i = 0; i < n; ++i) {
    la::Case& c = d.cases[i];
    c.id = "SYN" + std::to_string(i);
    c.subtype = la::Subtype(i % 6);
    la::Lesion l;
    l.siteId = sites[(i * 7919) % sites.size()];
    l.side = (i % 3 == 0) ? la::Side::Left : (i % 3 == 1 ? la::Side::Right : la::Side::None);
    c.lesions.push_back(l);
  }
  return d;
}

// The path the atlas takes for `--body male` (render, sites, the window): the prepared GLB read
// through Assimp in process, without welding or normal recomputation (render/scene_loader).
void BM_LoadBuiltinBody(benchmark::State& state) {
  for (auto _ : state) {
    auto mesh = la::render::loadBodyMesh("male", {});
    benchmark::DoNotOptimize(mesh->GetNumberOfPoints());
  }
}
BENCHMARK(BM_LoadBuiltinBody)->Unit(benchmark::kMillisecond);

// A user's mesh takes the full repair path (weld, normals) in the mesh reader child process;
// the same file here, for comparison with the built-in path above.
void BM_LoadUserMeshIsolated(benchmark::State& state) {
  try {
    la::render::meshReaderPath();
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());  // the reader is not built
    return;
  }
  for (auto _ : state) {
    auto mesh = la::render::loadMeshIsolated(la::assetPath("bodies/male.glb"));
    benchmark::DoNotOptimize(mesh->GetNumberOfPoints());
  }
}
BENCHMARK(BM_LoadUserMeshIsolated)->Unit(benchmark::kMillisecond);

void BM_LoadSiteMap(benchmark::State& state) {
  for (auto _ : state) {
    auto m = la::SiteMap::load(la::assetPath("bodies/male.sites.json"));
    benchmark::DoNotOptimize(m.anchors.size());
  }
}
BENCHMARK(BM_LoadSiteMap)->Unit(benchmark::kMillisecond);

// What render and the window add to check that the map belongs to the mesh.
void BM_MeshFingerprint(benchmark::State& state) {
  auto body = maleBody();
  for (auto _ : state) benchmark::DoNotOptimize(la::render::meshFingerprint(body).hash);
}
BENCHMARK(BM_MeshFingerprint)->Unit(benchmark::kMillisecond);

void BM_BuildPane(benchmark::State& state) {
  const la::Dataset d = syntheticDataset(size_t(state.range(0)));
  std::vector<const la::Case*> all;
  for (const auto& c : d.cases) all.push_back(&c);
  la::render::Figure fig;
  fig.mesh = maleBody();
  fig.map = maleMap();
  fig.probe = std::make_shared<la::render::BodyProbe>();  // as BodyCache makes it: one locator for every layout
  fig.probe->setBody(fig.mesh);
  const la::Palette palette = la::makePalette(la::ColorBy::Subtype, all);
  for (auto _ : state) {
    auto p = la::render::buildPane(d, catalog(), fig, all, palette, la::CountUnit::Cases);
    benchmark::DoNotOptimize(p.layout.markers.size());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_BuildPane)->Arg(113)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_RenderSlide(benchmark::State& state) {
  static la::cli::PrivateDisplay display;  // no-op when DISPLAY is set
  la::Dataset d = syntheticDataset(113);
  la::render::BodyCache bodies(catalog());
  la::render::AtlasContext ctx{catalog(), d, bodies, {}, {}};
  la::render::Picture picture;
  const int w = int(state.range(0)), h = int(state.range(1));
  la::render::ComposeOptions o;
  o.width = w;
  o.height = h;
  la::render::compose(la::ViewModel{}, ctx, picture, o);
  const auto out = std::filesystem::temp_directory_path() / "la_bench_slide.png";
  la::render::OffscreenTarget target;
  for (auto _ : state) la::render::renderToPng(picture, {w, h, false}, out, &target);
}
BENCHMARK(BM_RenderSlide)->Args({1920, 1080})->Args({3840, 2160})->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();

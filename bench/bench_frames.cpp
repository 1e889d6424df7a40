// How fast the view turns: the window's own render path (a render::Picture filled by compose, drawn
// into an offscreen window at 1920x1080 with the whole body in view), 30 frames of a 3 degree turn,
// each frame ended by reading the pixels back (so llvmpipe or the GPU has finished it). Reports the
// median frame time, and the median CPU time of the process per frame, for: the body alone, body +
// the built-in dataset, body + 10k and 100k SYNTHETIC lesions at distinct points of the skin (no
// bubbles, so the marker cost shows), all as the window draws a frame at rest in answer to input
// (full size, no FXAA); the refined frame it draws once idle (with FXAA); the level of detail used
// while dragging (and at the half resolution the window draws then); the cost of each feature of
// the refined view switched off in turn; and, in the same run, a plain vtkPolyDataMapper drawing
// the same mesh (the floor any viewer of this mesh pays). Needs an X display (or starts a private
// Xvfb). BENCH_FRAMES_PNG=<folder> also saves the synthetic-marker pictures, to look at.
#include <benchmark/benchmark.h>

#include <vtkActor.h>
#include <vtkActorCollection.h>
#include <vtkCamera.h>
#include <vtkFXAAOptions.h>
#include <vtkLight.h>
#include <vtkOpenGLShaderProperty.h>
#include <vtkProperty.h>
#include <vtkDataArray.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <ctime>
#include <random>
#include <vector>

#include "cli/xvfb.hpp"
#include "core/allocator_tuning.hpp"
#include "core/importer.hpp"
#include "core/paths.hpp"
#include "render/compose.hpp"
#include "render/offscreen.hpp"
#include "render/picture.hpp"

namespace {

constexpr int kW = 1920, kH = 1080, kFrames = 30;

// The allocator setting the atlas makes at its start (core/allocator_tuning.hpp), made here at start
// so that the plain-mapper peer below draws with it too: the comparison is of drawing alone.
const bool kAllocatorTuned = (la::prepareAllocator(), true);

la::cli::PrivateDisplay& display() {
  static la::cli::PrivateDisplay d;  // no-op when DISPLAY is set
  return d;
}

const la::SiteCatalog& catalog() {
  static const la::SiteCatalog c = la::SiteCatalog::load(la::assetPath("sites.json"));
  return c;
}

la::render::BodyCache& bodies() {
  static la::render::BodyCache b(catalog());
  return b;
}

double processCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double median(std::vector<double> v) {
  std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// Turns the camera 3 degrees per frame and reads the frame back; the median frame time is reported,
// and the median CPU time of the whole process per frame (llvmpipe draws in its own threads): on a
// machine shared with other work the CPU time varies less than the wall time.
void turn(benchmark::State& state, vtkRenderWindow* win, vtkCamera* cam) {
  std::vector<double> ms, cpu;
  auto pixels = vtkSmartPointer<vtkUnsignedCharArray>::New();
  for (auto _ : state) {
    ms.clear();
    cpu.clear();
    for (int i = 0; i < kFrames; ++i) {
      const auto t0 = std::chrono::steady_clock::now();
      const double c0 = processCpuMs();
      cam->Azimuth(3);
      win->Render();
      win->GetRGBACharPixelData(0, 0, 9, 9, 0, pixels);  // a read-back waits for the frame to finish
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      cpu.push_back(processCpuMs() - c0);
    }
  }
  state.counters["median_ms"] = median(ms);
  state.counters["cpu_ms"] = median(cpu);
}

// SYNTHETIC markers at `n` distinct random vertices of the skin, with the skin's normal there (as
// the layout gives real markers), in the subtype palette.
std::vector<la::MarkerSpec> syntheticMarkers(vtkPolyData* body, size_t n) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<vtkIdType> pick(0, body->GetNumberOfPoints() - 1);
  vtkDataArray* normals = body->GetPointData()->GetNormals();
  std::vector<la::MarkerSpec> out(n);
  for (size_t i = 0; i < n; ++i) {
    double p[3], nrm[3] = {0, 0, 1};
    const vtkIdType v = pick(rng);
    body->GetPoint(v, p);
    if (normals) normals->GetTuple(v, nrm);
    out[i].position = {p[0], p[1], p[2]};
    out[i].normal = {nrm[0], nrm[1], nrm[2]};
    out[i].category = i % 6;
    out[i].caseIndex = i;
  }
  return out;
}

struct Setup {
  la::Dataset data;
  la::render::Picture picture;
  la::render::OffscreenTarget target;  // the window slides and exports draw in
  vtkRenderWindow* win = target.window();
  la::render::Composition shown;
  explicit Setup(bool builtinData) {
    display();
    if (builtinData) la::mergeImport(data, la::importBuiltinDataset(catalog()));
    la::render::AtlasContext ctx{catalog(), data, bodies(), {}, {}};
    la::render::ComposeOptions o;
    o.purpose = la::render::Purpose::Screen;  // as the window draws it
    o.width = kW;
    o.height = kH;
    shown = la::render::compose(la::ViewModel{}, ctx, picture, o);
    // As the window draws in answer to input at full size: without FXAA, which it adds in one
    // refined frame once idle (BM_Frame_BuiltinDataset_Refined).
    antialias(false);
    win->SetSize(kW, kH);
    picture.setImageSize(kW, kH);
    picture.attach(win);
    win->Render();  // shaders compiled before timing
  }
  ~Setup() { picture.detach(win); }
  void antialias(bool on) {
    for (size_t i = 0; i < picture.paneCount(); ++i) picture.pane(i).renderer()->SetUseFXAA(on);
  }
};

void BM_Frame_BodyAlone(benchmark::State& state) {
  Setup s(false);
  turn(state, s.win, s.picture.camera());
}
BENCHMARK(BM_Frame_BodyAlone)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_Frame_BuiltinDataset(benchmark::State& state) {
  Setup s(true);
  turn(state, s.win, s.picture.camera());
}
BENCHMARK(BM_Frame_BuiltinDataset)->Unit(benchmark::kMillisecond)->Iterations(1);

// The refined frame the window draws once after 0.3 s without input: the same with FXAA.
void BM_Frame_BuiltinDataset_Refined(benchmark::State& state) {
  Setup s(true);
  s.antialias(true);
  s.win->Render();  // the FXAA shader compiled before timing
  turn(state, s.win, s.picture.camera());
}
BENCHMARK(BM_Frame_BuiltinDataset_Refined)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_Frame_BuiltinDataset_Dragging(benchmark::State& state) {
  Setup s(true);
  for (size_t i = 0; i < s.picture.paneCount(); ++i) s.picture.pane(i).setInteractive(true);
  turn(state, s.win, s.picture.camera());
}
BENCHMARK(BM_Frame_BuiltinDataset_Dragging)->Unit(benchmark::kMillisecond)->Iterations(1);

// What the window draws while the user drags: the interactive level of detail at half resolution
// (setRenderScale(0.5); the window then stretches it over the screen with one GL blit, not
// counted here because an offscreen window has nothing to blit to).
void BM_Frame_Moving(benchmark::State& state) {
  Setup s(state.range(0) == 1);
  for (size_t i = 0; i < s.picture.paneCount(); ++i) s.picture.pane(i).setInteractive(true);
  s.picture.setRenderScale(0.5);
  s.win->Render();  // the Gouraud shader variant compiled before timing
  turn(state, s.win, s.picture.camera());
}
// Argument 0: the body alone; 1: with the built-in dataset.
BENCHMARK(BM_Frame_Moving)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1);

// The price of each feature of the refined view (FXAA on), one switched off at a time (built-in
// dataset shown):
// 0 nothing off, 1 FXAA, 2 Phong (Gouraud instead), 3 the five-light kit (one headlight, VTK's
// own shading: the skin's lighting code needs the kit), 4 the skin's lighting code (VTK's code for
// the kit instead, as before it was replaced), 5 all four off, 6 FXAA at its lowest quality
// (4 endpoint steps, plain endpoints), 7 FXAA and the light kit off.
void BM_Frame_WithoutFeature(benchmark::State& state) {
  Setup s(true);
  const int off = int(state.range(0));
  vtkRenderer* ren = s.picture.pane(0).renderer();
  const bool noFxaa = off == 1 || off == 5 || off == 7, noKit = off == 3 || off == 5 || off == 7;
  s.antialias(!noFxaa);
  if (off == 6) {
    ren->GetFXAAOptions()->SetEndpointSearchIterations(4);
    ren->GetFXAAOptions()->SetUseHighQualityEndpoints(false);
  }
  vtkActorCollection* actors = ren->GetActors();
  actors->InitTraversal();
  while (vtkActor* actor = actors->GetNextActor()) {
    auto* shader = vtkOpenGLShaderProperty::SafeDownCast(actor->GetShaderProperty());
    if (!shader || shader->GetNumberOfShaderReplacements() == 0) continue;  // only the body has one
    if (off == 2 || off == 5) actor->GetProperty()->SetInterpolationToGouraud();
    if (noKit) shader->ClearAllFragmentShaderReplacements();
    if (off == 4) {  // VTK's lighting code, then the rim light as it was added before
      shader->ClearAllFragmentShaderReplacements();
      shader->AddFragmentShaderReplacement("//VTK::Light::Impl", true,
                                           "//VTK::Light::Impl\n"
                                           "  { vec3 v = normalize(-vertexVC.xyz);\n"
                                           "    float f = clamp(dot(normalize(normalVCVSOutput), v), 0.0, 1.0);\n"
                                           "    fragOutput0.rgb += pow(1.0 - f, 3.0) * 0.22 * vec3(1.0, 0.97, 0.94); }\n",
                                           false);
    }
  }
  if (noKit) {
    ren->RemoveAllLights();
    auto head = vtkSmartPointer<vtkLight>::New();
    head->SetLightTypeToHeadlight();
    ren->AddLight(head);
  }
  s.win->Render();  // shader variants compiled before timing
  turn(state, s.win, s.picture.camera());
}
BENCHMARK(BM_Frame_WithoutFeature)->DenseRange(0, 7)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_Frame_SyntheticMarkers(benchmark::State& state) {
  Setup s(false);
  la::render::SceneView& pane = s.picture.pane(0);
  pane.setMarkers(syntheticMarkers(pane.body(), size_t(state.range(0))), s.shown.panes[0].radius, s.shown.palette);
  if (const char* dir = std::getenv("BENCH_FRAMES_PNG")) {  // to look at what was timed
    la::render::renderToPng(s.picture, {kW, kH, false, {}},
                            std::string(dir) + "/markers-" + std::to_string(state.range(0)) + ".png", &s.target);
    s.picture.attach(s.win);
  }
  s.win->Render();
  turn(state, s.win, s.picture.camera());
}
BENCHMARK(BM_Frame_SyntheticMarkers)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(1);

// The floor: the same mesh through a plain mapper, default lighting, nothing else; at full
// resolution (argument 100) and at the half resolution the window uses while the view moves (50).
void BM_Frame_PlainMapper(benchmark::State& state) {
  const int w = int(kW * state.range(0) / 100), h = int(kH * state.range(0) / 100);
  display();
  auto mesh = bodies().get("male", {}).mesh;
  auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
  mapper->SetInputData(mesh);
  auto actor = vtkSmartPointer<vtkActor>::New();
  actor->SetMapper(mapper);
  auto ren = vtkSmartPointer<vtkRenderer>::New();
  ren->AddActor(actor);
  ren->ResetCamera();
  auto win = vtkSmartPointer<vtkRenderWindow>::New();
  win->SetOffScreenRendering(1);
  win->SetMultiSamples(0);
  win->SetSize(w, h);
  win->AddRenderer(ren);
  win->Render();
  turn(state, win, ren->GetActiveCamera());
}
BENCHMARK(BM_Frame_PlainMapper)->Arg(100)->Arg(50)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();

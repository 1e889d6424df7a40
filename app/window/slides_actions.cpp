#include "window/slides_actions.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <chrono>
#include <cstdio>

#include "core/paths.hpp"
#include "core/references.hpp"
#include "render/model_export.hpp"
#include "render/offscreen.hpp"
#include "render/turntable.hpp"
#include "window/actions.hpp"
#include "window/presentation.hpp"

namespace la::window {

// A turntable being written: its own picture (composed at the video's size, as an export is) and
// offscreen target, so the window keeps drawing its own view meanwhile.
struct TurntableRun {
  render::Picture picture;
  render::Composition shown;
  render::OffscreenTarget target;
  std::string path;
  bool references = false;
  std::unique_ptr<render::TurntableRecorder> recorder;  // last: destroyed (cancelled) first
};

namespace {

void startTurntable(Atlas& a) {
  const ui::TurntableSettings& t = a.state.slides.turntable;
  auto run = std::make_shared<TurntableRun>();
  run->path = t.path;
  run->references = a.state.exportSettings.references;
  try {
    render::TurntableOptions opts{t.frames, double(t.fps), t.width, t.height};
    if (render::turntableOutputFor(t.path) == render::TurntableOutput::Mp4)
      opts.width -= opts.width % 2, opts.height -= opts.height % 2;  // H.264 (yuv420p) needs even sizes
    const ViewModel vm = pictureModel(a);
    render::AtlasContext ctx{a.catalog, a.data.data, *a.bodies, a.sceneDir, a.data.versions};
    render::ComposeOptions o;
    o.width = opts.width;
    o.height = opts.height;
    o.sideLetters = false;  // R and L would be wrong once the figure turns
    run->shown = render::compose(vm, ctx, run->picture, o);
    run->recorder = std::make_unique<render::TurntableRecorder>(run->picture, opts, t.path, run->target);
  } catch (const std::exception& e) {
    glfwMakeContextCurrent(a.win);
    a.message(std::string("error: ") + e.what());
    return;
  }
  glfwMakeContextCurrent(a.win);
  a.turntable = run;
  a.state.slides.recording = true;
  a.state.slides.done = 0;
  a.state.slides.total = run->recorder->total();
  a.message("recording " + t.path + " (" + std::to_string(run->recorder->total()) + " frames)");
}

void endTurntable(Atlas& a) {
  a.turntable.reset();  // an unfinished recording is cancelled: its partial output is removed
  a.state.slides.recording = false;
  if (a.state.slides.autoRecord) glfwSetWindowShouldClose(a.win, GLFW_TRUE);
  a.state.slides.autoRecord.reset();
  glfwMakeContextCurrent(a.win);
}

// Frames for up to ~250 ms per window frame: the progress bar moves and Cancel answers at once.
void stepTurntable(Atlas& a) {
  TurntableRun& run = *a.turntable;
  render::TurntableRecorder& rec = *run.recorder;
  const auto t0 = std::chrono::steady_clock::now();
  try {
    bool more = true;
    do more = rec.step();
    while (more && std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(250));
    a.state.slides.done = rec.done();
    if (a.state.slides.autoRecord) std::fprintf(stderr, "frame %d of %d\n", rec.done(), rec.total());
    if (more) {
      glfwMakeContextCurrent(a.win);
      return;
    }
    rec.finish();
    const render::TurntableStats& s = rec.stats();
    char line[160];
    std::snprintf(line, sizeof line, " (%d frames in %.1f s)", s.frames, s.seconds);
    a.message("saved " + run.path + line);
    if (run.references) {
      const auto files = writeReferences(render::shownCases(run.shown), a.data.data, run.path, run.shown.title,
                                         a.data.versions);
      a.message("saved " + files.first.string() + " and " + files.second.string());
    }
  } catch (const std::exception& e) {
    a.message(std::string("error: ") + e.what());
  }
  endTurntable(a);
}

// The body and this view's markers as a glTF binary, composed as an export is.
void export3d(Atlas& a) {
  const std::string& path = a.state.slides.modelPath;
  try {
    render::Picture picture;
    render::AtlasContext ctx{a.catalog, a.data.data, *a.bodies, a.sceneDir, a.data.versions};
    const render::Composition shown = render::compose(pictureModel(a), ctx, picture, render::ComposeOptions{});
    const render::ModelSummary m = render::exportModel(picture, shown, path);
    a.message("saved " + path + " (" + std::to_string(m.meshes) + " meshes, " + std::to_string(m.markers) + " markers)");
    if (a.state.exportSettings.references) {
      const auto files = writeReferences(render::shownCases(shown), a.data.data, path, shown.title, a.data.versions);
      a.message("saved " + files.first.string() + " and " + files.second.string());
    }
  } catch (const std::exception& e) {
    a.message(std::string("error: ") + e.what());
  }
}

}  // namespace

bool slidesBusy(const Atlas& a) { return a.turntable != nullptr; }

void serviceSlides(Atlas& a, ui::PanelRequests& req) {
  ui::SlidesRequests& r = req.slides;
  ui::SlidesState& s = a.state.slides;
  if (s.playlistPath.empty()) s.playlistPath = (scenesDir() / "playlists" / "calcinosis-cutis.json").string();
  if (r.present && !a.turntable) runPresentation(a, {s.playlistPath, s.presentWindowed, {}, {}});
  if (r.cancelTurntable && a.turntable) {
    a.message("turntable cancelled; " + a.turntable->path + " was not written");
    endTurntable(a);
  }
  if (s.autoRecord && !a.turntable) {
    s.turntable = *s.autoRecord;
    r.recordTurntable = true;
  }
  if (r.export3d) export3d(a);
  if (r.recordTurntable && !a.turntable) startTurntable(a);
  else if (a.turntable) stepTurntable(a);
}

}  // namespace la::window

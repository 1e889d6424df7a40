// `lesion-atlas turntable`: one full turn of a scene about the body's vertical axis as MP4, GIF or
// numbered PNGs, drawn through the same compose() as `render` (render/turntable.hpp).
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/render_job.hpp"
#include "core/video_encoder.hpp"
#include "render/picture.hpp"
#include "render/turntable.hpp"

namespace fs = std::filesystem;

namespace la::cli {
namespace {

struct TurntableJob {
  RenderJob view;  // scene and overrides, as `render` reads them
  render::TurntableOptions options;
};

// "frame i of N" on stderr: rewritten in place on a terminal, every tenth of the way in a log.
void progress(int i, int n, bool tty) {
  if (tty) {
    std::fprintf(stderr, "\rframe %d of %d", i, n);
    if (i == n) std::fputc('\n', stderr);
  } else if (i == n || i % std::max(1, n / 10) == 0) {
    std::fprintf(stderr, "frame %d of %d\n", i, n);
  }
  std::fflush(stderr);
}

void report(const render::TurntableRecorder& rec, const render::TurntableOptions& o) {
  const render::TurntableStats& s = rec.stats();
  const double total = std::max(1e-9, s.seconds);
  char encoder[96] = "";
  if (s.encoderCpuSeconds > 0) std::snprintf(encoder, sizeof encoder, "; ffmpeg used %.1f s CPU beside it", s.encoderCpuSeconds);
  std::fprintf(stderr,
               "%s: %d frames %dx%d at %g fps in %.1f s (%.1f frames/s); drawing %.0f%%, encoding %.0f%% "
               "(handing frames over and the final wait)%s\n",
               rec.output().string().c_str(), s.frames, o.width, o.height, o.fps, s.seconds, s.frames / total,
               100.0 * s.renderSeconds / total, 100.0 * s.encodeSeconds / total, encoder);
}

int runTurntable(TurntableJob& job) {
  const auto kind = render::turntableOutputFor(job.view.out.string());
  if (!kind) {
    std::cerr << "error: -o " << job.view.out.string()
              << ": unknown kind of output (use NAME.mp4, NAME.gif or FOLDER/ for numbered PNGs)\n";
    return kUsage;
  }
  render::TurntableOptions& o = job.options;
  if (*kind == render::TurntableOutput::Mp4 && (o.width % 2 || o.height % 2)) {
    o.width -= o.width % 2, o.height -= o.height % 2;
    std::cerr << "note: H.264 needs even dimensions: drawing " << o.width << "x" << o.height << "\n";
  }
  // Before anything is drawn: without ffmpeg only the PNG sequence can be written.
  if (*kind != render::TurntableOutput::PngFolder && findFfmpeg().empty()) {
    std::cerr << "error: " << job.view.out.string() << ": " << ffmpegMissingMessage() << "\n";
    return kBadInput;
  }
  ViewModel vm;
  fs::path sceneDir;
  std::string origin;
  if (int rc = resolveView(job.view, vm, sceneDir, origin); rc != kOk) return rc;
  try {
    RenderSession session;  // starts a private Xvfb when there is no display
    render::Picture picture;
    render::Composition shown;
    render::ComposeOptions opts;
    opts.width = o.width;
    opts.height = o.height;
    opts.sideLetters = false;  // R and L would be wrong once the figure turns
    if (int rc = session.compose(vm, sceneDir, origin, opts, picture, shown); rc != kOk) return rc;
    render::TurntableRecorder rec(picture, o, job.view.out, session.target());
    const bool tty = ::isatty(2);
    while (rec.step()) progress(rec.done(), rec.total(), tty);
    progress(rec.done(), rec.total(), tty);
    rec.finish();
    report(rec, o);
    std::cout << job.view.out.string() << "\n";
    return job.view.references ? session.writeReferences(shown, job.view.out) : kOk;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  }
}

}  // namespace

void registerTurntableCommand(CLI::App& app, int& exitCode) {
  struct Opts {
    std::string scene, out, size = "1280x720", view, highlight;
    int frames = 0;
    double fps = 24, seconds = 0, zoom = 0;
    bool references = false;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* t = app.add_subcommand("turntable", "One full turn of a scene as MP4, GIF or numbered PNGs, headless");
  t->add_option("scene", o->scene, "Scene file (JSON); default: the built-in default view");
  t->add_option("-o,--output", o->out, "NAME.mp4 (H.264), NAME.gif, or FOLDER/ for frame_0001.png ...")->required();
  t->add_option("--frames", o->frames, "Frames in one turn (default 72, or seconds x fps)")->check(CLI::Range(2, 100000));
  t->add_option("--fps", o->fps, "Frames per second (default 24)")->check(CLI::Range(1.0, 240.0));
  t->add_option("--seconds", o->seconds, "Length of one turn in seconds (sets the frames, or the fps with --frames)")
      ->check(CLI::PositiveNumber);
  t->add_option("--size", o->size, "Frame size WxH (default 1280x720; rounded down to even for MP4)");
  t->add_option("--view", o->view, "Start from this camera preset (front, back, left, right, three-quarter, top)");
  t->add_option("--zoom", o->zoom, "Magnify the framed view")->check(CLI::PositiveNumber);
  t->add_option("--highlight", o->highlight, "Ring the markers of this case (e.g. CC000)");
  t->add_flag("--references", o->references, "Also write the cases' references beside it (NAME.txt, NAME.bib)");
  t->callback([o, &exitCode] {
    TurntableJob job;
    if (!parseSize(o->size, job.options.width, job.options.height)) {
      std::cerr << "error: --size: expected WxH such as 1280x720, got '" << o->size << "'\n";
      exitCode = kUsage;
      return;
    }
    job.options.fps = o->fps;
    job.options.frames = o->frames > 0 ? o->frames : o->seconds > 0 ? int(std::lround(o->seconds * o->fps)) : 72;
    if (o->frames > 0 && o->seconds > 0) job.options.fps = o->frames / o->seconds;
    if (job.options.frames < 2) {
      std::cerr << "error: --seconds " << o->seconds << " at " << o->fps << " fps gives fewer than 2 frames\n";
      exitCode = kUsage;
      return;
    }
    job.view.scenePath = o->scene;
    job.view.out = o->out;
    job.view.view = o->view;
    job.view.zoom = o->zoom;
    job.view.highlight = o->highlight;
    job.view.references = o->references;
    exitCode = runTurntable(job);
  });
}

}  // namespace la::cli

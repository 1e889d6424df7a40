#include "render/turntable.hpp"

#include <vtkCamera.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

#include <cctype>
#include <cmath>
#include <system_error>

#include "core/atomic_file.hpp"
#include "core/video_encoder.hpp"
#include "render/offscreen.hpp"
#include "render/picture.hpp"
#include "render/png_io.hpp"

namespace fs = std::filesystem;

namespace la::render {

std::optional<TurntableOutput> turntableOutputFor(const std::string& out) {
  if (out.empty()) return std::nullopt;
  if (out.back() == '/') return TurntableOutput::PngFolder;
  std::error_code ec;
  if (fs::is_directory(out, ec)) return TurntableOutput::PngFolder;
  std::string ext = fs::path(out).extension().string();
  for (char& c : ext) c = char(std::tolower((unsigned char)c));
  if (ext == ".mp4") return TurntableOutput::Mp4;
  if (ext == ".gif") return TurntableOutput::Gif;
  if (ext.empty()) return TurntableOutput::PngFolder;
  return std::nullopt;
}

void turnAboutVertical(const double in[3], double axisX, double axisZ, double a, double out[3]) {
  const double x = in[0] - axisX, z = in[2] - axisZ;
  out[0] = axisX + x * std::cos(a) + z * std::sin(a);
  out[1] = in[1];
  out[2] = axisZ - x * std::sin(a) + z * std::cos(a);
}

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

}  // namespace

struct TurntableRecorder::Impl {
  Picture& picture;
  OffscreenTarget& target;
  TurntableOptions opt;
  TurntableOutput kind;
  fs::path out, tmp;  // tmp: where ffmpeg writes until the file is complete
  std::unique_ptr<FfmpegPipe> ffmpeg;
  std::vector<fs::path> written;  // PNG frames, removed on cancel
  int next = 0;
  bool closed = false;
  double pos[3], focal[3], up[3], axisX = 0, axisZ = 0;
  std::vector<unsigned char> rgb;
  TurntableStats stats;
  Clock::time_point start = Clock::now();

  Impl(Picture& p, OffscreenTarget& t) : picture(p), target(t) {}

  fs::path frameName(int i) const {
    const int digits = std::max(4, int(std::to_string(opt.frames).size()));
    std::string n = std::to_string(i + 1);
    return out / ("frame_" + std::string(size_t(digits) - n.size(), '0') + n + ".png");
  }

  void setAngle(double a) {
    vtkCamera* cam = picture.camera();
    double p[3], f[3], u[3];
    turnAboutVertical(pos, axisX, axisZ, a, p);
    turnAboutVertical(focal, axisX, axisZ, a, f);
    turnAboutVertical(up, 0, 0, a, u);
    cam->SetPosition(p);
    cam->SetFocalPoint(f);
    cam->SetViewUp(u);
    for (size_t i = 0; i < picture.paneCount(); ++i) picture.pane(i).renderer()->ResetCameraClippingRange();
  }

  void restore() {
    setAngle(0);
    picture.detach(target.window());
    closed = true;
  }
};

TurntableRecorder::TurntableRecorder(Picture& picture, const TurntableOptions& o, const fs::path& out,
                                     OffscreenTarget& target)
    : impl_(std::make_unique<Impl>(picture, target)) {
  Impl& s = *impl_;
  s.opt = o;
  const auto kind = turntableOutputFor(out.string());
  if (!kind) throw RenderError(out.string() + ": unknown kind of output (use .mp4, .gif or a folder/ for PNG frames)");
  if (o.frames < 2) throw RenderError(out.string() + ": a turntable needs at least 2 frames");
  s.kind = *kind;
  s.out = out;
  checkImageSize({o.width, o.height, false, {}}, out);
  std::error_code ec;
  if (s.kind == TurntableOutput::PngFolder) {
    fs::create_directories(out, ec);
    if (ec || !fs::is_directory(out)) throw RenderError(out.string() + ": cannot create folder: " + ec.message());
  } else {
    const fs::path dir = out.has_parent_path() ? out.parent_path() : fs::path(".");
    if (!fs::is_directory(dir, ec)) throw RenderError(out.string() + ": folder does not exist");
    const fs::path ffmpeg = findFfmpeg();
    if (ffmpeg.empty()) throw EncoderError(ffmpegMissingMessage());
    s.tmp = dir / ("." + out.stem().string() + ".tmp" + out.extension().string());
    const VideoFormat f = s.kind == TurntableOutput::Mp4 ? VideoFormat::Mp4 : VideoFormat::Gif;
    s.ffmpeg = std::make_unique<FfmpegPipe>(ffmpeg, ffmpegArguments(f, o.width, o.height, o.fps, s.tmp));
  }
  vtkCamera* cam = picture.camera();
  cam->GetPosition(s.pos);
  cam->GetFocalPoint(s.focal);
  cam->GetViewUp(s.up);
  // The body's vertical axis: the middle of the (first) figure, seen from above.
  const auto b = picture.pane(0).bodyBounds();
  s.axisX = (b[0] + b[1]) / 2;
  s.axisZ = (b[4] + b[5]) / 2;
  vtkRenderWindow* win = target.window();
  win->SetSize(o.width, o.height);
  picture.setImageSize(o.width, o.height);
  picture.attach(win);
  s.start = Clock::now();
}

TurntableRecorder::~TurntableRecorder() {
  if (!impl_->closed) cancel();
}

bool TurntableRecorder::step() {
  Impl& s = *impl_;
  if (s.closed || s.next >= s.opt.frames) return false;
  const auto t0 = Clock::now();
  s.setAngle(2.0 * M_PI * s.next / s.opt.frames);
  renderToRgb(s.target, s.opt.width, s.opt.height, s.rgb);
  const auto t1 = Clock::now();
  s.stats.renderSeconds += std::chrono::duration<double>(t1 - t0).count();
  if (s.ffmpeg) {
    s.ffmpeg->write(s.rgb.data(), s.rgb.size());
  } else {
    const fs::path f = s.frameName(s.next);
    writeRgbPngTopDown(s.rgb.data(), s.opt.width, s.opt.height, f);
    s.written.push_back(f);
  }
  s.stats.encodeSeconds += since(t1);
  ++s.next;
  s.stats.frames = s.next;
  return s.next < s.opt.frames;
}

void TurntableRecorder::finish() {
  Impl& s = *impl_;
  if (s.closed) return;
  s.restore();
  if (s.ffmpeg) {
    const auto t0 = Clock::now();
    try {
      s.ffmpeg->finish();
    } catch (...) {
      std::error_code ec;
      fs::remove(s.tmp, ec);
      throw;
    }
    s.stats.encodeSeconds += since(t0);
    s.stats.encoderCpuSeconds = s.ffmpeg->cpuSeconds();
    try {
      replaceFileAtomically(s.tmp, s.out);
    } catch (const IoError& e) {
      throw RenderError(e.what());
    }
  }
  s.stats.seconds = since(s.start);
}

void TurntableRecorder::cancel() {
  Impl& s = *impl_;
  if (s.closed) return;
  s.restore();
  std::error_code ec;
  if (s.ffmpeg) s.ffmpeg->abort(), fs::remove(s.tmp, ec);
  for (const fs::path& f : s.written) fs::remove(f, ec);
}

int TurntableRecorder::done() const { return impl_->next; }
int TurntableRecorder::total() const { return impl_->opt.frames; }
const TurntableStats& TurntableRecorder::stats() const { return impl_->stats; }
const fs::path& TurntableRecorder::output() const { return impl_->out; }

}  // namespace la::render

#include "cli/render_job.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <vector>

#include "cli/commands.hpp"
#include "cli/xvfb.hpp"
#include "core/allocator_tuning.hpp"
#include "core/paths.hpp"
#include "core/references.hpp"
#include "core/scene_file.hpp"
#include "core/site_catalog.hpp"
#include "core/view_data.hpp"
#include "render/compose.hpp"
#include "render/image_compare.hpp"
#include "render/picture.hpp"

namespace fs = std::filesystem;

namespace la::cli {
namespace {

// A flag naming a word of the view model; kUsage after saying why when the word is unknown.
template <class E, class Parse>
int overrideWord(const std::string& flag, const std::string& value, Parse parse, E& target, const char* choices) {
  if (value.empty()) return kOk;
  const auto v = parse(value);
  if (!v) {
    std::cerr << "error: " << flag << ": unknown value '" << value << "' (" << choices << ")\n";
    return kUsage;
  }
  target = *v;
  return kOk;
}

int applyOverrides(const RenderJob& job, ViewModel& vm, fs::path& sceneDir) {
  if (!job.body.empty()) {
    vm.body = job.body;
    // A body given on the command line is relative to where the command runs, not to the scene.
    if (!isBuiltinBody(job.body)) vm.body = fs::absolute(job.body).string();
  }
  if (!job.include.empty()) vm.meshInclude = job.include;
  if (!job.exclude.empty()) vm.meshExclude = job.exclude;
  if (!job.view.empty()) {
    if (!isCameraPreset(job.view)) {
      std::cerr << "error: --view: unknown view '" << job.view << "' (front, back, left, right, three-quarter, top)\n";
      return kUsage;
    }
    vm.camera = CameraSpec{};
    vm.camera.preset = job.view;
  }
  if (job.zoom > 0) vm.camera.zoom = job.zoom;
  if (!job.highlight.empty()) vm.highlight = job.highlight;
  if (job.image.transparent) vm.transparentBackground = true;
  int rc = kOk;
  rc = rc ? rc : overrideWord("--mode", job.mode, parseViewMode, vm.mode, "markers or choropleth");
  rc = rc ? rc : overrideWord("--figures", job.figures, parseFigures, vm.figures, "one or both");
  rc = rc ? rc : overrideWord("--color-by", job.colorBy, parseColorBy, vm.colorBy, "subtype, age_band, sex, variant, category");
  rc = rc ? rc : overrideWord("--count", job.count, parseCountUnit, vm.count, "cases, patients or lesions");
  if (rc) return rc;
  if (vm.figures == Figures::Both && vm.compare) {
    std::cerr << "error: --figures both: a comparison cannot also show both figures\n";
    return kBadInput;
  }
  if (!job.data.empty()) {
    vm.tables.clear();
    for (const DataSpec& d : job.data) vm.tables.push_back({fs::absolute(d.file).string(), d.mapping, ""});
  }
  (void)sceneDir;
  return kOk;
}

}  // namespace

int resolveView(const RenderJob& job, ViewModel& vm, fs::path& sceneDir, std::string& origin) {
  const fs::path scenePath = job.scenePath.empty() ? scenesDir() / "default.json" : fs::path(job.scenePath);
  origin = scenePath.string();
  try {
    vm = loadScene(scenePath);
    sceneDir = fs::absolute(scenePath).parent_path();
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  }
  return applyOverrides(job, vm, sceneDir);
}

struct RenderSession::Impl {
  PrivateDisplay display;  // one server for the whole batch (none when a display exists)
  std::optional<SiteCatalog> catalog;
  std::optional<render::BodyCache> bodies;
  std::map<std::string, ViewData> data;  // by the tables' JSON: slides of one dataset load it once
  std::unique_ptr<render::OffscreenTarget> target;
  const ViewData* last = nullptr;  // the data of the last composition (its cases are shown)
  bool verbose = false;
};

RenderSession::RenderSession() : impl_(std::make_unique<Impl>()) {}
RenderSession::~RenderSession() = default;

void RenderSession::setVerbose(bool verbose) { impl_->verbose = verbose; }

render::OffscreenTarget& RenderSession::target() {
  if (!impl_->target) impl_->target = std::make_unique<render::OffscreenTarget>();
  return *impl_->target;
}

int RenderSession::compose(const ViewModel& vm, const fs::path& sceneDir, const std::string& origin,
                           const render::ComposeOptions& opts, render::Picture& picture, render::Composition& out) {
  Impl& s = *impl_;
  try {
    if (!s.catalog) s.catalog = SiteCatalog::load(assetPath("sites.json"));
    if (!s.bodies) s.bodies.emplace(*s.catalog);
    validateScene(vm, *s.catalog, origin);
    std::string key;
    for (const TableRef& t : vm.tables) key += tablePath(t, sceneDir).string() + "\n" + t.mapping + "\n";
    auto it = s.data.find(key);
    const bool fresh = it == s.data.end();
    if (fresh) it = s.data.emplace(key, loadViewData(vm, *s.catalog, sceneDir, origin)).first;
    const ViewData& vd = it->second;
    if (fresh) {
      for (const auto& w : vd.warnings) std::cerr << "warning: " << w << "\n";
    } else {
      // Loaded for an earlier slide: this scene's own record of the tables is checked again.
      for (size_t r = 0; r < vm.tables.size(); ++r)
        for (size_t i = 0; i < vd.data.tables.size() && i < vd.versions.size(); ++i)
          if (!vm.tables[r].sha256.empty() && fs::path(vd.data.tables[i].file) == tablePath(vm.tables[r], sceneDir) &&
              vd.versions[i] != vm.tables[r].sha256)
            std::cerr << "warning: " << origin << ": tables[" << r << "]: " << vd.data.tables[i].file
                      << " has changed since the view was saved\n";
    }
    for (const auto& p : vd.problems) std::cerr << p.describe() << "\n";
    if (!vd.ok()) {
      for (const auto& e : vd.errors) std::cerr << "error: " << e << "\n";
      return kBadInput;
    }
    s.last = &vd;
    render::AtlasContext ctx{*s.catalog, vd.data, *s.bodies, sceneDir, vd.versions};
    out = render::compose(vm, ctx, picture, opts);
  } catch (const render::ComposeError& e) {
    std::cerr << "error: " << origin << ": " << e.what() << "\n";
    return kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  }
  return kOk;
}

int RenderSession::writeReferences(const render::Composition& shown, const fs::path& picture) {
  if (!impl_->last) return kBadInput;
  try {
    const auto [txt, bib] =
        la::writeReferences(render::shownCases(shown), impl_->last->data, picture, shown.title, impl_->last->versions);
    std::cerr << "references: " << txt.string() << ", " << bib.string() << "\n";
    return kOk;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  }
}

int RenderSession::render(const ViewModel& vm, const fs::path& sceneDir, const std::string& origin,
                          const render::ImageOptions& image, const fs::path& out, bool references) {
  try {
    render::checkImageSize(image, out);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  }
  render::Picture picture;
  render::Composition shown;
  render::ComposeOptions opts;
  opts.width = image.width;
  opts.height = image.height;
  const auto t0 = std::chrono::steady_clock::now();
  if (int rc = compose(vm, sceneDir, origin, opts, picture, shown); rc != kOk) return rc;
  const double composeMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  try {
    render::ImageOptions withText = image;
    withText.text = shown.metadata;
    render::PngTimes t;
    render::renderToPng(picture, withText, out, &target(), &t);
    if (impl_->verbose)
      std::fprintf(stderr,
                   "%s: load and compose %.0f ms, render %.0f ms, read-back %.0f ms, PNG encode %.0f ms, "
                   "write %.0f ms (%.2f MB; malloc huge pages %s)\n",
                   out.string().c_str(), composeMs, t.renderMs, t.readBackMs, t.encodeMs, t.writeMs, t.bytes / 1e6,
                   hugePagesAdvised() ? "on" : "off");
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  }
  return references ? writeReferences(shown, out) : kOk;
}

int runRenderJob(const RenderJob& job) {
  ViewModel vm;
  fs::path sceneDir;
  std::string origin;
  if (int rc = resolveView(job, vm, sceneDir, origin); rc != kOk) return rc;
  try {
    RenderSession session;
    session.setVerbose(job.verbose);
    const int rc = session.render(vm, sceneDir, origin, job.image, job.out, job.references);
    if (rc == kOk) std::cout << job.out.string() << "\n";
    return rc;
  } catch (const std::exception& e) {  // e.g. no display and no Xvfb
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  }
}

int renderSlides(const fs::path& folder, const fs::path& outDir, int width, int height, bool references,
                 bool verbose) {
  std::vector<fs::path> scenes;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(folder, ec))
    if (e.is_regular_file() && e.path().extension() == ".json") scenes.push_back(e.path());
  if (ec) {
    std::cerr << "error: " << folder.string() << ": " << ec.message() << "\n";
    return kBadInput;
  }
  std::sort(scenes.begin(), scenes.end());
  if (scenes.empty()) {
    std::cerr << "error: " << folder.string() << ": no scene files (*.json)\n";
    return kBadInput;
  }
  fs::create_directories(outDir, ec);
  if (ec) {
    std::cerr << "error: " << outDir.string() << ": cannot create folder: " << ec.message() << "\n";
    return kBadInput;
  }
  try {
    RenderSession session;  // catalog, bodies, tables and the GL window are shared by every slide
    session.setVerbose(verbose);
    size_t failed = 0;
    for (size_t i = 0; i < scenes.size(); ++i) {
      RenderJob job;
      job.scenePath = scenes[i].string();
      job.image = {width, height, false, {}};
      job.out = outDir / (scenes[i].stem().string() + ".png");
      std::cerr << "[" << i + 1 << "/" << scenes.size() << "] " << scenes[i].filename().string() << "\n";
      ViewModel vm;
      fs::path dir;
      std::string origin;
      if (resolveView(job, vm, dir, origin) != kOk || session.render(vm, dir, origin, job.image, job.out, references) != kOk)
        ++failed;
    }
    std::cerr << scenes.size() - failed << " of " << scenes.size() << " slides rendered\n";
    return failed ? kBadInput : kOk;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  }
}

int compareWithReference(const fs::path& image, const fs::path& reference, double threshold) {
  std::error_code ec;
  if (!fs::exists(reference, ec)) {
    std::cerr << "error: no baseline " << reference.string() << "; look at " << image.string()
              << " and, if it is right, copy it there\n";
    return kBadInput;
  }
  try {
    render::ImageComparison c = render::compareImages(image, reference);
    const bool ok = c.sizesMatch && c.error <= threshold;
    (ok ? std::cout : std::cerr) << (ok ? "match: " : "error: differs from baseline: ") << image.string()
                                 << " vs " << reference.string() << ": " << c.detail << " (threshold "
                                 << threshold << ")\n";
    return ok ? kOk : kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  }
}

}  // namespace la::cli

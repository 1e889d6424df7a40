#include "window/actions.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <vtkCamera.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <cstdio>

#include "core/paths.hpp"
#include "core/references.hpp"
#include "core/scene_file.hpp"
#include "core/sha256.hpp"
#include "render/offscreen.hpp"
#include "render/png_io.hpp"
#include "window/calibration.hpp"
#include "window/cards.hpp"

// glReadPixels without pulling a GL loader into this layer: libGL exports the GL 1.x entry points.
extern "C" void glReadPixels(int x, int y, int w, int h, unsigned format, unsigned type, void* data);
extern "C" void glPixelStorei(unsigned pname, int param);
extern "C" void glReadBuffer(unsigned mode);

namespace fs = std::filesystem;

namespace la::window {
namespace {

constexpr unsigned kGL_RGBA = 0x1908, kGL_UNSIGNED_BYTE = 0x1401, kGL_PACK_ALIGNMENT = 0x0D05, kGL_BACK = 0x0405;

void reportData(Atlas& a) {
  for (const auto& p : a.data.problems) a.message(p.describe());
  for (const auto& w : a.data.warnings) a.message("warning: " + w);
  // A table that is gone is not fatal here: the window opens with what did load.
  for (const auto& e : a.data.errors) a.message("warning: " + e);
  size_t n = a.data.data.cases.size();
  a.message("loaded " + std::to_string(a.data.data.tables.size()) + " table(s), " + std::to_string(n) + " records");
}

}  // namespace

ViewModel pictureModel(Atlas& a) {
  ViewModel vm = a.vm;
  if (a.cameraMoved) vm.camera = a.mainPane().captureCamera(a.currentPreset);
  return vm;
}

void Atlas::message(const std::string& m) {
  state.messages.push_back(m);
  if (state.messages.size() > 200) state.messages.erase(state.messages.begin());
  std::fprintf(stderr, "%s\n", m.c_str());
}

double Atlas::panelFraction() const {
  return fbWidth > 0 ? std::clamp(double(state.panelRight) * 1.0 / fbWidth, 0.0, 0.6) : 0.0;
}

CaseFilter& Atlas::editedFilter() {
  if (vm.compare) return (*vm.compare)[size_t(std::clamp(state.editPane, 0, 1))].filter;
  return vm.filter;
}

void loadAll(Atlas& a, const GuiOptions& opt) {
  a.vm = opt.scene;
  a.sceneDir = opt.sceneDir;
  a.currentPreset = opt.scene.camera.preset;
  for (auto& p : opt.scene.meshInclude) a.state.meshIncludeInput += (a.state.meshIncludeInput.empty() ? "" : ", ") + p;
  for (auto& p : opt.scene.meshExclude) a.state.meshExcludeInput += (a.state.meshExcludeInput.empty() ? "" : ", ") + p;
  try {
    a.catalog = SiteCatalog::load(assetPath("sites.json"));
    validateScene(a.vm, a.catalog, "scene");
  } catch (const std::exception& e) {
    a.message(std::string("error: ") + e.what());
  }
  a.bodies.emplace(a.catalog);
  a.data = loadViewData(a.vm, a.catalog, a.sceneDir, "scene");
  reportData(a);
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(assetPath("mappings"), ec))
    if (e.path().extension() == ".json") a.cases.mappingIds.push_back(e.path().stem().string());
  std::sort(a.cases.mappingIds.begin(), a.cases.mappingIds.end());
  try {
    a.content = loadContent(assetPath("content/calcinosis-cutis.json"));
  } catch (const std::exception& e) {
    a.message(std::string("error: ") + e.what());
  }
  loadCards(a, opt.teachingCards);
}

void refreshView(Atlas& a, bool applyCamera, bool force) {
  a.vm.meshInclude = ui::splitList(a.state.meshIncludeInput);
  a.vm.meshExclude = ui::splitList(a.state.meshExcludeInput);
  ViewModel key = a.vm;
  key.camera = CameraSpec{};  // the camera lives in VTK while the user turns it
  const std::string text = serializeScene(key);
  // Only a changed view is composed again (a new body, filter, mode, panel width or window size);
  // composing on every frame would cost each hover and each flight frame tens of milliseconds.
  if (!force && text == a.composedVm) return;
  const std::string previousBody = a.shown.figureLabels.empty() ? "" : a.shown.figureLabels.front();
  try {
    render::AtlasContext ctx{a.catalog, a.data.data, *a.bodies, a.sceneDir, a.data.versions};
    render::ComposeOptions o;
    o.purpose = render::Purpose::Screen;
    o.width = a.fbWidth;
    o.height = a.fbHeight;
    o.applyCamera = applyCamera;
    o.panelLeft = a.panelFraction();
    a.shown = render::compose(a.vm, ctx, a.picture, o);
  } catch (const SiteMapMismatch& e) {
    // The map beside the mesh was made for another mesh: say so and offer to place sites anew.
    a.message(std::string("error: ") + e.what());
    a.calib.mismatch = e.what();
    a.composedVm = text;
    return;
  } catch (const std::exception& e) {
    // The previous picture stays: a bad file never costs the user what they had.
    a.message(std::string("error: ") + e.what());
    a.composedVm = text;
    return;
  }
  a.calib.mismatch.clear();
  a.composedVm = text;
  a.highlighted = a.shown.highlightCase;
  std::string notes;
  for (const auto& p : a.shown.panes)
    for (const auto& n : p.notes)
      if (notes.find(n) == std::string::npos) notes += (notes.empty() ? "" : "\n") + n;
  a.cases.drawingNote = notes;
  a.cases.rareSites = a.shown.rareSites;
  a.cases.rareMax = a.vm.rareMax;
  if (!a.shown.figureLabels.empty() && a.shown.figureLabels.front() != previousBody) {
    const render::Figure& fig = a.bodies->get(a.vm.figures == Figures::Both ? "male" : a.vm.body, a.sceneDir,
                                              a.vm.meshInclude, a.vm.meshExclude);
    resetCalibration(a, fig, isBuiltinBody(a.vm.body));
    auto b = a.mainPane().bodyBounds();
    a.state.body = {fig.file.string(), fig.mesh->GetNumberOfPoints(), fig.mesh->GetNumberOfPolys(),
                    {b[1] - b[0], b[3] - b[2], b[5] - b[4]}};
    a.message("showing " + fig.label + (fig.mapFromFile ? "" : " (sites placed from body proportions; no site map file)"));
  }
}

void placeSitesAnew(Atlas& a) {
  a.calib.placeAnewRequested = false;
  try {
    a.bodies->placeAnew(a.vm.body, a.sceneDir, a.vm.meshInclude, a.vm.meshExclude);
    a.calib.mismatch.clear();
    a.message("sites placed anew from body proportions (not saved yet)");
    refreshView(a, true, true);
  } catch (const std::exception& e) {
    a.message(std::string("error: ") + e.what());
  }
}

void applyPreset(Atlas& a, const std::string& preset) {
  a.currentPreset = preset;
  a.vm.camera = CameraSpec{};
  a.vm.camera.preset = preset;
  a.cameraMoved = false;
  refreshView(a, true, true);
}

void exportPicture(Atlas& a, bool includePanel) {
  const ui::ExportSettings& x = a.state.exportSettings;
  try {
    if (includePanel) {
      std::vector<unsigned char> px(size_t(a.fbWidth) * a.fbHeight * 4);
      glPixelStorei(kGL_PACK_ALIGNMENT, 1);
      glReadBuffer(kGL_BACK);
      glReadPixels(0, 0, a.fbWidth, a.fbHeight, kGL_RGBA, kGL_UNSIGNED_BYTE, px.data());
      for (size_t i = 3; i < px.size(); i += 4) px[i] = 255;  // the window has no meaningful alpha
      render::writeRgbaPng(px.data(), a.fbWidth, a.fbHeight, x.path);
      a.message("saved " + x.path + " (" + std::to_string(a.fbWidth) + "x" + std::to_string(a.fbHeight) + ", with panel)");
      return;
    }
    // Redrawn natively at the requested size through the same compose() as `render`.
    ViewModel vm = pictureModel(a);
    if (x.transparent) vm.transparentBackground = true;
    render::Picture out;
    render::AtlasContext ctx{a.catalog, a.data.data, *a.bodies, a.sceneDir, a.data.versions};
    render::ComposeOptions o;
    o.width = x.width;
    o.height = x.height;
    const render::Composition shown = render::compose(vm, ctx, out, o);
    render::renderToPng(out, {x.width, x.height, x.transparent, shown.metadata}, x.path);
    glfwMakeContextCurrent(a.win);
    a.message("saved " + x.path + " (" + std::to_string(x.width) + "x" + std::to_string(x.height) +
              (x.transparent ? ", transparent)" : ")"));
    if (x.references) {
      const auto files = writeReferences(render::shownCases(shown), a.data.data, x.path, shown.title, a.data.versions);
      a.message("saved " + files.first.string() + " and " + files.second.string());
    }
  } catch (const std::exception& e) {
    glfwMakeContextCurrent(a.win);
    a.message(std::string("error: ") + e.what());
  }
}

void saveView(Atlas& a) {
  ViewModel vm = pictureModel(a);
  // Tables are remembered with their SHA-256, so reopening says when one has changed.
  for (size_t i = 0; i < vm.tables.size() && i < a.data.versions.size(); ++i)
    if (vm.tables[i].path != kBuiltinTable) vm.tables[i].sha256 = a.data.versions[i];
  try {
    saveScene(vm, a.state.scenePathInput);
    a.message("saved view " + a.state.scenePathInput);
  } catch (const std::exception& e) {
    a.message(std::string("error: ") + e.what());
  }
}

void openView(Atlas& a) {
  try {
    ViewModel vm = loadScene(a.state.scenePathInput);
    validateScene(vm, a.catalog, a.state.scenePathInput);
    const fs::path dir = fs::absolute(a.state.scenePathInput).parent_path();
    ViewData data = loadViewData(vm, a.catalog, dir, a.state.scenePathInput);
    a.vm = vm;
    a.sceneDir = dir;
    a.data = std::move(data);
    reportData(a);
    a.cases.dirty = true;
    a.state.meshIncludeInput.clear();
    a.state.meshExcludeInput.clear();
    for (auto& p : vm.meshInclude) a.state.meshIncludeInput += (a.state.meshIncludeInput.empty() ? "" : ", ") + p;
    for (auto& p : vm.meshExclude) a.state.meshExcludeInput += (a.state.meshExcludeInput.empty() ? "" : ", ") + p;
    a.currentPreset = vm.camera.preset;
    a.cameraMoved = false;
    refreshView(a, true, true);
    a.message("opened view " + a.state.scenePathInput);
  } catch (const std::exception& e) {
    a.message(std::string("error: ") + e.what());  // the current view is left as it was
  }
}

// Reads a table on a worker thread so the window stays responsive on large files; the result is
// merged on the main thread (finishImport), and a failed import leaves the data as it was.
void startImport(Atlas& a) {
  a.cases.importRequested = false;
  if (a.pendingImport.valid()) return;
  const std::string path = a.cases.importPath;
  const int m = a.cases.importMapping;
  const std::string mappingArg =
      m > 0 && size_t(m) <= a.cases.mappingIds.size() ? a.cases.mappingIds[size_t(m - 1)] : std::string();
  a.pendingImportName = path;
  a.cases.importing = true;
  const SiteCatalog* catalog = &a.catalog;
  a.pendingImport = std::async(std::launch::async, [path, mappingArg, catalog] {
    return importTable(path, mappingArg, *catalog);
  });
}

void finishImport(Atlas& a) {
  if (!a.pendingImport.valid() || a.pendingImport.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
  a.cases.importing = false;
  ImportResult r = a.pendingImport.get();
  for (size_t i = 0; i < r.problems.size() && i < 20; ++i) a.message(r.problems[i].describe());
  const size_t loaded = r.loaded;
  const std::string mapping = r.data.tables.empty() ? "" : r.data.tables.front().mappingId;
  if (!mergeImport(a.data.data, std::move(r))) {
    a.message("error: " + a.pendingImportName + ": import failed; nothing was loaded from it");
    return;
  }
  // The view now names the built-in dataset explicitly beside the new table.
  if (a.vm.tables.empty()) a.vm.tables.push_back({kBuiltinTable, "", ""});
  a.vm.tables.push_back({fs::absolute(a.pendingImportName).string(), mapping, ""});
  std::string version;
  try {
    version = sha256File(a.pendingImportName);
  } catch (const std::exception&) {
  }
  while (a.data.versions.size() < a.data.data.tables.size()) a.data.versions.push_back(version);
  a.cases.dirty = true;
  a.message("loaded " + a.pendingImportName + ": " + std::to_string(loaded) + " records");
}

void removeTable(Atlas& a) {
  const size_t t = size_t(a.cases.removeTable);
  a.cases.removeTable = -1;
  if (t >= a.data.data.tables.size()) return;
  a.message("removed table " + a.data.data.tables[t].name);
  if (a.vm.tables.empty()) a.vm.tables.push_back({kBuiltinTable, "", ""});  // name it before dropping it
  a.data.data.removeTable(t);
  if (t < a.data.versions.size()) a.data.versions.erase(a.data.versions.begin() + long(t));
  if (t < a.vm.tables.size()) a.vm.tables.erase(a.vm.tables.begin() + long(t));
  a.cases.selected = -1;
  a.cases.showCase = false;
  a.cases.dirty = true;
  a.composedVm.clear();
}

}  // namespace la::window

#include "window/atlas_window.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_freetype.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkOpenGLState.h>
#include <vtkPolyData.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/content.hpp"
#include "core/importer.hpp"
#include "core/site_catalog.hpp"
#include "core/paths.hpp"
#include "render/mesh_io.hpp"
#include "render/offscreen.hpp"
#include "render/atlas_overlay.hpp"
#include "render/png_io.hpp"
#include "render/site_placement.hpp"
#include "render/scene_loader.hpp"
#include "render/scene_view.hpp"
#include "ui/calibration_panel.hpp"
#include "ui/cases_panel.hpp"
#include "ui/panels.hpp"

// glReadPixels without pulling a GL loader into this layer: libGL exports the GL 1.x entry points.
extern "C" void glReadPixels(int x, int y, int w, int h, unsigned format, unsigned type, void* data);
extern "C" void glPixelStorei(unsigned pname, int param);
extern "C" void glReadBuffer(unsigned mode);

namespace fs = std::filesystem;

namespace la::window {
namespace {

constexpr unsigned kGL_RGBA = 0x1908, kGL_UNSIGNED_BYTE = 0x1401, kGL_PACK_ALIGNMENT = 0x0D05, kGL_BACK = 0x0405;

struct Atlas {
  GLFWwindow* win = nullptr;
  vtkSmartPointer<vtkGenericOpenGLRenderWindow> renWin;
  vtkSmartPointer<vtkGenericRenderWindowInteractor> iren;
  render::SceneView view;
  ui::ViewerState state;
  SiteCatalog catalog;
  Dataset data;
  ContentInfo content;
  ui::CasesState cases;
  fs::path sceneDir;
  std::string currentPreset = "front";
  int dragButton = -1;
  double pressX = 0, pressY = 0;  // where the left button went down (framebuffer pixels)
  int clickedX = -1, clickedY = -1;  // a left click without drag this frame (VTK display coords)
  SiteMap siteMap;
  std::string bodyLabel;
  fs::path bodyFile;
  ui::CalibrationState calib;
  std::vector<std::pair<bool, SiteAnchor>> calibUndo;  // (existed before, previous value)
  bool anchorsDirty = true;
  std::vector<std::pair<int, int>> pressedKeys;  // (key, mods) pressed since the last frame
  render::Overlay overlay;
  bool overlayDirty = true;
  size_t highlighted = SIZE_MAX;
  unsigned casesGeneration = ~0u;
  std::future<ImportResult> pendingImport;  // a table being read on a worker thread
  std::string pendingImportName;
  int fbWidth = 0, fbHeight = 0;

  void message(const std::string& m) {
    state.messages.push_back(m);
    if (state.messages.size() > 200) state.messages.erase(state.messages.begin());
    std::fprintf(stderr, "%s\n", m.c_str());
  }
  double aspect() const { return fbHeight > 0 ? double(fbWidth) / fbHeight : 1.6; }
};

// VTK asks whether its context is current and asks to make it current; the context belongs to
// GLFW, so both questions are answered from GLFW. Without the first answer VTK silently draws
// nothing; without the second, a second (offscreen) VTK window leaves the wrong context current.
void onIsCurrent(vtkObject*, unsigned long, void* clientData, void* callData) {
  *static_cast<bool*>(callData) = glfwGetCurrentContext() == static_cast<GLFWwindow*>(clientData);
}
void onMakeCurrent(vtkObject*, unsigned long, void* clientData, void*) {
  glfwMakeContextCurrent(static_cast<GLFWwindow*>(clientData));
}

void loadBody(Atlas& a) {
  Scene& s = a.state.scene;
  s.meshInclude = ui::splitList(a.state.meshIncludeInput);
  s.meshExclude = ui::splitList(a.state.meshExcludeInput);
  const fs::path file = resolveBodyPath(s.body, a.sceneDir);
  try {
    const auto t0 = std::chrono::steady_clock::now();
    vtkSmartPointer<vtkPolyData> mesh = render::loadSceneBody(s, a.sceneDir);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    bool fromFile = false;
    SiteMap map = render::siteMapForBody(mesh, file, a.catalog, &fromFile);
    a.view.setBody(mesh);
    a.siteMap = std::move(map);
    a.bodyFile = file;
    a.calibUndo.clear();
    a.calib.undoDepth = 0;
    a.calib.unsaved = false;
    a.calib.builtinBody = s.body == "male" || s.body == "female";
    a.calib.mapFile = siteMapPathFor(file).string();
    a.calib.source = fromFile ? "Anchors from " + siteMapPathFor(file).filename().string()
                              : "Anchors placed from body proportions (not saved yet); correct them below.";
    a.anchorsDirty = true;
    a.bodyLabel = (s.body == "male" || s.body == "female" || s.body == "placeholder") ? "built-in " + s.body
                                                                                     : file.filename().string();
    a.overlayDirty = true;
    if (!fromFile) a.message("sites placed on " + file.filename().string() + " from body proportions (no site map file)");
    auto b = a.view.bodyBounds();
    a.state.body = {file.string(), mesh->GetNumberOfPoints(), mesh->GetNumberOfPolys(),
                    {b[1] - b[0], b[3] - b[2], b[5] - b[4]}};
    a.view.applyCamera(s.camera, a.aspect());
    char buf[64];
    std::snprintf(buf, sizeof buf, " (%.0f ms)", ms);
    a.message("loaded " + file.filename().string() + buf);
  } catch (const std::exception& e) {
    // The previous body stays on screen: a bad file never costs the user what they had.
    a.message(std::string("error: ") + e.what());
  }
}

// Shows an import's problems (the first 20) and merges it; a failed import changes nothing.
void mergeReported(Atlas& a, ImportResult&& r, const std::string& label) {
  constexpr size_t kShown = 20;
  for (size_t i = 0; i < r.problems.size() && i < kShown; ++i) a.message(r.problems[i].describe());
  if (r.problems.size() > kShown)
    a.message("... and " + std::to_string(r.problems.size() - kShown) + " more problems (run `lesion-atlas validate`)");
  const size_t loaded = r.loaded, skipped = r.skipped;
  if (mergeImport(a.data, std::move(r))) {
    a.message("loaded " + label + ": " + std::to_string(loaded) + " records" +
              (skipped ? ", " + std::to_string(skipped) + " skipped" : ""));
    a.cases.dirty = true;
  } else {
    a.message("error: " + label + ": import failed; nothing was loaded from it");
  }
}

// The site catalog, the built-in dataset and the condition's text. A problem is reported in the
// panel and the atlas still opens (with whatever did load).
void loadData(Atlas& a, const std::vector<std::pair<std::string, std::string>>& tables) {
  try {
    a.catalog = SiteCatalog::load(assetPath("sites.json"));
  } catch (const std::exception& e) {
    a.message(std::string("error: ") + e.what());
    return;
  }
  if (tables.empty()) mergeReported(a, importBuiltinDataset(a.catalog), "the built-in dataset");
  for (const auto& [file, mappingArg] : tables) mergeReported(a, importTable(file, mappingArg, a.catalog), file);
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(assetPath("mappings"), ec))
    if (e.path().extension() == ".json") a.cases.mappingIds.push_back(e.path().stem().string());
  std::sort(a.cases.mappingIds.begin(), a.cases.mappingIds.end());
  try {
    a.content = loadContent(assetPath("content/calcinosis-cutis.json"));
  } catch (const std::exception& e) {
    a.message(std::string("error: ") + e.what());
  }
}

// Starts reading a table on a worker thread so the window stays responsive on large files; the
// result is merged on the main thread (finishImport), and a failed import leaves the data as it was.
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
  if (!a.pendingImport.valid() ||
      a.pendingImport.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
    return;
  a.cases.importing = false;
  mergeReported(a, a.pendingImport.get(), a.pendingImportName);
}

// The calibration view: every anchor as a dot, the selected site's in gold.
void refreshAnchors(Atlas& a) {
  if (!a.anchorsDirty) return;
  a.anchorsDirty = false;
  std::vector<std::array<double, 3>> pts;
  int current = -1;
  if (a.calib.showAnchors) {
    const std::string side = ui::calibrationSide(a.calib, a.catalog);
    for (const SiteAnchor& an : a.siteMap.anchors) {
      if (an.site == a.calib.siteId && an.side == side) current = int(pts.size());
      pts.push_back(an.position);
    }
  }
  a.view.setAnchorPoints(pts, current);
}

// A click on the skin while placing: the selected site's anchor moves there (undoable).
void placeAnchor(Atlas& a, int x, int y) {
  std::array<double, 3> pos, normal;
  a.calib.placing = false;
  if (!a.view.pickSurface(x, y, pos, normal)) {
    a.message("no skin under the cursor; nothing placed");
    return;
  }
  const std::string side = ui::calibrationSide(a.calib, a.catalog);
  SiteAnchor* an = nullptr;
  for (SiteAnchor& x2 : a.siteMap.anchors)
    if (x2.site == a.calib.siteId && x2.side == side) an = &x2;
  if (an) {
    a.calibUndo.push_back({true, *an});
  } else {
    SiteAnchor fresh;
    fresh.site = a.calib.siteId;
    fresh.side = side;
    a.calibUndo.push_back({false, fresh});
    a.siteMap.anchors.push_back(fresh);
    an = &a.siteMap.anchors.back();
  }
  an->position = pos;
  an->normal = normal;
  a.calib.undoDepth = a.calibUndo.size();
  a.calib.unsaved = true;
  a.anchorsDirty = a.overlayDirty = true;
  a.message("placed " + a.calib.siteId + (side == "none" ? "" : " (" + side + ")"));
}

void undoAnchor(Atlas& a) {
  a.calib.undoRequested = false;
  if (a.calibUndo.empty()) return;
  auto [existed, prev] = a.calibUndo.back();
  a.calibUndo.pop_back();
  auto& v = a.siteMap.anchors;
  auto it = std::find_if(v.begin(), v.end(), [&](const SiteAnchor& x) { return x.site == prev.site && x.side == prev.side; });
  if (it != v.end()) {
    if (existed) *it = prev;
    else v.erase(it);
  }
  a.calib.undoDepth = a.calibUndo.size();
  a.calib.unsaved = !a.calibUndo.empty();
  a.anchorsDirty = a.overlayDirty = true;
  a.message("undid placement of " + prev.site);
}

void saveSiteMap(Atlas& a) {
  a.calib.saveRequested = false;
  try {
    a.siteMap.save(siteMapPathFor(a.bodyFile));
    a.calib.unsaved = false;
    a.calib.source = "Anchors from " + siteMapPathFor(a.bodyFile).filename().string();
    a.message("saved site map " + siteMapPathFor(a.bodyFile).string());
  } catch (const std::exception& e) {
    a.message(std::string("error: ") + e.what());  // the anchors stay as they are, unsaved
  }
}

// Markers, legend and caption for the cases the filter selects.
void refreshOverlay(Atlas& a) {
  if (!a.overlayDirty || !a.view.body()) return;
  a.overlay = render::buildOverlay(a.data, a.cases.matches, a.catalog, a.siteMap, a.view.body(), a.bodyLabel);
  render::applyOverlay(a.view, a.overlay);
  // On screen the panel is the legend and the case list says what is shown; the legend box and
  // caption are for exported pictures, which have no panel.
  a.view.setLegend({});
  a.view.setCaption("");
  a.cases.drawingNote = a.overlay.notes;
  a.highlighted = SIZE_MAX;
  a.overlayDirty = false;
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
    } else {
      // Redrawn natively at the requested size in a separate offscreen view of the same body and camera.
      render::SceneView out;
      out.setBody(a.view.body());
      render::applyOverlay(out, a.overlay);
      if (a.highlighted != SIZE_MAX) out.setHighlightedCase(a.highlighted);
      Scene s = a.state.scene;
      s.camera = a.view.captureCamera(a.currentPreset);
      s.transparentBackground = x.transparent;
      out.applyAppearance(s);
      out.applyCamera(s.camera, double(x.width) / x.height);
      render::renderToPng(out, {x.width, x.height, x.transparent}, x.path);
      glfwMakeContextCurrent(a.win);
      a.message("saved " + x.path + " (" + std::to_string(x.width) + "x" + std::to_string(x.height) +
                (x.transparent ? ", transparent)" : ")"));
    }
  } catch (const std::exception& e) {
    glfwMakeContextCurrent(a.win);
    a.message(std::string("error: ") + e.what());
  }
}

void saveView(Atlas& a) {
  Scene s = a.state.scene;
  s.filter = fromCaseFilter(ui::currentFilter(a.cases));
  s.camera = a.view.captureCamera(a.currentPreset);
  try {
    saveScene(s, a.state.scenePathInput);
    a.message("saved view " + a.state.scenePathInput);
  } catch (const std::exception& e) {
    a.message(std::string("error: ") + e.what());
  }
}

void openView(Atlas& a) {
  try {
    Scene s = loadScene(a.state.scenePathInput);
    a.sceneDir = fs::absolute(a.state.scenePathInput).parent_path();
    a.state.scene = s;
    a.state.meshIncludeInput.clear();
    a.state.meshExcludeInput.clear();
    for (auto& p : s.meshInclude) a.state.meshIncludeInput += (a.state.meshIncludeInput.empty() ? "" : ", ") + p;
    for (auto& p : s.meshExclude) a.state.meshExcludeInput += (a.state.meshExcludeInput.empty() ? "" : ", ") + p;
    a.view.applyAppearance(s);
    ui::setFilter(a.cases, toCaseFilter(s.filter, a.catalog, a.state.scenePathInput));
    loadBody(a);
    a.currentPreset = s.camera.preset;
    a.view.applyCamera(s.camera, a.aspect());
    a.message("opened view " + a.state.scenePathInput);
  } catch (const std::exception& e) {
    a.message(std::string("error: ") + e.what());  // the current view is left as it was
  }
}

// Mouse input reaches the 3D view unless ImGui wants it; a drag that began in the 3D view keeps
// going over the panel, so rotating never sticks when the cursor crosses it.
void routeMouse(Atlas& a) {
  ImGuiIO& io = ImGui::GetIO();
  if (!ImGui::IsMousePosValid()) return;
  const int x = int(io.MousePos.x * io.DisplayFramebufferScale.x);
  const int y = int(io.MousePos.y * io.DisplayFramebufferScale.y);
  a.iren->SetEventInformationFlipY(x, y, io.KeyCtrl, io.KeyShift);
  static const unsigned long press[3] = {vtkCommand::LeftButtonPressEvent, vtkCommand::RightButtonPressEvent,
                                         vtkCommand::MiddleButtonPressEvent};
  static const unsigned long release[3] = {vtkCommand::LeftButtonReleaseEvent, vtkCommand::RightButtonReleaseEvent,
                                           vtkCommand::MiddleButtonReleaseEvent};
  const bool free = !io.WantCaptureMouse;
  if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)
    if (free || a.dragButton >= 0) a.iren->InvokeEvent(vtkCommand::MouseMoveEvent);
  for (int b = 0; b < 3; ++b) {
    if (io.MouseClicked[b] && free && a.dragButton < 0) {
      a.dragButton = b;
      a.pressX = x, a.pressY = y;
      a.iren->InvokeEvent(press[b]);
    }
    if (io.MouseReleased[b] && a.dragButton == b) {
      a.dragButton = -1;
      // A press and release in (nearly) the same place is a click: it picks a marker.
      if (b == 0 && std::abs(x - a.pressX) + std::abs(y - a.pressY) < 5) {
        a.clickedX = x;
        a.clickedY = a.fbHeight - 1 - y;
      }
      a.iren->InvokeEvent(release[b]);
    }
  }
  if (io.MouseWheel != 0 && free)
    a.iren->InvokeEvent(io.MouseWheel > 0 ? vtkCommand::MouseWheelForwardEvent : vtkCommand::MouseWheelBackwardEvent);
}

// Shortcuts come from GLFW's key events, not from ImGui's key state: ImGui 1.86 keeps only
// "down" flags, so a press and release within one frame (fast typing, input tools) would be lost.
void onKey(GLFWwindow* w, int key, int, int action, int mods) {
  if (action != GLFW_PRESS) return;
  auto* a = static_cast<Atlas*>(glfwGetWindowUserPointer(w));
  if (a) a->pressedKeys.push_back({key, mods});
}

void routeKeys(Atlas& a, ui::PanelRequests& r) {
  ImGuiIO& io = ImGui::GetIO();
  const char* presets[] = {"front", "back", "left", "right", "three-quarter", "top"};
  for (auto [key, mods] : a.pressedKeys) {
    if (mods & GLFW_MOD_CONTROL) {
      if (key == GLFW_KEY_E) r.exportImage = true;
      if (key == GLFW_KEY_S) r.saveScene = true;
      if (key == GLFW_KEY_O) r.openScene = true;
      if (key == GLFW_KEY_Q) r.quit = true;
      continue;
    }
    if (key == GLFW_KEY_F1) a.state.showHelp = !a.state.showHelp;
    if (key == GLFW_KEY_ESCAPE) a.calib.placing = false;
    if (io.WantTextInput) continue;  // typing in a text field is not a shortcut
    if (key >= GLFW_KEY_1 && key <= GLFW_KEY_6) r.cameraPreset = presets[key - GLFW_KEY_1];
    if (key == GLFW_KEY_R) r.resetView = true;
  }
  a.pressedKeys.clear();
}

void setupImGui(Atlas& a) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is not persisted to a stray file in the working folder
  float xs = 1.f, ys = 1.f;
  glfwGetWindowContentScale(a.win, &xs, &ys);
  const float scale = xs > 0 ? xs : 1.f;
  ImGui::StyleColorsLight();
  ImGuiStyle& st = ImGui::GetStyle();
  st.WindowRounding = 6.f;
  st.FrameRounding = 4.f;
  st.GrabRounding = 4.f;
  st.WindowBorderSize = 0.f;
  st.Colors[ImGuiCol_WindowBg].w = 0.94f;
  st.ScaleAllSizes(scale);
  io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  // Sources quote with typographic punctuation (’ “ ” – …), accented author names and Greek
  // letters; ImGui loads only Latin-1 unless told otherwise.
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0100, 0x024F, 0x0370, 0x03FF, 0x2000, 0x206F,
                                   0x2190, 0x21FF, 0x2200, 0x22FF, 0};
  if (fs::exists(LA_UI_FONT))
    io.Fonts->AddFontFromFileTTF(LA_UI_FONT, 15.f * scale, nullptr, ranges);
  else
    a.message(std::string("warning: font ") + LA_UI_FONT + " missing (install fonts-dejavu-core); using the built-in font");
  // Installed before ImGui's callbacks, which chain to it.
  glfwSetWindowUserPointer(a.win, &a);
  glfwSetKeyCallback(a.win, onKey);
  ImGui_ImplGlfw_InitForOpenGL(a.win, true);
  ImGui_ImplOpenGL3_Init("#version 150");
}

}  // namespace

int runGui(const GuiOptions& opt) {
  glfwSetErrorCallback([](int code, const char* desc) { std::fprintf(stderr, "GLFW error %d: %s\n", code, desc); });
  if (!glfwInit()) {
    std::fprintf(stderr, "error: cannot open a window (no display?). Use `lesion-atlas render` for pictures.\n");
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SAMPLES, 0);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  Atlas a;
  a.win = glfwCreateWindow(opt.width, opt.height, "lesion-atlas", nullptr, nullptr);
  if (!a.win) {
    glfwTerminate();
    std::fprintf(stderr, "error: cannot create an OpenGL 3.2 core window\n");
    return 1;
  }
  glfwMakeContextCurrent(a.win);
  glfwSwapInterval(1);
  glfwGetFramebufferSize(a.win, &a.fbWidth, &a.fbHeight);

  a.renWin = vtkSmartPointer<vtkGenericOpenGLRenderWindow>::New();
  auto isCurrent = vtkSmartPointer<vtkCallbackCommand>::New();
  isCurrent->SetCallback(onIsCurrent);
  isCurrent->SetClientData(a.win);
  a.renWin->AddObserver(vtkCommand::WindowIsCurrentEvent, isCurrent);
  auto makeCurrent = vtkSmartPointer<vtkCallbackCommand>::New();
  makeCurrent->SetCallback(onMakeCurrent);
  makeCurrent->SetClientData(a.win);
  a.renWin->AddObserver(vtkCommand::WindowMakeCurrentEvent, makeCurrent);
  a.renWin->SetMultiSamples(0);  // 8x MSAA triples frame time on software GL; FXAA is on instead
  a.renWin->InitializeFromCurrentContext();
  a.renWin->SetFrameBlitModeToBlitToHardware();
  a.renWin->SetSize(a.fbWidth, a.fbHeight);
  a.view.setImageSize(a.fbWidth, a.fbHeight);
  a.renWin->AddRenderer(a.view.renderer());

  a.iren = vtkSmartPointer<vtkGenericRenderWindowInteractor>::New();
  a.iren->SetRenderWindow(a.renWin);
  a.iren->EnableRenderOff();  // the frame loop renders; the interactor must not render on its own
  auto style = vtkSmartPointer<vtkInteractorStyleTrackballCamera>::New();
  a.iren->SetInteractorStyle(style);
  a.iren->Initialize();
  a.iren->UpdateSize(a.fbWidth, a.fbHeight);

  setupImGui(a);

  a.state.scene = opt.scene;
  a.sceneDir = opt.sceneDir;
  a.currentPreset = opt.scene.camera.preset;
  for (auto& p : opt.scene.meshInclude) a.state.meshIncludeInput += (a.state.meshIncludeInput.empty() ? "" : ", ") + p;
  for (auto& p : opt.scene.meshExclude) a.state.meshExcludeInput += (a.state.meshExcludeInput.empty() ? "" : ", ") + p;
  a.view.applyAppearance(a.state.scene);
  a.view.setCaption("");
  loadData(a, opt.data);
  try {
    ui::setFilter(a.cases, toCaseFilter(opt.scene.filter, a.catalog, "scene"));
  } catch (const std::exception& e) {
    a.message(std::string("error: ") + e.what());
  }
  loadBody(a);
  if (!opt.openCase.empty()) {
    for (size_t i = 0; i < a.data.cases.size(); ++i)
      if (a.data.cases[i].id == opt.openCase) a.cases.selected = int(i), a.cases.showCase = true;
    if (!a.cases.showCase) a.message("error: --case: no case with id " + opt.openCase);
  }

  // Redraw only on change: the loop blocks in glfwWaitEvents while idle; after an event a few
  // frames are drawn so ImGui can settle (hover highlights, layout changes).
  int framesToDraw = 3;
  int frameCount = 0;
  bool quit = false;
  while (!glfwWindowShouldClose(a.win) && !quit) {
    if (a.pendingImport.valid()) {
      glfwWaitEventsTimeout(0.1);  // keep the spinner turning and pick up the result
      framesToDraw = std::max(framesToDraw, 1);
    } else if (framesToDraw <= 0 && opt.screenshot.empty()) {
      glfwWaitEvents();
      framesToDraw = 3;
    } else {
      glfwPollEvents();
    }
    const auto t0 = std::chrono::steady_clock::now();
    int w, h;
    glfwGetFramebufferSize(a.win, &w, &h);
    if (w != a.fbWidth || h != a.fbHeight) {
      a.fbWidth = w;
      a.fbHeight = h;
      a.renWin->SetSize(w, h);
      a.iren->UpdateSize(w, h);
      a.view.setImageSize(w, h);
      framesToDraw = 3;
    }
    if (w == 0 || h == 0) continue;  // minimised

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ui::PanelRequests req;
    ui::drawMainPanel(a.state, req, [&] {
      ui::drawCasesPanel(a.cases, a.data, a.catalog);
      ui::drawTablesSection(a.cases, a.data);
      const bool shown = a.calib.showAnchors;
      const std::string site = a.calib.siteId;
      const int side = a.calib.side;
      ui::drawCalibrationSection(a.calib, a.catalog);
      if (shown != a.calib.showAnchors || site != a.calib.siteId || side != a.calib.side) a.anchorsDirty = true;
    });
    ui::drawCaseWindow(a.cases, a.data, a.catalog, a.content);
    ui::drawStatsWindow(a.cases, a.catalog);
    ui::drawHelpWindow(a.state);
    if (a.state.showDemo) ImGui::ShowDemoWindow(&a.state.showDemo);
    routeMouse(a);
    routeKeys(a, req);
    ImGui::Render();

    if (req.loadBody) loadBody(a);
    if (req.appearanceChanged) {
      a.view.applyAppearance(a.state.scene);
      a.overlayDirty = true;  // region tints blend with the skin colour
    }
    if (req.resetView) req.cameraPreset = "front";
    if (!req.cameraPreset.empty()) {
      a.currentPreset = req.cameraPreset;
      CameraSpec c;
      c.preset = req.cameraPreset;
      a.view.applyCamera(c, a.aspect());
    }
    if (a.cases.importRequested) startImport(a);
    finishImport(a);
    if (a.cases.removeTable >= 0) {
      a.message("removed table " + a.data.tables[size_t(a.cases.removeTable)].name);
      a.data.removeTable(size_t(a.cases.removeTable));
      a.cases.removeTable = -1;
      a.cases.selected = -1;
      a.cases.showCase = false;
      a.cases.dirty = true;
    }
    ui::refreshCases(a.cases, a.data, a.catalog);
    if (a.cases.generation != a.casesGeneration) a.casesGeneration = a.cases.generation, a.overlayDirty = true;
    refreshOverlay(a);
    if (a.calib.undoRequested) undoAnchor(a);
    if (a.calib.saveRequested) saveSiteMap(a);
    if (a.clickedX >= 0 && a.calib.placing) {
      placeAnchor(a, a.clickedX, a.clickedY);
      a.clickedX = a.clickedY = -1;
    }
    refreshAnchors(a);
    if (a.clickedX >= 0) {
      const int m = a.view.pickMarker(a.clickedX, a.clickedY);
      if (m >= 0) {
        a.cases.selected = int(a.overlay.layout.markers[size_t(m)].caseIndex);
        a.cases.showCase = true;
      }
      a.clickedX = a.clickedY = -1;
    }
    const size_t want = a.cases.showCase && a.cases.selected >= 0 ? size_t(a.cases.selected) : SIZE_MAX;
    if (want != a.highlighted) {
      a.view.setHighlightedCase(want);
      a.highlighted = want;
    }
    if (req.saveScene) saveView(a);
    if (req.openScene) openView(a);
    if (req.exportImage && !a.state.exportSettings.includePanel) exportPicture(a, false);
    quit = req.quit;

    // Centre the figure in the part of the window the panel leaves free.
    const float panelPx = a.state.panelRight * ImGui::GetIO().DisplayFramebufferScale.x;
    a.view.renderer()->GetActiveCamera()->SetWindowCenter(panelPx > 0 && a.fbWidth > 0 ? -panelPx / a.fbWidth : 0.0, 0.0);
    a.view.renderer()->ResetCameraClippingRange();
    a.renWin->Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    // A picture "with panel" is read from the finished back buffer, before it is swapped away.
    if (req.exportImage && a.state.exportSettings.includePanel) exportPicture(a, true);
    ++frameCount;
    if (!opt.screenshot.empty() && frameCount == 6) {
      a.state.exportSettings.path = opt.screenshot.string();
      exportPicture(a, true);
      quit = true;
    }
    glfwSwapBuffers(a.win);
    a.state.frameMs = std::chrono::duration<float, std::milli>(std::chrono::steady_clock::now() - t0).count();
    --framesToDraw;
  }

  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  a.renWin->RemoveRenderer(a.view.renderer());
  a.iren = nullptr;
  a.renWin = nullptr;
  glfwDestroyWindow(a.win);
  glfwTerminate();
  return 0;
}

}  // namespace la::window

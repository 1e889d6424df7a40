#include "window/atlas_window.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <vtkCamera.h>
#include <vtkOpenGLRenderWindow.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <future>

#include "core/allocator_tuning.hpp"
#include "window/actions.hpp"
#include "window/atlas.hpp"
#include "window/calibration.hpp"
#include "window/cards.hpp"
#include "window/gl_bridge.hpp"
#include "window/input.hpp"
#include "window/presentation.hpp"
#include "window/slides_actions.hpp"

#include "window/settings.hpp"
#include "window/table_export.hpp"
extern "C" void glFinish();

namespace la::window {
namespace {

void glFinishFn() { glFinish(); }

GLFWwindow* openWindow(const GuiOptions& opt) {
  glfwSetErrorCallback([](int code, const char* desc) { std::fprintf(stderr, "GLFW error %d: %s\n", code, desc); });
  if (!glfwInit()) {
    std::fprintf(stderr, "error: cannot open a window (no display?). Use `lesion-atlas render` for pictures.\n");
    return nullptr;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SAMPLES, 0);
  // VTK draws into its own framebuffers and the window only receives their colour (gl_bridge.cpp),
  // so the window's framebuffer needs no depth or stencil: a software renderer would allocate and
  // clear them for nothing.
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  GLFWwindow* w = glfwCreateWindow(opt.width, opt.height, "lesion-atlas", nullptr, nullptr);
  if (!w) {
    glfwTerminate();
    std::fprintf(stderr, "error: cannot create an OpenGL 3.2 core window\n");
  }
  return w;
}

// The panels of one frame; what they ask for is collected in `req`.
void drawPanels(Atlas& a, ui::PanelRequests& req) {
  ui::drawMainPanel(a.vm, a.state, req, [&] {
    ui::drawCasesPanel(a.cases, a.editedFilter(), a.data.data, a.catalog, &a.cards);
    ui::drawTablesSection(a.cases, a.data.data);
    const bool shown = a.calib.showAnchors;
    const std::string site = a.calib.siteId;
    const int side = a.calib.side;
    ui::drawCalibrationSection(a.calib, a.catalog);
    if (shown != a.calib.showAnchors || site != a.calib.siteId || side != a.calib.side) a.anchorsDirty = true;
  });
  ui::drawCaseWindow(a.cases, a.data.data, a.catalog, a.content, &a.cards);
  ui::drawStatsWindow(a.cases, a.catalog);
  ui::drawSiteTree(a.sites, a.cases, a.catalog, &a.cards);
  ui::drawTeachingCardWindow(a.cards, a.cases, a.data.data, a.catalog);
  ui::drawHelpWindow(a.state);
  if (a.state.showDemo) ImGui::ShowDemoWindow(&a.state.showDemo);
}

// Applies what the panels and keys asked for, then brings the picture up to date.
void applyRequests(Atlas& a, ui::PanelRequests& req) {
  if (!a.cases.siteRequest.empty()) a.editedFilter().site = a.cases.siteRequest, a.cases.siteRequest.clear();
  if (req.resetView) req.cameraPreset = "front";
  if (a.cases.importRequested) startImport(a);
  finishImport(a);
  if (a.cases.removeTable >= 0) removeTable(a);
  ui::refreshCases(a.cases, a.editedFilter(), a.data.data, a.catalog);
  if (!req.cameraPreset.empty()) applyPreset(a, req.cameraPreset);
  else refreshView(a, req.loadBody || !a.cameraMoved, req.loadBody);
  if (a.calib.placeAnewRequested) placeSitesAnew(a);
  if (a.calib.undoRequested) undoAnchor(a);
  if (a.calib.saveRequested) saveSiteMap(a);
  if (a.clickedX >= 0 && a.calib.placing) {
    placeAnchor(a, a.clickedX, a.clickedY);
    a.clickedX = a.clickedY = -1;
  }
  refreshAnchors(a);
  if (req.toggleSites) a.sites.show = !a.sites.show;
  if (req.toggleStats) a.cases.showStats = !a.cases.showStats;
  applyFlyRequests(a, req.flyHome);
  exportTable(a);
}

// A click on a marker opens its case; the open case's markers are ringed in every pane.
void pickAndHighlight(Atlas& a) {
  if (a.clickedX >= 0) {
    const int pane = a.picture.paneAt(double(a.clickedX) / std::max(1, a.fbWidth));
    if (pane >= 0) {
      const int m = a.picture.pane(size_t(pane)).pickMarker(a.clickedX, a.clickedY);
      if (m >= 0) {
        a.cases.selected = int(a.picture.pane(size_t(pane)).markers()[size_t(m)].caseIndex);
        a.cases.showCase = true;
        a.cases.table.scrollToSelected = true;
      }
    }
    a.clickedX = a.clickedY = -1;
  }
  const size_t want = a.cases.showCase && a.cases.selected >= 0 ? size_t(a.cases.selected) : a.shown.highlightCase;
  if (want != a.highlighted) {
    for (size_t i = 0; i < a.picture.paneCount(); ++i) a.picture.pane(i).setHighlightedCase(want);
    a.highlighted = want;
  }
}

void openCase(Atlas& a, const std::string& id, bool asRowClick = false) {
  for (size_t i = 0; i < a.data.data.cases.size(); ++i)
    if (a.data.data.cases[i].id == id) {
      if (asRowClick) a.cases.table.selectRequest = int(i);
      a.cases.selected = int(i), a.cases.showCase = true;
    }
  if (!a.cases.showCase) a.message(std::string("error: ") + (asRowClick ? "--select" : "--case") + ": no case with id " + id);
}

// Test hooks after the window has settled: hover a pixel or a case's marker, select a row.
void runHooks(Atlas& a, const GuiOptions& opt) {
  if (!opt.selectCase.empty()) openCase(a, opt.selectCase, true);
  if (!opt.openCard.empty() && !ui::openTeachingCard(a.cards, opt.openCard))
    a.message("error: --open-card: no teaching card '" + opt.openCard + "'");
  if (opt.hoverAt) a.explore.forcedHover = opt.hoverAt;
  if (!opt.hoverCase.empty()) {
    a.explore.forcedHover = markerPixelOf(a, opt.hoverCase);
    if (!a.explore.forcedHover) a.message("error: --hover-case: no visible marker of " + opt.hoverCase);
  }
}

void shutdown(Atlas& a) {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  a.picture.detach(a.renWin);
  a.iren = nullptr;
  a.renWin = nullptr;
  glfwDestroyWindow(a.win);
  glfwTerminate();
}

}  // namespace

namespace {

// The loop's state between frames.
struct Loop {
  int framesToDraw = 3, frameCount = 0;
  bool quit = false;
  float lastPanel = -1.f;
  std::string startPhases;  // --verbose: when each step of the start ended, after launch
};

// Appends "<what> <ms after launch> ms, " for --verbose.
void markPhase(const GuiOptions& opt, std::string& phases, const char* what) {
  if (!opt.verbose) return;
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - opt.launched).count();
  phases += std::string(what) + " " + std::to_string(int(ms + 0.5)) + " ms, ";
}

// Redraw only on change: the loop blocks in glfwWaitEvents while idle; after an event a few
// frames are drawn so ImGui can settle (hover highlights, layout changes). Those frames go without
// FXAA; after kRefineAfterSeconds without input one more frame is drawn with it.
constexpr double kRefineAfterSeconds = 0.3;
void waitForWork(Atlas& a, const GuiOptions& opt, Loop& l) {
  if (slidesBusy(a)) {
    glfwPollEvents();  // a turntable is recording: keep stepping it
    l.framesToDraw = std::max(l.framesToDraw, 1);
  } else if (a.pendingImport.valid()) {
    glfwWaitEventsTimeout(0.1);  // keep the spinner turning and pick up the result
    l.framesToDraw = std::max(l.framesToDraw, 1);
  } else if (l.framesToDraw <= 0 && opt.screenshot.empty() && opt.exportPicture.empty() && !a.explore.flight.active) {
    if (!a.refined) {
      // Idle, but the picture on screen is a quick one: refine it unless input comes first.
      const auto t0 = std::chrono::steady_clock::now();
      glfwWaitEventsTimeout(kRefineAfterSeconds);
      if (std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() >= 0.95 * kRefineAfterSeconds) {
        a.refineNext = true;
        l.framesToDraw = 1;
        return;
      }
    } else {
      glfwWaitEvents();
    }
    l.framesToDraw = 3;
  } else {
    glfwPollEvents();
  }
}

// While the user drags the view or a flight moves the camera, the picture is drawn at half
// resolution, without FXAA and with Gouraud shading, and stretched over the window: a quarter of
// the pixels, so a software renderer keeps up with the mouse. The first frame at rest is drawn
// at full resolution and shading again, and FXAA follows when the window is idle (README, "Using
// the window").
constexpr double kMovingScale = 0.5;

void followMotion(Atlas& a) {
  const bool moving = (a.dragButton >= 0 && a.dragMoved) || a.explore.flight.active;
  const double scale = moving ? kMovingScale : 1.0;
  if (scale == a.picture.renderScale()) return;
  a.picture.setRenderScale(scale);
  for (size_t i = 0; i < a.picture.paneCount(); ++i) a.picture.pane(i).setInteractive(moving);
}

// Panels, input and test hooks of one frame; returns what they asked for.
ui::PanelRequests buildUi(Atlas& a, const GuiOptions& opt, Loop& l) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  ui::PanelRequests req;
  drawPanels(a, req);
  routeMouse(a);
  routeKeys(a, req);
  followMotion(a);  // before hover and picking, which read the panes' viewports
  if (l.frameCount == 3) runHooks(a, opt);
  // Test hook: one key per frame, so each sees the windows the one before it opened.
  if (l.frameCount >= 3 && size_t(l.frameCount - 3) < opt.keys.size())
    a.pressedKeys.push_back(opt.keys[size_t(l.frameCount - 3)]);
  updateHover(a);
  ImGui::Render();
  return req;
}

// Test runs and docs: save the export or the window once the view has settled, then quit.
void finishScripted(Atlas& a, const GuiOptions& opt, Loop& l) {
  // Test runs wait for a flight (a selected row) to land before they save the picture.
  const bool settled = l.frameCount >= 6 + int(opt.keys.size()) && !a.explore.flight.active && !l.quit;
  if (!opt.exportPicture.empty() && settled) {
    a.state.exportSettings = {opt.exportPicture.string(), opt.exportWidth, opt.exportHeight, false, false};
    exportPicture(a, false);
    l.quit = true;
  }
  if (!opt.screenshot.empty() && settled) {
    a.state.exportSettings.path = opt.screenshot.string();
    exportPicture(a, true);
    l.quit = true;
  }
}

// The 3D picture under the panels. FXAA only on the refinement frame, or where a test or a docs
// run saves the window: from its third frame on, so that its first frame is the one a user gets
// (quick, then refined). Nothing in the picture changed since the last frame (the panel did, or
// the pointer moved over it): the frame VTK kept is shown again instead of drawn again.
void drawPicture(Atlas& a, const GuiOptions& opt, int frameCount) {
  if (!a.refineNext && render::redrawStamp(a.renWin) == a.drawnStamp) {
    render::presentAgain(a.renWin, a.picture.renderScale());
    return;
  }
  const bool scripted = (!opt.screenshot.empty() || !opt.exportPicture.empty()) && frameCount >= 2;
  const bool antialias = (a.refineNext || scripted) && a.picture.renderScale() == 1.0;
  for (size_t i = 0; i < a.picture.paneCount(); ++i) a.picture.pane(i).renderer()->SetUseFXAA(antialias);
  a.refineNext = false;
  for (size_t i = 0; i < a.picture.paneCount(); ++i) a.picture.pane(i).renderer()->ResetCameraClippingRange();
  a.renWin->Render();
  a.refined = antialias;
  a.drawnStamp = render::redrawStamp(a.renWin);
  render::presentScaled(a.renWin, a.picture.renderScale());
}

void frame(Atlas& a, const GuiOptions& opt, Loop& l) {
  const auto t0 = std::chrono::steady_clock::now();
  ui::PanelRequests req = buildUi(a, opt, l);
  // The panes start right of the panel; a moved or resized panel re-lays them out.
  if (a.state.panelRight != l.lastPanel) l.lastPanel = a.state.panelRight, a.composedVm.clear();
  applyRequests(a, req);
  pickAndHighlight(a);
  if (req.saveScene) saveView(a);
  if (req.openScene) openView(a);
  if (req.exportImage && !a.state.exportSettings.includePanel) exportPicture(a, false);
  l.quit = req.quit;
  if (stepFlight(a)) l.framesToDraw = std::max(l.framesToDraw, 2);  // keep drawing until it lands
  drawPicture(a, opt, l.frameCount);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  // A picture "with panel" is read from the finished back buffer, before it is swapped away.
  if (req.exportImage && a.state.exportSettings.includePanel) exportPicture(a, true);
  ++l.frameCount;
  finishScripted(a, opt, l);
  glfwSwapBuffers(a.win);
  if (opt.verbose && l.frameCount == 1) {
    glFinishFn();
    std::fprintf(stderr, "start (after launch): %sfirst complete frame %.0f ms after launch (malloc huge pages %s)\n",
                 l.startPhases.c_str(),
                 std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - opt.launched).count(),
                 hugePagesAdvised() ? "on" : "off");
  }
  serviceSlides(a, req);
  a.state.frameMs = std::chrono::duration<float, std::milli>(std::chrono::steady_clock::now() - t0).count();
  --l.framesToDraw;
}

}  // namespace

int runGui(const GuiOptions& options) {
  GuiOptions opt = options;
  std::string settingsNote;
  const AppConfig config = loadSettings(opt, settingsNote);
  Atlas a;
  Loop l;
  markPhase(opt, l.startPhases, "main");
  a.useConfig = opt.useConfig;
  a.cards.report = opt.verbose;
  // Data, bodies and their locators load on a second thread while GLFW opens the window (a fifth
  // of a second on a software renderer, mostly loading the GL driver). Joined before VTK's window
  // is made, so only one thread uses VTK at a time; loadAll touches none of what the window sets.
  std::future<void> loading = std::async(std::launch::async, [&a, &opt] {
    loadAll(a, opt);
    if (a.bodies) render::prepareFigures(a.vm, *a.bodies, a.sceneDir);
  });
  a.win = openWindow(opt);
  if (!a.win) return 1;
  glfwMakeContextCurrent(a.win);
  glfwSwapInterval(1);
  glfwGetFramebufferSize(a.win, &a.fbWidth, &a.fbHeight);
  markPhase(opt, l.startPhases, "window");
  // The first frame allocates about fifteen window-sized buffers (VTK's framebuffers, llvmpipe's
  // vertex and bin buffers, textures): 92 MiB at 1600x1000. A second thread faults them in while
  // this one compiles shaders and fills buffers.
  const std::size_t firstFrameBytes = std::size_t(15) * 4 * std::size_t(a.fbWidth) * std::size_t(a.fbHeight);
  struct Joined {
    std::thread t;
    ~Joined() { if (t.joinable()) t.join(); }
  } prefault{prefaultHeap(std::clamp(firstFrameBytes, std::size_t(32) << 20, std::size_t(192) << 20))};
  loading.get();
  markPhase(opt, l.startPhases, "data and body");
  setupVtk(a);
  setupImGui(a);
  applySettings(a, config);
  markPhase(opt, l.startPhases, "VTK and UI");
  if (!settingsNote.empty()) a.message(settingsNote);
  refreshView(a, true, true);
  markPhase(opt, l.startPhases, "composed");
  if (!opt.openCase.empty()) openCase(a, opt.openCase);
  if (!opt.recordTurntable.empty())
    a.state.slides.autoRecord = {opt.recordTurntable.string(), opt.turntableFrames, 24.f, opt.exportWidth, opt.exportHeight};
  if (!opt.present.empty()) {
    const int rc = runPresentation(a, {opt.present, opt.presentWindowed, opt.presentKeys, opt.screenshot});
    shutdown(a);
    return rc;
  }
  while (!glfwWindowShouldClose(a.win) && !l.quit) {
    waitForWork(a, opt, l);
    int w, h;
    glfwGetFramebufferSize(a.win, &w, &h);
    if (w != a.fbWidth || h != a.fbHeight) resize(a, w, h), l.framesToDraw = 3, a.composedVm.clear();  // re-frame
    if (w == 0 || h == 0) continue;  // minimised
    frame(a, opt, l);
  }
  saveSettings(a, config);
  shutdown(a);
  return 0;
}

}  // namespace la::window

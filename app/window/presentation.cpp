#include "window/presentation.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <vtkCamera.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>

#include "core/camera_path.hpp"
#include "core/case_filter.hpp"
#include "core/playlist.hpp"
#include "render/png_io.hpp"
#include "window/cards.hpp"
#include "window/gl_bridge.hpp"

extern "C" void glReadPixels(int x, int y, int w, int h, unsigned format, unsigned type, void* data);
extern "C" void glPixelStorei(unsigned pname, int param);
extern "C" void glReadBuffer(unsigned mode);

namespace fs = std::filesystem;

namespace la::window {
namespace {

using Clock = std::chrono::steady_clock;
constexpr double kMoveSeconds = 0.5;

struct Slide {
  ViewModel vm;
  fs::path dir;  // the scene's folder: its relative body and table paths resolve there
  std::string origin;
};

struct Show {
  Atlas& a;
  std::vector<Slide> slides;
  std::map<std::string, ViewData> data;  // slides naming the same tables share them
  render::Picture picture;
  render::Composition shown;
  int current = -1;
  int width = 0, height = 0;
  bool moving = false;
  CameraPose from, to;
  Clock::time_point moveStart;
  std::string error;
  CardOverlay card;  // C: the slide's teaching card over it
  int framesSinceKey = 0;  // scripted runs: ImGui lays out a new window on its first frame, shows it on the next
};

CameraPose poseOf(vtkCamera* c) {
  CameraPose p;
  c->GetPosition(p.position.data());
  c->GetFocalPoint(p.focalPoint.data());
  c->GetViewUp(p.viewUp.data());
  p.viewAngle = c->GetViewAngle();
  c->GetWindowCenter(p.windowCenter.data());
  return p;
}

void applyPose(Show& s, const CameraPose& p) {
  vtkCamera* c = s.picture.camera();
  c->SetPosition(p.position.data());
  c->SetFocalPoint(p.focalPoint.data());
  c->SetViewUp(p.viewUp.data());
  c->SetViewAngle(p.viewAngle);
  c->SetWindowCenter(p.windowCenter[0], p.windowCenter[1]);
  for (size_t i = 0; i < s.picture.paneCount(); ++i) s.picture.pane(i).renderer()->ResetCameraClippingRange();
}

const ViewData& dataFor(Show& s, const Slide& slide) {
  std::string key;
  for (const TableRef& t : slide.vm.tables) key += tablePath(t, slide.dir).string() + "\n" + t.mapping + "\n";
  auto it = s.data.find(key);
  if (it != s.data.end()) return it->second;
  ViewData vd = loadViewData(slide.vm, s.a.catalog, slide.dir, slide.origin);
  for (const auto& w : vd.warnings) s.a.message("warning: " + w);
  for (const auto& e : vd.errors) s.a.message("error: " + e);  // shown with what did load, as the window does
  return s.data.emplace(key, std::move(vd)).first->second;
}

// Shows slide `index`; between scenes of one body the camera swings from where it was.
void show(Show& s, int index, bool smooth = true) {
  index = std::clamp(index, 0, int(s.slides.size()) - 1);
  if (index == s.current) return;
  const Slide& slide = s.slides[size_t(index)];
  smooth = smooth && s.current >= 0 && s.slides[size_t(s.current)].vm.body == slide.vm.body &&
           s.slides[size_t(s.current)].vm.figures == slide.vm.figures;
  const CameraPose before = poseOf(s.picture.camera());
  try {
    const ViewData& vd = dataFor(s, slide);
    render::AtlasContext ctx{s.a.catalog, vd.data, *s.a.bodies, slide.dir, vd.versions};
    render::ComposeOptions o;
    o.width = s.width;
    o.height = s.height;
    s.shown = render::compose(slide.vm, ctx, s.picture, o);
    s.error.clear();
  } catch (const std::exception& e) {
    s.error = e.what();  // the previous slide stays on screen with the message
    s.a.message("error: " + slide.origin + ": " + e.what());
    return;
  }
  s.current = index;
  s.card.index = -1;  // each slide starts without its card; C shows it
  std::printf("slide %d/%zu: %s\n", index + 1, s.slides.size(), s.shown.title.c_str());
  std::fflush(stdout);
  s.moving = smooth;
  if (smooth) {
    s.to = poseOf(s.picture.camera());
    s.from = before;
    s.moveStart = Clock::now();
    applyPose(s, s.from);
  }
}

// Fonts at presentation size, added to ImGui's atlas once: the counter's (twice the UI font), and
// the card overlay's, which follow the screen's height (`screenH`, window units) so that a card
// reads from the back of a room on a projector as on a laptop.
struct PresentFonts {
  ImFont* counter = nullptr;
  ImFont* cardTitle = nullptr;
  ImFont* cardBody = nullptr;
};

PresentFonts presentFonts(Atlas& a, int screenH) {
  static PresentFonts f;
  static bool made = false;
  if (made) return f;
  made = true;
  float xs = 1.f, ys = 1.f;
  glfwGetWindowContentScale(a.win, &xs, &ys);
  const float body = std::clamp(float(screenH) / 46.f, 16.f, 48.f);
  f.counter = addUiFont(30.f * (xs > 0 ? xs : 1.f));
  f.cardBody = addUiFont(body);
  f.cardTitle = addUiFont(body * 1.5f, true);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  return f;
}

// C: the slide's cards one after another, then hidden. The cards and the cases they count are the
// slide's own: its filters (both sides of a comparison) and the case it rings.
void cardKey(Show& s) {
  if (s.current < 0) return;
  CardOverlay& o = s.card;
  if (o.index < 0) {
    const Slide& slide = s.slides[size_t(s.current)];
    const ViewData& vd = dataFor(s, slide);
    const auto filters = viewFilters(slide.vm);
    std::set<const Case*> seen;
    o.cases.clear();
    for (const CaseFilter* f : filters)
      for (const Case* c : applyFilter(vd.data, *f, s.a.catalog))
        if (seen.insert(c).second) o.cases.push_back(c);
    const Case* focus = nullptr;
    for (const Case& c : vd.data.cases)
      if (!slide.vm.highlight.empty() && c.id == slide.vm.highlight) focus = &c;
    o.cards = cardsForView(s.a.cards.cards, filters, focus);
  }
  o.index = nextCardIndex(o.index, o.cards.size());
  o.scroll = 0;
  if (o.index >= 0 && o.cards.empty()) std::printf("card: none for slide %d\n", s.current + 1);
  if (o.index >= 0 && !o.cards.empty())
    std::printf("card %d/%zu: %s: %s\n", o.index + 1, o.cards.size(), o.cards[size_t(o.index)]->id.c_str(),
                o.cards[size_t(o.index)]->title.c_str());
  std::fflush(stdout);
}

void drawCounter(Show& s, ImFont* font) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 18, io.DisplaySize.y - 12), ImGuiCond_Always, ImVec2(1, 1));
  ImGui::SetNextWindowBgAlpha(0.f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
  if (ImGui::Begin("##slide-counter", nullptr, flags)) {
    const auto& bg = s.slides[size_t(std::max(0, s.current))].vm.background;
    const bool dark = 0.2126 * bg[0] + 0.7152 * bg[1] + 0.0722 * bg[2] < 0.5;
    if (font) ImGui::PushFont(font);
    if (!s.error.empty()) ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.15f, 1), "%s", s.error.c_str());
    const float g = dark ? 0.8f : 0.35f;
    ImGui::TextColored(ImVec4(g, g, g, 1), "%d/%zu", s.current + 1, s.slides.size());
    if (font) ImGui::PopFont();
  }
  ImGui::End();
}

int keyFromName(const std::string& k) {
  if (k == "right") return GLFW_KEY_RIGHT;
  if (k == "left") return GLFW_KEY_LEFT;
  if (k == "space") return GLFW_KEY_SPACE;
  if (k == "pagedown") return GLFW_KEY_PAGE_DOWN;
  if (k == "pageup") return GLFW_KEY_PAGE_UP;
  if (k == "home") return GLFW_KEY_HOME;
  if (k == "end") return GLFW_KEY_END;
  if (k == "esc") return GLFW_KEY_ESCAPE;
  if (k == "c") return GLFW_KEY_C;
  if (k == "up") return GLFW_KEY_UP;
  if (k == "down") return GLFW_KEY_DOWN;
  return GLFW_KEY_UNKNOWN;
}

// Returns false when the key leaves the presentation.
bool onKey(Show& s, int key) {
  const int last = int(s.slides.size()) - 1;
  switch (key) {
    case GLFW_KEY_RIGHT: case GLFW_KEY_PAGE_DOWN: case GLFW_KEY_SPACE: show(s, s.current + 1); break;
    case GLFW_KEY_LEFT: case GLFW_KEY_PAGE_UP: show(s, s.current - 1); break;
    case GLFW_KEY_HOME: show(s, 0); break;
    case GLFW_KEY_END: show(s, last); break;
    case GLFW_KEY_ESCAPE:
      if (s.card.index < 0) return false;
      s.card.index = -1;  // Esc first hides the card, as it closes the front window in the atlas
      break;
    case GLFW_KEY_C: cardKey(s); break;
    case GLFW_KEY_UP: case GLFW_KEY_DOWN:
      s.card.scroll += (key == GLFW_KEY_DOWN ? 1.f : -1.f) * 4.f * (s.card.body ? s.card.body->FontSize : 16.f);
      break;
    default: break;
  }
  return true;
}

void saveScreenshot(Show& s, const fs::path& out) {
  std::vector<unsigned char> px(size_t(s.width) * size_t(s.height) * 4);
  glPixelStorei(0x0D05 /*GL_PACK_ALIGNMENT*/, 1);
  glReadBuffer(0x0405 /*GL_BACK*/);
  glReadPixels(0, 0, s.width, s.height, 0x1908 /*GL_RGBA*/, 0x1401 /*GL_UNSIGNED_BYTE*/, px.data());
  for (size_t i = 3; i < px.size(); i += 4) px[i] = 255;
  render::writeRgbaPng(px.data(), s.width, s.height, out);
  s.a.message("saved " + out.string());
}

// One frame: camera move, counter, picture. Returns false when the presentation should end.
bool frame(Show& s, const PresentOptions& opt, size_t& scripted, ImFont* font) {  // font: the counter's
  int w, h;
  glfwGetFramebufferSize(s.a.win, &w, &h);
  if (w > 0 && h > 0 && (w != s.width || h != s.height)) {
    s.width = w, s.height = h;
    s.a.renWin->SetSize(w, h);
    s.a.iren->UpdateSize(w, h);
    const int index = s.current;
    s.current = -1;
    show(s, std::max(0, index), false);
  }
  bool keep = true;
  for (auto [key, mods] : s.a.pressedKeys) keep = keep && onKey(s, key);
  s.a.pressedKeys.clear();
  ++s.framesSinceKey;
  if (!s.moving && scripted < opt.keys.size()) keep = keep && onKey(s, keyFromName(opt.keys[scripted++])), s.framesSinceKey = 0;
  if (s.moving) {
    const double t = std::chrono::duration<double>(Clock::now() - s.moveStart).count() / kMoveSeconds;
    applyPose(s, interpolatePose(s.from, s.to, easeInOut(t)));
    s.moving = t < 1.0;
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  drawCounter(s, font);
  drawCardOverlay(s.card, s.a.catalog, s.a.cards.cited);
  ImGui::Render();
  s.a.renWin->Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  const bool scriptDone = !opt.keys.empty() && scripted >= opt.keys.size() && !s.moving && s.framesSinceKey >= 2;
  if (keep && scriptDone && !opt.screenshot.empty()) saveScreenshot(s, opt.screenshot);
  glfwSwapBuffers(s.a.win);
  return keep && !scriptDone && !glfwWindowShouldClose(s.a.win);
}

}  // namespace

int runPresentation(Atlas& a, const PresentOptions& opt) {
  Show s{a, {}, {}, {}, {}, -1, 0, 0, false, {}, {}, {}, {}, {}, 0};
  try {
    const Playlist pl = loadPlaylist(opt.playlist);
    const std::vector<ViewModel> vms = loadPlaylistScenes(pl, a.catalog, opt.playlist.string());
    for (size_t i = 0; i < vms.size(); ++i)
      s.slides.push_back({vms[i], fs::absolute(pl.slides[i].scene).parent_path(), pl.slides[i].scene.string()});
  } catch (const std::exception& e) {
    a.message(std::string("error: ") + e.what());
    return 1;
  }
  int wx = 0, wy = 0, ww = 0, wh = 0;
  glfwGetWindowPos(a.win, &wx, &wy);
  glfwGetWindowSize(a.win, &ww, &wh);
  GLFWmonitor* monitor = opt.windowed ? nullptr : glfwGetPrimaryMonitor();
  if (monitor) {
    // A presenter switching to their notes must not minimise the slides.
    glfwSetWindowAttrib(a.win, GLFW_AUTO_ICONIFY, GLFW_FALSE);
    const GLFWvidmode* m = glfwGetVideoMode(monitor);
    glfwSetWindowMonitor(a.win, monitor, 0, 0, m->width, m->height, m->refreshRate);
  }
  a.picture.detach(a.renWin);
  s.picture.attach(a.renWin);
  int screenH = 0;
  glfwGetWindowSize(a.win, nullptr, &screenH);
  if (monitor) screenH = glfwGetVideoMode(monitor)->height;
  const PresentFonts fonts = presentFonts(a, screenH);
  s.card.title = fonts.cardTitle;
  s.card.body = fonts.cardBody;
  ImFont* font = fonts.counter;
  a.pressedKeys.clear();
  size_t scripted = 0;
  bool running = true;
  while (running) {
    running = frame(s, opt, scripted, font);
    if (!running) break;
    if (s.moving || (!opt.keys.empty() && (scripted < opt.keys.size() || s.framesSinceKey < 2))) glfwPollEvents();
    else glfwWaitEvents();
  }
  s.picture.detach(a.renWin);
  a.picture.attach(a.renWin);
  if (monitor) glfwSetWindowMonitor(a.win, nullptr, wx, wy, ww, wh, 0);
  a.renWin->SetSize(a.fbWidth, a.fbHeight);
  a.pressedKeys.clear();
  a.composedVm.clear();  // the atlas view is brought up to date on its next frame
  return 0;
}

}  // namespace la::window

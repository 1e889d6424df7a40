#include "window/explore.hpp"

#include <imgui.h>

#include <vtkCamera.h>
#include <vtkRenderer.h>

#include <chrono>
#include <cmath>
#include <cstdio>

#include "core/site_hover.hpp"
#include "window/atlas.hpp"

namespace la::window {
namespace {

const std::vector<int>& sitesOfVertices(Atlas& a, const render::Figure& fig) {
  HoverState& h = a.explore.hover;
  if (h.builtForVm != a.composedVm) h.vertexSites.clear(), h.builtForVm = a.composedVm;  // maps may have been edited
  auto it = h.vertexSites.find(&fig);
  if (it == h.vertexSites.end())
    it = h.vertexSites.emplace(&fig, vertexAnchors(fig.map, a.catalog, size_t(fig.mesh->GetNumberOfPoints()))).first;
  return it->second;
}

std::string skinText(Atlas& a, size_t pane, int x, int y) {
  render::BodyProbe::Hit hit;
  if (pane >= a.shown.figures.size() || pane >= a.shown.panes.size()) return "";
  if (!a.picture.pane(pane).pickSkin(x, y, hit) || hit.vertex < 0) return "";
  const render::Figure& fig = *a.shown.figures[pane];
  const std::vector<int>& sites = sitesOfVertices(a, fig);
  if (size_t(hit.vertex) >= sites.size() || sites[size_t(hit.vertex)] < 0) return "";
  const SiteAnchor& an = fig.map.anchors[size_t(sites[size_t(hit.vertex)])];
  std::string t = skinHoverText(a.catalog, an.site, an.side, casesAtSite(a.shown.panes[pane].cases, an.site, an.side, a.catalog));
  if (a.vm.mode == ViewMode::Choropleth) {  // what the colour at this spot stands for
    const auto c = a.shown.panes[pane].counts.find(an.site);
    const double own = c == a.shown.panes[pane].counts.end() ? 0.0 : c->second.own;
    t += "\nshaded: " + formatNumber(own) + " " + toString(a.vm.count) + " at this site itself (both sides)";
  }
  return t;
}

}  // namespace

std::string hoverTextAt(Atlas& a, int x, int y) {
  if (a.fbWidth <= 0) return "";
  const int pane = a.picture.paneAt(double(x) / a.fbWidth);
  if (pane < 0) return "";
  const render::SceneView& view = a.picture.pane(size_t(pane));
  const int m = view.pickMarker(x, y);
  if (m >= 0) {
    const MarkerSpec& mk = view.markers()[size_t(m)];
    if (mk.caseIndex < a.data.data.cases.size())
      return markerHoverText(a.data.data.cases[mk.caseIndex], mk, othersAtSameSpot(view.markers(), size_t(m)), a.catalog);
  }
  return skinText(a, size_t(pane), x, y);
}

void updateHover(Atlas& a) {
  HoverState& h = a.explore.hover;
  ImGuiIO& io = ImGui::GetIO();
  int x = -1, y = -1;
  if (a.explore.forcedHover) {
    x = a.explore.forcedHover->first, y = a.explore.forcedHover->second;
  } else if (ImGui::IsMousePosValid() && !io.WantCaptureMouse && a.dragButton < 0 && !a.explore.flight.active) {
    x = int(io.MousePos.x * io.DisplayFramebufferScale.x);
    y = a.fbHeight - 1 - int(io.MousePos.y * io.DisplayFramebufferScale.y);
  }
  if (x < 0 || a.picture.paneCount() == 0) {
    h.text.clear(), h.x = h.y = -1;
    return;
  }
  const unsigned long camTime = a.mainPane().renderer()->GetActiveCamera()->GetMTime();
  if (x != h.x || y != h.y || camTime != h.cameraTime || h.builtForVm != a.composedVm) {
    const auto t0 = std::chrono::steady_clock::now();
    h.text = hoverTextAt(a, x, y);
    h.lastPickMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    h.x = x, h.y = y, h.cameraTime = camTime;
  }
  if (h.text.empty()) return;
  if (a.explore.forcedHover) {  // no real cursor: put the tooltip where the hook points
    const float sx = io.DisplayFramebufferScale.x > 0 ? io.DisplayFramebufferScale.x : 1.f;
    const float sy = io.DisplayFramebufferScale.y > 0 ? io.DisplayFramebufferScale.y : 1.f;
    ImGui::SetNextWindowPos(ImVec2(float(x) / sx + 16, float(a.fbHeight - 1 - y) / sy + 16));
    if (h.text != h.lastPrinted) std::printf("hover at %d,%d: %s\n", x, y, h.text.c_str()), std::fflush(stdout);
    h.lastPrinted = h.text;
  }
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);  // a source's wording can run to a paragraph
  ImGui::TextUnformatted(h.text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

std::optional<std::pair<int, int>> markerPixelOf(Atlas& a, const std::string& caseId) {
  for (size_t p = 0; p < a.picture.paneCount(); ++p) {
    const render::SceneView& view = a.picture.pane(p);
    const ScreenProjection proj = view.projection();
    for (size_t i = 0; i < view.markers().size(); ++i) {
      const MarkerSpec& m = view.markers()[i];
      if (m.caseIndex >= a.data.data.cases.size() || a.data.data.cases[m.caseIndex].id != caseId) continue;
      double x, y;
      if (!proj.project(m.position, x, y)) continue;
      const int px = int(std::lround(x)), py = int(std::lround(y));
      const int hit = view.pickMarker(px, py);  // only a marker the cursor would really reach
      if (hit >= 0 && view.markers()[size_t(hit)].caseIndex == m.caseIndex) return std::make_pair(px, py);
    }
  }
  return std::nullopt;
}

}  // namespace la::window

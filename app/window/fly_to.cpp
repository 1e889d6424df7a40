#include "window/explore.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <vtkCamera.h>
#include <vtkRenderer.h>

#include <algorithm>

#include "core/site_hover.hpp"
#include "render/fly_planner.hpp"
#include "window/atlas.hpp"

namespace la::window {
namespace {

vtkCamera* camera(Atlas& a) { return a.mainPane().renderer()->GetActiveCamera(); }

FlyPose currentPose(Atlas& a) {
  FlyPose p;
  vtkCamera* cam = camera(a);
  cam->GetPosition(p.position.data());
  cam->GetFocalPoint(p.focal.data());
  cam->GetViewUp(p.up.data());
  return p;
}

void setPose(Atlas& a, const FlyPose& p) {
  vtkCamera* cam = camera(a);
  cam->SetPosition(p.position.data());
  cam->SetFocalPoint(p.focal.data());
  cam->SetViewUp(p.up.data());
  cam->OrthogonalizeViewUp();
}

void startFlight(Atlas& a, size_t pane, const FlyPose& to) {
  const render::SceneView& view = a.picture.pane(pane);
  const Ellipsoid shell = enclosingEllipsoid(view.bodyBounds());
  a.explore.flight = {true, render::clearPath(view.probe(), currentPose(a), to, shell), glfwGetTime(), 0.5, false};
  a.cameraMoved = true;
}

// The pane showing a case's markers (both figures: the figure of its sex), else the first.
size_t paneOfCase(Atlas& a, size_t caseIndex) {
  for (size_t p = 0; p < a.picture.paneCount(); ++p)
    for (const MarkerSpec& m : a.picture.pane(p).markers())
      if (m.caseIndex == caseIndex) return p;
  return 0;
}

const render::Figure* figureOf(Atlas& a, size_t pane) {
  return pane < a.shown.figures.size() ? a.shown.figures[pane] : nullptr;
}

// The anchors drawing a site on a figure: its own, else its nearest ancestor's.
std::vector<const SiteAnchor*> anchorsFor(const SiteMap& map, const SiteCatalog& cat, std::string site) {
  for (int guard = 0; guard < 16 && !site.empty(); ++guard) {
    auto v = map.forSite(site);
    if (!v.empty()) return v;
    const Site* s = cat.byId(site);
    site = s ? s->parent : "";
  }
  return {};
}

}  // namespace

void flyToCase(Atlas& a, size_t caseIndex) {
  if (caseIndex >= a.data.data.cases.size() || a.picture.paneCount() == 0) return;
  const size_t pane = paneOfCase(a, caseIndex);
  const render::SceneView& view = a.picture.pane(pane);
  std::vector<Vec3> points, normals;
  for (const MarkerSpec& m : view.markers())
    if (m.caseIndex == caseIndex) points.push_back(m.position), normals.push_back(m.normal);
  const Case& c = a.data.data.cases[caseIndex];
  if (points.empty())  // not drawn in this view (filtered out): its sites' anchors still say where
    if (const render::Figure* fig = figureOf(a, pane))
      for (const Lesion& l : c.lesions)
        for (const SiteAnchor* an : anchorsFor(fig->map, a.catalog, l.siteId)) {
          const std::string side = l.side == Side::Left ? "left" : l.side == Side::Right ? "right" : "";
          if (!side.empty() && an->side != side) continue;
          points.push_back(an->position), normals.push_back(an->normal);
        }
  if (points.empty()) {
    a.message(c.id + ": no site of this case is on the figure; the camera stays");
    return;
  }
  const FlyPose to = render::framePoints(view.probe(), points, normals, view.bodyBounds(),
                                            camera(a)->GetViewAngle(), currentPose(a));
  startFlight(a, pane, to);
}

void flyToSite(Atlas& a, const std::string& site, const std::string& side) {
  const render::Figure* fig = figureOf(a, 0);
  if (!fig) return;
  const auto anchors = anchorsFor(fig->map, a.catalog, site);
  if (anchors.empty()) {
    a.message(site + ": this figure has no anchor for the site; the camera stays");
    return;
  }
  // The requested side, else the side where the view has more cases (the left on a tie).
  const SiteAnchor* best = anchors.front();
  size_t bestN = 0;
  for (const SiteAnchor* an : anchors) {
    if (!side.empty() && an->side == side) {
      best = an;
      break;
    }
    const size_t n = a.shown.panes.empty() ? 0 : casesAtSite(a.shown.panes[0].cases, site, an->side, a.catalog).here;
    if (side.empty() && n > bestN) best = an, bestN = n;
  }
  const render::SceneView& view = a.mainPane();
  const double dist = render::closeUpDistance(view.bodyBounds(), camera(a)->GetViewAngle());
  startFlight(a, 0, render::closeUpPose(view.probe(), best->position, best->normal, dist, currentPose(a).position));
}

void flyHome(Atlas& a) {
  if (a.picture.paneCount() == 0) return;
  // The view's own framing (its preset or stored camera), computed on the camera and undone.
  const FlyPose now = currentPose(a);
  a.mainPane().applyCamera(a.vm.camera, a.picture.paneAspect(a.fbWidth, a.fbHeight));
  const FlyPose home = currentPose(a);
  setPose(a, now);
  startFlight(a, 0, home);
  a.explore.flight.home = true;
}

bool stepFlight(Atlas& a) {
  Flight& f = a.explore.flight;
  if (!f.active) return false;
  const double t = std::clamp((glfwGetTime() - f.start) / f.duration, 0.0, 1.0);
  setPose(a, f.path.at(easeInOut(t)));
  if (t >= 1.0) {
    f.active = false;
    if (f.home) a.cameraMoved = false;  // landed on the view's own framing: export it as saved
  }
  return true;
}

void applyFlyRequests(Atlas& a, bool home) {
  ui::CasesState& s = a.cases;
  if (s.table.selectRequest >= 0) {  // a key or a test hook, as a click on the row
    s.selected = s.flyCase = s.table.selectRequest;
    s.showCase = true;
    s.table.scrollToSelected = true;
    s.table.selectRequest = -1;
  }
  if (home) flyHome(a);
  if (s.flyCase >= 0) flyToCase(a, size_t(s.flyCase));
  if (!s.flySite.empty()) flyToSite(a, s.flySite, s.flySide);
  s.flyCase = -1;
  s.flySite.clear();
  s.flySide.clear();
}

}  // namespace la::window

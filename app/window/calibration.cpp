#include "window/calibration.hpp"

#include <algorithm>

namespace la::window {
namespace {

// Markers are laid out from the cache's map: hand the edited map over and redraw.
void publish(Atlas& a) {
  if (a.bodies) a.bodies->updateMap(a.calibFile, a.calibMap);
  a.composedVm.clear();  // forces a recompose
  a.anchorsDirty = true;
}

}  // namespace

void resetCalibration(Atlas& a, const render::Figure& figure, bool builtin) {
  a.calibMap = figure.map;
  a.calibFile = figure.file;
  a.calibUndo.clear();
  a.calib.undoDepth = 0;
  a.calib.unsaved = false;
  a.calib.builtinBody = builtin;
  a.calib.mapFile = siteMapPathFor(figure.file).string();
  a.calib.source = figure.mapFromFile ? "Anchors from " + siteMapPathFor(figure.file).filename().string()
                                      : "Anchors placed from body proportions (not saved yet); correct them below.";
  a.anchorsDirty = true;
}

// The calibration view: every anchor as a dot, the selected site's in gold.
void refreshAnchors(Atlas& a) {
  if (!a.anchorsDirty) return;
  a.anchorsDirty = false;
  std::vector<std::array<double, 3>> pts;
  int current = -1;
  if (a.calib.showAnchors) {
    const std::string side = ui::calibrationSide(a.calib, a.catalog);
    for (const SiteAnchor& an : a.calibMap.anchors) {
      if (an.site == a.calib.siteId && an.side == side) current = int(pts.size());
      pts.push_back(an.position);
    }
  }
  a.mainPane().setAnchorPoints(pts, current);
}

// A click on the skin while placing: the selected site's anchor moves there (undoable).
void placeAnchor(Atlas& a, int x, int y) {
  std::array<double, 3> pos, normal;
  a.calib.placing = false;
  if (!a.mainPane().pickSurface(x, y, pos, normal)) {
    a.message("no skin under the cursor; nothing placed");
    return;
  }
  const std::string side = ui::calibrationSide(a.calib, a.catalog);
  SiteAnchor* an = nullptr;
  for (SiteAnchor& x2 : a.calibMap.anchors)
    if (x2.site == a.calib.siteId && x2.side == side) an = &x2;
  if (an) {
    a.calibUndo.push_back({true, *an});
  } else {
    SiteAnchor fresh;
    fresh.site = a.calib.siteId;
    fresh.side = side;
    a.calibUndo.push_back({false, fresh});
    a.calibMap.anchors.push_back(fresh);
    an = &a.calibMap.anchors.back();
  }
  an->position = pos;
  an->normal = normal;
  a.calib.undoDepth = a.calibUndo.size();
  a.calib.unsaved = true;
  publish(a);
  a.message("placed " + a.calib.siteId + (side == "none" ? "" : " (" + side + ")"));
}

void undoAnchor(Atlas& a) {
  a.calib.undoRequested = false;
  if (a.calibUndo.empty()) return;
  auto [existed, prev] = a.calibUndo.back();
  a.calibUndo.pop_back();
  auto& v = a.calibMap.anchors;
  auto it = std::find_if(v.begin(), v.end(), [&](const SiteAnchor& x) { return x.site == prev.site && x.side == prev.side; });
  if (it != v.end()) {
    if (existed) *it = prev;
    else v.erase(it);
  }
  a.calib.undoDepth = a.calibUndo.size();
  a.calib.unsaved = !a.calibUndo.empty();
  publish(a);
  a.message("undid placement of " + prev.site);
}

void saveSiteMap(Atlas& a) {
  a.calib.saveRequested = false;
  try {
    a.calibMap.save(siteMapPathFor(a.calibFile));
    a.calib.unsaved = false;
    a.calib.source = "Anchors from " + siteMapPathFor(a.calibFile).filename().string();
    a.message("saved site map " + siteMapPathFor(a.calibFile).string());
  } catch (const std::exception& e) {
    a.message(std::string("error: ") + e.what());  // the anchors stay as they are, unsaved
  }
}

}  // namespace la::window

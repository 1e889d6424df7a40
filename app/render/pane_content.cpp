#include "render/pane_content.hpp"

#include <vtkPolyData.h>
#include <vtkSmartPointer.h>
#include <vtkTriangle.h>

#include <set>

namespace la::render {
namespace {

// Moves each marker to the closest point of the skin and lifts it by 0.6 radius along the
// surface normal there, so the spiral around an anchor wraps around a finger or a cheek.
// The figure's probe answers with the locator it keeps, so a filter change does not build one.
void layOnSurface(MarkerLayout& layout, const BodyProbe* probe, double radius) {
  vtkPolyData* body = probe ? probe->body() : nullptr;
  if (layout.markers.empty() || !body) return;
  for (MarkerSpec& m : layout.markers) {
    Vec3 p;
    vtkIdType cell = -1;
    if (!probe->closest(m.position, p, cell)) continue;
    vtkIdType n;
    const vtkIdType* ids;
    body->GetCellPoints(cell, n, ids);
    if (n < 3) continue;
    double a[3], b[3], c[3], nn[3];
    body->GetPoint(ids[0], a);
    body->GetPoint(ids[1], b);
    body->GetPoint(ids[2], c);
    vtkTriangle::ComputeNormal(a, b, c, nn);
    // Keep the side the anchor's normal points to (outward skin), whatever the winding.
    if (nn[0] * m.normal[0] + nn[1] * m.normal[1] + nn[2] * m.normal[2] < 0) nn[0] = -nn[0], nn[1] = -nn[1], nn[2] = -nn[2];
    for (int k = 0; k < 3; ++k) {
      m.position[size_t(k)] = p[k] + 0.6 * radius * m.scale * nn[k];
      m.normal[size_t(k)] = nn[k];
    }
  }
}

std::vector<std::string> notesFor(const MarkerLayout& l) {
  std::vector<std::string> notes;
  if (l.lesionsUnspecified)
    notes.push_back(std::to_string(l.lesionsUnspecified) + " lesions at unspecified or other sites (not drawn)");
  if (l.lesionsNotOnFigure)
    notes.push_back(std::to_string(l.lesionsNotOnFigure) + " lesions at sites this figure lacks (not drawn)");
  bool faint = false, bubbles = false;
  for (const auto& m : l.markers) faint = faint || m.sideUnstated, bubbles = bubbles || m.count > 1;
  if (faint) notes.push_back("pale: side not stated, shown on both sides");
  if (bubbles)
    notes.push_back("large spheres: more than " + std::to_string(kMaxFan) + " lesions at one site (size grows with the count)");
  return notes;
}

}  // namespace

PaneContent buildPane(const Dataset& data, const SiteCatalog& catalog, const Figure& figure,
                      std::vector<const Case*> cases, const Palette& palette, CountUnit unit) {
  PaneContent p;
  double bounds[6] = {0, 0, 0, 1, 0, 0};
  if (figure.mesh) figure.mesh->GetBounds(bounds);
  p.radius = 0.006 * (bounds[3] - bounds[2]);
  p.layout = layoutMarkers(data, cases, catalog, figure.map, p.radius, &palette);
  BodyProbe own;  // a figure made without a probe gets a locator for this call only
  if (!figure.probe) own.setBody(figure.mesh);
  layOnSurface(p.layout, figure.probe ? figure.probe.get() : &own, p.radius);
  p.counts = countBySite(data, cases, catalog, unit);
  p.notes = notesFor(p.layout);
  p.cases = std::move(cases);
  return p;
}

std::string drawingNotes(const std::vector<PaneContent>& panes) {
  auto summed = [&](size_t MarkerLayout::*field, const char* what) -> std::string {
    size_t total = 0;
    std::string each;
    for (const PaneContent& p : panes) {
      total += p.layout.*field;
      each += (each.empty() ? "" : ", ") + (p.label.empty() ? std::string("") : p.label + " ") + std::to_string(p.layout.*field);
    }
    if (!total) return {};
    return std::to_string(total) + " lesions " + what + (panes.size() > 1 ? " (" + each + ")" : "");
  };
  std::vector<std::string> parts;
  for (auto s : {summed(&MarkerLayout::lesionsUnspecified, "at unspecified or other sites"),
                 summed(&MarkerLayout::lesionsNotOnFigure, "at sites the figure lacks")})
    if (!s.empty()) parts.push_back(s);
  std::string out = parts.empty() ? "" : "not drawn: " + parts[0] + (parts.size() > 1 ? "; " + parts[1] : "");
  bool faint = false, bubbles = false;
  for (const PaneContent& p : panes)
    for (const auto& m : p.layout.markers) faint = faint || m.sideUnstated, bubbles = bubbles || m.count > 1;
  if (faint) out += std::string(out.empty() ? "" : "; ") + "pale: side not stated, shown on both sides";
  if (bubbles) out += std::string(out.empty() ? "" : "; ") + "large spheres: over " + std::to_string(kMaxFan) + " lesions at one site";
  return out;
}

std::vector<std::string> rareSites(const std::vector<const Case*>& cases, const SiteCatalog& catalog, int rareMax) {
  std::vector<std::string> out;
  for (const auto& [site, sc] : countBySite(cases, catalog, CountUnit::Cases)) {
    const Site* s = catalog.byId(site);
    if (!s || s->region || s->coarse) continue;  // a whole region or a table's coarse class is not a "site"
    if (sc.own >= 1 && sc.own <= rareMax) out.push_back(site);
  }
  return out;
}

}  // namespace la::render

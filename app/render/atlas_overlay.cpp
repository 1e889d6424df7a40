#include "render/atlas_overlay.hpp"

#include <vtkCellLocator.h>
#include <vtkPolyData.h>
#include <vtkSmartPointer.h>
#include <vtkTriangle.h>

#include <map>
#include <set>

#include "core/paths.hpp"

namespace la::render {

namespace {

// Moves each marker to the closest point of the skin and lifts it by 0.6 radius along the
// surface normal there, so the spiral around an anchor wraps around a finger or a cheek.
void layOnSurface(MarkerLayout& layout, vtkPolyData* body, double radius) {
  if (layout.markers.empty()) return;
  auto locator = vtkSmartPointer<vtkCellLocator>::New();
  locator->SetDataSet(body);
  locator->BuildLocator();
  for (MarkerSpec& m : layout.markers) {
    double p[3], d2;
    vtkIdType cell;
    int sub;
    locator->FindClosestPoint(m.position.data(), p, cell, sub, d2);
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
      m.position[size_t(k)] = p[k] + 0.6 * radius * nn[k];
      m.normal[size_t(k)] = nn[k];
    }
  }
}

}  // namespace

Overlay buildOverlay(const Dataset& data, const std::vector<const Case*>& cases, const SiteCatalog& catalog,
                     const SiteMap& map, vtkPolyData* body, const std::string& bodyLabel) {
  Overlay o;
  double bounds[6] = {0, 0, 0, 1, 0, 0};
  if (body) body->GetBounds(bounds);
  o.radius = 0.006 * (bounds[3] - bounds[2]);
  o.layout = layoutMarkers(data, cases, catalog, map, o.radius);
  if (body) layOnSurface(o.layout, body, o.radius);

  // Legend: one line per subtype present, with its number of cases, in a fixed order.
  std::map<int, size_t> perSubtype;
  for (const Case* c : cases) ++perSubtype[c->subtype ? int(*c->subtype) : -1];
  const std::optional<Subtype> order[] = {Subtype::Idiopathic, Subtype::Dystrophic, Subtype::Metastatic,
                                          Subtype::Iatrogenic, Subtype::Calciphylaxis, Subtype::Unspecified,
                                          std::nullopt};
  for (const auto& st : order) {
    auto it = perSubtype.find(st ? int(*st) : -1);
    if (it == perSubtype.end()) continue;
    const std::string name = st ? toString(*st) : "no subtype";
    o.legend.push_back({name + " (" + std::to_string(it->second) + (it->second == 1 ? " case)" : " cases)"),
                        subtypeColor(st)});
  }

  size_t lesions = 0;
  for (const Case* c : cases) lesions += c->lesions.size();
  std::string line1 = std::to_string(cases.size()) + " cases, " + std::to_string(lesions) + " lesions";
  std::string notes;
  auto note = [&](const std::string& n) { notes += (notes.empty() ? "" : "\n") + n; };
  if (o.layout.lesionsUnspecified) note(std::to_string(o.layout.lesionsUnspecified) + " at unspecified sites (not drawn)");
  if (o.layout.lesionsNotOnFigure) note(std::to_string(o.layout.lesionsNotOnFigure) + " at sites this figure lacks (not drawn)");
  bool faint = false;
  for (const auto& m : o.layout.markers) faint = faint || m.sideUnstated;
  if (faint) note("pale: side not stated, shown on both sides");
  if (!notes.empty()) line1 += "\n" + notes;
  o.notes = notes;
  // Every table shown is credited; mapped public tables carry their licence.
  std::set<size_t> tables;
  for (const Case* c : cases) tables.insert(c->table);
  std::string credits;
  for (size_t t : tables) {
    if (t >= data.tables.size()) continue;
    const TableInfo& ti = data.tables[t];
    std::string credit = ti.attribution.empty() ? ti.name : ti.attribution;
    if (!ti.licence.empty() && credit.find(ti.licence) == std::string::npos) credit += " (" + ti.licence + ")";
    credits += (credits.empty() ? "" : "; ") + credit;
  }
  o.caption = line1 + "\n" + (credits.empty() ? "" : credits + "  |  ") + "body: " + bodyLabel + "  |  lesion-atlas " +
              versionString();
  return o;
}

void applyOverlay(SceneView& view, const Overlay& o) {
  view.setMarkers(o.layout.markers, o.radius);
  view.setLegend(o.legend);
  view.setCaption(o.caption);
}

}  // namespace la::render

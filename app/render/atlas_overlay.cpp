#include "render/atlas_overlay.hpp"

#include <vtkCellLocator.h>
#include <vtkPolyData.h>
#include <vtkSmartPointer.h>
#include <vtkTriangle.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/paths.hpp"

namespace la::render {

namespace {

// Breaks lines longer than `width` characters at spaces, so a caption never runs off the picture.
std::string wrapLines(const std::string& text, size_t width) {
  std::string out, line;
  auto flushLine = [&] {
    out += (out.empty() ? "" : "\n") + line;
    line.clear();
  };
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    const std::string para = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    size_t pos = 0;
    while (pos < para.size()) {
      size_t sp = para.find(' ', pos);
      const std::string word = para.substr(pos, sp == std::string::npos ? std::string::npos : sp - pos);
      if (!line.empty() && line.size() + 1 + word.size() > width) flushLine();
      line += (line.empty() ? "" : " ") + word;
      if (sp == std::string::npos) break;
      pos = sp + 1;
    }
    flushLine();
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

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
  if (o.layout.lesionsUnspecified) note(std::to_string(o.layout.lesionsUnspecified) + " at unspecified or other sites (not drawn)");
  if (o.layout.lesionsAsRegions) {
    // Coarse classes (e.g. ISIC "anterior torso") become shaded regions: the union of the patches
    // of the sites each one covers, darker for more lesions.
    size_t maxCount = 0;
    for (const auto& [id, n] : o.layout.regionCounts) maxCount = std::max(maxCount, n);
    size_t shaded = 0;
    std::string names;
    for (const auto& [id, n] : o.layout.regionCounts) {
      const Site* coarse = catalog.byId(id);
      SceneView::RegionShade r;
      r.strength = maxCount ? double(n) / double(maxCount) : 1.0;
      // A coarse class draws the patches of the sites it covers; a region node its own patch.
      std::vector<std::string> parts = coarse && coarse->coarse ? coarse->covers : std::vector<std::string>{id};
      for (const std::string& part : parts)
        for (const SiteAnchor* a : map.forSite(part)) r.vertices.insert(r.vertices.end(), a->patch.begin(), a->patch.end());
      if (r.vertices.empty()) continue;
      shaded += n;
      names += (names.empty() ? "" : ", ") + (coarse ? coarse->name : id) + " " + std::to_string(n);
      o.regions.push_back(std::move(r));
    }
    if (shaded) note("shaded regions (sites that name an area, not a point): " + names);
    if (shaded < o.layout.lesionsAsRegions)
      note(std::to_string(o.layout.lesionsAsRegions - shaded) + " at areas this body has no region for (not drawn)");
  }
  if (o.layout.lesionsNotOnFigure) note(std::to_string(o.layout.lesionsNotOnFigure) + " at sites this figure lacks (not drawn)");
  bool faint = false;
  for (const auto& m : o.layout.markers) faint = faint || m.sideUnstated;
  if (faint) note("pale: side not stated, shown on both sides");
  bool bubbles = false;
  for (const auto& m : o.layout.markers) bubbles = bubbles || m.count > 1;
  if (bubbles) note("large spheres: more than " + std::to_string(kMaxFan) + " lesions at one site (size grows with the count)");
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
  o.caption = wrapLines(o.caption, 110);
  return o;
}

void applyOverlay(SceneView& view, const Overlay& o) {
  view.setMarkers(o.layout.markers, o.radius);
  view.setRegionShading(o.regions, kRegionColor);
  view.setLegend(o.legend);
  view.setCaption(o.caption);
}

}  // namespace la::render

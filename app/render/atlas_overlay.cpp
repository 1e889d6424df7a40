#include "render/atlas_overlay.hpp"

#include <map>
#include <set>

#include "core/paths.hpp"

namespace la::render {

Overlay buildOverlay(const Dataset& data, const std::vector<const Case*>& cases, const SiteCatalog& catalog,
                     const SiteMap& map, double bodyHeight, const std::string& bodyLabel) {
  Overlay o;
  o.radius = 0.008 * bodyHeight;
  o.layout = layoutMarkers(data, cases, catalog, map, o.radius);

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
  auto note = [&](const std::string& n) { notes += (notes.empty() ? "" : "; ") + n; };
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

#include "core/site_hover.hpp"

#include <algorithm>
#include <set>

namespace la {
namespace {

int depthOf(const SiteCatalog& cat, const std::string& id) {
  int d = 0;
  for (const Site* s = cat.byId(id); s && !s->parent.empty() && d < 64; s = cat.byId(s->parent)) ++d;
  return d;
}

std::string plural(size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

}  // namespace

std::vector<int> vertexAnchors(const SiteMap& map, const SiteCatalog& catalog, size_t vertexCount) {
  std::vector<std::pair<int, size_t>> order;  // (depth, anchor): paint parents first, children over them
  for (size_t i = 0; i < map.anchors.size(); ++i) {
    const Site* s = catalog.byId(map.anchors[i].site);
    if (s && s->coarse) continue;  // a public table's class, not a place on the skin
    order.push_back({depthOf(catalog, map.anchors[i].site), i});
  }
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<int> out(vertexCount, -1);
  for (const auto& [depth, i] : order)
    for (int v : map.anchors[i].patch)
      if (v >= 0 && size_t(v) < vertexCount) out[size_t(v)] = int(i);
  return out;
}

SiteCases casesAtSite(const std::vector<const Case*>& cases, const std::string& site, const std::string& side,
                      const SiteCatalog& catalog) {
  SiteCases n;
  const bool sided = side == kSideLeft || side == kSideRight;
  for (const Case* c : cases) {
    bool here = false, unstated = false;
    for (const Lesion& l : c->lesions) {
      if (!catalog.isWithin(l.siteId, site)) continue;
      if (!sided || l.side == Side::Bilateral || l.side == Side::Midline) here = true;
      else if (l.side == Side::None) unstated = true;
      else if ((l.side == Side::Left) == (side == kSideLeft)) here = true;
    }
    n.here += here;
    n.sideUnstated += !here && unstated;
  }
  return n;
}

std::string siteTitle(const SiteCatalog& catalog, const std::string& site, const std::string& side) {
  const Site* s = catalog.byId(site);
  std::string t = s ? s->name : site;
  if (side == kSideLeft || side == kSideRight) t += ", " + std::string(side);
  return t;
}

std::string skinHoverText(const SiteCatalog& catalog, const std::string& site, const std::string& side,
                          const SiteCases& n) {
  std::string t = siteTitle(catalog, site, side) + "\n" + plural(n.here, "case", "cases") + " here in this view";
  if (n.sideUnstated) t += "\n(+" + std::to_string(n.sideUnstated) + " at this site with no side stated)";
  return t;
}

size_t othersAtSameSpot(const std::vector<MarkerSpec>& markers, size_t index) {
  if (index >= markers.size()) return 0;
  const MarkerSpec& m = markers[index];
  std::set<size_t> cases;
  for (const MarkerSpec& o : markers)
    if (o.caseIndex != m.caseIndex && o.siteId == m.siteId && o.side == m.side) cases.insert(o.caseIndex);
  return cases.size();
}

std::string markerHoverText(const Case& c, const MarkerSpec& marker, size_t othersHere, const SiteCatalog& catalog) {
  std::string t = c.id + "  \xC2\xB7  ";
  if (c.age.hasNumber()) t += "age " + formatAge(c.age) + (c.age.kind == Age::Kind::Range ? " (range)" : "");
  else if (c.age.ageClass != AgeClass::None) t += toString(c.age.ageClass);
  else t += "age not stated";
  t += "  \xC2\xB7  ";
  t += c.sex == Sex::Female ? "female" : c.sex == Sex::Male ? "male" : "sex not stated";
  if (c.nPatients > 1) t += "  \xC2\xB7  series of " + std::to_string(c.nPatients) + " patients";
  const Lesion* l = marker.lesionIndex < c.lesions.size() ? &c.lesions[marker.lesionIndex] : nullptr;
  const std::string words = l && !l->wording.empty() ? l->wording : c.siteVerbatim;
  if (!words.empty()) t += "\nsite: \"" + words + "\" (source's words)";
  else t += "\nsite: " + siteTitle(catalog, l ? l->siteId.str() : marker.siteId, marker.side) + " (the source gives no wording)";
  t += "\nsubtype: " + std::string(c.subtype ? toString(*c.subtype) : "not stated");
  if (marker.count > 1)
    t += "\none marker for " + plural(marker.count, "lesion", "lesions") + " at " +
         siteTitle(catalog, marker.siteId, marker.side);
  if (othersHere) t += "\nand " + std::to_string(othersHere) + " more here";
  return t;
}

}  // namespace la

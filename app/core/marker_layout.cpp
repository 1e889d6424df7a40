#include "core/marker_layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <cstdint>

namespace la {
namespace {

using V3 = std::array<double, 3>;

V3 normalized(V3 v) {
  const double n = std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
  if (n < 1e-12) return {0, 0, 1};
  return {v[0] / n, v[1] / n, v[2] / n};
}

V3 cross(const V3& a, const V3& b) {
  return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}

// k-th slot of a hexagonal spiral: 0 is the centre, ring r holds 6r slots.
std::array<double, 2> spiralSlot(size_t k) {
  if (k == 0) return {0, 0};
  size_t ring = 1, first = 1;
  while (k >= first + 6 * ring) first += 6 * ring++;
  const size_t i = k - first;
  const double a = 2 * M_PI * double(i) / double(6 * ring);
  return {double(ring) * std::cos(a), double(ring) * std::sin(a)};
}

// The anchor used for a site: its own, else the nearest ancestor's (flagged).
const SiteAnchor* anchorFor(const SiteMap& map, const SiteCatalog& cat, const std::string& site,
                            std::string_view side, bool& atAncestor) {
  atAncestor = false;
  const Site* own = cat.byId(site);
  // A site of one sex only (scrotum, vulva) is never moved to a parent on the other figure:
  // a scrotal lesion drawn on a female genital region would misstate the case.
  if (own && !own->sex.empty()) {
    if (const SiteAnchor* a = map.find(site, side)) return a;
    return map.find(site, kSideNone);
  }
  for (const Site* s = own; s; s = s->parent.empty() ? nullptr : cat.byId(s->parent)) {
    if (const SiteAnchor* a = map.find(s->id, side)) return a;
    if (const SiteAnchor* a = map.find(s->id, kSideNone)) return a;  // e.g. an unsided parent
    atAncestor = true;
  }
  return nullptr;
}

// What a selection's lesions need from the catalog and the site map, looked up once per distinct
// site id and side (ids read by one import share their characters, so the key is where they are)
// instead of once per lesion: at a million lesions the string-keyed lookups were most of the time.
class SiteLookup {
 public:
  SiteLookup(const SiteCatalog& cat, const SiteMap& map) : cat_(cat), map_(map) {}
  const Site* site(const Text& id) {
    auto [it, fresh] = sites_.try_emplace(id.data());
    if (fresh) it->second = cat_.byId(id);
    return it->second;
  }
  const SiteAnchor* anchor(const Text& id, size_t sideIndex, std::string_view side, bool& atAncestor) {
    auto [it, fresh] = anchors_.try_emplace({id.data(), sideIndex});
    if (fresh) it->second.first = anchorFor(map_, cat_, id, side, it->second.second);
    atAncestor = it->second.second;
    return it->second.first;
  }

 private:
  struct PairHash {
    size_t operator()(const std::pair<const char*, size_t>& k) const {
      return std::hash<const void*>()(k.first) ^ (k.second * 0x9E3779B97F4A7C15ull);
    }
  };
  const SiteCatalog& cat_;
  const SiteMap& map_;
  std::unordered_map<const char*, const Site*> sites_;
  std::unordered_map<std::pair<const char*, size_t>, std::pair<const SiteAnchor*, bool>, PairHash> anchors_;
};

// The markers gathered under one anchor: all of them while they may still fan out; past kMaxFan
// only what the bubble needs (its first marker, the count, the categories, whether every side
// was unstated), so a site with 100k lesions does not hold 100k marker records.
struct AnchorGroup {
  std::vector<MarkerSpec> fan;
  size_t count = 0;
  std::vector<size_t> categoryCounts;
  bool allUnstated = true;

  // True while a marker record is still kept (the group may yet fan out, or it is the bubble's first).
  bool keepsRecords() const { return fan.size() <= kMaxFan; }
  void tally(size_t category, bool sideUnstated) {
    ++count;
    if (categoryCounts.size() <= category) categoryCounts.resize(category + 1);
    ++categoryCounts[category];
    allUnstated = allUnstated && sideUnstated;
  }
  void add(MarkerSpec&& m) {
    tally(m.category, m.sideUnstated);
    if (keepsRecords()) fan.push_back(std::move(m));
  }
};

// The sides a lesion is drawn on: (side, unstated) pairs; never invents a side.
size_t sidesOf(const Site& site, Side side, std::pair<std::string_view, bool> out[2]) {
  if (!site.sided || side == Side::Midline) out[0] = {kSideNone, false};
  else if (side == Side::Left) out[0] = {kSideLeft, false};
  else if (side == Side::Right) out[0] = {kSideRight, false};
  else if (side == Side::Bilateral) out[0] = {kSideLeft, false}, out[1] = {kSideRight, false};
  else out[0] = {kSideLeft, true}, out[1] = {kSideRight, true};  // unstated: show both, marked
  return !site.sided || side == Side::Midline || side == Side::Left || side == Side::Right ? 1 : 2;
}

// Lays each anchor's group out: a fan around the anchor for a few, one sized bubble for many.
void placeGroups(const std::vector<const SiteAnchor*>& order,
                 std::unordered_map<const SiteAnchor*, AnchorGroup>& groups, double radius, MarkerLayout& out) {
  const double spacing = 2.3 * radius;
  for (const SiteAnchor* a : order) {
    AnchorGroup& g = groups[a];
    const V3 n = normalized(a->normal);
    auto place = [&](MarkerSpec& m, std::array<double, 2> slot, double lift) {
      // Tangent basis: any vector not parallel to the normal.
      const V3 ref = std::abs(n[1]) < 0.9 ? V3{0, 1, 0} : V3{1, 0, 0};
      const V3 t1 = normalized(cross(n, ref));
      const V3 t2 = cross(n, t1);
      for (size_t k = 0; k < 3; ++k)
        m.position[k] = a->position[k] + spacing * (slot[0] * t1[k] + slot[1] * t2[k]) + lift * radius * n[k];
    };
    if (g.count <= kMaxFan) {
      for (size_t k = 0; k < g.fan.size(); ++k) {
        place(g.fan[k], spiralSlot(k), 0.6);
        out.markers.push_back(std::move(g.fan[k]));
      }
      continue;
    }
    // One bubble: area grows with the count; coloured by the most frequent category (the first
    // of equally frequent ones).
    MarkerSpec m = g.fan.front();
    m.count = g.count;
    m.scale = std::min(4.0, 1.5 * std::sqrt(double(g.count) / double(kMaxFan)));
    m.category = size_t(std::max_element(g.categoryCounts.begin(), g.categoryCounts.end()) - g.categoryCounts.begin());
    m.sideUnstated = g.allUnstated;
    place(m, {0, 0}, 0.6 * m.scale);
    out.markers.push_back(std::move(m));
  }
}

}  // namespace

MarkerLayout layoutMarkers(const Dataset& data, const std::vector<const Case*>& cases, const SiteCatalog& catalog,
                           const SiteMap& map, double radius, const Palette* palette) {
  const Palette subtypes = palette ? Palette{} : makePalette(ColorBy::Subtype, {});
  if (!palette) palette = &subtypes;
  MarkerLayout out;
  std::set<std::string> missing;
  // First gather every marker under its anchor, then lay each anchor's group out: a fan for a
  // few, one sized bubble for many (a table of thousands must not bury the body in spheres).
  std::vector<const SiteAnchor*> order;
  std::unordered_map<const SiteAnchor*, AnchorGroup> groups;
  SiteLookup lookup(catalog, map);
  for (const Case* c : cases) {
    const size_t ci = size_t(c - data.cases.data());
    size_t category = SIZE_MAX;  // the case's palette category, found at its first drawn marker
    for (size_t li = 0; li < c->lesions.size(); ++li) {
      const Lesion& l = c->lesions[li];
      const Site* site = lookup.site(l.siteId);
      // "other" means the source names a site outside the catalog: like a vague one, it has no place.
      if (!site || l.siteId == "unspecified" || l.siteId == "other") {
        ++out.lesionsUnspecified;
        continue;
      }
      // A coarse class ("anterior torso") or a whole region ("lower extremity") names an area,
      // not a point: it is shaded, never drawn as a marker.
      if (site->coarse || site->region) {
        ++out.regionCounts[site->id];
        ++out.lesionsAsRegions;
        continue;
      }
      std::pair<std::string_view, bool> sides[2];
      const size_t nSides = sidesOf(*site, l.side, sides);
      bool drawn = false;
      for (size_t k = 0; k < nSides; ++k) {
        const auto [side, unstated] = sides[k];
        bool atAncestor = false;
        const SiteAnchor* a = lookup.anchor(l.siteId, size_t(side == kSideLeft) + 2 * (side == kSideRight), side,
                                            atAncestor);
        if (!a) continue;
        if (atAncestor) missing.insert(l.siteId);
        if (category == SIZE_MAX) category = palette->categoryOf(*c);
        auto [it, fresh] = groups.try_emplace(a);
        if (fresh) order.push_back(a);
        drawn = true;
        if (!it->second.keepsRecords()) {  // already a bubble: only counted
          it->second.tally(category, unstated);
          continue;
        }
        MarkerSpec m;
        m.normal = normalized(a->normal);
        m.caseIndex = ci;
        m.lesionIndex = li;
        m.siteId = a->site;
        m.side = std::string(side);
        m.sideUnstated = unstated;
        m.atAncestor = atAncestor;
        m.category = category;
        it->second.add(std::move(m));
      }
      if (drawn) {
        ++out.lesionsDrawn;
      } else {
        ++out.lesionsNotOnFigure;
        if (site->sex.empty()) missing.insert(l.siteId);
      }
    }
  }
  placeGroups(order, groups, radius, out);
  out.missingSites.assign(missing.begin(), missing.end());
  return out;
}

}  // namespace la

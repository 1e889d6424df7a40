#include "core/marker_layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <cstdint>

#include "core/case_index.hpp"

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

// What a selection's lesions need from the catalog and the site map, looked up once per site code
// of the dataset's index and side instead of once per lesion: at a million lesions the
// string-keyed lookups were most of the time.
class SiteLookup {
 public:
  SiteLookup(const CaseIndex& ix, const SiteCatalog& cat, const SiteMap& map)
      : ix_(ix), cat_(cat), map_(map), sites_(ix.siteIds.size()), anchors_(3 * ix.siteIds.size()) {}

  enum class Kind { NotLooked, Unspecified, Region, Point };
  struct SiteEntry {
    Kind kind = Kind::NotLooked;
    const Site* site = nullptr;
    size_t regionLesions = 0;  // Kind::Region: lesions counted at the region so far
    bool missingNoted = false;
  };
  SiteEntry& site(uint32_t code) {
    SiteEntry& e = sites_[code];
    if (e.kind != Kind::NotLooked) return e;
    const std::string& id = ix_.siteIds[code];
    e.site = cat_.byId(id);
    // "other" means the source names a site outside the catalog: like a vague one, it has no place.
    // A coarse class ("anterior torso") or a whole region ("lower extremity") names an area,
    // not a point: it is shaded, never drawn as a marker.
    e.kind = !e.site || id == "unspecified" || id == "other" ? Kind::Unspecified
             : e.site->coarse || e.site->region             ? Kind::Region
                                                            : Kind::Point;
    return e;
  }

  struct AnchorEntry {
    bool looked = false, atAncestor = false, missingNoted = false;
    const SiteAnchor* anchor = nullptr;
    size_t group = 0;  // the anchor's position in the gatherer's order, once it has a marker
    bool grouped = false;
  };
  AnchorEntry& anchor(uint32_t code, size_t sideIndex, std::string_view side) {
    AnchorEntry& e = anchors_[3 * code + sideIndex];
    if (!e.looked) {
      e.anchor = anchorFor(map_, cat_, ix_.siteIds[code], side, e.atAncestor);
      e.looked = true;
    }
    return e;
  }

 private:
  const CaseIndex& ix_;
  const SiteCatalog& cat_;
  const SiteMap& map_;

 public:
  std::vector<SiteEntry> sites_;  // by site code

 private:
  std::vector<AnchorEntry> anchors_;
};

// A case's palette category, found once per distinct value of what the colouring reads (the
// category is a function of that value alone): the index's codes for subtype, sex, age band,
// variant and diagnosis (the shared text of the last two where a table has too many to number).
class CategoryMemo {
 public:
  CategoryMemo(const Palette& p, const CaseIndex& ix) : p_(p), ix_(ix) {}
  size_t of(const Case& c, size_t i) {
    switch (p_.by) {
      case ColorBy::Subtype: return byCode(ix_.subtype[i], c);
      case ColorBy::Sex: return byCode(ix_.sex[i], c);
      case ColorBy::AgeBand: return byCode(ix_.ageBand[i], c);
      case ColorBy::Variant: return ix_.variant.empty() ? byText(c.variant, c) : byNumber(ix_.variant[i], c);
      case ColorBy::Category: return ix_.diagnosis.empty() ? byText(c.diagnosis, c) : byNumber(ix_.diagnosis[i], c);
    }
    return p_.categoryOf(c);
  }

 private:
  size_t byCode(uint8_t code, const Case& c) {
    if (codes_[code] == SIZE_MAX) codes_[code] = p_.categoryOf(c);
    return codes_[code];
  }
  size_t byNumber(uint16_t n, const Case& c) {
    if (numbers_.size() <= n) numbers_.resize(size_t(n) + 1, SIZE_MAX);
    if (numbers_[n] == SIZE_MAX) numbers_[n] = p_.categoryOf(c);
    return numbers_[n];
  }
  size_t byText(const Text& t, const Case& c) {
    auto [it, fresh] = texts_.try_emplace(t.data());
    if (fresh) it->second = p_.categoryOf(c);
    return it->second;
  }
  const Palette& p_;
  const CaseIndex& ix_;
  std::vector<size_t> codes_ = std::vector<size_t>(256, SIZE_MAX);
  std::unordered_map<const char*, size_t> texts_;
  std::vector<size_t> numbers_;  // by the index's diagnosis or variant number
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
// `groups[k]` belongs to `order[k]`.
void placeGroups(const std::vector<const SiteAnchor*>& order, std::vector<AnchorGroup>& groups, double radius,
                 MarkerLayout& out) {
  const double spacing = 2.3 * radius;
  for (size_t ai = 0; ai < order.size(); ++ai) {
    const SiteAnchor* a = order[ai];
    AnchorGroup& g = groups[ai];
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

namespace {

// Gathers a selection's markers under their anchors (placeGroups lays them out afterwards).
class Gatherer {
 public:
  Gatherer(const Dataset& data, const SiteCatalog& catalog, const SiteMap& map, const Palette& palette,
           MarkerLayout& out)
      : data_(data), ix_(data.index()), lookup_(ix_, catalog, map), category_(palette, ix_), out_(out) {}

  void addCase(size_t ci) {
    size_t category = SIZE_MAX;  // the case's palette category, found at its first drawn marker
    const uint32_t first = ix_.lesionBegin[ci], end = ix_.lesionBegin[ci + 1];
    for (uint32_t k = first; k < end; ++k) {
      const uint32_t code = ix_.lesionSite[k];
      SiteLookup::SiteEntry& e = lookup_.site(code);
      if (e.kind == SiteLookup::Kind::Unspecified) {
        ++out_.lesionsUnspecified;
      } else if (e.kind == SiteLookup::Kind::Region) {
        ++e.regionLesions;
        ++out_.lesionsAsRegions;
      } else if (addLesion(ci, k - first, code, *e.site, category)) {
        ++out_.lesionsDrawn;
      } else {
        ++out_.lesionsNotOnFigure;
        if (e.site->sex.empty() && !e.missingNoted) missing_.insert(ix_.siteIds[code]), e.missingNoted = true;
      }
    }
  }

  void finish(double radius) {
    for (const SiteLookup::SiteEntry& e : lookup_.sites_)
      if (e.regionLesions) out_.regionCounts[e.site->id] += e.regionLesions;
    placeGroups(order_, groups_, radius, out_);
    out_.missingSites.assign(missing_.begin(), missing_.end());
  }

 private:
  // One marker per side the lesion is drawn on; false when the figure has no place for it.
  bool addLesion(size_t ci, size_t li, uint32_t code, const Site& site, size_t& category) {
    std::pair<std::string_view, bool> sides[2];
    const size_t nSides = sidesOf(site, ix_.sideOf(ix_.lesionBegin[ci] + li), sides);
    bool drawn = false;
    for (size_t s = 0; s < nSides; ++s) {
      const auto [side, unstated] = sides[s];
      SiteLookup::AnchorEntry& a = lookup_.anchor(code, size_t(side == kSideLeft) + 2 * (side == kSideRight), side);
      if (!a.anchor) continue;
      if (a.atAncestor && !a.missingNoted) missing_.insert(ix_.siteIds[code]), a.missingNoted = true;
      if (category == SIZE_MAX) category = category_.of(data_.cases[ci], ci);
      if (!a.grouped) a.group = groupOf(a.anchor), a.grouped = true;
      AnchorGroup& g = groups_[a.group];
      drawn = true;
      if (!g.keepsRecords()) {  // already a bubble: only counted
        g.tally(category, unstated);
        continue;
      }
      MarkerSpec m;
      m.normal = normalized(a.anchor->normal);
      m.caseIndex = ci;
      m.lesionIndex = li;
      m.siteId = a.anchor->site;
      m.side = std::string(side);
      m.sideUnstated = unstated;
      m.atAncestor = a.atAncestor;
      m.category = category;
      g.add(std::move(m));
    }
    return drawn;
  }

  // The group of an anchor (two sites may share one, e.g. at a common ancestor), made at its first marker.
  size_t groupOf(const SiteAnchor* a) {
    auto [it, fresh] = groupIndex_.try_emplace(a, order_.size());
    if (fresh) {
      order_.push_back(a);
      groups_.emplace_back();
    }
    return it->second;
  }

  const Dataset& data_;
  const CaseIndex& ix_;
  SiteLookup lookup_;
  CategoryMemo category_;
  MarkerLayout& out_;
  std::set<std::string> missing_;
  std::vector<const SiteAnchor*> order_;
  std::vector<AnchorGroup> groups_;  // groups_[k] gathers at order_[k]
  std::unordered_map<const SiteAnchor*, size_t> groupIndex_;
};

}  // namespace

MarkerLayout layoutMarkers(const Dataset& data, const std::vector<const Case*>& cases, const SiteCatalog& catalog,
                           const SiteMap& map, double radius, const Palette* palette) {
  const Palette subtypes = palette ? Palette{} : makePalette(ColorBy::Subtype, {});
  if (!palette) palette = &subtypes;
  MarkerLayout out;
  // First gather every marker under its anchor, then lay each anchor's group out: a fan for a
  // few, one sized bubble for many (a table of thousands must not bury the body in spheres).
  Gatherer g(data, catalog, map, *palette, out);
  for (const Case* c : cases) g.addCase(size_t(c - data.cases.data()));
  g.finish(radius);
  return out;
}

}  // namespace la

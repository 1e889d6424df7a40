#include "core/marker_layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

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
  std::map<const SiteAnchor*, std::vector<MarkerSpec>> groups;
  for (const Case* c : cases) {
    const size_t ci = size_t(c - data.cases.data());
    for (size_t li = 0; li < c->lesions.size(); ++li) {
      const Lesion& l = c->lesions[li];
      const Site* site = catalog.byId(l.siteId);
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
      std::vector<std::pair<std::string_view, bool>> sides;  // side, unstated
      if (!site->sided || l.side == Side::Midline) {
        sides.push_back({kSideNone, false});
      } else if (l.side == Side::Left) {
        sides.push_back({kSideLeft, false});
      } else if (l.side == Side::Right) {
        sides.push_back({kSideRight, false});
      } else if (l.side == Side::Bilateral) {
        sides = {{kSideLeft, false}, {kSideRight, false}};
      } else {
        sides = {{kSideLeft, true}, {kSideRight, true}};  // never invent a side: show both, marked
      }
      bool drawn = false;
      for (auto [side, unstated] : sides) {
        bool atAncestor = false;
        const SiteAnchor* a = anchorFor(map, catalog, l.siteId, side, atAncestor);
        if (!a) continue;
        if (atAncestor) missing.insert(l.siteId);
        MarkerSpec m;
        m.normal = normalized(a->normal);
        m.caseIndex = ci;
        m.lesionIndex = li;
        m.siteId = a->site;
        m.side = std::string(side);
        m.sideUnstated = unstated;
        m.atAncestor = atAncestor;
        m.category = palette->categoryOf(*c);
        auto [it, fresh] = groups.try_emplace(a);
        if (fresh) order.push_back(a);
        it->second.push_back(std::move(m));
        drawn = true;
      }
      if (drawn) {
        ++out.lesionsDrawn;
      } else {
        ++out.lesionsNotOnFigure;
        if (site->sex.empty()) missing.insert(l.siteId);
      }
    }
  }

  const double spacing = 2.3 * radius;
  for (const SiteAnchor* a : order) {
    std::vector<MarkerSpec>& g = groups[a];
    const V3 n = normalized(a->normal);
    auto place = [&](MarkerSpec& m, std::array<double, 2> slot, double lift) {
      // Tangent basis: any vector not parallel to the normal.
      const V3 ref = std::abs(n[1]) < 0.9 ? V3{0, 1, 0} : V3{1, 0, 0};
      const V3 t1 = normalized(cross(n, ref));
      const V3 t2 = cross(n, t1);
      for (size_t k = 0; k < 3; ++k)
        m.position[k] = a->position[k] + spacing * (slot[0] * t1[k] + slot[1] * t2[k]) + lift * radius * n[k];
    };
    if (g.size() <= kMaxFan) {
      for (size_t k = 0; k < g.size(); ++k) {
        place(g[k], spiralSlot(k), 0.6);
        out.markers.push_back(std::move(g[k]));
      }
      continue;
    }
    // One bubble: area grows with the count; coloured by the most frequent category.
    MarkerSpec m = g.front();
    m.count = g.size();
    m.scale = std::min(4.0, 1.5 * std::sqrt(double(g.size()) / double(kMaxFan)));
    std::map<size_t, size_t> freq;
    bool allUnstated = true;
    for (const MarkerSpec& x : g) {
      ++freq[x.category];
      allUnstated = allUnstated && x.sideUnstated;
    }
    const auto top = std::max_element(freq.begin(), freq.end(), [](auto& p, auto& q) { return p.second < q.second; });
    m.category = top->first;
    m.sideUnstated = allUnstated;
    place(m, {0, 0}, 0.6 * m.scale);
    out.markers.push_back(std::move(m));
  }
  out.missingSites.assign(missing.begin(), missing.end());
  return out;
}

}  // namespace la

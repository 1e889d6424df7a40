#include "core/choropleth.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace la {
namespace {

int depthOf(const SiteCatalog& cat, const std::string& id) {
  int d = 0;
  for (const Site* s = cat.byId(id); s && !s->parent.empty(); s = cat.byId(s->parent)) ++d;
  return d;
}

// The sites whose patches draw `site` on a body: its own, or for a coarse class the sites it covers.
std::vector<std::string> paintedSites(const SiteCatalog& cat, const std::string& site) {
  const Site* s = cat.byId(site);
  if (s && s->coarse) return s->covers;
  return {site};
}

}  // namespace

std::map<std::string, SiteCount> countBySite(const std::vector<const Case*>& cases, const SiteCatalog& catalog,
                                             CountUnit unit) {
  std::map<std::string, SiteCount> out;
  for (const Case* c : cases) {
    std::map<std::string, double> own;     // site -> this case's contribution at the site itself
    std::set<std::string> under;           // sites this case counts towards in totals
    for (const Lesion& l : c->lesions) {
      if (l.siteId == "unspecified" || l.siteId == "other" || !catalog.byId(l.siteId)) continue;
      own[l.siteId] += unit == CountUnit::Lesions ? 1.0 : 0.0;
      for (const Site* s = catalog.byId(l.siteId); s; s = s->parent.empty() ? nullptr : catalog.byId(s->parent))
        under.insert(s->id);
    }
    const double perCase = unit == CountUnit::Patients ? double(c->nPatients) : 1.0;
    for (auto& [site, n] : own) {
      SiteCount& sc = out[site];
      sc.site = site;
      sc.own += unit == CountUnit::Lesions ? n : perCase;
    }
    for (const std::string& site : under) {
      SiteCount& sc = out[site];
      sc.site = site;
      if (unit == CountUnit::Lesions) {
        for (const Lesion& l : c->lesions) sc.total += catalog.byId(l.siteId) && catalog.isWithin(l.siteId, site);
      } else {
        sc.total += perCase;
      }
    }
  }
  return out;
}

std::vector<std::optional<double>> vertexCounts(const std::map<std::string, SiteCount>& counts,
                                                const SiteCatalog& catalog, const SiteMap& map, size_t vertexCount) {
  // Paint from the least to the most specific site, so the most specific with data wins.
  // Coarse classes paint first of all (-1): they name an area more vaguely than any real site.
  std::vector<std::pair<int, const SiteCount*>> order;
  for (const auto& [id, sc] : counts) {
    if (sc.own <= 0) continue;
    const Site* s = catalog.byId(id);
    order.push_back({s && s->coarse ? -1 : depthOf(catalog, id), &sc});
  }
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::optional<double>> out(vertexCount);
  for (const auto& [depth, sc] : order)
    for (const std::string& part : paintedSites(catalog, sc->site))
      for (const SiteAnchor* a : map.forSite(part))
        for (int v : a->patch)
          if (v >= 0 && size_t(v) < vertexCount) out[size_t(v)] = sc->own;
  return out;
}

std::array<double, 3> viridis(double t) {
  static const double stops[9][3] = {{0.267, 0.005, 0.329}, {0.279, 0.175, 0.483}, {0.230, 0.322, 0.546},
                                     {0.173, 0.449, 0.558}, {0.128, 0.567, 0.551}, {0.154, 0.680, 0.504},
                                     {0.360, 0.785, 0.388}, {0.668, 0.862, 0.196}, {0.993, 0.906, 0.144}};
  t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * 8.0;
  const int i = std::min(7, int(t));
  const double f = t - i;
  return {stops[i][0] * (1 - f) + stops[i + 1][0] * f, stops[i][1] * (1 - f) + stops[i + 1][1] * f,
          stops[i][2] * (1 - f) + stops[i + 1][2] * f};
}

}  // namespace la

#include "core/choropleth.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/case_index.hpp"

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

namespace {

// countBySite over the index rows row(0..n-1), in the catalog's positions: each distinct site
// code's ancestor chain is walked once per call, and a case's own sites and the sites above them
// are told apart with stamps instead of a map and a set per case.
template <class Row>
std::map<std::string, SiteCount> countRows(const CaseIndex& ix, size_t n, Row row, const SiteCatalog& catalog,
                                           CountUnit unit) {
  const std::vector<Site>& sites = catalog.sites();
  // Per site code: the catalog positions of the site and everything above it; empty when the
  // lesion is not counted ("unspecified", "other", a site the catalog does not know).
  std::vector<std::vector<uint32_t>> chain(ix.siteIds.size());
  for (size_t k = 0; k < chain.size(); ++k) {
    const std::string& id = ix.siteIds[k];
    if (id == "unspecified" || id == "other") continue;
    for (const Site* s = catalog.byId(id); s; s = s->parent.empty() ? nullptr : catalog.byId(s->parent))
      chain[k].push_back(static_cast<uint32_t>(s - sites.data()));
  }
  const bool lesions = unit == CountUnit::Lesions;
  std::vector<double> own(sites.size()), total(sites.size()), caseOwn(sites.size()), caseUnder(sites.size());
  std::vector<size_t> ownStamp(sites.size(), SIZE_MAX), underStamp(sites.size(), SIZE_MAX);
  std::vector<char> hasOwn(sites.size()), hasTotal(sites.size());
  std::vector<uint32_t> ownList, underList;
  for (size_t k = 0; k < n; ++k) {
    const size_t i = row(k);
    ownList.clear();
    underList.clear();
    for (uint32_t l = ix.lesionBegin[i]; l < ix.lesionBegin[i + 1]; ++l) {
      const auto& up = chain[ix.lesionSite[l]];
      if (up.empty()) continue;
      if (ownStamp[up[0]] != k) ownStamp[up[0]] = k, caseOwn[up[0]] = 0, ownList.push_back(up[0]);
      caseOwn[up[0]] += lesions ? 1.0 : 0.0;
      for (uint32_t a : up) {
        if (underStamp[a] != k) underStamp[a] = k, caseUnder[a] = 0, underList.push_back(a);
        caseUnder[a] += 1.0;  // the case's lesions within `a`
      }
    }
    const double perCase = unit == CountUnit::Patients ? double(ix.nPatients[i]) : 1.0;
    for (uint32_t a : ownList) own[a] += lesions ? caseOwn[a] : perCase, hasOwn[a] = 1;
    for (uint32_t a : underList) total[a] += lesions ? caseUnder[a] : perCase, hasTotal[a] = 1;
  }
  std::map<std::string, SiteCount> out;
  for (size_t a = 0; a < sites.size(); ++a)
    if (hasOwn[a] || hasTotal[a]) out[sites[a].id] = SiteCount{sites[a].id, own[a], total[a]};
  return out;
}

}  // namespace

std::map<std::string, SiteCount> countBySite(const std::vector<const Case*>& cases, const SiteCatalog& catalog,
                                             CountUnit unit) {
  const CaseIndex ix = CaseIndex::build(cases);
  return countRows(ix, cases.size(), [](size_t k) { return k; }, catalog, unit);
}

std::map<std::string, SiteCount> countBySite(const Dataset& data, const std::vector<const Case*>& cases,
                                             const SiteCatalog& catalog, CountUnit unit) {
  const Case* first = data.cases.data();
  const Case* last = first + data.cases.size();
  if (!std::all_of(cases.begin(), cases.end(), [&](const Case* c) { return c >= first && c < last; }))
    return countBySite(cases, catalog, unit);
  return countRows(data.index(), cases.size(), [&cases, first](size_t k) { return size_t(cases[k] - first); },
                   catalog, unit);
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

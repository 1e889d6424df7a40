#pragma once
// Counts per site for a choropleth, and which count each vertex of a body shows. Pure numbers on
// core types (the site map's patches), so it is tested without a display.
//
// A site's count is what is reported at that site itself (a lesion at the great toe counts for
// the great toe, not again for the foot). A vertex shows the count of the most specific site that
// contains it and has data; a region's total (itself and everything below it) is listed apart, so
// a big region never paints over its children. Coarse classes of public tables ("anterior
// torso") paint the sites they cover, below every real site.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/site_catalog.hpp"
#include "core/site_map.hpp"
#include "core/view_model.hpp"

namespace la {

struct SiteCount {
  std::string site;
  double own = 0;    // at this site itself
  double total = 0;  // this site and everything below it (each case once)
};

// Counts per site in `unit` for the cases (a case counts once per site even with two lesions
// there; patients are the cases' nPatients; lesions are lesion entries). "unspecified" and
// "other" are left out.
// With the dataset the cases belong to, read from its index (core/case_index.hpp), as the window
// and `render` do; the same counts either way.
std::map<std::string, SiteCount> countBySite(const Dataset& data, const std::vector<const Case*>& cases,
                                             const SiteCatalog& catalog, CountUnit unit);
std::map<std::string, SiteCount> countBySite(const std::vector<const Case*>& cases, const SiteCatalog& catalog,
                                             CountUnit unit);

// Per vertex of a body with `vertexCount` vertices: the count it shows, or nullopt (no data: skin).
std::vector<std::optional<double>> vertexCounts(const std::map<std::string, SiteCount>& counts,
                                                const SiteCatalog& catalog, const SiteMap& map, size_t vertexCount);

// Viridis, t in 0..1 (matplotlib's table, 9 stops, linear between them).
std::array<double, 3> viridis(double t);

}  // namespace la

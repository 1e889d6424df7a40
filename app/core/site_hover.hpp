#pragma once
// What the hover tooltip says: for a marker, its case (id, age, sex, the site in the source's
// words, subtype) and how many other cases share its spot; for bare skin, the site under the
// cursor (from the site map's patches) and how many cases of the current view are there. Text
// and counts only, on core types, so they are tested without a window.
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/marker_layout.hpp"
#include "core/site_catalog.hpp"
#include "core/site_map.hpp"

namespace la {

// Per vertex of a body: index into map.anchors of the most specific site whose patch holds it,
// or -1 for skin no site claims. A parent's patch contains its children's; the child wins.
std::vector<int> vertexAnchors(const SiteMap& map, const SiteCatalog& catalog, size_t vertexCount);

// Cases with a lesion at a site (or below it) on one side of the figure.
struct SiteCases {
  size_t here = 0;          // on this side (a bilateral lesion counts on both; unsided sites: all)
  size_t sideUnstated = 0;  // at the site, side not given by the source (drawn pale on both sides)
};
SiteCases casesAtSite(const std::vector<const Case*>& cases, const std::string& site, const std::string& side,
                      const SiteCatalog& catalog);

// "Thigh, right" / "Scalp".
std::string siteTitle(const SiteCatalog& catalog, const std::string& site, const std::string& side);

// Two or three lines: "Thigh, right", "3 cases here in this view", "(+1 with no side stated)".
std::string skinHoverText(const SiteCatalog& catalog, const std::string& site, const std::string& side,
                          const SiteCases& n);

// Other cases drawn at the same site and side as markers[index] (distinct cases, itself excluded).
size_t othersAtSameSpot(const std::vector<MarkerSpec>& markers, size_t index);

// "CC000  ·  55 years  ·  female", "site: "upper right thigh" (source's words)", "subtype:
// idiopathic", "and 2 more here". A bubble says how many lesions it stands for.
std::string markerHoverText(const Case& c, const MarkerSpec& marker, size_t othersHere, const SiteCatalog& catalog);

}  // namespace la

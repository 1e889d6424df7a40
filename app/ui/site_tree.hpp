#pragma once
// The site tree: the catalog's sites under their regions, each with the number of cases of the
// current filter reported there (itself and below), rare sites marked. Choosing a site flies the
// camera to it; "filter" narrows the cases to it; its context menu lists the teaching cards that
// name it (or a site above or below it).
#include <map>
#include <string>

#include "core/choropleth.hpp"
#include "core/site_catalog.hpp"

namespace la::ui {

struct CasesState;
struct TeachingCardState;

struct SiteTreeState {
  bool show = false;
  unsigned builtFor = ~0u;                  // CasesState::generation the counts belong to
  std::map<std::string, SiteCount> counts;  // cases per site (own and with everything below)
};

void drawSiteTree(SiteTreeState& t, CasesState& s, const SiteCatalog& catalog, TeachingCardState* cards = nullptr);

}  // namespace la::ui

#pragma once
// The case card's "same site" section: for each site of the case, the other cases reported there
// and in its parent site, each with its subtype, each opening its own card (and flying to it).
#include "core/dataset.hpp"
#include "core/site_catalog.hpp"

namespace la::ui {

struct CasesState;

void drawSameSite(CasesState& s, const Case& c, const Dataset& data, const SiteCatalog& catalog);

}  // namespace la::ui

#pragma once
// What one pane shows for its cases on its figure: markers laid on the skin, counts per site for
// shading, and notes on what is not drawn. Built by render::compose for each pane.
#include <map>
#include <string>
#include <vector>

#include "core/choropleth.hpp"
#include "core/dataset.hpp"
#include "core/marker_layout.hpp"
#include "core/palette.hpp"
#include "core/site_catalog.hpp"
#include "render/body_cache.hpp"

namespace la::render {

struct PaneContent {
  std::vector<const Case*> cases;
  MarkerLayout layout;
  double radius = 0;
  std::map<std::string, SiteCount> counts;  // per site in the view's count unit
  std::vector<std::string> notes;           // what is not drawn and why, one line each (panel)
  std::string label;                        // pane title (compare label, figure name)
};

// Markers are 0.6% of the figure's height in radius, laid onto its surface.
PaneContent buildPane(const Dataset& data, const SiteCatalog& catalog, const Figure& figure,
                      std::vector<const Case*> cases, const Palette& palette, CountUnit unit);

// One caption line for several panes: what is not drawn, summed, with each pane's share when
// there are two ("13 lesions at unspecified sites (A 2, B 11)").
std::string drawingNotes(const std::vector<PaneContent>& panes);

// Sites among `counts` reported by at most `rareMax` cases (and at least one), sorted.
std::vector<std::string> rareSites(const std::vector<const Case*>& cases, const SiteCatalog& catalog, int rareMax);

}  // namespace la::render

#pragma once
// What the atlas draws over the body for a selection of cases: lesion markers, the legend and
// a caption that says what the picture shows and what it leaves out. Shared by the window and
// the headless `render`, so a slide says the same as the screen.
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/marker_layout.hpp"
#include "core/site_catalog.hpp"
#include "core/site_map.hpp"
#include "render/scene_view.hpp"

class vtkPolyData;

namespace la::render {

struct Overlay {
  MarkerLayout layout;
  std::vector<LegendEntry> legend;
  std::string notes;    // what is not drawn and why ("5 at unspecified sites (not drawn); ...")
  std::string caption;  // counts, notes, credits: lines for the bottom-left corner of a picture
  double radius = 0;
  std::vector<SceneView::RegionShade> regions;  // coarse sites, shaded on the skin
};

// Tint of shaded regions (a muted violet, apart from skin and the subtype colours).
inline constexpr std::array<double, 3> kRegionColor{0.45, 0.3, 0.7};

// Markers are 0.6% of the body's height in radius and, when `body` is given, laid onto its
// surface (a fan of markers around an anchor follows the skin instead of a flat plane).
Overlay buildOverlay(const Dataset& data, const std::vector<const Case*>& cases, const SiteCatalog& catalog,
                     const SiteMap& map, vtkPolyData* body, const std::string& bodyLabel);

void applyOverlay(SceneView& view, const Overlay& overlay);

}  // namespace la::render

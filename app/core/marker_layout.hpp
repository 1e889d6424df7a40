#pragma once
// Where each lesion of a selection is drawn on a body: at its site's anchor from the body's site
// map, one marker per lesion and side, fanned out on the skin around the anchor so several cases
// at one site stay visible and clickable. Pure geometry on core types, testable without a display.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/palette.hpp"
#include "core/site_catalog.hpp"
#include "core/site_map.hpp"

namespace la {

struct MarkerSpec {
  std::array<double, 3> position{};  // centre of the marker, lifted off the skin by its radius
  std::array<double, 3> normal{};
  size_t caseIndex = 0;              // into Dataset::cases
  size_t lesionIndex = 0;            // into Case::lesions
  std::string siteId;                // the site drawn (may be an ancestor of the lesion's site)
  std::string side;                  // kSideLeft / kSideRight / kSideNone
  bool sideUnstated = false;         // a sided site whose side the source does not give: shown on both sides
  bool atAncestor = false;           // the figure has no anchor for the exact site; drawn at its parent
  size_t category = 0;              // into the view's Palette; for a bubble the most frequent among its lesions
  size_t count = 1;                 // lesions this marker stands for (more than one: a bubble)
  double scale = 1;                 // radius multiplier (bubbles grow with their count)
};

// Up to this many markers fan out around one anchor (the centre and three rings); more become one
// bubble whose size grows with the count.
inline constexpr size_t kMaxFan = 37;

struct MarkerLayout {
  std::vector<MarkerSpec> markers;
  size_t lesionsDrawn = 0;            // lesions with at least one marker
  size_t lesionsUnspecified = 0;      // vague location or "other": listed, never drawn
  size_t lesionsNotOnFigure = 0;      // the site does not exist on this figure (e.g. scrotum on a female body)
  // Lesions at coarse classes of other tables ("anterior torso"): a region, never a point, so no
  // marker; counted per coarse site id for shading the region.
  std::map<std::string, size_t> regionCounts;
  size_t lesionsAsRegions = 0;
  std::vector<std::string> missingSites;  // site ids without any anchor on this body (sorted, unique)
};

// `radius` is the marker radius in the body's units; markers of one anchor are spaced by
// 2.3 radii on rings around it. Categories come from `palette` (colour by subtype when null).
MarkerLayout layoutMarkers(const Dataset& data, const std::vector<const Case*>& cases, const SiteCatalog& catalog,
                           const SiteMap& map, double radius, const Palette* palette = nullptr);

}  // namespace la

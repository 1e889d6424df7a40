#pragma once
// A first placement of sites on a mesh that has no site map: where each site lies on a standing
// adult figure, as fractions of its height, and from which direction its skin is seen. The
// render layer casts a ray from that direction onto the mesh to find the anchor; the user then
// corrects what is off. Fractions follow the usual canon (head 1/7.5 of height, crotch at about
// half height, fingertips at mid-thigh) for a figure in the anatomical position.
#include <optional>
#include <string_view>

namespace la {

enum class Facing { Front, Back, Lateral, Top, Bottom };

struct SiteProportion {
  double height;   // 0 = soles, 1 = vertex of the head
  double lateral;  // distance from the midline as a fraction of height (the side picks the sign)
  Facing facing;   // Lateral: seen from the figure's own side (outside)
};

// The proportion entry for a catalog id, or nullopt when the table has none (callers then try
// the site's parent).
std::optional<SiteProportion> siteProportion(std::string_view siteId);

}  // namespace la

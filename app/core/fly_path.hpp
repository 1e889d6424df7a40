#pragma once
// The camera's flight to a site and back: an eased path between two camera poses that swings
// around the body instead of through it. Pure geometry (no VTK), so the path can be tested; the
// window checks each path against the real body surface (render::FlyPlanner) before flying it.
#include <array>

#include "core/camera_path.hpp"

namespace la {

using Vec3 = std::array<double, 3>;

struct FlyPose {
  Vec3 position{0, 0, 1};
  Vec3 focal{0, 0, 0};
  Vec3 up{0, 1, 0};
};

// The body's keep-out shell: an ellipsoid that contains its bounding box. A camera outside it is
// outside the body, whatever the body's shape.
struct Ellipsoid {
  Vec3 center{0, 0, 0};
  Vec3 radii{1, 1, 1};
  // True when `p` lies outside the ellipsoid scaled by `scale`.
  bool outside(const Vec3& p, double scale = 1.0) const;
};

// The smallest axis-aligned ellipsoid through the corners of a box (xmin, xmax, ymin, ymax,
// zmin, zmax): half-extents times sqrt(3).
Ellipsoid enclosingEllipsoid(const std::array<double, 6>& bounds);

// Smooth start and stop: easeInOut in core/camera_path.hpp (one easing for every camera move).

// A flight from one pose to another. Positions travel around the shell's centre: in the shell's
// normalised coordinates the direction turns about the vertical axis (azimuth the short way
// round, elevation linearly) while the distance goes from start to end, lifted in the middle by
// `lift` (shell radii) so that a swing to the far side of the body passes outside it. The focal
// point moves straight; the up vector turns with the view and never rolls it.
struct FlyPath {
  FlyPose from, to;
  Ellipsoid shell;
  double lift = 0;  // extra distance at the midpoint, in shell radii

  // The pose at time t in 0..1 (already eased by the caller or not: the path is geometric).
  FlyPose at(double t) const;
};

// A path whose lift keeps its middle at least `clearance` shell radii out when the endpoints
// turn far around the body; no lift for a short move between nearby poses.
FlyPath makeFlyPath(const FlyPose& from, const FlyPose& to, const Ellipsoid& shell, double clearance = 1.05);

// Vector helpers shared by the window's planner.
Vec3 add(const Vec3& a, const Vec3& b);
Vec3 sub(const Vec3& a, const Vec3& b);
Vec3 scale(const Vec3& a, double s);
double dot(const Vec3& a, const Vec3& b);
Vec3 cross(const Vec3& a, const Vec3& b);
double length(const Vec3& a);
Vec3 normalized(const Vec3& a);  // (0,0,0) stays (0,0,0)

}  // namespace la

#pragma once
// Where the camera flies to and by which way: a close-up that faces a site on the skin with a
// clear line of sight, a framing of several spots (a case's markers), and a path that is checked
// against the body surface segment by segment so the camera never passes through the body.
#include <array>
#include <vector>

#include "core/fly_path.hpp"
#include "render/body_probe.hpp"

namespace la::render {

// The camera distance at which the view angle spans about a quarter of the body's height.
double closeUpDistance(const std::array<double, 6>& bodyBounds, double viewAngleDeg);

// Looking at `target` from `distance` along the skin's outward `normal`. Where the body blocks
// that line (inner thigh, armpit, between the fingers) the direction turns towards `eye` (the
// camera now) until the view is clear; failing that, the camera comes closer than the blocker.
FlyPose closeUpPose(const BodyProbe& probe, const Vec3& target, const Vec3& normal, double distance, const Vec3& eye);

// Frames several spots on the skin (a case's markers): a close-up when they lie together, else
// the view from the current direction far enough back to see them all.
FlyPose framePoints(const BodyProbe& probe, const std::vector<Vec3>& points, const std::vector<Vec3>& normals,
                       const std::array<double, 6>& bodyBounds, double viewAngleDeg, const FlyPose& now);

// True when no stretch of the path (sampled `samples` times) crosses the body surface.
bool pathClear(const BodyProbe& probe, const FlyPath& path, int samples = 64);

// makeFlyPath, lifted further out until pathClear holds (a few tries; the last is returned).
FlyPath clearPath(const BodyProbe& probe, const FlyPose& from, const FlyPose& to, const Ellipsoid& shell,
                  int samples = 64);

}  // namespace la::render

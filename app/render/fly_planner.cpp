#include "render/fly_planner.hpp"

#include <algorithm>
#include <cmath>

namespace la::render {
namespace {

// World up, unless the view looks (nearly) straight down or up: then the figure's front is up
// on screen for the soles and its back for the crown, as the "top" preset does.
Vec3 upFor(const Vec3& dir) {
  if (std::abs(dir[1]) > 0.95) return {0, 0, dir[1] > 0 ? -1.0 : 1.0};
  Vec3 up{0, 1, 0};
  return normalized(sub(up, scale(dir, dot(up, dir))));
}

FlyPose poseAt(const Vec3& target, const Vec3& dir, double distance) {
  return {add(target, scale(dir, distance)), target, upFor(dir)};
}

double height(const std::array<double, 6>& b) { return std::max(1e-6, b[3] - b[2]); }

}  // namespace

double closeUpDistance(const std::array<double, 6>& b, double viewAngleDeg) {
  const double tanHalf = std::tan(std::clamp(viewAngleDeg, 5.0, 120.0) * M_PI / 360.0);
  return 0.25 * height(b) / (2 * tanHalf);
}

FlyPose closeUpPose(const BodyProbe& probe, const Vec3& target, const Vec3& normal, double distance, const Vec3& eye) {
  Vec3 n = normalized(normal);
  Vec3 e = normalized(sub(eye, target));
  if (length(n) == 0) n = length(e) > 0 ? e : Vec3{0, 0, 1};
  if (length(e) == 0) e = n;
  const double lift = 0.03 * distance;  // start the sight line just off the skin it looks at
  std::vector<Vec3> tries{n};
  for (double w : {0.25, 0.5, 0.75, 1.0}) tries.push_back(normalized(add(scale(n, 1 - w), scale(e, w))));
  const Vec3 flat = normalized(Vec3{n[0], 0, n[2]});
  if (length(flat) > 0) tries.push_back(flat);
  for (const Vec3& d : tries) {
    if (length(d) == 0) continue;
    const Vec3 cam = add(target, scale(d, distance));
    if (!probe.crosses(add(target, scale(d, lift)), cam) && !probe.inside(cam)) return poseAt(target, d, distance);
  }
  // Nothing clear at that distance: come in front of whatever blocks the skin's own direction.
  BodyProbe::Hit h;
  const Vec3 far = add(target, scale(n, distance));
  if (probe.firstHit(add(target, scale(n, lift)), far, h)) {
    const double reach = lift + h.t * (distance - lift);
    return poseAt(target, n, std::max(lift * 2, 0.6 * reach));
  }
  return poseAt(target, n, distance);
}

FlyPose framePoints(const BodyProbe& probe, const std::vector<Vec3>& points, const std::vector<Vec3>& normals,
                       const std::array<double, 6>& b, double viewAngleDeg, const FlyPose& now) {
  if (points.empty()) return now;
  Vec3 c{0, 0, 0}, n{0, 0, 0};
  for (size_t i = 0; i < points.size(); ++i) {
    c = add(c, points[i]);
    if (i < normals.size()) n = add(n, normals[i]);
  }
  c = scale(c, 1.0 / double(points.size()));
  double spread = 0;
  for (const Vec3& p : points) spread = std::max(spread, length(sub(p, c)));
  const double close = closeUpDistance(b, viewAngleDeg);
  const double tanHalf = std::tan(std::clamp(viewAngleDeg, 5.0, 120.0) * M_PI / 360.0);
  const double fit = std::max(close, 1.4 * spread / tanHalf);
  if (spread < 0.08 * height(b) && length(n) > 0.3 * double(points.size()))
    return closeUpPose(probe, c, n, fit, now.position);
  // Spread over the body (both hands, head and foot): keep the direction the user looks from and
  // back off until all of them fit and the camera stands outside the body.
  Vec3 dir = normalized(sub(now.position, now.focal));
  if (length(dir) == 0) dir = {0, 0, 1};
  double d = fit;
  for (int i = 0; i < 8 && probe.inside(add(c, scale(dir, d))); ++i) d *= 1.4;
  return poseAt(c, dir, d);
}

bool pathClear(const BodyProbe& probe, const FlyPath& path, int samples) {
  Vec3 prev = path.at(0).position;
  for (int i = 1; i <= samples; ++i) {
    const Vec3 p = path.at(double(i) / samples).position;
    if (probe.crosses(prev, p)) return false;
    prev = p;
  }
  return true;
}

FlyPath clearPath(const BodyProbe& probe, const FlyPose& from, const FlyPose& to, const Ellipsoid& shell,
                  int samples) {
  FlyPath path = makeFlyPath(from, to, shell);
  for (int i = 0; i < 6 && !pathClear(probe, path, samples); ++i) path.lift = path.lift * 1.6 + 0.3;
  return path;
}

}  // namespace la::render

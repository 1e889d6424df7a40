#include "core/camera_path.hpp"

#include <algorithm>
#include <cmath>

namespace la {
namespace {

using V3 = std::array<double, 3>;

double lerp(double a, double b, double t) { return a + (b - a) * t; }
double dot(const V3& a, const V3& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
double norm(const V3& a) { return std::sqrt(dot(a, a)); }

struct Orbit {
  double radius, azimuth, elevation;  // azimuth about +Y from +Z towards +X; elevation above the XZ plane
  bool azimuthKnown;                  // false straight above or below (top view)
};

Orbit toOrbit(const V3& offset) {
  const double r = norm(offset), flat = std::hypot(offset[0], offset[2]);
  return {r, std::atan2(offset[0], offset[2]), std::atan2(offset[1], flat), flat > 1e-9 * std::max(r, 1e-12)};
}

}  // namespace

double easeInOut(double t) {
  t = std::clamp(t, 0.0, 1.0);
  return t < 0.5 ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3) / 2;
}

CameraPose interpolatePose(const CameraPose& a, const CameraPose& b, double t) {
  t = std::clamp(t, 0.0, 1.0);
  CameraPose out;
  for (int k = 0; k < 3; ++k) out.focalPoint[k] = lerp(a.focalPoint[k], b.focalPoint[k], t);
  V3 oa, ob;
  for (int k = 0; k < 3; ++k) oa[k] = a.position[k] - a.focalPoint[k], ob[k] = b.position[k] - b.focalPoint[k];
  Orbit pa = toOrbit(oa), pb = toOrbit(ob);
  if (!pa.azimuthKnown) pa.azimuth = pb.azimuth;  // from straight above: turn in the target's direction
  if (!pb.azimuthKnown) pb.azimuth = pa.azimuth;
  double d = pb.azimuth - pa.azimuth;
  while (d > M_PI) d -= 2 * M_PI;
  while (d < -M_PI) d += 2 * M_PI;
  const double az = pa.azimuth + d * t, el = lerp(pa.elevation, pb.elevation, t), r = lerp(pa.radius, pb.radius, t);
  const V3 dir = {std::cos(el) * std::sin(az), std::sin(el), std::cos(el) * std::cos(az)};
  for (int k = 0; k < 3; ++k) out.position[k] = out.focalPoint[k] + r * dir[k];
  V3 up;
  for (int k = 0; k < 3; ++k) up[k] = lerp(a.viewUp[k], b.viewUp[k], t);
  const double along = dot(up, dir);
  for (int k = 0; k < 3; ++k) up[k] -= along * dir[k];
  const double n = norm(up);
  if (n < 1e-9) up = {0, 1, 0};
  else
    for (double& u : up) u /= n;
  out.viewUp = up;
  out.viewAngle = lerp(a.viewAngle, b.viewAngle, t);
  for (int k = 0; k < 2; ++k) out.windowCenter[k] = lerp(a.windowCenter[k], b.windowCenter[k], t);
  return out;
}

}  // namespace la

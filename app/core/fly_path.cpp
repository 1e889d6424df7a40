#include "core/fly_path.hpp"

#include <algorithm>
#include <cmath>

namespace la {

Vec3 add(const Vec3& a, const Vec3& b) { return {a[0] + b[0], a[1] + b[1], a[2] + b[2]}; }
Vec3 sub(const Vec3& a, const Vec3& b) { return {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }
Vec3 scale(const Vec3& a, double s) { return {a[0] * s, a[1] * s, a[2] * s}; }
double dot(const Vec3& a, const Vec3& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
Vec3 cross(const Vec3& a, const Vec3& b) {
  return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}
double length(const Vec3& a) { return std::sqrt(dot(a, a)); }
Vec3 normalized(const Vec3& a) {
  const double n = length(a);
  return n > 0 ? scale(a, 1.0 / n) : Vec3{0, 0, 0};
}

namespace {

Vec3 lerp(const Vec3& a, const Vec3& b, double t) { return add(a, scale(sub(b, a), t)); }

Vec3 toShell(const Ellipsoid& e, const Vec3& p) {
  return {(p[0] - e.center[0]) / e.radii[0], (p[1] - e.center[1]) / e.radii[1], (p[2] - e.center[2]) / e.radii[2]};
}
Vec3 fromShell(const Ellipsoid& e, const Vec3& q) {
  return {e.center[0] + q[0] * e.radii[0], e.center[1] + q[1] * e.radii[1], e.center[2] + q[2] * e.radii[2]};
}

// Turns a unit direction into another around the vertical axis first: azimuth (about +Y) and
// elevation are interpolated separately, the azimuth the short way round. A flight from the
// front to the back then orbits beside the body, as a turntable does, never over its head.
Vec3 turn(const Vec3& a, const Vec3& b, double t) {
  const double ea = std::asin(std::clamp(a[1], -1.0, 1.0)), eb = std::asin(std::clamp(b[1], -1.0, 1.0));
  const bool aPole = std::abs(a[1]) > 0.999, bPole = std::abs(b[1]) > 0.999;
  double za = std::atan2(a[0], a[2]), zb = std::atan2(b[0], b[2]);
  if (aPole) za = zb;  // straight up or down has no azimuth of its own
  if (bPole) zb = za;
  double dz = zb - za;
  while (dz > M_PI) dz -= 2 * M_PI;
  while (dz < -M_PI) dz += 2 * M_PI;
  const double az = za + dz * t, el = ea + (eb - ea) * t;
  return {std::cos(el) * std::sin(az), std::sin(el), std::cos(el) * std::cos(az)};
}

double angleBetween(const Vec3& a, const Vec3& b) { return std::acos(std::clamp(dot(a, b), -1.0, 1.0)); }

}  // namespace

bool Ellipsoid::outside(const Vec3& p, double s) const { return length(toShell(*this, p)) > s; }

Ellipsoid enclosingEllipsoid(const std::array<double, 6>& b) {
  Ellipsoid e;
  const double k = std::sqrt(3.0);
  for (int i = 0; i < 3; ++i) {
    e.center[size_t(i)] = (b[size_t(2 * i)] + b[size_t(2 * i + 1)]) / 2;
    e.radii[size_t(i)] = std::max(1e-6, (b[size_t(2 * i + 1)] - b[size_t(2 * i)]) / 2 * k);
  }
  return e;
}


FlyPose FlyPath::at(double t) const {
  t = std::clamp(t, 0.0, 1.0);
  FlyPose p;
  p.focal = lerp(from.focal, to.focal, t);
  const Vec3 q0 = toShell(shell, from.position), q1 = toShell(shell, to.position);
  const double r0 = length(q0), r1 = length(q1);
  const Vec3 u = r0 > 0 && r1 > 0 ? turn(scale(q0, 1 / r0), scale(q1, 1 / r1), t) : normalized(lerp(q0, q1, t));
  const double r = r0 + (r1 - r0) * t + lift * 4 * t * (1 - t);
  p.position = (r0 > 0 && r1 > 0) ? fromShell(shell, scale(u, r)) : lerp(from.position, to.position, t);
  // Up: blended, then made square to the view so the picture never rolls.
  const Vec3 view = normalized(sub(p.focal, p.position));
  // Looking straight along the blended up (down onto the crown), the start's forward direction
  // is up on screen instead.
  const Vec3 forward = sub(from.focal, from.position);
  for (const Vec3& c : {lerp(from.up, to.up, t), from.up, to.up, forward, Vec3{0, 0, -1}, Vec3{1, 0, 0}}) {
    const Vec3 up = sub(c, scale(view, dot(c, view)));
    if (length(up) > 1e-6 * std::max(1.0, length(c))) {
      p.up = normalized(up);
      break;
    }
  }
  return p;
}

FlyPath makeFlyPath(const FlyPose& from, const FlyPose& to, const Ellipsoid& shell, double clearance) {
  FlyPath path{from, to, shell, 0};
  const Vec3 q0 = toShell(shell, from.position), q1 = toShell(shell, to.position);
  const double r0 = length(q0), r1 = length(q1);
  if (r0 <= 0 || r1 <= 0) return path;
  const double angle = angleBetween(scale(q0, 1 / r0), scale(q1, 1 / r1));
  const double deg20 = 20 * M_PI / 180;
  if (angle < deg20) return path;  // a short move near the same side of the body
  // Enough lift that the middle half of the flight stays `clearance` out, more for a wider turn.
  double lift = 0;
  for (double t : {0.25, 0.5, 0.75}) {
    const double r = r0 + (r1 - r0) * t;
    lift = std::max(lift, (clearance - r) / (4 * t * (1 - t)));
  }
  path.lift = lift * std::min(1.0, (angle - deg20) / (M_PI / 2 - deg20));
  return path;
}

}  // namespace la

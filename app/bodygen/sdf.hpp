#pragma once
// Signed distance primitives and smooth blends for the body generator. Everything is plain
// double arithmetic with no global state, so the same inputs always give the same field.
#include <algorithm>
#include <cmath>

namespace la::bodygen {

struct Vec3 {
  double x = 0, y = 0, z = 0;
};
inline Vec3 operator+(Vec3 a, Vec3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
inline Vec3 operator-(Vec3 a, Vec3 b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
inline Vec3 operator*(Vec3 a, double s) { return {a.x * s, a.y * s, a.z * s}; }
inline Vec3 operator*(double s, Vec3 a) { return {a.x * s, a.y * s, a.z * s}; }
inline double dot(Vec3 a, Vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
inline Vec3 cross(Vec3 a, Vec3 b) {
  return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
inline double length(Vec3 a) { return std::sqrt(dot(a, a)); }
inline Vec3 normalize(Vec3 a) {
  const double l = length(a);
  return l > 0 ? a * (1.0 / l) : Vec3{0, 0, 0};
}
inline Vec3 mirrorX(Vec3 a) { return {-a.x, a.y, a.z}; }
inline Vec3 lerp(Vec3 a, Vec3 b, double t) { return a + (b - a) * t; }

// Orthonormal frame: rows are the local x, y, z axes expressed in world coordinates.
struct Frame {
  Vec3 ax{1, 0, 0}, ay{0, 1, 0}, az{0, 0, 1};
  Vec3 toLocal(Vec3 p) const { return {dot(p, ax), dot(p, ay), dot(p, az)}; }
  Vec3 toWorld(Vec3 l) const { return ax * l.x + ay * l.y + az * l.z; }
};
// Frame whose local y is `up` (the long axis of a part) and local z as close to `front` as
// orthogonality allows.
inline Frame frameFromAxes(Vec3 up, Vec3 front) {
  Frame f;
  f.ay = normalize(up);
  f.az = normalize(front - f.ay * dot(front, f.ay));
  f.ax = cross(f.ay, f.az);
  return f;
}
inline Frame mirrorFrame(const Frame& f) {
  // Mirroring flips handedness; negate the mirrored x axis so the frame stays right-handed and
  // a shape defined with symmetric radii maps onto its mirror image.
  Frame m;
  m.ax = mirrorX(f.ax) * -1.0;
  m.ay = mirrorX(f.ay);
  m.az = mirrorX(f.az);
  return m;
}

// Quadratic polynomial smooth minimum: exact min when |a-b| >= k, and 1-Lipschitz, so a blend
// of distance bounds stays a distance bound (the narrow-band sampler relies on that).
inline double smin(double a, double b, double k) {
  if (k <= 0) return std::min(a, b);
  const double h = std::max(k - std::abs(a - b), 0.0) / k;
  return std::min(a, b) - h * h * k * 0.25;
}
inline double smax(double a, double b, double k) { return -smin(-a, -b, k); }

// Cone between two spheres (iq's exact round-cone distance).
inline double sdRoundCone(Vec3 p, Vec3 a, Vec3 b, double r1, double r2) {
  const Vec3 ba = b - a;
  const double l2 = dot(ba, ba);
  const double rr = r1 - r2;
  const double a2 = l2 - rr * rr;
  const double il2 = 1.0 / l2;
  const Vec3 pa = p - a;
  const double y = dot(pa, ba);
  const double z = y - l2;
  const Vec3 w = pa * l2 - ba * y;
  const double x2 = dot(w, w);
  const double y2 = y * y * l2;
  const double z2 = z * z * l2;
  const double k = (rr > 0 ? 1.0 : rr < 0 ? -1.0 : 0.0) * rr * rr * x2;
  if ((z > 0 ? 1.0 : z < 0 ? -1.0 : 0.0) * a2 * z2 > k) return std::sqrt(x2 + z2) * il2 - r2;
  if ((y > 0 ? 1.0 : y < 0 ? -1.0 : 0.0) * a2 * y2 < k) return std::sqrt(x2 + y2) * il2 - r1;
  return (std::sqrt(x2 * a2 * il2) + y * rr) * il2 - r1;
}

// Ellipsoid distance estimate (iq). Slightly overestimates far from the surface for elongated
// shapes, which the sampler's safety factor absorbs; exact on the surface.
inline double sdEllipsoid(Vec3 p, Vec3 r) {
  const Vec3 q{p.x / r.x, p.y / r.y, p.z / r.z};
  const Vec3 q2{p.x / (r.x * r.x), p.y / (r.y * r.y), p.z / (r.z * r.z)};
  const double k0 = length(q);
  const double k1 = length(q2);
  if (k1 < 1e-12) return -std::min(r.x, std::min(r.y, r.z));
  return k0 * (k0 - 1.0) / k1;
}

inline double sdRoundBox(Vec3 p, Vec3 half, double round) {
  const Vec3 q{std::abs(p.x) - half.x + round, std::abs(p.y) - half.y + round,
               std::abs(p.z) - half.z + round};
  const Vec3 m{std::max(q.x, 0.0), std::max(q.y, 0.0), std::max(q.z, 0.0)};
  return length(m) + std::min(std::max(q.x, std::max(q.y, q.z)), 0.0) - round;
}

}  // namespace la::bodygen

#include "core/marker_pick.hpp"

#include <algorithm>
#include <cmath>

namespace la {

bool ScreenProjection::project(const std::array<double, 3>& p, double& x, double& y) const {
  const auto& m = matrix;
  const double w = m[12] * p[0] + m[13] * p[1] + m[14] * p[2] + m[15];
  if (w <= 1e-12) return false;
  const double nx = (m[0] * p[0] + m[1] * p[1] + m[2] * p[2] + m[3]) / w;
  const double ny = (m[4] * p[0] + m[5] * p[1] + m[6] * p[2] + m[7]) / w;
  x = x0 + (nx + 1) * 0.5 * width;
  y = y0 + (ny + 1) * 0.5 * height;
  return true;
}

PickPoints packForPicking(const std::vector<MarkerSpec>& markers) {
  PickPoints p;
  p.data.reserve(markers.size() * 7);
  for (const MarkerSpec& m : markers) {
    for (double v : m.position) p.data.push_back(float(v));
    for (double v : m.normal) p.data.push_back(float(v));
    p.data.push_back(float(std::max(1.0, m.scale)));  // bubbles are bigger targets
  }
  return p;
}

std::vector<MarkerCandidate> markerCandidates(const PickPoints& pts, const ScreenProjection& proj, double x, double y,
                                              double tol, size_t maxCandidates) {
  std::vector<MarkerCandidate> out;
  const auto& m = proj.matrix;
  // The cursor in normalised view coordinates, and the tolerance there: the loop below then
  // needs no viewport arithmetic per marker.
  const double cx = (x - proj.x0) / proj.width * 2 - 1, cy = (y - proj.y0) / proj.height * 2 - 1;
  const double tx = tol * 2 / proj.width, ty = tol * 2 / proj.height;
  const double ex = proj.eye[0], ey = proj.eye[1], ez = proj.eye[2];
  const double vx = -proj.viewDirection[0], vy = -proj.viewDirection[1], vz = -proj.viewDirection[2];
  const float* d = pts.data.data();
  const size_t n = pts.size();
  for (size_t i = 0; i < n; ++i, d += 7) {
    const double px = d[0], py = d[1], pz = d[2], s = d[6];
    // Reject by the screen box first, without dividing: |X/W - cx| <= tx*s  <=>  |X - cx*W| <= tx*s*W.
    const double w = m[12] * px + m[13] * py + m[14] * pz + m[15];
    if (w <= 1e-12) continue;  // behind the camera
    const double ox = m[0] * px + m[1] * py + m[2] * pz + m[3] - cx * w;
    if (std::abs(ox) > tx * s * w) continue;
    const double oy = m[4] * px + m[5] * py + m[6] * pz + m[7] - cy * w;
    if (std::abs(oy) > ty * s * w) continue;
    // Facing away (its skin normal points from the camera): on the far side of the body.
    const double facing = proj.perspective ? (ex - px) * d[3] + (ey - py) * d[4] + (ez - pz) * d[5]
                                           : vx * d[3] + vy * d[4] + vz * d[5];
    if (facing <= 0) continue;
    const double sx = ox / w / tx * tol, sy = oy / w / ty * tol;  // back to pixels
    const double d2 = sx * sx + sy * sy, t = tol * s;
    if (d2 < t * t) out.push_back({i, d2});
  }
  std::sort(out.begin(), out.end(), [](const MarkerCandidate& a, const MarkerCandidate& b) {
    return a.distancePx < b.distancePx || (a.distancePx == b.distancePx && a.index < b.index);
  });
  if (out.size() > maxCandidates) out.resize(maxCandidates);
  for (auto& c : out) c.distancePx = std::sqrt(c.distancePx);
  return out;
}

std::vector<MarkerCandidate> markerCandidates(const std::vector<MarkerSpec>& markers, const ScreenProjection& proj,
                                              double x, double y, double tol, size_t maxCandidates) {
  return markerCandidates(packForPicking(markers), proj, x, y, tol, maxCandidates);
}

}  // namespace la

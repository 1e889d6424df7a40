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

std::vector<MarkerCandidate> markerCandidates(const std::vector<MarkerSpec>& markers, const ScreenProjection& proj,
                                              double x, double y, double tol, size_t maxCandidates) {
  std::vector<MarkerCandidate> out;
  const auto& m = proj.matrix;
  for (size_t i = 0; i < markers.size(); ++i) {
    const MarkerSpec& mk = markers[i];
    const auto& p = mk.position;
    // Facing away (its skin normal points from the camera): on the far side of the body.
    const std::array<double, 3> toEye = proj.perspective
                                            ? std::array<double, 3>{proj.eye[0] - p[0], proj.eye[1] - p[1], proj.eye[2] - p[2]}
                                            : std::array<double, 3>{-proj.viewDirection[0], -proj.viewDirection[1],
                                                                    -proj.viewDirection[2]};
    if (toEye[0] * mk.normal[0] + toEye[1] * mk.normal[1] + toEye[2] * mk.normal[2] <= 0) continue;
    // Inlined projection: this loop is the whole cost of a pick at 100k markers.
    const double w = m[12] * p[0] + m[13] * p[1] + m[14] * p[2] + m[15];
    if (w <= 1e-12) continue;
    const double sx = proj.x0 + ((m[0] * p[0] + m[1] * p[1] + m[2] * p[2] + m[3]) / w + 1) * 0.5 * proj.width;
    const double sy = proj.y0 + ((m[4] * p[0] + m[5] * p[1] + m[6] * p[2] + m[7]) / w + 1) * 0.5 * proj.height;
    const double dx = sx - x, dy = sy - y, d2 = dx * dx + dy * dy;
    const double t = tol * std::max(1.0, mk.scale);  // bubbles are bigger targets
    if (d2 < t * t) out.push_back({i, d2});
  }
  std::sort(out.begin(), out.end(), [](const MarkerCandidate& a, const MarkerCandidate& b) {
    return a.distancePx < b.distancePx || (a.distancePx == b.distancePx && a.index < b.index);
  });
  if (out.size() > maxCandidates) out.resize(maxCandidates);
  for (auto& c : out) c.distancePx = std::sqrt(c.distancePx);
  return out;
}

}  // namespace la

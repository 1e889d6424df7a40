#pragma once
// Which marker is under the cursor, on the CPU: every marker is projected with the camera's
// matrix once per pick (no GPU read-back, no hardware selector), markers facing away are
// skipped, and the nearest in screen space come first. Occlusion by the body is decided by the
// caller (render::SceneView), which ray-tests only these few candidates.
#include <array>
#include <cstddef>
#include <vector>

#include "core/marker_layout.hpp"

namespace la {

// World to display pixels: a 4x4 row-major matrix to normalised view coordinates (-1..1, as
// vtkCamera's composite projection gives), and the viewport it maps onto.
struct ScreenProjection {
  std::array<double, 16> matrix{};
  double x0 = 0, y0 = 0, width = 1, height = 1;  // viewport in display pixels, origin bottom-left
  std::array<double, 3> eye{};                    // camera position (world)
  bool perspective = true;
  std::array<double, 3> viewDirection{0, 0, -1};  // parallel projection: where the camera looks

  // Display pixel of a world point; false when it lies behind the camera.
  bool project(const std::array<double, 3>& p, double& x, double& y) const;
};

// Markers packed for picking: position, normal and target scale as floats, 28 bytes a marker
// instead of a MarkerSpec's hundred-odd, so a pick over 100k markers reads 3 MB, not 15.
struct PickPoints {
  std::vector<float> data;  // x, y, z, nx, ny, nz, scale per marker
  size_t size() const { return data.size() / 7; }
};
PickPoints packForPicking(const std::vector<MarkerSpec>& markers);

struct MarkerCandidate {
  size_t index = 0;      // into the marker list
  double distancePx = 0; // from the cursor to the marker's centre on screen
};

// Front-facing markers whose centre lies within `tolerancePx` of (x, y) (bubbles: tolerance
// times their scale), nearest first, at most `maxCandidates`.
std::vector<MarkerCandidate> markerCandidates(const PickPoints& markers, const ScreenProjection& proj, double x,
                                              double y, double tolerancePx, size_t maxCandidates = 8);
std::vector<MarkerCandidate> markerCandidates(const std::vector<MarkerSpec>& markers, const ScreenProjection& proj,
                                              double x, double y, double tolerancePx, size_t maxCandidates = 8);

}  // namespace la

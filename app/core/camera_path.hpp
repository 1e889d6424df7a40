#pragma once
// Smooth camera moves between two views (presentation mode): the camera swings around the focal
// point, its angles and distance interpolated, so going from a front to a back view it goes round
// the body instead of through it.
#include <array>

namespace la {

struct CameraPose {
  std::array<double, 3> position{0, 0, 1}, focalPoint{0, 0, 0}, viewUp{0, 1, 0};
  double viewAngle = 30;
  std::array<double, 2> windowCenter{0, 0};
};

// 0 -> 0, 1 -> 1, slow at both ends (cubic ease-in-out); t is clamped to 0..1.
double easeInOut(double t);

// The pose a fraction t (0..1) of the way from a to b. Azimuth about the vertical (+Y) axis takes
// the shorter way round; elevation and distance change linearly; view up stays perpendicular to
// the view direction.
CameraPose interpolatePose(const CameraPose& a, const CameraPose& b, double t);

}  // namespace la

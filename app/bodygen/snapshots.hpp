#pragma once
#include "bodygen/body_model.hpp"

#include <vtkPolyData.h>

#include <filesystem>
#include <string>
#include <vector>

namespace la::bodygen {

// Offscreen renders of a figure for inspection and documentation: front, back, left, right and
// three-quarter at 1600x1600, and 800x800 close-ups of head, left hand, left foot and pelvis.
// Files are <dir>/<prefix>-<view>.png. With colourLabels, vertices are coloured by their
// "SiteLabel" value (to check the site patches).
struct SnapshotOptions {
  bool colourLabels = false;
  int size = 0;                    // > 0: every view at size x size (render baselines)
  std::vector<std::string> views;  // empty: all
};
// Returns the files written.
std::vector<std::filesystem::path> renderSnapshots(vtkPolyData* mesh, const Skeleton& skel,
                                                   const std::filesystem::path& dir, const std::string& prefix,
                                                   const SnapshotOptions& options = {});

}  // namespace la::bodygen

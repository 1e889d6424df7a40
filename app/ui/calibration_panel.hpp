#pragma once
// Calibration of sites on a body: see the anchors, pick a site and side, click the skin to move
// its anchor there, undo, and save the map beside the mesh. Edits CalibrationState only; the
// window picks the surface and writes the file.
#include <string>

#include "core/site_catalog.hpp"

namespace la::ui {

struct CalibrationState {
  bool showAnchors = false;
  std::string siteId = "ear";
  int side = 0;                 // 0 the figure's left, 1 its right (sided sites only)
  bool placing = false;         // the next click on the body places the anchor
  bool saveRequested = false;
  bool undoRequested = false;
  size_t undoDepth = 0;         // placements that can be undone
  bool unsaved = false;
  bool builtinBody = true;      // built-in figures ship their own maps; saving is for user meshes
  std::string source;           // where the current anchors come from, for the user
  std::string mapFile;          // where Save writes
  std::string mismatch;         // the map beside the mesh belongs to another mesh (why), else empty
  bool placeAnewRequested = false;
};

void drawCalibrationSection(CalibrationState& s, const SiteCatalog& catalog);

// The side string of the state for a site ("left", "right" or "none").
std::string calibrationSide(const CalibrationState& s, const SiteCatalog& catalog);

}  // namespace la::ui

#pragma once
// Site anchors on the main figure: show them, move one to where the user clicks (undoable), save
// the map beside the mesh. Edits go into the shared body cache, so the markers follow at once.
#include "window/atlas.hpp"

namespace la::window {

// Takes the main figure's map after a body (re)load.
void resetCalibration(Atlas& a, const render::Figure& figure, bool builtin);
void refreshAnchors(Atlas& a);
void placeAnchor(Atlas& a, int x, int y);
void undoAnchor(Atlas& a);
void saveSiteMap(Atlas& a);

}  // namespace la::window

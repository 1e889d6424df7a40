#pragma once
// What the window's "Slides" section asks for: a turntable recorded a few frames per window frame
// (so the progress bar moves and Cancel works), a presentation, the 3D model export.
#include "ui/panels.hpp"
#include "window/atlas.hpp"

namespace la::window {

// Called once per window frame, after the frame is shown.
void serviceSlides(Atlas& a, ui::PanelRequests& req);
// True while a turntable is being written (the frame loop must keep turning).
bool slidesBusy(const Atlas& a);

}  // namespace la::window

#pragma once
// Exploring the figure: what the cursor is over (hover.cpp) and the camera's flights to a site, a
// case, or back to the whole body (fly_to.cpp). State lives in Atlas::explore; never saved.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/fly_path.hpp"

namespace la::window {

struct Atlas;

struct Flight {
  bool active = false;
  FlyPath path;
  double start = 0;        // glfwGetTime() when it began
  double duration = 0.5;   // seconds
  bool home = false;       // back to the view's own framing: on landing the view is "unturned" again
};

struct HoverState {
  int x = -1, y = -1;              // display pixel (origin bottom-left) the text was made for
  std::string text;                // empty: nothing under the cursor
  std::string lastPrinted;         // for the test hook
  unsigned long cameraTime = 0;    // the camera's modification time the text was made for
  std::string builtForVm;          // the composed view the site lookup below belongs to
  std::map<const void*, std::vector<int>> vertexSites;  // per figure, per vertex: anchor of the most specific site, or -1
  double lastPickMs = 0;
};

struct ExploreState {
  Flight flight;
  HoverState hover;
  std::optional<std::pair<int, int>> forcedHover;  // test hook: hover here (display pixels)
};

// Flights. Each starts from the camera as it is and takes Flight::duration seconds, eased.
void flyToCase(Atlas& a, size_t caseIndex);
void flyToSite(Atlas& a, const std::string& site, const std::string& side);
void flyHome(Atlas& a);
// Starts what the panels asked for this frame (a row, a site, the case card, back to the body).
void applyFlyRequests(Atlas& a, bool home);
// Moves the camera along a running flight; false when none is running.
bool stepFlight(Atlas& a);

// Hover: recomputes what is under the cursor when it moved (or the picture changed) and shows it
// as a tooltip in this frame. Call between ImGui::NewFrame and ImGui::Render.
void updateHover(Atlas& a);
// The tooltip text for display pixel (x, y) of the window; empty when nothing is there.
std::string hoverTextAt(Atlas& a, int x, int y);
// The display pixel of a case's first marker in the first pane that is not hidden (test hook).
std::optional<std::pair<int, int>> markerPixelOf(Atlas& a, const std::string& caseId);

}  // namespace la::window

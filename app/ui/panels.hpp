#pragma once
// ImGui panels. Each panel is one function that takes the state it edits (a plain struct owned by
// the window layer) and records what the user asked for in PanelRequests; it never applies
// anything itself, so the same requests can come from keyboard shortcuts too.
#include <array>
#include <functional>
#include <string>
#include <vector>

#include "core/view_model.hpp"
#include "ui/slides_panel.hpp"

namespace la::ui {

struct ExportSettings {
  std::string path = "lesion-atlas.png";
  int width = 3840;
  int height = 2160;
  bool includePanel = false;  // with the panel: a grab of the window at window size
  bool transparent = false;
  bool references = false;    // also write the cases' references beside the picture (.txt, .bib)
};

struct BodyInfo {
  std::string file;       // the mesh file shown
  long long vertices = 0;
  long long triangles = 0;
  std::array<double, 3> size{0, 0, 0};  // bounding box extent, file units
};

// App state of the main panel (never saved): text inputs, messages, export settings. What the
// picture shows is the view model, which the panels edit directly.
struct ViewerState {
  BodyInfo body;
  int editPane = 0;                        // compare views: which side's filter the panel edits
  std::string bodyPathInput;               // text field for "Open mesh..."
  std::string meshIncludeInput, meshExcludeInput;  // comma-separated name patterns
  std::string scenePathInput = "view.scene.json";
  ExportSettings exportSettings;
  SlidesState slides;                      // turntable, presentation, 3D model
  std::vector<std::string> messages;       // newest last: errors and confirmations
  bool showHelp = false;
  bool showDemo = false;
  float frameMs = 0.f;
  float panelRight = 0.f;  // right edge of the side panel, window pixels (the 3D view centres beside it)
};

struct PanelRequests {
  std::string cameraPreset;   // non-empty: frame this preset
  bool resetView = false;
  bool loadBody = false;      // (re)load scene.body with the include/exclude inputs
  bool appearanceChanged = false;
  bool viewChanged = false;   // mode, colouring, figures, comparison: recompose
  bool exportImage = false;
  bool saveScene = false;
  bool openScene = false;
  bool quit = false;
  SlidesRequests slides;
  bool toggleSites = false;   // the site tree window
  bool toggleStats = false;   // the distribution window
  bool flyHome = false;       // back to the whole body
};

// The main side panel: `dataSections` (the case browser) first, then body, view, appearance,
// export, scene files and messages.
void drawMainPanel(ViewModel& vm, ViewerState& state, PanelRequests& req,
                   const std::function<void()>& dataSections = {});
// Keyboard shortcut help window (F1 / ?).
void drawHelpWindow(ViewerState& state);
// Splits "a, b ,c" into {"a","b","c"}.
std::vector<std::string> splitList(const std::string& text);

}  // namespace la::ui

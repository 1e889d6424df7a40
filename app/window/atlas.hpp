#pragma once
// The window's state: the view model (what is shown; saved as a scene), the loaded data, and app
// state that is never saved (inputs, messages, drag state, a running import). Internal to the
// window layer; each concern has its own file (actions, calibration, input, gl_bridge).
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkSmartPointer.h>

#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/content.hpp"
#include "core/importer.hpp"
#include "core/site_catalog.hpp"
#include "core/view_data.hpp"
#include "core/view_model.hpp"
#include "render/body_cache.hpp"
#include "render/compose.hpp"
#include "render/picture.hpp"
#include "ui/calibration_panel.hpp"
#include "ui/cases_panel.hpp"
#include "ui/panels.hpp"
#include "ui/site_tree.hpp"
#include "window/explore.hpp"

struct GLFWwindow;

namespace la::window {

struct TurntableRun;  // slides_actions.cpp

struct Atlas {
  GLFWwindow* win = nullptr;
  vtkSmartPointer<vtkGenericOpenGLRenderWindow> renWin;
  vtkSmartPointer<vtkGenericRenderWindowInteractor> iren;

  // What is shown: the one view model, and what compose() made of it.
  ViewModel vm;
  std::string composedVm;         // serializeScene of the view model last composed (change detection)
  std::filesystem::path sceneDir;
  render::Picture picture;
  render::Composition shown;
  bool cameraMoved = false;       // the user turned the view since the last preset: export keeps that camera
  // FXAA costs as much as the rest of a frame on a software renderer: frames drawn in answer to
  // input go without it, and once the window has been idle for a moment one more frame is drawn
  // with it (atlas_window.cpp, waitForWork).
  bool refined = false;           // the picture on screen has been drawn with FXAA
  bool refineNext = false;        // the next frame is that refinement
  unsigned long long drawnStamp = 0;  // render::redrawStamp after the last render (0: none yet)
  std::string currentPreset = "front";

  // Data, loaded once.
  SiteCatalog catalog;
  ViewData data;
  std::optional<render::BodyCache> bodies;
  ContentInfo content;

  // App state.
  ui::ViewerState state;
  ui::CasesState cases;
  ui::CalibrationState calib;
  SiteMap calibMap;                    // the main figure's site map as the user edits it
  std::filesystem::path calibFile;     // the main figure's mesh file
  std::vector<std::pair<bool, SiteAnchor>> calibUndo;  // (existed before, previous value)
  bool anchorsDirty = true;
  int dragButton = -1;
  bool dragMoved = false;         // the pointer moved since the press: a drag, not a click
  double pressX = 0, pressY = 0;     // where the left button went down (framebuffer pixels)
  int clickedX = -1, clickedY = -1;  // a left click without drag this frame (VTK display coords)
  std::vector<std::pair<int, int>> pressedKeys;  // (key, mods) pressed since the last frame
  size_t highlighted = SIZE_MAX;
  std::future<ImportResult> pendingImport;  // a table being read on a worker thread
  std::string pendingImportName;
  int fbWidth = 0, fbHeight = 0;
  std::shared_ptr<TurntableRun> turntable;  // a turntable being recorded (slides_actions.cpp)

  // Exploring: hover, flights, the site tree; whether settings are remembered (not in test runs).
  ExploreState explore;
  ui::SiteTreeState sites;
  ui::TeachingCardState cards;  // loaded once (window/cards.hpp)
  bool useConfig = false;

  void message(const std::string& m);
  double panelFraction() const;
  // The filter the panel edits: the view's, or one side of a comparison.
  CaseFilter& editedFilter();
  // The first pane (the calibration and picking target).
  render::SceneView& mainPane() { return picture.pane(0); }
};

}  // namespace la::window

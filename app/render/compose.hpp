#pragma once
// The one path from a view model to a picture. The window (on every change), its export, `render`,
// `slides` and later turntables and presentations call compose() and then draw the Picture, so
// they cannot disagree about what a view shows.
#include <filesystem>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/palette.hpp"
#include "core/site_catalog.hpp"
#include "core/view_model.hpp"
#include "render/body_cache.hpp"
#include "render/pane_content.hpp"
#include "render/picture.hpp"

namespace la::render {

// Data shared by every view: loaded once by the caller.
struct AtlasContext {
  const SiteCatalog& catalog;
  const Dataset& data;
  BodyCache& bodies;
  std::filesystem::path sceneDir;        // resolves relative body paths of the view
  std::vector<std::string> tableVersions;  // SHA-256 per Dataset::tables entry (may be empty)
};

enum class Purpose {
  Screen,   // the window: the panel lists what a picture prints (legend, caption, title)
  Picture,  // an exported or rendered picture: everything on the image
};

struct ComposeOptions {
  Purpose purpose = Purpose::Picture;
  int width = 1920, height = 1080;  // picture size in pixels
  bool applyCamera = true;          // false keeps the camera as the user left it (window edits)
  double panelLeft = 0;             // screen: fraction of the width covered by the side panel
  bool sideLetters = true;          // R and L beside front and back views (off for turntables, which turn)
};

// What was drawn, for the window's panels and the command line's messages.
struct Composition {
  Palette palette;
  std::vector<PaneContent> panes;
  std::vector<std::string> rareSites;  // catalog ids
  std::string title;
  std::string caption;
  size_t drawnTwice = 0;  // both figures: cases of unstated sex drawn on each figure
  size_t highlightCase = SIZE_MAX;
  std::vector<std::string> figureLabels;  // per pane: "built-in male", "body.obj"
  std::vector<const Figure*> figures;     // per pane, owned by the BodyCache (site maps for hover and flights)
  size_t paneLabelLines = 0;              // lines of text above each pane
  std::vector<std::pair<std::string, std::string>> metadata;  // PNG text chunks (core pictureMetadata)
};

// Every case the picture shows (all panes, each once, in pane order): what its references list.
std::vector<const Case*> shownCases(const Composition& c);

struct ComposeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Fills `picture` from `vm`. Throws MeshLoadError/SiteMapError (body), ComposeError (unknown
// highlight case), with messages naming the file or field.
Composition compose(const ViewModel& vm, AtlasContext& ctx, Picture& picture, const ComposeOptions& options);

// Loads the figures `vm` shows and builds their locators, so that compose() finds them ready: the
// window does this on a second thread while its window opens. A figure that fails to load is left
// for compose() to report.
void prepareFigures(const ViewModel& vm, BodyCache& bodies, const std::filesystem::path& sceneDir);

}  // namespace la::render

#pragma once
// One 3D pane of a picture: a VTK renderer holding one body and its markers. A Picture
// (render/picture.hpp) holds one or two panes and the annotations; render::compose fills them
// from the view model, so the window, its export and `render` draw the same thing.
#include <vtkSmartPointer.h>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/marker_layout.hpp"
#include "core/marker_pick.hpp"
#include "render/body_probe.hpp"
#include "core/palette.hpp"
#include "core/view_model.hpp"

class vtkCamera;
class vtkPolyData;
class vtkRenderer;

namespace la::render {

using RGB = std::array<double, 3>;

// A horizontal band of a pane (fractions of its height) that the figure is fitted into.
struct ViewBand {
  double y0 = 0, y1 = 1;
};

class SceneView {
 public:
  SceneView();
  ~SceneView();
  SceneView(const SceneView&) = delete;
  SceneView& operator=(const SceneView&) = delete;

  vtkRenderer* renderer() const;

  // Replaces the body surface (expects point normals). `probe`, when given, is the figure's own
  // (render::Figure), so hover, picking and flights share the locator marker layout built.
  void setBody(vtkPolyData* body, std::shared_ptr<const BodyProbe> probe = nullptr);
  vtkPolyData* body() const;
  std::array<double, 6> bodyBounds() const;

  // Background and skin colour.
  void setColors(const RGB& background, const RGB& skin);
  // Per-vertex skin colours (choropleth, shaded regions); an empty list shows plain skin.
  void setSkinColors(const std::vector<std::array<unsigned char, 3>>& perVertex);
  // The part of the picture this pane covers (normalized x range).
  void setViewport(double x0, double x1);
  // Uses `camera` (shared by linked panes) instead of the pane's own.
  void shareCamera(vtkCamera* camera);

  // While the view moves: a lighter level of detail (Gouraud instead of Phong shading, the
  // body's clustered stand-in from body_lod.hpp with a quarter of its triangles), full quality
  // again when the view rests. The stand-in is made on the first move of a body. FXAA is not
  // touched here: the window decides it per frame (atlas_window.cpp, drawPicture).
  void setInteractive(bool dragging);

  // Frames the body from a camera spec: explicit position if stored, else the preset fitted to a
  // viewport of the given aspect ratio (width / height). The figure is fitted into the band
  // `y0..y1` of the pane's height (room for a title above and a caption below) and centred in it;
  // the pane itself still reaches the picture's edges, so a close-up is never cut off by a frame.
  void applyCamera(const CameraSpec& camera, double aspect, ViewBand band = ViewBand{});
  // The current camera as a storable spec (for saving a view).
  CameraSpec captureCamera(const std::string& preset) const;

  // Lesion markers (`radius` in body units), each drawn in its palette category's colour and
  // shape; markers whose side the source does not state are translucent. Replaces the last set.
  void setMarkers(const std::vector<MarkerSpec>& markers, double radius, const Palette& palette);
  const std::vector<MarkerSpec>& markers() const;
  double markerRadius() const;
  // The body as drawn: with its per-vertex "SkinColors" when shaded (for the 3D model export).
  vtkPolyData* shownBody() const;
  RGB skinColor() const;
  // Small rings beside markers of sites with few cases (rare sites).
  void setRareRings(const std::vector<MarkerSpec>& rare);

  // Small neutral spheres at site anchors (calibration view); empty hides them. `current` (index
  // into the list, or -1) is drawn larger in the highlight colour.
  void setAnchorPoints(const std::vector<std::array<double, 3>>& points, int current);
  // The body surface under display pixel (x, y), origin bottom-left: position and outward normal.
  bool pickSurface(double x, double y, std::array<double, 3>& position, std::array<double, 3>& normal) const;
  // The same, with the mesh vertex nearest the hit (for the site under the cursor).
  bool pickSkin(double x, double y, BodyProbe::Hit& hit) const;
  // Ray questions about the body (CPU, a locator built once per body).
  const BodyProbe& probe() const;
  // The camera's world-to-display mapping for this pane now (CPU picking).
  ScreenProjection projection() const;

  // Rings the markers of one case (index into Dataset::cases); SIZE_MAX for none.
  void setHighlightedCase(size_t caseIndex);
  // Index into markers() of the marker nearest display pixel (x, y), origin bottom-left, within
  // `tolerancePx`, that faces the camera and is not hidden behind the body; -1 when none. On the
  // CPU: one projection per marker, then a ray test for the few nearest.
  int pickMarker(double x, double y, double tolerancePx = 14) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace la::render

#pragma once
// The 3D view: a VTK renderer holding the body and its annotations, independent of who owns the
// window. The GLFW window (interactive) and the offscreen renderer (command line, screenshots)
// both draw the same SceneView, so an exported picture matches what the user sees.
#include <vtkSmartPointer.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/marker_layout.hpp"
#include "core/scene.hpp"

class vtkPolyData;
class vtkRenderer;
class vtkCamera;

namespace la::render {

struct LegendEntry {
  std::string label;
  std::array<double, 3> color{};
};

class SceneView {
 public:
  SceneView();
  ~SceneView();
  SceneView(const SceneView&) = delete;
  SceneView& operator=(const SceneView&) = delete;

  vtkRenderer* renderer() const;

  // Replaces the body surface (expects point normals).
  void setBody(vtkPolyData* body);
  vtkPolyData* body() const;
  std::array<double, 6> bodyBounds() const;

  // Background, skin colour and title from a scene.
  void applyAppearance(const Scene& scene);
  // Frames the body from the scene's camera: explicit position if stored, else the preset fitted
  // to a viewport of the given aspect ratio (width / height).
  void applyCamera(const CameraSpec& camera, double aspect);
  // The current camera as a storable spec (for saving a view).
  CameraSpec captureCamera(const std::string& preset) const;

  // Lesion markers (spheres of `radius` in body units, coloured by subtype; markers whose side
  // the source does not state are drawn translucent). Replaces the previous set.
  void setMarkers(const std::vector<MarkerSpec>& markers, double radius);
  // Tints skin regions (vertex ids of the body) with `color`; strength 0..1 per region. An empty
  // list shows plain skin. Used for coarse sites of other tables, which name a region, not a point.
  struct RegionShade {
    std::vector<int> vertices;
    double strength = 1;
  };
  void setRegionShading(const std::vector<RegionShade>& regions, const std::array<double, 3>& color);

  // Small neutral spheres at site anchors (calibration view); empty hides them. `current` (index
  // into the list, or -1) is drawn larger in the highlight colour.
  void setAnchorPoints(const std::vector<std::array<double, 3>>& points, int current);
  // The body surface under display pixel (x, y), origin bottom-left: position and outward normal.
  bool pickSurface(double x, double y, std::array<double, 3>& position, std::array<double, 3>& normal) const;

  // Rings the markers of one case (index into Dataset::cases); SIZE_MAX for none.
  void setHighlightedCase(size_t caseIndex);
  // Index into the last setMarkers() list of the front-facing marker nearest display pixel
  // (x, y), origin bottom-left, within `tolerancePx`; -1 when none.
  int pickMarker(double x, double y, double tolerancePx = 14) const;
  // The legend box (subtype colours with counts, then a footnote line such as the dataset and
  // what was not drawn). An empty list hides it.
  void setLegend(const std::vector<LegendEntry>& entries);

  // Sizes on-screen text and the legend for a picture of this size in pixels.
  void setImageSize(int width, int height);

  // Text shown in a corner of every picture (what is shown and where it comes from).
  void setCaption(const std::string& text);

 private:
  void layoutLegend();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};


}  // namespace la::render

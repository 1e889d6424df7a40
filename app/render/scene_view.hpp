#pragma once
// The 3D view: a VTK renderer holding the body and its annotations, independent of who owns the
// window. The GLFW window (interactive) and the offscreen renderer (command line, screenshots)
// both draw the same SceneView, so an exported picture matches what the user sees.
#include <vtkSmartPointer.h>

#include <array>
#include <memory>
#include <string>

#include "core/scene.hpp"

class vtkPolyData;
class vtkRenderer;
class vtkCamera;

namespace la::render {

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

  // Sizes on-screen text for a picture of this height in pixels.
  void setImageHeight(int pixels);

  // Text shown in a corner of every picture (what is shown and where it comes from).
  void setCaption(const std::string& text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Names of the camera presets, in menu order.
const std::array<const char*, 6>& cameraPresets();

}  // namespace la::render

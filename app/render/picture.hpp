#pragma once
// A picture: one or two 3D panes side by side (compare views, both figures) sharing one camera, and
// the annotations over them. What render::compose fills and what the window and the offscreen
// writer draw.
#include <array>
#include <memory>
#include <vector>

#include <vtkSmartPointer.h>

#include "render/annotations.hpp"
#include "render/scene_view.hpp"

class vtkCamera;
class vtkRenderer;
class vtkRenderWindow;

namespace la::render {

// The part of the picture the panes use, leaving room for title, caption and legend (normalized).
struct PaneFrame {
  double left = 0, right = 1, bottom = 0, top = 1;
};

class Picture {
 public:
  Picture();
  ~Picture();
  Picture(const Picture&) = delete;
  Picture& operator=(const Picture&) = delete;

  // One or two panes; linked: they share one camera, so turning one turns both.
  void setPaneCount(size_t n);
  size_t paneCount() const { return panes_.size(); }
  SceneView& pane(size_t i) { return *panes_[i]; }
  const SceneView& pane(size_t i) const { return *panes_[i]; }
  Annotations& annotations() { return annotations_; }
  vtkCamera* camera() const;

  void setFrame(const PaneFrame& frame);
  const PaneFrame& frame() const { return frame_; }
  // Width / height of one pane for a picture of the given size.
  double paneAspect(int width, int height) const;
  void setImageSize(int width, int height);

  // Draws the whole picture into the lower-left `scale` x `scale` part of the window (panes,
  // background and annotations, text sized for the smaller image); presentScaled() then stretches
  // that part over the window. The window uses 0.5 while the view moves: a quarter of the pixels,
  // so a software renderer keeps up with the mouse; 1 (the default) when the view rests.
  void setRenderScale(double scale);
  double renderScale() const { return scale_; }

  // The colour around and between the panes (and behind them); alpha 0 for a transparent picture.
  void setBackground(const std::array<double, 3>& rgb, double alpha);
  // Adds every renderer (panes, then annotations on layer 1) to a window, or removes them.
  void attach(vtkRenderWindow* window);
  void detach(vtkRenderWindow* window);
  // The pane under normalized x (0..1), or -1.
  int paneAt(double x) const;

 private:
  void layoutPanes();
  std::vector<std::unique_ptr<SceneView>> panes_;
  vtkSmartPointer<vtkRenderer> background_;  // clears the whole picture first (layer 0)
  Annotations annotations_;
  PaneFrame frame_;
  double scale_ = 1.0;
  int imageWidth_ = 1, imageHeight_ = 1;
  vtkRenderWindow* attached_ = nullptr;  // panes added later join this window too
};

// After a picture drawn into a window that does not blit on its own (vtkOpenGLRenderWindow frame
// blit mode NoBlit): copies its colour to the window's back buffer; a part drawn at
// renderScale() < 1 is stretched over the window with linear filtering. Does nothing for windows
// that are not OpenGL.
void presentScaled(vtkRenderWindow* window, double scale);

// A stamp that changes whenever something drawn in `window` changed (renderers, their cameras,
// and every prop with its mapper and data, as VTK tracks modification times). The window compares
// it with the stamp taken after its last render: equal means the frame VTK kept can be shown again
// (presentAgain) instead of drawn again, e.g. while only the panel changes.
unsigned long long redrawStamp(vtkRenderWindow* window);

// Shows the frame drawn last again, at the render scale it was drawn at, over the window's back
// buffer (for a window whose GL state others changed since: it is read back first).
void presentAgain(vtkRenderWindow* window, double scale);

}  // namespace la::render

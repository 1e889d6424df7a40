#include "render/picture.hpp"

#include <vtkCamera.h>
#include <vtkLight.h>
#include <vtkLightCollection.h>
#include <vtkProp.h>
#include <vtkPropCollection.h>
#include <vtkRendererCollection.h>
#include <vtkOpenGLRenderWindow.h>
#include <vtkOpenGLState.h>
#include <vtk_glew.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

#include <algorithm>

namespace la::render {

Picture::Picture() : background_(vtkSmartPointer<vtkRenderer>::New()) {
  background_->InteractiveOff();
  setPaneCount(1);
}

void Picture::setBackground(const std::array<double, 3>& rgb, double alpha) {
  background_->SetBackground(rgb[0], rgb[1], rgb[2]);
  background_->SetBackgroundAlpha(alpha);
  for (auto& p : panes_) {
    p->renderer()->SetBackground(rgb[0], rgb[1], rgb[2]);
    p->renderer()->SetBackgroundAlpha(alpha);
  }
}
Picture::~Picture() = default;

void Picture::setPaneCount(size_t n) {
  n = n < 1 ? 1 : (n > 2 ? 2 : n);
  if (n == panes_.size()) return;
  vtkRenderWindow* window = attached_;
  if (window) detach(window);
  while (panes_.size() > n) panes_.pop_back();
  while (panes_.size() < n) {
    panes_.push_back(std::make_unique<SceneView>());
    if (panes_.size() > 1) panes_.back()->shareCamera(camera());
  }
  layoutPanes();
  if (window) attach(window);
}

vtkCamera* Picture::camera() const { return panes_.front()->renderer()->GetActiveCamera(); }

void Picture::setFrame(const PaneFrame& frame) {
  frame_ = frame;
  layoutPanes();
}

double Picture::paneAspect(int width, int height) const {
  const double w = width * (frame_.right - frame_.left) / double(panes_.size());
  const double h = height * (frame_.top - frame_.bottom);
  return h > 0 ? w / h : 1.0;
}

void Picture::setImageSize(int width, int height) {
  imageWidth_ = width, imageHeight_ = height;
  annotations_.setImageSize(int(width * scale_), int(height * scale_));
}

void Picture::setRenderScale(double scale) {
  scale_ = scale;
  background_->SetViewport(0, 0, scale_, scale_);
  annotations_.renderer()->SetViewport(0, 0, scale_, scale_);
  setImageSize(imageWidth_, imageHeight_);
  layoutPanes();
}

void Picture::layoutPanes() {
  const double w = (frame_.right - frame_.left) / double(panes_.size());
  const double s = scale_;
  for (size_t i = 0; i < panes_.size(); ++i) {
    vtkRenderer* r = panes_[i]->renderer();
    r->SetViewport(s * (frame_.left + w * double(i)), s * frame_.bottom, s * (frame_.left + w * double(i + 1)),
                   s * frame_.top);
  }
}

void Picture::attach(vtkRenderWindow* window) {
  attached_ = window;
  window->SetNumberOfLayers(2);
  window->AddRenderer(background_);
  for (auto& p : panes_) window->AddRenderer(p->renderer());
  window->AddRenderer(annotations_.renderer());
}

void Picture::detach(vtkRenderWindow* window) {
  attached_ = nullptr;
  window->RemoveRenderer(background_);
  for (auto& p : panes_) window->RemoveRenderer(p->renderer());
  window->RemoveRenderer(annotations_.renderer());
}

int Picture::paneAt(double x) const {
  const double w = (frame_.right - frame_.left) / double(panes_.size());
  if (x < frame_.left || x > frame_.right) return -1;
  const int i = int((x - frame_.left) / w);
  return i < int(panes_.size()) ? i : int(panes_.size()) - 1;
}

void presentScaled(vtkRenderWindow* window, double scale) {
  auto* gl = vtkOpenGLRenderWindow::SafeDownCast(window);
  if (!gl) return;
  const int* size = gl->GetSize();
  const int w = size[0], h = size[1];
  vtkOpenGLState* state = gl->GetState();
  state->vtkglBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  state->vtkglDrawBuffer(GL_BACK);
  gl->BlitDisplayFramebuffer(0, 0, 0, int(w * scale + 0.5), int(h * scale + 0.5), 0, 0, w, h, GL_COLOR_BUFFER_BIT,
                             scale == 1.0 ? GL_NEAREST : GL_LINEAR);
}

unsigned long long redrawStamp(vtkRenderWindow* window) {
  vtkMTimeType stamp = window->GetMTime();
  vtkRendererCollection* renderers = window->GetRenderers();
  vtkCollectionSimpleIterator it;
  renderers->InitTraversal(it);
  while (vtkRenderer* r = renderers->GetNextRenderer(it)) {
    stamp = std::max({stamp, r->GetMTime(), r->GetActiveCamera()->GetMTime()});
    vtkPropCollection* props = r->GetViewProps();
    vtkCollectionSimpleIterator pit;
    props->InitTraversal(pit);
    while (vtkProp* p = props->GetNextProp(pit)) stamp = std::max(stamp, p->GetRedrawMTime());
    vtkLightCollection* lights = r->GetLights();
    lights->InitTraversal();
    while (vtkLight* l = lights->GetNextItem()) stamp = std::max(stamp, l->GetMTime());
  }
  return stamp;
}

void presentAgain(vtkRenderWindow* window, double scale) {
  auto* gl = vtkOpenGLRenderWindow::SafeDownCast(window);
  if (!gl) return;
  gl->MakeCurrent();
  gl->GetState()->Initialize(gl);  // ImGui drew since; VTK's record of the GL state is stale
  presentScaled(window, scale);
}

}  // namespace la::render

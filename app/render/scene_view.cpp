#include "render/scene_view.hpp"

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkLightKit.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>

namespace la::render {

const std::array<const char*, 6>& cameraPresets() {
  static const std::array<const char*, 6> names{"front", "back", "left", "right", "top", "three-quarter"};
  return names;
}

struct SceneView::Impl {
  vtkSmartPointer<vtkRenderer> renderer = vtkSmartPointer<vtkRenderer>::New();
  vtkSmartPointer<vtkActor> bodyActor = vtkSmartPointer<vtkActor>::New();
  vtkSmartPointer<vtkPolyDataMapper> bodyMapper = vtkSmartPointer<vtkPolyDataMapper>::New();
  vtkSmartPointer<vtkPolyData> body;
  vtkSmartPointer<vtkTextActor> title = vtkSmartPointer<vtkTextActor>::New();
  vtkSmartPointer<vtkTextActor> caption = vtkSmartPointer<vtkTextActor>::New();
};

namespace {

void styleText(vtkTextActor* a, int size, bool bold) {
  vtkTextProperty* p = a->GetTextProperty();
  p->SetFontFamilyToArial();
  p->SetFontSize(size);
  p->SetBold(bold);
  p->SetColor(0.15, 0.15, 0.18);
  p->SetShadow(false);
}

}  // namespace

SceneView::SceneView() : impl_(std::make_unique<Impl>()) {
  auto& r = *impl_->renderer;
  r.SetBackground(1, 1, 1);
  r.SetUseFXAA(true);  // cheap smoothing; multisampling is ~3x slower on software GL
  // A three-point light kit reads anatomy (folds, hollows) better than a single headlight.
  auto kit = vtkSmartPointer<vtkLightKit>::New();
  kit->SetKeyLightIntensity(0.85);
  kit->AddLightsToRenderer(&r);

  impl_->bodyMapper->ScalarVisibilityOff();
  impl_->bodyActor->SetMapper(impl_->bodyMapper);
  vtkProperty* prop = impl_->bodyActor->GetProperty();
  prop->SetInterpolationToPhong();
  prop->SetDiffuse(0.9);
  prop->SetAmbient(0.12);
  prop->SetSpecular(0.12);
  prop->SetSpecularPower(18);
  impl_->bodyActor->VisibilityOff();
  r.AddActor(impl_->bodyActor);

  styleText(impl_->title, 22, true);
  impl_->title->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
  impl_->title->GetTextProperty()->SetVerticalJustificationToTop();
  impl_->title->GetTextProperty()->SetJustificationToCentered();
  impl_->title->SetPosition(0.5, 0.975);
  r.AddActor2D(impl_->title);
  styleText(impl_->caption, 13, false);
  impl_->caption->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
  impl_->caption->SetPosition(0.02, 0.02);
  r.AddActor2D(impl_->caption);
}

SceneView::~SceneView() = default;

vtkRenderer* SceneView::renderer() const { return impl_->renderer; }

void SceneView::setBody(vtkPolyData* body) {
  impl_->body = body;
  impl_->bodyMapper->SetInputData(body);
  impl_->bodyActor->SetVisibility(body != nullptr);
}

vtkPolyData* SceneView::body() const { return impl_->body; }

std::array<double, 6> SceneView::bodyBounds() const {
  std::array<double, 6> b{-1, 1, -1, 1, -1, 1};
  if (impl_->body) impl_->body->GetBounds(b.data());
  return b;
}

void SceneView::applyAppearance(const Scene& s) {
  impl_->renderer->SetBackground(s.background[0], s.background[1], s.background[2]);
  impl_->bodyActor->GetProperty()->SetColor(s.skinColor[0], s.skinColor[1], s.skinColor[2]);
  impl_->title->SetInput(s.title.c_str());
  // Dark text on light backgrounds, light text on dark ones.
  const double lum = 0.2126 * s.background[0] + 0.7152 * s.background[1] + 0.0722 * s.background[2];
  const bool light = lum > 0.5 || s.transparentBackground;
  const double t = light ? 0.12 : 0.92, c = light ? 0.32 : 0.78;
  impl_->title->GetTextProperty()->SetColor(t, t, t);
  impl_->caption->GetTextProperty()->SetColor(c, c, c);
}

void SceneView::setImageHeight(int pixels) {
  // Text scales with the picture so a 4K slide and a thumbnail carry the same layout.
  impl_->title->GetTextProperty()->SetFontSize(std::max(12, int(pixels * 0.034)));
  impl_->caption->GetTextProperty()->SetFontSize(std::max(9, int(pixels * 0.017)));
}

void SceneView::setCaption(const std::string& text) { impl_->caption->SetInput(text.c_str()); }

void SceneView::applyCamera(const CameraSpec& spec, double aspect) {
  vtkCamera* cam = impl_->renderer->GetActiveCamera();
  cam->SetViewAngle(spec.viewAngle);
  if (spec.position && spec.focalPoint) {
    cam->SetPosition(spec.position->data());
    cam->SetFocalPoint(spec.focalPoint->data());
    const std::array<double, 3> up = spec.viewUp.value_or(std::array<double, 3>{0, 1, 0});
    cam->SetViewUp(up.data());
    impl_->renderer->ResetCameraClippingRange();
    return;
  }
  const auto b = bodyBounds();
  const double c[3] = {(b[0] + b[1]) / 2, (b[2] + b[3]) / 2, (b[4] + b[5]) / 2};
  const double ext[3] = {b[1] - b[0], b[3] - b[2], b[5] - b[4]};
  // Direction from the focal point to the camera. The body faces +Z, its left is +X.
  double dir[3] = {0, 0, 1}, up[3] = {0, 1, 0};
  const std::string& p = spec.preset;
  if (p == "back") dir[2] = -1;
  else if (p == "left") { dir[0] = 1; dir[2] = 0; }
  else if (p == "right") { dir[0] = -1; dir[2] = 0; }
  else if (p == "top") { dir[1] = 1; dir[2] = 0; up[1] = 0; up[2] = -1; }
  else if (p == "three-quarter") { dir[0] = 0.62; dir[1] = 0.12; dir[2] = 0.78; }
  const double n = std::sqrt(dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2]);
  for (double& d : dir) d /= n;
  // Extent seen across the screen: project the box on the screen axes (right = up x dir).
  const double right[3] = {up[1] * dir[2] - up[2] * dir[1], up[2] * dir[0] - up[0] * dir[2],
                           up[0] * dir[1] - up[1] * dir[0]};
  auto spanAlong = [&](const double a[3]) {
    return std::abs(a[0]) * ext[0] + std::abs(a[1]) * ext[1] + std::abs(a[2]) * ext[2];
  };
  const double height = spanAlong(up), width = spanAlong(right), depth = spanAlong(dir);
  const double tanHalf = std::tan(spec.viewAngle * M_PI / 360.0);
  const double margin = 1.16;  // air around the figure, and room for the title and caption
  double dist = margin * std::max(height / 2 / tanHalf, width / 2 / (tanHalf * std::max(aspect, 1e-3)));
  dist = dist / spec.zoom + depth / 2;
  cam->SetFocalPoint(c);
  cam->SetPosition(c[0] + dir[0] * dist, c[1] + dir[1] * dist, c[2] + dir[2] * dist);
  cam->SetViewUp(up);
  impl_->renderer->ResetCameraClippingRange();
}

CameraSpec SceneView::captureCamera(const std::string& preset) const {
  vtkCamera* cam = impl_->renderer->GetActiveCamera();
  CameraSpec s;
  s.preset = preset;
  std::array<double, 3> p{}, f{}, u{};
  cam->GetPosition(p.data());
  cam->GetFocalPoint(f.data());
  cam->GetViewUp(u.data());
  s.position = p;
  s.focalPoint = f;
  s.viewUp = u;
  s.viewAngle = cam->GetViewAngle();
  return s;
}

}  // namespace la::render

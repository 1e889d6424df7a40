#include "render/scene_view.hpp"

#include <vtkActor.h>
#include <vtkCellPicker.h>
#include <vtkCoordinate.h>
#include <vtkDiskSource.h>
#include <vtkDoubleArray.h>
#include <vtkTransform.h>
#include <vtkTransformPolyDataFilter.h>
#include <vtkGlyph3DMapper.h>
#include <vtkImageData.h>
#include <vtkLegendBoxActor.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkSphereSource.h>
#include <vtkUnsignedCharArray.h>
#include <vtkCamera.h>
#include <vtkLightKit.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkShaderProperty.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>

#include "la_shaders.h"

namespace la::render {


struct SceneView::Impl {
  vtkSmartPointer<vtkRenderer> renderer = vtkSmartPointer<vtkRenderer>::New();
  vtkSmartPointer<vtkActor> bodyActor = vtkSmartPointer<vtkActor>::New();
  vtkSmartPointer<vtkPolyDataMapper> bodyMapper = vtkSmartPointer<vtkPolyDataMapper>::New();
  vtkSmartPointer<vtkPolyData> body;
  vtkSmartPointer<vtkTextActor> title = vtkSmartPointer<vtkTextActor>::New();
  vtkSmartPointer<vtkTextActor> caption = vtkSmartPointer<vtkTextActor>::New();
  vtkSmartPointer<vtkActor> markers = vtkSmartPointer<vtkActor>::New();         // side stated
  vtkSmartPointer<vtkActor> markersFaint = vtkSmartPointer<vtkActor>::New();    // side not stated
  vtkSmartPointer<vtkActor> highlight = vtkSmartPointer<vtkActor>::New();
  vtkSmartPointer<vtkSphereSource> sphere = vtkSmartPointer<vtkSphereSource>::New();
  vtkSmartPointer<vtkDiskSource> haloDisk = vtkSmartPointer<vtkDiskSource>::New();
  vtkSmartPointer<vtkTransformPolyDataFilter> haloRing = vtkSmartPointer<vtkTransformPolyDataFilter>::New();
  vtkSmartPointer<vtkActor> anchors = vtkSmartPointer<vtkActor>::New();
  vtkSmartPointer<vtkSphereSource> anchorSphere = vtkSmartPointer<vtkSphereSource>::New();
  vtkSmartPointer<vtkLegendBoxActor> legend = vtkSmartPointer<vtkLegendBoxActor>::New();
  std::vector<MarkerSpec> markerSpecs;
  double markerRadius = 0.01;
  double imageAspect = 16.0 / 9.0;
};

namespace {

// Points with an RGB colour array, for a glyph mapper.
vtkSmartPointer<vtkPolyData> glyphPoints(const std::vector<MarkerSpec>& ms, bool faint,
                                         const std::array<double, 3>* fixedColor = nullptr,
                                         size_t onlyCase = SIZE_MAX) {
  auto pts = vtkSmartPointer<vtkPoints>::New();
  auto colors = vtkSmartPointer<vtkUnsignedCharArray>::New();
  colors->SetName("Colors");
  colors->SetNumberOfComponents(3);
  auto scales = vtkSmartPointer<vtkDoubleArray>::New();
  scales->SetName("Scale");
  for (const MarkerSpec& m : ms) {
    if (onlyCase != SIZE_MAX ? m.caseIndex != onlyCase : m.sideUnstated != faint) continue;
    pts->InsertNextPoint(m.position.data());
    scales->InsertNextValue(m.scale);
    const auto c = fixedColor ? *fixedColor : subtypeColor(m.subtype);
    colors->InsertNextTuple3(c[0] * 255, c[1] * 255, c[2] * 255);
  }
  auto pd = vtkSmartPointer<vtkPolyData>::New();
  pd->SetPoints(pts);
  pd->GetPointData()->AddArray(colors);
  pd->GetPointData()->AddArray(scales);
  if (onlyCase != SIZE_MAX) {
    // Rings lie on the skin: orient them along the marker normals.
    auto normals = vtkSmartPointer<vtkDoubleArray>::New();
    normals->SetName("Normals");
    normals->SetNumberOfComponents(3);
    for (const MarkerSpec& m : ms)
      if (m.caseIndex == onlyCase) normals->InsertNextTuple(m.normal.data());
    pd->GetPointData()->AddArray(normals);
  }
  return pd;
}

void setupGlyphActor(vtkActor* actor, vtkSphereSource* sphere) {
  auto mapper = vtkSmartPointer<vtkGlyph3DMapper>::New();
  mapper->SetSourceConnection(sphere->GetOutputPort());
  // Bubbles (one marker for many lesions) are larger: scale by the "Scale" point array.
  mapper->ScalingOn();
  mapper->SetScaleArray("Scale");
  mapper->SetScaleModeToScaleByMagnitude();
  mapper->OrientOff();
  mapper->SetScalarModeToUsePointFieldData();
  mapper->SelectColorArray("Colors");
  mapper->SetColorModeToDirectScalars();
  mapper->ScalarVisibilityOn();
  actor->SetMapper(mapper);
  actor->GetProperty()->SetSpecular(0.3);
  actor->GetProperty()->SetSpecularPower(30);
  actor->VisibilityOff();
}

}  // namespace

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
  // The shader file starts with the VTK tag it extends (after the lighting code).
  std::string rim = kShader_skin_rim;
  const std::string tag = rim.substr(0, rim.find('\n'));
  impl_->bodyActor->GetShaderProperty()->AddFragmentShaderReplacement(tag, true, tag + "\n" + rim.substr(rim.find('\n') + 1), false);
  impl_->bodyActor->VisibilityOff();
  r.AddActor(impl_->bodyActor);

  impl_->sphere->SetThetaResolution(20);
  impl_->sphere->SetPhiResolution(14);
  setupGlyphActor(impl_->markers, impl_->sphere);
  setupGlyphActor(impl_->markersFaint, impl_->sphere);
  impl_->markersFaint->GetProperty()->SetOpacity(0.45);
  // The selected case's markers get a gold ring on the skin around them. The disk's normal is +Z;
  // the glyph mapper turns a glyph's +X towards the orientation vector, so the disk is first
  // turned to face +X.
  impl_->haloDisk->SetCircumferentialResolution(40);
  auto turn = vtkSmartPointer<vtkTransform>::New();
  turn->RotateY(90);
  impl_->haloRing->SetTransform(turn);
  impl_->haloRing->SetInputConnection(impl_->haloDisk->GetOutputPort());
  setupGlyphActor(impl_->highlight, impl_->sphere);
  {
    auto* gm = static_cast<vtkGlyph3DMapper*>(impl_->highlight->GetMapper());
    gm->SetSourceConnection(impl_->haloRing->GetOutputPort());
    gm->OrientOn();
    gm->SetOrientationModeToDirection();
    gm->SetOrientationArray("Normals");
  }
  impl_->highlight->GetProperty()->SetAmbient(0.5);
  r.AddActor(impl_->markers);
  r.AddActor(impl_->markersFaint);
  r.AddActor(impl_->highlight);

  impl_->anchorSphere->SetThetaResolution(12);
  impl_->anchorSphere->SetPhiResolution(8);
  setupGlyphActor(impl_->anchors, impl_->anchorSphere);
  r.AddActor(impl_->anchors);

  impl_->legend->BorderOff();
  impl_->legend->BoxOff();
  impl_->legend->SetPadding(2);
  impl_->legend->GetEntryTextProperty()->SetFontFamilyToArial();
  impl_->legend->GetEntryTextProperty()->SetColor(0.15, 0.15, 0.15);
  impl_->legend->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
  impl_->legend->GetPosition2Coordinate()->SetCoordinateSystemToNormalizedViewport();
  impl_->legend->VisibilityOff();
  r.AddActor2D(impl_->legend);

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
  impl_->bodyMapper->ScalarVisibilityOff();
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
  impl_->legend->GetEntryTextProperty()->SetColor(t, t, t);
  // Legend text takes the entry colour (see setLegend), so it follows the background too.
  for (int i = 0; i < impl_->legend->GetNumberOfEntries(); ++i) impl_->legend->SetEntryColor(i, c, c, c);
}

void SceneView::setMarkers(const std::vector<MarkerSpec>& markers, double radius) {
  impl_->markerSpecs = markers;
  impl_->markerRadius = radius;
  impl_->sphere->SetRadius(radius);
  impl_->haloDisk->SetInnerRadius(radius * 1.25);
  impl_->haloDisk->SetOuterRadius(radius * 2.0);
  auto feed = [](vtkActor* a, vtkSmartPointer<vtkPolyData> pd) {
    static_cast<vtkGlyph3DMapper*>(a->GetMapper())->SetInputData(pd);
    a->SetVisibility(pd->GetNumberOfPoints() > 0);
  };
  feed(impl_->markers, glyphPoints(markers, false));
  feed(impl_->markersFaint, glyphPoints(markers, true));
  impl_->highlight->VisibilityOff();
}

void SceneView::setRegionShading(const std::vector<RegionShade>& regions, const std::array<double, 3>& color) {
  vtkPolyData* body = impl_->body;
  if (!body) return;
  if (regions.empty()) {
    impl_->bodyMapper->ScalarVisibilityOff();
    return;
  }
  const double* skin = impl_->bodyActor->GetProperty()->GetColor();
  const vtkIdType n = body->GetNumberOfPoints();
  std::vector<double> mix(size_t(n), 0.0);
  for (const RegionShade& r : regions)
    for (int v : r.vertices)
      if (v >= 0 && v < n) mix[size_t(v)] = std::max(mix[size_t(v)], 0.15 + 0.45 * std::clamp(r.strength, 0.0, 1.0));
  auto colors = vtkSmartPointer<vtkUnsignedCharArray>::New();
  colors->SetName("RegionColors");
  colors->SetNumberOfComponents(3);
  colors->SetNumberOfTuples(n);
  for (vtkIdType i = 0; i < n; ++i) {
    const double t = mix[size_t(i)];
    colors->SetTuple3(i, 255 * (skin[0] * (1 - t) + color[0] * t), 255 * (skin[1] * (1 - t) + color[1] * t),
                      255 * (skin[2] * (1 - t) + color[2] * t));
  }
  // A shallow copy keeps the loaded body untouched: the colours belong to this view only.
  auto shaded = vtkSmartPointer<vtkPolyData>::New();
  shaded->ShallowCopy(body);
  shaded->GetPointData()->AddArray(colors);
  impl_->bodyMapper->SetInputData(shaded);
  impl_->bodyMapper->SetScalarModeToUsePointFieldData();
  impl_->bodyMapper->SelectColorArray("RegionColors");
  impl_->bodyMapper->SetColorModeToDirectScalars();
  impl_->bodyMapper->ScalarVisibilityOn();
}

void SceneView::setAnchorPoints(const std::vector<std::array<double, 3>>& points, int current) {
  std::vector<MarkerSpec> specs(points.size());
  for (size_t i = 0; i < points.size(); ++i) {
    specs[i].position = points[i];
    specs[i].scale = int(i) == current ? 2.0 : 1.0;
  }
  const std::array<double, 3> white{0.96, 0.96, 0.96};
  auto pd = glyphPoints(specs, false, &white);
  // The current site stands out in the ring colour.
  if (current >= 0 && current < int(points.size())) {
    auto* c = vtkUnsignedCharArray::SafeDownCast(pd->GetPointData()->GetArray("Colors"));
    c->SetTuple3(current, 255, 184, 0);
  }
  const auto b = bodyBounds();
  impl_->anchorSphere->SetRadius(0.004 * (b[3] - b[2]));
  static_cast<vtkGlyph3DMapper*>(impl_->anchors->GetMapper())->SetInputData(pd);
  impl_->anchors->SetVisibility(!points.empty());
}

bool SceneView::pickSurface(double x, double y, std::array<double, 3>& position, std::array<double, 3>& normal) const {
  auto picker = vtkSmartPointer<vtkCellPicker>::New();
  picker->SetTolerance(0.0005);
  picker->PickFromListOn();
  picker->AddPickList(impl_->bodyActor);
  if (!picker->Pick(x, y, 0, impl_->renderer)) return false;
  picker->GetPickPosition(position.data());
  picker->GetPickNormal(normal.data());
  return true;
}

void SceneView::setHighlightedCase(size_t caseIndex) {
  if (caseIndex == SIZE_MAX) {
    impl_->highlight->VisibilityOff();
    return;
  }
  const std::array<double, 3> gold{1.0, 0.72, 0.0};
  auto pd = glyphPoints(impl_->markerSpecs, false, &gold, caseIndex);
  static_cast<vtkGlyph3DMapper*>(impl_->highlight->GetMapper())->SetInputData(pd);
  impl_->highlight->SetVisibility(pd->GetNumberOfPoints() > 0);
}

int SceneView::pickMarker(double x, double y, double tol) const {
  vtkRenderer* ren = impl_->renderer;
  double cam[3];
  ren->GetActiveCamera()->GetPosition(cam);
  int best = -1;
  double bestD = tol * tol;
  for (size_t i = 0; i < impl_->markerSpecs.size(); ++i) {
    const MarkerSpec& m = impl_->markerSpecs[i];
    const double toCam[3] = {cam[0] - m.position[0], cam[1] - m.position[1], cam[2] - m.position[2]};
    if (toCam[0] * m.normal[0] + toCam[1] * m.normal[1] + toCam[2] * m.normal[2] <= 0) continue;  // far side
    ren->SetWorldPoint(m.position[0], m.position[1], m.position[2], 1.0);
    ren->WorldToDisplay();
    double d[3];
    ren->GetDisplayPoint(d);
    const double dd = (d[0] - x) * (d[0] - x) + (d[1] - y) * (d[1] - y);
    const double tol2 = bestD * m.scale * m.scale;  // bubbles are bigger targets
    if (dd < tol2 && dd < (best < 0 ? tol2 : bestD)) bestD = dd, best = int(i);
  }
  return best;
}

// A round symbol coloured through its own scalars: the legend box paints a symbol with its scalars
// when it has them (ScalarVisibility) and its text with the entry colour, so the subtype colour
// goes into the symbol and the text stays in the readable caption colour.
static vtkSmartPointer<vtkPolyData> swatch(const std::array<double, 3>& c) {
  auto disk = vtkSmartPointer<vtkSphereSource>::New();
  disk->SetThetaResolution(24);
  disk->SetPhiResolution(12);
  disk->Update();
  auto pd = vtkSmartPointer<vtkPolyData>::New();
  pd->DeepCopy(disk->GetOutput());
  auto colors = vtkSmartPointer<vtkUnsignedCharArray>::New();
  colors->SetNumberOfComponents(3);
  colors->SetNumberOfTuples(pd->GetNumberOfPoints());
  for (vtkIdType i = 0; i < pd->GetNumberOfPoints(); ++i) colors->SetTuple3(i, 255 * c[0], 255 * c[1], 255 * c[2]);
  pd->GetPointData()->SetScalars(colors);
  return pd;
}

void SceneView::setLegend(const std::vector<LegendEntry>& entries) {
  vtkLegendBoxActor* l = impl_->legend;
  l->SetNumberOfEntries(int(entries.size()));
  l->ScalarVisibilityOn();
  double text[3];
  impl_->caption->GetTextProperty()->GetColor(text);
  for (size_t i = 0; i < entries.size(); ++i) l->SetEntry(int(i), swatch(entries[i].color), entries[i].label.c_str(), text);
  l->SetVisibility(!entries.empty());
  layoutLegend();
}

void SceneView::setImageSize(int width, int height) {
  // Text scales with the picture's height so a 4K slide and a thumbnail carry the same layout.
  impl_->title->GetTextProperty()->SetFontSize(std::max(12, int(height * 0.034)));
  impl_->caption->GetTextProperty()->SetFontSize(std::max(9, int(height * 0.019)));
  impl_->imageAspect = height > 0 ? double(width) / height : 1.0;
  layoutLegend();
}

void SceneView::layoutLegend() {
  // The legend box auto-fits its text to the box, so the box is sized in units of the picture's
  // height: the same entry height whatever the aspect ratio.
  const int n = impl_->legend->GetNumberOfEntries();
  const double h = std::min(0.038 * n, 0.6);
  const double w = std::min(0.3 / impl_->imageAspect, 0.45);
  impl_->legend->SetPosition(0.985 - w, 0.07);
  impl_->legend->SetPosition2(w, h);
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

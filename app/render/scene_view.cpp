#include "render/scene_view.hpp"

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkMatrix4x4.h>
#include <vtkDiskSource.h>
#include <vtkGlyph3DMapper.h>
#include <vtkLightKit.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkShaderProperty.h>
#include <vtkTransform.h>
#include <vtkTransformPolyDataFilter.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <cmath>

#include "la_shaders.h"  // kShader_skin_rim
#include "render/body_lod.hpp"
#include "render/marker_glyphs.hpp"
#include "render/kit_lighting.hpp"
#include "render/marker_impostors.hpp"

namespace la::render {

struct SceneView::Impl {
  vtkSmartPointer<vtkRenderer> renderer = vtkSmartPointer<vtkRenderer>::New();
  vtkSmartPointer<vtkActor> bodyActor = vtkSmartPointer<vtkActor>::New();
  vtkSmartPointer<vtkPolyDataMapper> bodyMapper = vtkSmartPointer<vtkPolyDataMapper>::New();
  vtkSmartPointer<vtkPolyData> body;
  // The stand-in drawn while the view moves (body_lod.hpp), and what it was made from.
  vtkSmartPointer<vtkPolyDataMapper> movingMapper = vtkSmartPointer<vtkPolyDataMapper>::New();
  vtkPolyData* movingFrom = nullptr;
  vtkMTimeType movingFromTime = 0;
  vtkSmartPointer<vtkActor> markers = makeGlyphActor(0.01);       // side stated
  vtkSmartPointer<vtkActor> markersFaint = makeGlyphActor(0.01);  // side not stated
  vtkSmartPointer<vtkActor> anchors = makeGlyphActor(0.01);
  vtkSmartPointer<vtkActor> highlight = vtkSmartPointer<vtkActor>::New();
  vtkSmartPointer<vtkActor> rare = vtkSmartPointer<vtkActor>::New();
  vtkSmartPointer<vtkActor> splats = makeImpostorActor();  // very many markers: one shaded disc each
  vtkSmartPointer<vtkDiskSource> haloDisk = vtkSmartPointer<vtkDiskSource>::New();
  vtkSmartPointer<vtkDiskSource> rareDisk = vtkSmartPointer<vtkDiskSource>::New();
  std::vector<MarkerSpec> markerSpecs;
  PickPoints pickPoints;  // markerSpecs packed for CPU picking
  double markerRadius = 0.01;
  std::shared_ptr<const BodyProbe> probe = std::make_shared<BodyProbe>();
};

namespace {

// A flat ring glyph lying on the skin: the disk (normal +Z) is turned to face +X, which the glyph
// mapper then turns towards each point's normal.
void setupRingActor(vtkActor* actor, vtkDiskSource* disk, const RGB& color) {
  disk->SetCircumferentialResolution(40);
  auto turn = vtkSmartPointer<vtkTransform>::New();
  turn->RotateY(90);
  auto ring = vtkSmartPointer<vtkTransformPolyDataFilter>::New();
  ring->SetTransform(turn);
  ring->SetInputConnection(disk->GetOutputPort());
  auto gm = vtkSmartPointer<vtkGlyph3DMapper>::New();
  gm->SetSourceConnection(ring->GetOutputPort());
  gm->ScalingOn();
  gm->SetScaleArray("Scale");
  gm->SetScaleModeToScaleByMagnitude();
  gm->OrientOn();
  gm->SetOrientationModeToDirection();
  gm->SetOrientationArray("Normals");
  gm->ScalarVisibilityOff();
  actor->SetMapper(gm);
  actor->GetProperty()->SetColor(color[0], color[1], color[2]);
  actor->GetProperty()->SetAmbient(0.5);
  actor->VisibilityOff();
}

void setupBody(vtkActor* bodyActor, vtkPolyDataMapper* bodyMapper) {
  bodyMapper->ScalarVisibilityOff();
  bodyActor->SetMapper(bodyMapper);
  vtkProperty* prop = bodyActor->GetProperty();
  prop->SetInterpolationToPhong();
  prop->SetDiffuse(0.9);
  prop->SetAmbient(0.12);
  prop->SetSpecular(0.12);
  prop->SetSpecularPower(18);
  // In place of VTK's lighting code for the five-light kit SceneView sets up (the file says why),
  // followed by a rim light.
  replaceKitLighting(bodyActor, kShader_skin_rim);
  bodyActor->VisibilityOff();
}

}  // namespace

SceneView::SceneView() : impl_(std::make_unique<Impl>()) {
  auto& r = *impl_->renderer;
  r.SetBackground(1, 1, 1);
  r.SetUseFXAA(true);  // cheap smoothing; multisampling is ~3x slower on software GL
  // A three-point light kit reads anatomy (folds, hollows) better than a single headlight.
  auto kit = vtkSmartPointer<vtkLightKit>::New();
  kit->SetKeyLightIntensity(0.85);
  kit->AddLightsToRenderer(&r);  // head light first, then key: shaders/skin_lighting.glsl relies on it
  setupBody(impl_->bodyActor, impl_->bodyMapper);
  // Markers are lit by the same kit, in the same cheaper code as the skin.
  for (vtkActor* glyphs : {impl_->markers.Get(), impl_->markersFaint.Get(), impl_->anchors.Get()}) replaceKitLighting(glyphs);
  r.AddActor(impl_->bodyActor);
  setupRingActor(impl_->highlight, impl_->haloDisk, {1.0, 0.72, 0.0});
  setupRingActor(impl_->rare, impl_->rareDisk, {0.12, 0.12, 0.14});
  for (vtkActor* a : {impl_->markers.Get(), impl_->markersFaint.Get(), impl_->highlight.Get(), impl_->rare.Get(),
                      impl_->anchors.Get(), impl_->splats.Get()})
    r.AddActor(a);
}

SceneView::~SceneView() = default;

vtkRenderer* SceneView::renderer() const { return impl_->renderer; }

void SceneView::setBody(vtkPolyData* body, std::shared_ptr<const BodyProbe> probe) {
  impl_->body = body;
  if (probe && probe->body() == body) {
    impl_->probe = std::move(probe);
  } else if (impl_->probe->body() != body) {  // the same body keeps the locator already built
    auto own = std::make_shared<BodyProbe>();
    own->setBody(body);
    impl_->probe = std::move(own);
  }
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

void SceneView::setColors(const RGB& background, const RGB& skin) {
  impl_->renderer->SetBackground(background[0], background[1], background[2]);
  impl_->bodyActor->GetProperty()->SetColor(skin[0], skin[1], skin[2]);
}

void SceneView::setSkinColors(const std::vector<std::array<unsigned char, 3>>& perVertex) {
  vtkPolyData* body = impl_->body;
  if (!body || perVertex.empty() || vtkIdType(perVertex.size()) != body->GetNumberOfPoints()) {
    impl_->bodyMapper->SetInputData(body);
    impl_->bodyMapper->ScalarVisibilityOff();
    return;
  }
  auto colors = vtkSmartPointer<vtkUnsignedCharArray>::New();
  colors->SetName("SkinColors");
  colors->SetNumberOfComponents(3);
  colors->SetNumberOfTuples(vtkIdType(perVertex.size()));
  std::copy(perVertex.front().data(), perVertex.front().data() + 3 * perVertex.size(), colors->GetPointer(0));
  // A shallow copy keeps the loaded body untouched: the colours belong to this pane only.
  auto shaded = vtkSmartPointer<vtkPolyData>::New();
  shaded->ShallowCopy(body);
  shaded->GetPointData()->AddArray(colors);
  impl_->bodyMapper->SetInputData(shaded);
  impl_->bodyMapper->SetScalarModeToUsePointFieldData();
  impl_->bodyMapper->SelectColorArray("SkinColors");
  impl_->bodyMapper->SetColorModeToDirectScalars();
  impl_->bodyMapper->ScalarVisibilityOn();
}

void SceneView::setInteractive(bool dragging) {
  Impl& m = *impl_;
  vtkProperty* p = m.bodyActor->GetProperty();
  if (dragging) p->SetInterpolationToGouraud();
  else p->SetInterpolationToPhong();
  vtkPolyData* shown = shownBody();
  if (!dragging || !shown) {
    m.bodyActor->SetMapper(m.bodyMapper);
    return;
  }
  if (shown != m.movingFrom || shown->GetMTime() != m.movingFromTime) {
    m.movingMapper->SetInputData(makeMovingStandIn(shown));
    m.movingFrom = shown;
    m.movingFromTime = shown->GetMTime();
  }
  const bool colored = m.bodyMapper->GetScalarVisibility() != 0;
  m.movingMapper->SetScalarVisibility(colored);
  if (colored) {
    m.movingMapper->SetScalarModeToUsePointFieldData();
    m.movingMapper->SelectColorArray("SkinColors");
    m.movingMapper->SetColorModeToDirectScalars();
  }
  m.bodyActor->SetMapper(m.movingMapper);
}

void SceneView::setViewport(double x0, double x1) { impl_->renderer->SetViewport(x0, 0, x1, 1); }

void SceneView::shareCamera(vtkCamera* camera) { impl_->renderer->SetActiveCamera(camera); }

void SceneView::setMarkers(const std::vector<MarkerSpec>& markers, double radius, const Palette& palette) {
  impl_->markerSpecs = markers;
  impl_->pickPoints = packForPicking(markers);
  impl_->markerRadius = radius;
  setGlyphRadius(impl_->markers, radius);
  setGlyphRadius(impl_->markersFaint, radius);
  impl_->haloDisk->SetInnerRadius(radius * 1.25);
  impl_->haloDisk->SetOuterRadius(radius * 2.0);
  impl_->rareDisk->SetInnerRadius(radius * 1.35);
  impl_->rareDisk->SetOuterRadius(radius * 1.7);
  // Tens of thousands of 3D glyphs cost millions of triangles a frame on a software renderer; past
  // kSplatAbove markers each becomes an impostor shaded like a sphere (colour kept, shape cue dropped:
  // at that density the picture is a density map, and the caption says so).
  const bool splat = markers.size() > kSplatAbove;
  GlyphSelect all;
  all.all = true;
  feedGlyphs(impl_->markers, splat ? glyphPoints({}, &palette, {false}) : glyphPoints(markers, &palette, {false}));
  // Pale (side unstated): mixed towards the skin rather than translucent (marker_glyphs.hpp).
  const RGB skin = skinColor();
  GlyphSelect faint;
  faint.faint = true;
  faint.paleTowards = &skin;
  feedGlyphs(impl_->markersFaint, splat ? glyphPoints({}, &palette, faint) : glyphPoints(markers, &palette, faint));
  feedImpostors(impl_->splats, splat ? glyphPoints(markers, &palette, all) : glyphPoints({}, &palette, all),
                radius * impostorRadiusScale(markers.size()));
  impl_->highlight->VisibilityOff();
  impl_->rare->VisibilityOff();
}

const std::vector<MarkerSpec>& SceneView::markers() const { return impl_->markerSpecs; }
double SceneView::markerRadius() const { return impl_->markerRadius; }
vtkPolyData* SceneView::shownBody() const { return vtkPolyData::SafeDownCast(impl_->bodyMapper->GetInput()); }
RGB SceneView::skinColor() const {
  RGB c;
  impl_->bodyActor->GetProperty()->GetColor(c.data());
  return c;
}

void SceneView::setRareRings(const std::vector<MarkerSpec>& rare) {
  GlyphSelect all;
  all.all = true;
  feedGlyphs(impl_->rare, glyphPoints(rare, nullptr, all));
}

void SceneView::setAnchorPoints(const std::vector<std::array<double, 3>>& points, int current) {
  std::vector<MarkerSpec> specs(points.size());
  for (size_t i = 0; i < points.size(); ++i) {
    specs[i].position = points[i];
    specs[i].scale = int(i) == current ? 2.0 : 1.0;
  }
  const RGB white{0.96, 0.96, 0.96};
  GlyphSelect sel;
  sel.fixedColor = &white;
  auto pd = glyphPoints(specs, nullptr, sel);
  // The current site stands out in the ring colour.
  if (current >= 0 && current < int(points.size())) {
    auto* c = vtkUnsignedCharArray::SafeDownCast(pd->GetPointData()->GetArray("Colors"));
    c->SetTuple3(current, 255, 184, 0);
  }
  const auto b = bodyBounds();
  setGlyphRadius(impl_->anchors, 0.004 * (b[3] - b[2]));
  feedGlyphs(impl_->anchors, pd);
}

bool SceneView::pickSurface(double x, double y, std::array<double, 3>& position, std::array<double, 3>& normal) const {
  BodyProbe::Hit hit;
  if (!pickSkin(x, y, hit)) return false;
  position = hit.position;
  normal = hit.normal;
  return true;
}

bool SceneView::pickSkin(double x, double y, BodyProbe::Hit& hit) const {
  if (!impl_->body || !impl_->bodyActor->GetVisibility()) return false;
  vtkRenderer* ren = impl_->renderer;
  ren->ResetCameraClippingRange();
  double nearW[4], farW[4];
  ren->SetDisplayPoint(x, y, 0.0);
  ren->DisplayToWorld();
  ren->GetWorldPoint(nearW);
  ren->SetDisplayPoint(x, y, 1.0);
  ren->DisplayToWorld();
  ren->GetWorldPoint(farW);
  if (nearW[3] == 0 || farW[3] == 0) return false;
  const Vec3 a{nearW[0] / nearW[3], nearW[1] / nearW[3], nearW[2] / nearW[3]};
  const Vec3 b{farW[0] / farW[3], farW[1] / farW[3], farW[2] / farW[3]};
  return impl_->probe->firstHit(a, b, hit);
}

const BodyProbe& SceneView::probe() const { return *impl_->probe; }

ScreenProjection SceneView::projection() const {
  vtkRenderer* ren = impl_->renderer;
  vtkCamera* cam = ren->GetActiveCamera();
  ScreenProjection p;
  int size[2] = {1, 1}, origin[2] = {0, 0};
  ren->GetTiledSizeAndOrigin(&size[0], &size[1], &origin[0], &origin[1]);
  p.x0 = origin[0], p.y0 = origin[1], p.width = size[0], p.height = size[1];
  // The same matrix WorldToDisplay uses (aspect of the pane; window centre shifts included).
  vtkMatrix4x4* m = cam->GetCompositeProjectionTransformMatrix(ren->GetTiledAspectRatio(), -1, 1);
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 4; ++c) p.matrix[size_t(r * 4 + c)] = m->GetElement(r, c);
  cam->GetPosition(p.eye.data());
  p.perspective = !cam->GetParallelProjection();
  cam->GetDirectionOfProjection(p.viewDirection.data());
  return p;
}

void SceneView::setHighlightedCase(size_t caseIndex) {
  if (caseIndex == SIZE_MAX) {
    impl_->highlight->VisibilityOff();
    return;
  }
  GlyphSelect sel;
  sel.onlyCase = caseIndex;
  feedGlyphs(impl_->highlight, glyphPoints(impl_->markerSpecs, nullptr, sel));
}

int SceneView::pickMarker(double x, double y, double tol) const {
  const ScreenProjection proj = projection();
  const auto candidates = markerCandidates(impl_->pickPoints, proj, x, y, tol);
  for (const MarkerCandidate& c : candidates) {
    const MarkerSpec& m = impl_->markerSpecs[c.index];
    // Hidden when the body lies between the eye and the marker. The marker sits one radius above
    // its skin, so the last stretch of the ray (two radii) may touch the skin it rests on.
    const Vec3 eye = proj.perspective ? proj.eye : sub(m.position, scale(proj.viewDirection, 1e3));
    const Vec3 to = m.position;
    const double len = length(sub(to, eye));
    const double keep = std::max(0.0, 1.0 - 2.0 * impl_->markerRadius * std::max(1.0, m.scale) / std::max(len, 1e-9));
    if (impl_->body && impl_->probe->crosses(eye, add(eye, scale(sub(to, eye), keep)))) continue;
    return int(c.index);
  }
  return -1;
}

void SceneView::applyCamera(const CameraSpec& spec, double aspect, ViewBand band) {
  vtkCamera* cam = impl_->renderer->GetActiveCamera();
  cam->SetViewAngle(spec.viewAngle);
  const double bandH = std::clamp(band.y1 - band.y0, 0.1, 1.0);
  cam->SetWindowCenter(0.0, 1.0 - (band.y0 + band.y1));  // the band's centre becomes the view's centre
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
  double dist = margin * std::max(height / 2 / (tanHalf * bandH), width / 2 / (tanHalf * std::max(aspect, 1e-3)));
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

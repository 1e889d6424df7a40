#include "render/marker_glyphs.hpp"

#include <vtkActor.h>
#include <vtkCubeSource.h>
#include <vtkCylinderSource.h>
#include <vtkDoubleArray.h>
#include <vtkGlyph3DMapper.h>
#include <vtkIntArray.h>
#include <vtkPlatonicSolidSource.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataNormals.h>
#include <vtkProperty.h>
#include <vtkSphereSource.h>
#include <vtkTransform.h>
#include <vtkTransformPolyDataFilter.h>
#include <vtkUnsignedCharArray.h>

namespace la::render {

vtkSmartPointer<vtkPolyData> shapeSurface(MarkerShape shape) {
  vtkSmartPointer<vtkAlgorithm> src;
  double scale = 1.0;
  switch (shape) {
    case MarkerShape::Cube: {
      auto c = vtkSmartPointer<vtkCubeSource>::New();
      scale = 1.6;  // same visual weight as a unit sphere
      src = c;
      break;
    }
    case MarkerShape::Diamond: {
      auto o = vtkSmartPointer<vtkPlatonicSolidSource>::New();
      o->SetSolidTypeToOctahedron();
      scale = 1.35;
      src = o;
      break;
    }
    case MarkerShape::Cylinder: {
      auto c = vtkSmartPointer<vtkCylinderSource>::New();
      c->SetResolution(16);
      c->SetHeight(0.7);
      c->SetRadius(1.05);
      src = c;
      break;
    }
    default: {
      // 12x8 is enough for a marker a few pixels to a few dozen pixels wide, and cheap on llvmpipe.
      auto s = vtkSmartPointer<vtkSphereSource>::New();
      s->SetThetaResolution(12);
      s->SetPhiResolution(8);
      src = s;
    }
  }
  auto t = vtkSmartPointer<vtkTransform>::New();
  t->Scale(scale, scale, scale);
  if (shape == MarkerShape::Cylinder) t->RotateX(90);  // disc faces the viewer (+Z) in legends
  auto tf = vtkSmartPointer<vtkTransformPolyDataFilter>::New();
  tf->SetTransform(t);
  tf->SetInputConnection(src->GetOutputPort());
  // Flat-faced shapes get split normals so their edges read as edges.
  auto normals = vtkSmartPointer<vtkPolyDataNormals>::New();
  normals->SetInputConnection(tf->GetOutputPort());
  normals->SetFeatureAngle(30);
  normals->Update();
  vtkSmartPointer<vtkPolyData> out = normals->GetOutput();
  return out;
}

namespace {
constexpr int kShapes = 4;

vtkSmartPointer<vtkPolyData> scaledShape(MarkerShape s, double radius) {
  auto base = shapeSurface(s);
  auto t = vtkSmartPointer<vtkTransform>::New();
  t->Scale(radius, radius, radius);
  auto tf = vtkSmartPointer<vtkTransformPolyDataFilter>::New();
  tf->SetTransform(t);
  tf->SetInputData(base);
  tf->Update();
  vtkSmartPointer<vtkPolyData> out = tf->GetOutput();
  return out;
}
}  // namespace

void setGlyphRadius(vtkActor* actor, double radius) {
  auto* m = vtkGlyph3DMapper::SafeDownCast(actor->GetMapper());
  for (int i = 0; i < kShapes; ++i) m->SetSourceData(i, scaledShape(MarkerShape(i), radius));
}

vtkSmartPointer<vtkActor> makeGlyphActor(double radius) {
  auto actor = vtkSmartPointer<vtkActor>::New();
  auto mapper = vtkSmartPointer<vtkGlyph3DMapper>::New();
  actor->SetMapper(mapper);
  setGlyphRadius(actor, radius);
  mapper->SourceIndexingOn();
  mapper->SetSourceIndexArray("Shape");
  // Bubbles (one marker for many lesions) are larger: scale by the "Scale" point array.
  mapper->ScalingOn();
  mapper->SetScaleArray("Scale");
  mapper->SetScaleModeToScaleByMagnitude();
  mapper->OrientOff();
  mapper->SetScalarModeToUsePointFieldData();
  mapper->SelectColorArray("Colors");
  mapper->SetColorModeToDirectScalars();
  mapper->ScalarVisibilityOn();
  actor->GetProperty()->SetSpecular(0.3);
  actor->GetProperty()->SetSpecularPower(30);
  actor->VisibilityOff();
  return actor;
}

vtkSmartPointer<vtkPolyData> glyphPoints(const std::vector<MarkerSpec>& ms, const Palette* palette,
                                         const GlyphSelect& sel) {
  auto pts = vtkSmartPointer<vtkPoints>::New();
  auto colors = vtkSmartPointer<vtkUnsignedCharArray>::New();
  colors->SetName("Colors");
  colors->SetNumberOfComponents(3);
  auto scales = vtkSmartPointer<vtkDoubleArray>::New();
  scales->SetName("Scale");
  auto shapes = vtkSmartPointer<vtkIntArray>::New();
  shapes->SetName("Shape");
  auto normals = vtkSmartPointer<vtkDoubleArray>::New();
  normals->SetName("Normals");
  normals->SetNumberOfComponents(3);
  const size_t n = ms.size();
  pts->Allocate(vtkIdType(n));
  for (const MarkerSpec& m : ms) {
    if (sel.onlyCase != SIZE_MAX ? m.caseIndex != sel.onlyCase : (!sel.all && m.sideUnstated != sel.faint)) continue;
    pts->InsertNextPoint(m.position.data());
    scales->InsertNextValue(m.scale);
    std::array<double, 3> c{0.5, 0.5, 0.5};
    int shape = 0;
    if (sel.fixedColor) c = *sel.fixedColor;
    else if (palette && m.category < palette->categories.size()) c = palette->categories[m.category].color;
    if (palette && !sel.fixedColor && m.category < palette->categories.size())
      shape = int(palette->categories[m.category].shape);
    if (sel.paleTowards)
      for (int k = 0; k < 3; ++k) c[k] += sel.paleAmount * ((*sel.paleTowards)[k] - c[k]);
    colors->InsertNextTuple3(c[0] * 255, c[1] * 255, c[2] * 255);
    shapes->InsertNextValue(shape);
    normals->InsertNextTuple(m.normal.data());
  }
  auto pd = vtkSmartPointer<vtkPolyData>::New();
  pd->SetPoints(pts);
  pd->GetPointData()->AddArray(colors);
  pd->GetPointData()->AddArray(scales);
  pd->GetPointData()->AddArray(shapes);
  pd->GetPointData()->AddArray(normals);
  return pd;
}

void feedGlyphs(vtkActor* actor, vtkPolyData* points) {
  static_cast<vtkGlyph3DMapper*>(actor->GetMapper())->SetInputData(points);
  actor->SetVisibility(points->GetNumberOfPoints() > 0);
}

}  // namespace la::render

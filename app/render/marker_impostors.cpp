#include "render/marker_impostors.hpp"

#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkDataArray.h>
#include <vtkDataObject.h>
#include <vtkFloatArray.h>
#include <vtkOpenGLPolyDataMapper.h>
#include <vtkOpenGLShaderProperty.h>
#include <vtkOpenGLVertexBufferObject.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkProperty.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <cmath>

#include "render/kit_lighting.hpp"

namespace la::render {

namespace {

// Each triangle is moved towards the viewer by the marker's radius, to the front of its sphere, so
// skin that bulges around a marker does not cut the disc. The model-to-view matrix is a rotation
// and a translation (actors are not scaled), so its transposed rotation turns the view offset
// into a model offset.
constexpr const char* kVertexDec =
    "//VTK::PositionVC::Dec\n"
    "in vec2 cornerMC;\n"
    "in float radiusMC;\n"
    "in vec3 skinNormalMC;\n"
    "out vec2 cornerVSOutput;\n";
constexpr const char* kVertexImpl =
    "//VTK::PositionVC::Impl\n"
    "  vec3 offsetMC = transpose(mat3(MCVCMatrix)) * vec3(cornerMC * radiusMC, radiusMC);\n"
    "  vec4 cornerPointMC = vec4(vertexMC.xyz + offsetMC, 1.0);\n"
    "  vertexVCVSOutput = MCVCMatrix * cornerPointMC;\n"
    "  gl_Position = MCDCMatrix * cornerPointMC;\n"
    "  cornerVSOutput = cornerMC;\n"
    // A marker on skin that faces clearly away is behind the body: all its corners go outside the
    // clip volume, so it is dropped before it is rasterized (about half of them, on a software
    // renderer whose cost is mostly per triangle and per pixel).
    "  vec4 centreVC = MCVCMatrix * vec4(vertexMC.xyz, 1.0);\n"
    "  vec3 skinNormalVC = mat3(MCVCMatrix) * skinNormalMC;\n"
    "  if (dot(skinNormalVC, -centreVC.xyz) < -0.1 * length(centreVC.xyz) * length(skinNormalVC))\n"
    "    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);\n";
constexpr const char* kFragmentDec =
    "//VTK::Normal::Dec\n"
    "in vec2 cornerVSOutput;\n";
// The normal of a sphere seen from the front, from the position inside the disc; the corners of
// the triangle fall outside it.
constexpr const char* kFragmentNormal =
    "  float rr = dot(cornerVSOutput, cornerVSOutput);\n"
    "  if (rr > 1.0) discard;\n"
    "  vec3 normalVCVSOutput = vec3(cornerVSOutput, sqrt(1.0 - rr));\n";

// One triangle around the unit disc (its inscribed circle): three vertices and one triangle a
// marker. A software renderer's cost at 100,000 markers is mostly per triangle set up, more than
// per pixel, so one triangle with a third more area beats a square's two.
constexpr int kCornerCount = 3;
constexpr float kCorners[kCornerCount][2] = {{0.f, 2.f}, {-1.7320508f, -1.f}, {1.7320508f, -1.f}};

vtkSmartPointer<vtkFloatArray> floatArray(const char* name, int components, vtkIdType tuples) {
  auto a = vtkSmartPointer<vtkFloatArray>::New();
  a->SetName(name);
  a->SetNumberOfComponents(components);
  a->SetNumberOfTuples(tuples);
  return a;
}

}  // namespace

double impostorRadiusScale(size_t markers) {
  if (markers <= 5000) return 1.0;
  return std::max(0.2, std::sqrt(5000.0 / double(markers)));
}

vtkSmartPointer<vtkActor> makeImpostorActor() {
  auto mapper = vtkSmartPointer<vtkOpenGLPolyDataMapper>::New();
  mapper->SetScalarModeToUsePointFieldData();
  mapper->SelectColorArray("Colors");
  mapper->SetColorModeToDirectScalars();
  mapper->ScalarVisibilityOn();
  mapper->MapDataArrayToVertexAttribute("cornerMC", "Corner", vtkDataObject::FIELD_ASSOCIATION_POINTS, -1);
  mapper->MapDataArrayToVertexAttribute("radiusMC", "Radius", vtkDataObject::FIELD_ASSOCIATION_POINTS, -1);
  mapper->MapDataArrayToVertexAttribute("skinNormalMC", "SkinNormal", vtkDataObject::FIELD_ASSOCIATION_POINTS, -1);
  // The shader adds offsets in model units to the positions it is given: no shifted and scaled copy.
  mapper->SetVBOShiftScaleMethod(vtkOpenGLVertexBufferObject::DISABLE_SHIFT_SCALE);
  auto actor = vtkSmartPointer<vtkActor>::New();
  actor->SetMapper(mapper);
  auto* shader = vtkOpenGLShaderProperty::SafeDownCast(actor->GetShaderProperty());
  shader->AddVertexShaderReplacement("//VTK::PositionVC::Dec", true, kVertexDec, false);
  // The tag stays in front: VTK's own position code goes there, and this code then overrides it.
  shader->AddVertexShaderReplacement("//VTK::PositionVC::Impl", true, kVertexImpl, false);
  shader->AddFragmentShaderReplacement("//VTK::Normal::Dec", true, kFragmentDec, false);
  shader->AddFragmentShaderReplacement("//VTK::Normal::Impl", true, kFragmentNormal, false);
  replaceKitLighting(actor);
  actor->GetProperty()->SetSpecular(0.3);  // as the glyphs
  actor->GetProperty()->SetSpecularPower(30);
  actor->VisibilityOff();
  return actor;
}

void feedImpostors(vtkActor* actor, vtkPolyData* points, double radius) {
  const vtkIdType n = points->GetNumberOfPoints();
  vtkDataArray* colorsIn = points->GetPointData()->GetArray("Colors");
  vtkDataArray* scales = points->GetPointData()->GetArray("Scale");
  auto pts = vtkSmartPointer<vtkPoints>::New();
  pts->SetDataTypeToFloat();
  pts->SetNumberOfPoints(kCornerCount * n);
  auto colors = vtkSmartPointer<vtkUnsignedCharArray>::New();
  colors->SetName("Colors");
  colors->SetNumberOfComponents(3);
  colors->SetNumberOfTuples(kCornerCount * n);
  vtkDataArray* normalsIn = points->GetPointData()->GetArray("Normals");
  auto corners = floatArray("Corner", 2, kCornerCount * n);
  auto normals = floatArray("SkinNormal", 3, kCornerCount * n);
  auto radii = floatArray("Radius", 1, kCornerCount * n);
  auto triangles = vtkSmartPointer<vtkCellArray>::New();
  triangles->AllocateExact(n, kCornerCount * n);
  for (vtkIdType i = 0; i < n; ++i) {
    double p[3], c[3] = {128, 128, 128}, normal[3] = {0, 0, 0};  // no normal: never culled
    points->GetPoint(i, p);
    if (normalsIn) normalsIn->GetTuple(i, normal);
    if (colorsIn) colorsIn->GetTuple(i, c);
    const float r = float(radius * (scales ? scales->GetComponent(i, 0) : 1.0));
    const vtkIdType first = kCornerCount * i;
    for (int k = 0; k < kCornerCount; ++k) {
      // The corners sit a hair apart (1e-4 of the radius): VTK draws nothing of a mesh whose
      // triangles are all empty. The shader moves them out to the full triangle.
      pts->SetPoint(first + k, p[0] + 1e-4 * r * kCorners[k][0], p[1] + 1e-4 * r * kCorners[k][1], p[2]);
      colors->SetTuple(first + k, c);
      corners->SetTypedTuple(first + k, kCorners[k]);
      radii->SetValue(first + k, r);
      normals->SetTuple(first + k, normal);
    }
    const vtkIdType triangle[3] = {first, first + 1, first + 2};
    triangles->InsertNextCell(3, triangle);
  }
  auto discs = vtkSmartPointer<vtkPolyData>::New();
  discs->SetPoints(pts);
  discs->SetPolys(triangles);
  discs->GetPointData()->AddArray(colors);
  discs->GetPointData()->AddArray(corners);
  discs->GetPointData()->AddArray(radii);
  discs->GetPointData()->AddArray(normals);
  static_cast<vtkOpenGLPolyDataMapper*>(actor->GetMapper())->SetInputData(discs);
  actor->SetVisibility(n > 0);
}

}  // namespace la::render

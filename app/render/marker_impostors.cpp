#include "render/marker_impostors.hpp"

#include <vtkActor.h>
#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
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
#include <vtkShaderProgram.h>
#include <vtkUnsignedCharArray.h>
#include <vtk_glew.h>

#include <algorithm>
#include <cmath>

#include "render/kit_lighting.hpp"

namespace la::render {

namespace {

// Each point is moved towards the viewer by the marker's radius, to the front of its sphere, so
// skin that bulges around a marker does not cut the disc. The model-to-view matrix is a rotation
// and a translation (actors are not scaled), so its transposed rotation turns a view offset into a
// model offset. The sprite's size in pixels is the sphere's diameter projected at its centre.
constexpr const char* kVertexDec =
    "//VTK::PositionVC::Dec\n"
    "in float radiusMC;\n"
    "uniform float viewportHeightPx;\n";
constexpr const char* kVertexImpl =
    "//VTK::PositionVC::Impl\n"
    "  mat3 viewToModel = transpose(mat3(MCVCMatrix));\n"
    "  vec4 frontMC = vec4(vertexMC.xyz + viewToModel * vec3(0.0, 0.0, radiusMC), 1.0);\n"
    "  vertexVCVSOutput = MCVCMatrix * frontMC;\n"
    "  gl_Position = MCDCMatrix * frontMC;\n"
    "  vec4 centreDC = MCDCMatrix * vec4(vertexMC.xyz, 1.0);\n"
    "  vec4 topDC = MCDCMatrix * vec4(vertexMC.xyz + viewToModel * vec3(0.0, radiusMC, 0.0), 1.0);\n"
    "  gl_PointSize = abs(topDC.y / topDC.w - centreDC.y / centreDC.w) * viewportHeightPx;\n"
    // A marker on skin that faces clearly away is behind the body: it goes outside the clip
    // volume, so it is dropped before it is rasterized (about half of them, on a software renderer
    // whose cost is mostly per primitive and per pixel).
    "  vec4 centreVC = MCVCMatrix * vec4(vertexMC.xyz, 1.0);\n"
    "  vec3 skinNormalVC = mat3(MCVCMatrix) * normalMC;\n"
    "  if (dot(skinNormalVC, -centreVC.xyz) < -0.1 * length(centreVC.xyz) * length(skinNormalVC))\n"
    "    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);\n";
// The normal of a sphere seen from the front, from the position inside the sprite (gl_PointCoord
// runs downwards); its corners fall outside the disc.
constexpr const char* kFragmentNormal =
    "  vec2 disc = vec2(2.0 * gl_PointCoord.x - 1.0, 1.0 - 2.0 * gl_PointCoord.y);\n"
    "  float rr = dot(disc, disc);\n"
    "  if (rr > 1.0) discard;\n"
    "  vec3 normalVCVSOutput = vec3(disc, sqrt(1.0 - rr));\n";

// Sprite sizes come from the vertex shader (gl_PointSize), which OpenGL honours only while
// GL_PROGRAM_POINT_SIZE is on; the size needs the viewport's height in pixels, which changes with
// the window and with the render scale while the view moves. Both are set as the program is bound.
void onShaderBound(vtkObject*, unsigned long, void*, void* callData) {
  auto* program = static_cast<vtkShaderProgram*>(callData);
  if (!program) return;
  GLint viewport[4] = {0, 0, 0, 0};
  glGetIntegerv(GL_VIEWPORT, viewport);
  program->SetUniformf("viewportHeightPx", float(viewport[3]));
  glEnable(GL_PROGRAM_POINT_SIZE);
}

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
  mapper->MapDataArrayToVertexAttribute("radiusMC", "Radius", vtkDataObject::FIELD_ASSOCIATION_POINTS, -1);
  // The shader adds offsets in model units to the positions it is given: no shifted and scaled copy.
  mapper->SetVBOShiftScaleMethod(vtkOpenGLVertexBufferObject::DISABLE_SHIFT_SCALE);
  auto bound = vtkSmartPointer<vtkCallbackCommand>::New();
  bound->SetCallback(onShaderBound);
  mapper->AddObserver(vtkCommand::UpdateShaderEvent, bound);
  auto actor = vtkSmartPointer<vtkActor>::New();
  actor->SetMapper(mapper);
  auto* shader = vtkOpenGLShaderProperty::SafeDownCast(actor->GetShaderProperty());
  shader->AddVertexShaderReplacement("//VTK::PositionVC::Dec", true, kVertexDec, false);
  // The tag stays in front: VTK's own position code goes there, and this code then overrides it.
  shader->AddVertexShaderReplacement("//VTK::PositionVC::Impl", true, kVertexImpl, false);
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
  vtkDataArray* normalsIn = points->GetPointData()->GetArray("Normals");
  auto pts = vtkSmartPointer<vtkPoints>::New();
  pts->SetDataTypeToFloat();
  pts->SetNumberOfPoints(n);
  auto colors = vtkSmartPointer<vtkUnsignedCharArray>::New();
  colors->SetName("Colors");
  colors->SetNumberOfComponents(3);
  colors->SetNumberOfTuples(n);
  // The skin's normal where the marker sits, as the points' normals: it lets VTK light the points
  // (VTK leaves points without normals unlit) and the vertex shader cull those facing away.
  auto normals = floatArray("Normals", 3, n);
  auto radii = floatArray("Radius", 1, n);
  auto sprites = vtkSmartPointer<vtkCellArray>::New();
  sprites->AllocateExact(n, n);
  for (vtkIdType i = 0; i < n; ++i) {
    double p[3], c[3] = {128, 128, 128}, normal[3] = {0, 0, 0};  // no normal: never culled
    points->GetPoint(i, p);
    if (normalsIn) normalsIn->GetTuple(i, normal);
    if (colorsIn) colorsIn->GetTuple(i, c);
    pts->SetPoint(i, p);
    colors->SetTuple(i, c);
    radii->SetValue(i, float(radius * (scales ? scales->GetComponent(i, 0) : 1.0)));
    normals->SetTuple(i, normal);
    sprites->InsertNextCell(1, &i);
  }
  auto discs = vtkSmartPointer<vtkPolyData>::New();
  discs->SetPoints(pts);
  discs->SetVerts(sprites);
  discs->GetPointData()->AddArray(colors);
  discs->GetPointData()->AddArray(radii);
  discs->GetPointData()->SetNormals(normals);
  static_cast<vtkOpenGLPolyDataMapper*>(actor->GetMapper())->SetInputData(discs);
  actor->SetVisibility(n > 0);
}

}  // namespace la::render

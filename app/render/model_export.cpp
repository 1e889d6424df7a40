#include "render/model_export.hpp"

#include <vtkCellArray.h>
#include <vtkFloatArray.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyDataNormals.h>
#include <vtkTriangleFilter.h>

#include <map>

#include "render/marker_glyphs.hpp"
#include "render/mesh_io.hpp"

namespace la::render {
namespace {

// A marker shape as triangles with normals, unit radius (as the glyph sources use it).
vtkSmartPointer<vtkPolyData> shapeTriangles(MarkerShape shape) {
  auto tri = vtkSmartPointer<vtkTriangleFilter>::New();
  tri->SetInputData(shapeSurface(shape));
  auto normals = vtkSmartPointer<vtkPolyDataNormals>::New();
  normals->SetInputConnection(tri->GetOutputPort());
  normals->SplittingOn();  // crisp cube and diamond edges
  normals->ComputePointNormalsOn();
  normals->Update();
  return normals->GetOutput();
}

// Copies of `shape` at each marker, sized as on screen (radius x the marker's scale).
vtkSmartPointer<vtkPolyData> markerMesh(const std::vector<const MarkerSpec*>& ms, vtkPolyData* shape, double radius) {
  auto pts = vtkSmartPointer<vtkPoints>::New();
  auto normals = vtkSmartPointer<vtkFloatArray>::New();
  normals->SetName("Normals");
  normals->SetNumberOfComponents(3);
  auto polys = vtkSmartPointer<vtkCellArray>::New();
  vtkDataArray* sn = shape->GetPointData()->GetNormals();
  const vtkIdType np = shape->GetNumberOfPoints();
  for (const MarkerSpec* m : ms) {
    const vtkIdType base = pts->GetNumberOfPoints();
    const double r = radius * m->scale;
    for (vtkIdType i = 0; i < np; ++i) {
      double p[3];
      shape->GetPoint(i, p);
      pts->InsertNextPoint(m->position[0] + r * p[0], m->position[1] + r * p[1], m->position[2] + r * p[2]);
      normals->InsertNextTuple(sn ? sn->GetTuple3(i) : p);
    }
    vtkCellArray* sp = shape->GetPolys();
    vtkIdType n;
    const vtkIdType* ids;
    for (sp->InitTraversal(); sp->GetNextCell(n, ids);) {
      vtkIdType tri[3] = {base + ids[0], base + ids[1], base + ids[2]};
      polys->InsertNextCell(3, tri);
    }
  }
  auto pd = vtkSmartPointer<vtkPolyData>::New();
  pd->SetPoints(pts);
  pd->SetPolys(polys);
  pd->GetPointData()->SetNormals(normals);
  return pd;
}

}  // namespace

std::string markerMeshName(const std::string& paneLabel, const std::string& category, bool sideUnstated) {
  return (paneLabel.empty() ? "" : paneLabel + ": ") + "markers: " + category + (sideUnstated ? " (side not stated)" : "");
}

ModelSummary exportModel(const Picture& picture, const Composition& shown, const std::filesystem::path& out) {
  std::vector<MeshPart> parts;
  ModelSummary summary;
  double x = 0;
  std::map<int, vtkSmartPointer<vtkPolyData>> shapes;
  for (size_t i = 0; i < picture.paneCount(); ++i) {
    const SceneView& view = picture.pane(i);
    vtkPolyData* body = view.shownBody();
    if (!body) continue;
    double b[6];
    body->GetBounds(b);
    const std::string label = picture.paneCount() > 1 && i < shown.panes.size()
                                  ? (shown.panes[i].label.empty() ? std::string(1, char('A' + i)) : shown.panes[i].label)
                                  : "";
    // Side by side as on the slide: each further figure one and a half body widths to the right.
    const std::array<double, 3> offset{i == 0 ? 0.0 : x - b[0], 0, 0};
    x = offset[0] + b[1] + 0.5 * (b[1] - b[0]);
    // The skin as drawn, without the site labels the atlas keeps for itself (a slide has no use for them).
    auto skin = vtkSmartPointer<vtkPolyData>::New();
    skin->ShallowCopy(body);
    skin->GetPointData()->RemoveArray(kSiteLabelArray);
    parts.push_back({label.empty() ? "body" : label + ": body", skin, view.skinColor(), 1.0, offset});
    // One mesh per category, stated and unstated sides apart (translucent as on screen).
    std::map<std::pair<size_t, bool>, std::vector<const MarkerSpec*>> groups;
    for (const MarkerSpec& m : view.markers()) groups[{m.category, m.sideUnstated}].push_back(&m);
    for (const auto& [key, ms] : groups) {
      if (key.first >= shown.palette.categories.size()) continue;
      const Category& c = shown.palette.categories[key.first];
      auto& shape = shapes[int(c.shape)];
      if (!shape) shape = shapeTriangles(c.shape);
      parts.push_back({markerMeshName(label, c.label, key.second), markerMesh(ms, shape, view.markerRadius()), c.color,
                       key.second ? 0.45 : 1.0, offset});
      summary.markers += ms.size();
    }
  }
  saveModelGlb(parts, out);
  for (const MeshPart& p : parts)
    if (p.mesh && p.mesh->GetNumberOfPolys() > 0) summary.names.push_back(p.name), ++summary.meshes;
  return summary;
}

}  // namespace la::render

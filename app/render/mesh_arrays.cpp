#include "render/mesh_arrays.hpp"

#include "render/mesh_io.hpp"

#include <vtkCellArray.h>
#include <vtkFloatArray.h>
#include <vtkIdTypeArray.h>
#include <vtkIntArray.h>
#include <vtkPointData.h>
#include <vtkPoints.h>

#include <cstring>

namespace la::render {
namespace {

std::vector<float> floatPoints(vtkPolyData* mesh) {
  const vtkIdType n = mesh->GetNumberOfPoints();
  std::vector<float> xyz(size_t(n) * 3);
  vtkDataArray* data = mesh->GetPoints() ? mesh->GetPoints()->GetData() : nullptr;
  if (!data) return {};
  if (auto* f = vtkFloatArray::FastDownCast(data)) {
    std::memcpy(xyz.data(), f->GetPointer(0), xyz.size() * sizeof(float));
  } else {
    for (vtkIdType i = 0; i < n; ++i)
      for (int k = 0; k < 3; ++k) xyz[size_t(3 * i + k)] = static_cast<float>(data->GetComponent(i, k));
  }
  return xyz;
}

std::vector<std::uint32_t> triangleIds(vtkPolyData* mesh) {
  vtkCellArray* polys = mesh->GetPolys();
  std::vector<std::uint32_t> ids;
  ids.reserve(size_t(polys->GetNumberOfConnectivityIds()));
  const vtkIdType nc = polys->GetNumberOfCells();
  vtkIdType npts;
  const vtkIdType* pts;
  for (vtkIdType c = 0; c < nc; ++c) {
    polys->GetCellAtId(c, npts, pts);
    for (vtkIdType k = 0; k < npts; ++k) ids.push_back(static_cast<std::uint32_t>(pts[k]));
  }
  return ids;
}

}  // namespace

MeshArrays toMeshArrays(vtkPolyData* mesh) {
  MeshArrays a;
  a.points = floatPoints(mesh);
  a.triangles = triangleIds(mesh);
  const vtkIdType n = mesh->GetNumberOfPoints();
  vtkDataArray* normals = mesh->GetPointData()->GetNormals();
  if (!normals) normals = mesh->GetPointData()->GetArray("Normals");
  a.normals.assign(size_t(n) * 3, 0.0f);
  if (normals)
    for (vtkIdType i = 0; i < n; ++i)
      for (int k = 0; k < 3; ++k) a.normals[size_t(3 * i + k)] = static_cast<float>(normals->GetComponent(i, k));
  if (vtkDataArray* lab = mesh->GetPointData()->GetArray(kSiteLabelArray)) {
    a.labels.resize(size_t(n));
    for (vtkIdType i = 0; i < n; ++i) a.labels[size_t(i)] = static_cast<std::int32_t>(lab->GetTuple1(i));
  }
  return a;
}

vtkSmartPointer<vtkPolyData> fromMeshArrays(MeshArrays&& a) {
  const vtkIdType nv = vtkIdType(a.points.size() / 3), nt = vtkIdType(a.triangles.size() / 3);
  auto xyz = vtkSmartPointer<vtkFloatArray>::New();
  xyz->SetNumberOfComponents(3);
  xyz->SetNumberOfTuples(nv);
  std::memcpy(xyz->GetPointer(0), a.points.data(), size_t(nv) * 3 * sizeof(float));
  auto normals = vtkSmartPointer<vtkFloatArray>::New();
  normals->SetName("Normals");
  normals->SetNumberOfComponents(3);
  normals->SetNumberOfTuples(nv);
  std::memcpy(normals->GetPointer(0), a.normals.data(), size_t(nv) * 3 * sizeof(float));
  auto conn = vtkSmartPointer<vtkIdTypeArray>::New();
  conn->SetNumberOfValues(3 * nt);
  auto offsets = vtkSmartPointer<vtkIdTypeArray>::New();
  offsets->SetNumberOfValues(nt + 1);
  for (vtkIdType t = 0; t <= nt; ++t) offsets->SetValue(t, 3 * t);
  for (vtkIdType i = 0; i < 3 * nt; ++i) conn->SetValue(i, a.triangles[size_t(i)]);
  auto points = vtkSmartPointer<vtkPoints>::New();
  points->SetData(xyz);
  auto polys = vtkSmartPointer<vtkCellArray>::New();
  polys->SetData(offsets, conn);
  auto mesh = vtkSmartPointer<vtkPolyData>::New();
  mesh->SetPoints(points);
  mesh->SetPolys(polys);
  mesh->GetPointData()->SetNormals(normals);
  if (!a.labels.empty()) {
    auto lab = vtkSmartPointer<vtkIntArray>::New();
    lab->SetName(kSiteLabelArray);
    lab->SetNumberOfTuples(nv);
    std::memcpy(lab->GetPointer(0), a.labels.data(), size_t(nv) * sizeof(int));
    mesh->GetPointData()->AddArray(lab);
  }
  return mesh;
}

MeshFingerprint meshFingerprint(vtkPolyData* mesh) {
  return la::meshFingerprint(floatPoints(mesh), triangleIds(mesh));
}

}  // namespace la::render

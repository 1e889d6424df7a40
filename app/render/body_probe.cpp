#include "render/body_probe.hpp"

#include <vtkCell.h>
#include <vtkCellLocator.h>
#include <vtkGenericCell.h>
#include <vtkDataArray.h>
#include <vtkIdList.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkStaticCellLocator.h>

#include <cmath>

namespace la::render {

BodyProbe::BodyProbe() = default;
BodyProbe::~BodyProbe() = default;

void BodyProbe::setBody(vtkPolyData* body) {
  if (body == body_) return;
  body_ = body;
  locator_ = nullptr;
  nearest_ = nullptr;
}

void BodyProbe::prepare() const {
  prepareNearest();
  if (locator_ || !body_ || body_->GetNumberOfCells() == 0) return;
  locator_ = vtkSmartPointer<vtkStaticCellLocator>::New();
  locator_->SetDataSet(body_);
  locator_->BuildLocator();
}

void BodyProbe::prepareNearest() const {
  if (nearest_ || !body_ || body_->GetNumberOfCells() == 0) return;
  nearest_ = vtkSmartPointer<vtkCellLocator>::New();
  nearest_->SetDataSet(body_);
  nearest_->BuildLocator();
}

bool BodyProbe::firstHit(const Vec3& a, const Vec3& b, Hit& hit) const {
  prepare();
  if (!locator_) return false;
  double t = 0, x[3], pc[3];
  int subId = 0;
  vtkIdType cellId = -1;
  auto cell = vtkSmartPointer<vtkGenericCell>::New();
  if (!locator_->IntersectWithLine(a.data(), b.data(), 0.0, t, x, pc, subId, cellId, cell) || cellId < 0) return false;
  hit.t = t;
  hit.position = {x[0], x[1], x[2]};
  hit.cell = cellId;
  vtkIdList* ids = cell->GetPointIds();
  vtkPoints* pts = cell->GetPoints();
  double best = 1e300;
  for (vtkIdType k = 0; k < ids->GetNumberOfIds(); ++k) {
    double p[3];
    pts->GetPoint(k, p);
    const double d = (p[0] - x[0]) * (p[0] - x[0]) + (p[1] - x[1]) * (p[1] - x[1]) + (p[2] - x[2]) * (p[2] - x[2]);
    if (d < best) best = d, hit.vertex = ids->GetId(k);
  }
  // The mesh's point normals (what shading and markers use) say which side is outside; the
  // triangle's winding is the fallback for a mesh without them.
  if (vtkDataArray* n = body_->GetPointData()->GetNormals(); n && hit.vertex >= 0) {
    double v[3];
    n->GetTuple(hit.vertex, v);
    hit.normal = normalized(Vec3{v[0], v[1], v[2]});
  } else if (pts->GetNumberOfPoints() >= 3) {
    double p0[3], p1[3], p2[3];
    pts->GetPoint(0, p0), pts->GetPoint(1, p1), pts->GetPoint(2, p2);
    hit.normal = normalized(cross(sub(Vec3{p1[0], p1[1], p1[2]}, Vec3{p0[0], p0[1], p0[2]}),
                                  sub(Vec3{p2[0], p2[1], p2[2]}, Vec3{p0[0], p0[1], p0[2]})));
  }
  return true;
}

bool BodyProbe::inside(const Vec3& p) const {
  prepare();
  if (!locator_) return false;
  double b[6];
  body_->GetBounds(b);
  const double reach = 4 * std::sqrt((b[1] - b[0]) * (b[1] - b[0]) + (b[3] - b[2]) * (b[3] - b[2]) +
                                     (b[5] - b[4]) * (b[5] - b[4]));
  // Two odd directions: a ray grazing an edge of one triangle cannot fool both.
  int insideVotes = 0, votes = 0;
  for (const Vec3 dir : {Vec3{0.31, 0.87, 0.38}, Vec3{-0.57, 0.21, -0.79}}) {
    Hit h;
    const Vec3 d = normalized(dir);
    if (!firstHit(p, add(p, scale(d, reach)), h)) continue;  // nothing that way: outside
    ++votes;
    insideVotes += dot(h.normal, d) > 0;
  }
  return votes > 0 && insideVotes == votes;
}

bool BodyProbe::closest(const Vec3& p, Vec3& point, vtkIdType& cell) const {
  prepareNearest();
  if (!nearest_) return false;
  double x[3], d2 = 0;
  int subId = 0;
  nearest_->FindClosestPoint(p.data(), x, cell, subId, d2);
  point = {x[0], x[1], x[2]};
  return cell >= 0;
}

bool BodyProbe::crosses(const Vec3& a, const Vec3& b) const {
  Hit h;
  return firstHit(a, b, h);
}

}  // namespace la::render

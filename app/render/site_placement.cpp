#include "render/site_placement.hpp"

#include <vtkCellLocator.h>
#include <vtkGenericCell.h>
#include <vtkIdList.h>
#include <vtkOBBTree.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkSmartPointer.h>
#include <vtkTriangle.h>

#include <array>
#include <cmath>
#include <system_error>

#include "core/site_proportions.hpp"

namespace fs = std::filesystem;

namespace la::render {
namespace {

using V3 = std::array<double, 3>;

struct Caster {
  vtkPolyData* mesh;
  vtkSmartPointer<vtkOBBTree> tree = vtkSmartPointer<vtkOBBTree>::New();
  vtkSmartPointer<vtkCellLocator> locator = vtkSmartPointer<vtkCellLocator>::New();

  explicit Caster(vtkPolyData* m) : mesh(m) {
    tree->SetDataSet(m);
    tree->BuildLocator();
    locator->SetDataSet(m);
    locator->BuildLocator();
  }

  // First hit from `from` towards `to`; the normal faces back towards `from`.
  bool cast(const V3& from, const V3& to, V3& hit, V3& normal) {
    auto pts = vtkSmartPointer<vtkPoints>::New();
    auto ids = vtkSmartPointer<vtkIdList>::New();
    tree->IntersectWithLine(from.data(), to.data(), pts, ids);
    if (pts->GetNumberOfPoints() == 0) return false;
    double best = 1e300;
    vtkIdType bestCell = -1;
    for (vtkIdType i = 0; i < pts->GetNumberOfPoints(); ++i) {
      double p[3];
      pts->GetPoint(i, p);
      const double d = std::hypot(p[0] - from[0], p[1] - from[1], p[2] - from[2]);
      if (d < best) best = d, hit = {p[0], p[1], p[2]}, bestCell = ids->GetId(i);
    }
    normal = cellNormal(bestCell, {from[0] - hit[0], from[1] - hit[1], from[2] - hit[2]});
    return true;
  }

  void closest(const V3& target, V3& hit, V3& normal) {
    double p[3], d2;
    vtkIdType cell;
    int sub;
    locator->FindClosestPoint(target.data(), p, cell, sub, d2);
    hit = {p[0], p[1], p[2]};
    normal = cellNormal(cell, {target[0] - p[0], target[1] - p[1], target[2] - p[2]});
  }

  V3 cellNormal(vtkIdType cell, const V3& towards) {
    V3 n{0, 0, 1};
    if (cell < 0) return n;
    vtkIdType npts;
    const vtkIdType* pts;
    mesh->GetCellPoints(cell, npts, pts);
    if (npts < 3) return n;
    double a[3], b[3], c[3];
    mesh->GetPoint(pts[0], a);
    mesh->GetPoint(pts[1], b);
    mesh->GetPoint(pts[2], c);
    vtkTriangle::ComputeNormal(a, b, c, n.data());
    if (n[0] * towards[0] + n[1] * towards[1] + n[2] * towards[2] < 0) n = {-n[0], -n[1], -n[2]};
    return n;
  }
};

}  // namespace

SiteMap placeSitesByProportion(vtkPolyData* mesh, const SiteCatalog& catalog, const std::string& bodyName) {
  SiteMap map;
  map.body = bodyName;
  map.units = "";
  map.vertexCount = mesh->GetNumberOfPoints();
  double b[6];
  mesh->GetBounds(b);
  const double H = b[3] - b[2], cx = (b[0] + b[1]) / 2, cz = (b[4] + b[5]) / 2;
  const double far = 2 * std::max({H, b[1] - b[0], b[5] - b[4]});
  Caster caster(mesh);

  for (const Site& site : catalog.sites()) {
    if (site.coarse || site.id == "unspecified" || site.id == "other") continue;
    std::optional<SiteProportion> prop;
    for (const Site* s = &site; s && !prop; s = s->parent.empty() ? nullptr : catalog.byId(s->parent))
      prop = siteProportion(s->id);
    if (!prop) continue;
    const std::vector<std::string> sides =
        site.sided ? std::vector<std::string>{std::string(kSideLeft), std::string(kSideRight)}
                   : std::vector<std::string>{std::string(kSideNone)};
    for (const std::string& side : sides) {
      const double sign = side == kSideRight ? -1.0 : 1.0;  // the figure's left is +X
      const double x = cx + sign * prop->lateral * H, y = b[2] + prop->height * H;
      // Feet reach forward of the body's centre line; aim rays from above/below at the foot.
      const double z = (prop->facing == Facing::Top || prop->facing == Facing::Bottom) && prop->height < 0.1
                           ? cz + 0.035 * H
                           : cz;
      V3 from, to;
      switch (prop->facing) {
        case Facing::Front: from = {x, y, b[5] + far}; to = {x, y, b[4] - far}; break;
        case Facing::Back: from = {x, y, b[4] - far}; to = {x, y, b[5] + far}; break;
        // From just outside the site rather than from afar, so a hand hanging beside the hip or
        // an arm beside the flank is not hit first.
        case Facing::Lateral: from = {x + sign * 0.04 * H, y, z}; to = {cx, y, z}; break;
        case Facing::Top: from = {x, b[3] + far, z}; to = {x, b[2] - far, z}; break;
        case Facing::Bottom: from = {x, b[2] - far, z}; to = {x, b[3] + far, z}; break;
      }
      SiteAnchor a;
      a.site = site.id;
      a.side = side;
      if (!caster.cast(from, to, a.position, a.normal)) caster.closest({x, y, z}, a.position, a.normal);
      map.anchors.push_back(std::move(a));
    }
  }
  return map;
}

SiteMap siteMapForBody(vtkPolyData* mesh, const fs::path& meshPath, const SiteCatalog& catalog, bool* fromFile) {
  const fs::path side = siteMapPathFor(meshPath);
  std::error_code ec;
  if (fs::exists(side, ec)) {
    if (fromFile) *fromFile = true;
    return SiteMap::load(side);
  }
  if (fromFile) *fromFile = false;
  return placeSitesByProportion(mesh, catalog, meshPath.filename().string());
}

}  // namespace la::render

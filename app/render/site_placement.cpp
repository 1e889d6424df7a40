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
#include <map>
#include <optional>
#include <vector>
#include <cmath>
#include <system_error>

#include "core/site_proportions.hpp"
#include "render/mesh_arrays.hpp"

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

namespace {

// What the placement knows about a standing figure beyond its bounding box: the depth of the
// trunk, where each arm goes (found from the mesh, so an A-pose or T-pose works as well as arms
// hanging at the sides), and the centre of each leg at a given height.
struct Frame {
  double H = 1, y0 = 0, cx = 0, cz = 0;
  V3 shoulder[2], armEnd[2];  // [0] the figure's left (+X), [1] its right
  std::vector<V3> pts;

  explicit Frame(vtkPolyData* mesh) {
    double b[6];
    mesh->GetBounds(b);
    H = b[3] - b[2];
    y0 = b[2];
    cx = (b[0] + b[1]) / 2;
    pts.resize(size_t(mesh->GetNumberOfPoints()));
    for (vtkIdType i = 0; i < mesh->GetNumberOfPoints(); ++i) mesh->GetPoint(i, pts[size_t(i)].data());
    // Trunk depth from a band of the chest: fingers reaching forward skew the bounding box.
    double sz = 0;
    size_t n = 0;
    for (const V3& p : pts)
      if (p[1] > y0 + 0.6 * H && p[1] < y0 + 0.7 * H && std::abs(p[0] - cx) < 0.08 * H) sz += p[2], ++n;
    cz = n ? sz / double(n) : (b[4] + b[5]) / 2;
    for (int k = 0; k < 2; ++k) {
      const double sign = k == 0 ? 1.0 : -1.0;
      shoulder[k] = {cx + sign * 0.115 * H, y0 + 0.815 * H, cz};
      // The arm ends at the most lateral point above the knees: the hand, whether the arms hang
      // slightly away from the trunk (anatomical position), or are raised (A-pose, T-pose).
      double best = -1;
      armEnd[k] = {cx + sign * 0.2 * H, y0 + 0.38 * H, cz};
      for (const V3& p : pts) {
        if (p[1] < y0 + 0.3 * H) continue;
        const double lat = sign * (p[0] - cx);
        if (lat > best) best = lat, armEnd[k] = p;
      }
    }
  }

  // Centre (x, z) of one leg's cross-section at height y; false when the slice is empty.
  bool legCentre(double y, double sign, double& x, double& z) const {
    double sx = 0, szz = 0;
    size_t n = 0;
    for (const V3& p : pts) {
      const double lat = sign * (p[0] - cx);
      if (std::abs(p[1] - y) < 0.012 * H && lat > 0.005 * H && lat < 0.15 * H) sx += p[0], szz += p[2], ++n;
    }
    if (n < 3) return false;
    x = sx / double(n);
    z = szz / double(n);
    return true;
  }
};

// Where along the arm (shoulder = 0, fingertips = 1) each upper-limb site lies.
std::optional<double> armFraction(const std::string& id) {
  static const std::map<std::string, double> f{{"upper-arm", 0.25}, {"elbow", 0.45},  {"forearm", 0.62},
                                               {"wrist", 0.77},     {"hand", 0.86},   {"palm", 0.86},
                                               {"dorsum-of-hand", 0.86}, {"thumb", 0.84}, {"finger", 0.95},
                                               {"upper-limb", 0.5}};
  auto it = f.find(id);
  if (it == f.end()) return std::nullopt;
  return it->second;
}

}  // namespace

SiteMap placeSitesByProportion(vtkPolyData* mesh, const SiteCatalog& catalog, const std::string& bodyName) {
  SiteMap map;
  map.body = bodyName;
  map.units = "";
  map.vertexCount = mesh->GetNumberOfPoints();
  map.meshHash = meshFingerprint(mesh).hash;  // a map saved from this placement belongs to this mesh
  double b[6];
  mesh->GetBounds(b);
  const Frame fr(mesh);
  const double H = fr.H, cx = fr.cx, cz = fr.cz;
  const double far = 2 * std::max({H, b[1] - b[0], b[5] - b[4]});
  Caster caster(mesh);

  for (const Site& site : catalog.sites()) {
    if (site.coarse || site.id == "unspecified" || site.id == "other") continue;
    std::optional<SiteProportion> prop;
    const Site* source = &site;
    for (; source && !prop; source = prop ? source : (source->parent.empty() ? nullptr : catalog.byId(source->parent)))
      prop = siteProportion(source->id);
    if (!prop) continue;
    const std::string& propId = source->id;
    const std::vector<std::string> sides =
        site.sided ? std::vector<std::string>{std::string(kSideLeft), std::string(kSideRight)}
                   : std::vector<std::string>{std::string(kSideNone)};
    for (const std::string& side : sides) {
      const int k = side == kSideRight ? 1 : 0;
      const double sign = k == 1 ? -1.0 : 1.0;  // the figure's left is +X
      double x = cx + sign * prop->lateral * H, y = fr.y0 + prop->height * H, z = cz;
      if (auto f = armFraction(propId)) {
        // Along the arm found in the mesh rather than at a fixed height: any pose works.
        for (int c = 0; c < 3; ++c) {
          const double v = fr.shoulder[k][size_t(c)] + *f * (fr.armEnd[k][size_t(c)] - fr.shoulder[k][size_t(c)]);
          (c == 0 ? x : c == 1 ? y : z) = v;
        }
      } else if (catalog.isWithin(propId, "lower-limb") && propId != "hip") {
        // Legs: from the centre of this leg's slice, offset as the table offsets the site from
        // the leg's usual centre line (medial/lateral thigh, great toe).
        double lx, lz;
        if (fr.legCentre(y, sign, lx, lz)) x = lx + sign * (prop->lateral - 0.07) * H, z = lz;
      }
      V3 from, to;
      switch (prop->facing) {
        case Facing::Front: from = {x, y, b[5] + far}; to = {x, y, b[4] - far}; break;
        case Facing::Back: from = {x, y, b[4] - far}; to = {x, y, b[5] + far}; break;
        // From just outside the site rather than from afar, so a hand hanging beside the hip or
        // an arm beside the flank is not hit first.
        case Facing::Lateral: from = {x + sign * 0.04 * H, y, z}; to = {cx, y, z}; break;
        case Facing::Top: from = {x, y + 0.06 * H, z}; to = {x, fr.y0 - far, z}; break;
        case Facing::Bottom: from = {x, fr.y0 - far, z}; to = {x, y + 0.1 * H, z}; break;
      }
      SiteAnchor a;
      a.site = site.id;
      a.side = side;
      // A ray that hits far from its target found some other part (a hand in front of the
      // thigh): the surface point closest to the target is the better anchor then.
      V3 hit, n;
      const bool ok = caster.cast(from, to, hit, n);
      // How far along the ray the hit lies from where the site was expected.
      const int axis = prop->facing == Facing::Lateral ? 0 : (prop->facing == Facing::Top || prop->facing == Facing::Bottom) ? 1 : 2;
      const double expected = axis == 0 ? x : axis == 1 ? y : z;
      const double miss = ok ? std::abs(hit[size_t(axis)] - expected) : 1e9;
      if (ok && miss < 0.12 * H) {
        a.position = hit;
        a.normal = n;
      } else {
        caster.closest({x, y, z}, a.position, a.normal);
      }
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
    SiteMap map = SiteMap::load(side);
    requireSiteMapMatches(map, meshFingerprint(mesh), side, meshPath);
    return map;
  }
  if (fromFile) *fromFile = false;
  return placeSitesByProportion(mesh, catalog, meshPath.filename().string());
}

}  // namespace la::render

#include "bodygen/sites.hpp"

#include "core/atomic_file.hpp"
#include "render/mesh_arrays.hpp"

#include <vtkCellArray.h>
#include <vtkDataArray.h>
#include <vtkIntArray.h>
#include <vtkPointData.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

namespace la::bodygen {

int Catalog::index(const std::string& id) const {
  for (size_t i = 0; i < sites.size(); ++i)
    if (sites[i].id == id) return static_cast<int>(i);
  return -1;
}

bool Catalog::isAncestorOrSelf(int ancestor, int site) const {
  for (int s = site, guard = 0; s >= 0 && guard < 64; ++guard) {
    if (s == ancestor) return true;
    s = index(sites[s].parent);
  }
  return false;
}

Catalog Catalog::load(const std::filesystem::path& path) {
  const auto j = nlohmann::json::parse(la::readFile(path));
  Catalog c;
  for (const auto& s : j.at("sites")) {
    CatalogSite cs;
    cs.id = s.at("id").get<std::string>();
    cs.parent = s.at("parent").is_null() ? std::string() : s.at("parent").get<std::string>();
    cs.sided = s.value("sided", false);
    cs.region = s.value("region", false);
    cs.coarse = s.value("coarse", false);
    cs.sex = s.value("sex", std::string());
    c.sites.push_back(cs);
  }
  return c;
}

int labelCode(int catalogIndex, int side) { return (catalogIndex + 1) * 4 + side; }

namespace {

double dist(Vec3 a, Vec3 b) { return length(a - b); }

// Distance of q from segment a-b, and the parameter t in [0, 1] of the nearest point.
double segParam(Vec3 q, Vec3 a, Vec3 b) {
  const Vec3 ab = b - a;
  return std::clamp(dot(q - a, ab) / dot(ab, ab), 0.0, 1.0);
}

}  // namespace

std::string classifyVertex(const Model& m, Vec3 p, Vec3 nIn) {
  const Skeleton& k = m.skel;
  const double s = k.height / 1.75;
  // Work on the figure's left half; the side is put back by the caller.
  const Vec3 q{std::abs(p.x), p.y, p.z};
  const Vec3 n{p.x < 0 ? -nIn.x : nIn.x, nIn.y, nIn.z};
  const int node = m.nearestAdditive(p);
  const Part part = node >= 0 ? m.nodes[node].part : Part::Chest;
  const bool fem = m.sex == Sex::Female;
  const double H = k.height;

  switch (part) {
    case Part::Ear: return "ear";
    case Part::Nose: return "nose";
    case Part::Lips: return "lip";
    case Part::Eye: return "eyelid";
    case Part::Penis: return "penis";
    case Part::Scrotum: return "scrotum";
    case Part::Vulva: return "vulva";
    case Part::Finger: return "finger";
    case Part::Thumb: return "thumb";
    case Part::GreatToe: return "great-toe";
    case Part::Toe: return "toe";
    case Part::Breast: return "breast";
    case Part::Cranium:
    case Part::Face: {
      const double hairline = k.browY + 0.050 * s;
      if (q.x > 0.050 * s && q.z > -0.004 * s && q.z < 0.026 * s && q.y < k.earTopY && q.y > k.earLobeY)
        return "preauricular";
      const bool front = q.z > 0.022 * s + std::max(0.0, q.x - 0.045 * s) * 1.2;
      if (!front) return q.y > k.earLobeY - 0.01 * s || q.z > -0.02 * s ? (q.y < k.chinY + 0.01 * s ? "neck" : "scalp") : "neck";
      if (q.y > hairline) return "scalp";
      if (q.y < k.chinY + 0.022 * s && n.y < -0.45) return "neck";  // under the jaw
      const double dx = std::abs(q.x - k.eye.x);
      if (q.y > k.browY - 0.005 * s && q.y < k.browY + 0.010 * s && dx < 0.024 * s) return "eyebrow";
      if (std::abs(q.y - k.eyeY) < 0.012 * s && dx < 0.019 * s) return "eyelid";
      if (q.y >= k.browY - 0.005 * s) return "forehead";
      if (q.y < k.mouthY - 0.016 * s && q.x < 0.032 * s) return "chin";
      if (std::abs(q.y - k.mouthY) < 0.011 * s && q.x < 0.022 * s) return "lip";
      return "cheek";
    }
    case Part::Neck: return "neck";
    default: break;
  }

  // Arm.
  if (part == Part::UpperArm || part == Part::Forearm || part == Part::Palm || part == Part::Shoulder) {
    if (part == Part::Palm) {
      const Vec3 lh = k.hand.toLocal(q - k.wrist);
      if (lh.y < 0.014 * s) return "wrist";
      return dot(n, k.hand.az) >= 0 ? "palm" : "dorsum-of-hand";
    }
    if (dist(q, k.axilla) < 0.042 * s) return "axilla";
    if (part == Part::Shoulder) return "shoulder";
    const double tw = dot(q - k.wrist, k.hand.ay);  // along the hand axis from the wrist
    if (tw > -0.022 * s) return "wrist";
    const double te = length(q - k.elbow - normalize(k.wrist - k.elbow) * 0.0);
    if (te < 0.050 * s && std::abs(dot(q - k.elbow, normalize(k.wrist - k.elbow))) < 0.035 * s) return "elbow";
    if (part == Part::Forearm) return "forearm";
    const double t = segParam(q, k.shoulder, k.elbow);
    if (t < 0.18) return "shoulder";
    return "upper-arm";
  }

  // Groin: a band along the inguinal ligament, from the anterior superior iliac spine down to
  // the pubic tubercle, on the front of the trunk and of the thigh.
  if ((part == Part::Thigh || part == Part::Pelvis || part == Part::Abdomen) && q.z > 0) {
    const Vec3 asis{0.112 * s, k.hip.y + 0.050 * s, q.z}, tubercle{0.024 * s, k.pubisY - 0.006 * s, q.z};
    const Vec3 qq{q.x, q.y, q.z};
    const Vec3 onLine = lerp(asis, tubercle, segParam(qq, asis, tubercle));
    if (length(qq - onLine) < 0.022 * s) return "inguinal";
  }

  // Leg and foot.
  if (part == Part::Thigh || part == Part::Knee || part == Part::Shank || part == Part::Ankle ||
      part == Part::Heel || part == Part::Foot) {
    if (part == Part::Heel) return "heel";
    if (part == Part::Foot) {
      if (q.y > k.ankle.y - 0.004 * s) return "ankle";
      const Vec3 lf = k.foot.toLocal(q - k.ankle);
      if (lf.y < -0.030 * s) return "heel";
      if (n.y < -0.55 || q.y < 0.006 * s) return "sole";
      return "dorsum-of-foot";
    }
    if (part == Part::Ankle || q.y < k.ankle.y + 0.045 * s) return "ankle";
    if (std::abs(q.y - k.knee.y - 0.008 * s) < 0.055 * s || part == Part::Knee) return "knee";
    if (part == Part::Shank) {
      const double t = segParam(q, k.knee, k.ankle);
      const Vec3 axis = lerp(k.knee, k.ankle, t);
      return q.z >= axis.z + 0.004 * s ? "shin" : "calf";
    }
    // Thigh: hip over the greater trochanter, else the quadrant around the femur axis.
    if (q.y > k.hip.y - 0.06 * s && q.x > k.hip.x + 0.045 * s && std::abs(q.z) < 0.06 * s) return "hip";
    if (q.y > k.pubisY - 0.045 * s && q.x < 0.045 * s && n.y < -0.2) return "perineum";
    const double t = segParam(q, k.hip, k.knee);
    const Vec3 axis = lerp(k.hip, k.knee, t);
    const double dx = q.x - axis.x, dz = q.z - axis.z;
    if (std::abs(dz) >= std::abs(dx)) return dz > 0 ? "anterior-thigh" : "posterior-thigh";
    return dx > 0 ? "lateral-thigh" : "medial-thigh";
  }

  // Trunk (Chest, Abdomen, Pelvis, Back, Buttock).
  const double costalY = 0.657 * H, lumbarY = 0.555 * H;
  if (dist(q, k.axilla) < 0.042 * s) return "axilla";
  if (!fem && dist(q, k.nipple) < 0.045 * s) return "breast";  // male breast: the nipple-areola disc
  const bool back = q.z < -0.018 * s - std::max(0.0, q.x - 0.10 * s) * 0.15;
  if (q.y > k.shoulderY - 0.035 * s && q.x > 0.13 * s) return "shoulder";
  if (q.y < k.pubisY - 0.030 * s && q.x < 0.040 * s && n.y < -0.2 && q.z < 0.05 * s) return "perineum";
  if (back || part == Part::Buttock) {
    if (part == Part::Buttock || q.y < lumbarY) {
      if (q.x > k.hip.x + 0.050 * s && q.z > -0.05 * s && q.y > k.hip.y - 0.06 * s) return "hip";
      return "buttock";
    }
    return q.y > costalY ? "upper-back" : "lower-back";
  }
  if (q.y > costalY) return "chest";
  if (dist(q, k.navel) < 0.035 * s) return "umbilical-region";
  if (q.y > k.navel.y - 0.03 * s) return q.x > 0.095 * s ? "flank" : "abdomen";
  if (q.y > k.pubisY + 0.030 * s) {
    if (q.x > 0.055 * s) return q.x > k.hip.x + 0.050 * s && q.y < k.hip.y + 0.03 * s ? "hip" : "iliac-region";
    return "abdomen";
  }
  if (q.x > 0.035 * s) return q.x > k.hip.x + 0.050 * s ? "hip" : "inguinal";
  return "abdomen";
}

void labelMesh(const Model& model, const Catalog& catalog, vtkPolyData* mesh) {
  vtkDataArray* normals = mesh->GetPointData()->GetArray("Normals");
  auto lab = vtkSmartPointer<vtkIntArray>::New();
  lab->SetName("SiteLabel");
  lab->SetNumberOfTuples(mesh->GetNumberOfPoints());
  for (vtkIdType i = 0; i < mesh->GetNumberOfPoints(); ++i) {
    double x[3], nn[3] = {0, 0, 1};
    mesh->GetPoint(i, x);
    if (normals) normals->GetTuple(i, nn);
    const std::string id = classifyVertex(model, {x[0], x[1], x[2]}, {nn[0], nn[1], nn[2]});
    const int ci = catalog.index(id);
    if (ci < 0) throw std::runtime_error("site '" + id + "' is not in the catalog");
    const int side = catalog.sites[ci].sided ? (x[0] >= 0 ? 1 : 2) : 0;
    lab->SetValue(i, labelCode(ci, side));
  }
  mesh->GetPointData()->AddArray(lab);
}

namespace {

struct Patch {
  std::vector<int> verts;
  std::vector<char> in;
};

// Closest point to p on triangle (a, b, c) (Ericson, Real-Time Collision Detection 5.1.5).
Vec3 closestOnTriangle(Vec3 p, Vec3 a, Vec3 b, Vec3 c) {
  const Vec3 ab = b - a, ac = c - a, ap = p - a;
  const double d1 = dot(ab, ap), d2 = dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return a;
  const Vec3 bp = p - b;
  const double d3 = dot(ab, bp), d4 = dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return b;
  const double vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) return a + ab * (d1 / (d1 - d3));
  const Vec3 cp = p - c;
  const double d5 = dot(ab, cp), d6 = dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return c;
  const double vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) return a + ac * (d2 / (d2 - d6));
  const double va = d3 * d6 - d5 * d4;
  if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
  const double den = 1.0 / (va + vb + vc);
  const double v = vb * den, w = vc * den;
  return a + ab * v + ac * w;
}

// Preferred viewing direction of a site's anchor when the patch's mean normal says little
// (rings such as the wrist or the neck): where a clinician would point on the left side.
Vec3 preferredDir(const std::string& id) {
  static const std::map<std::string, Vec3> dirs = {
      {"scalp", {0, 1, -0.3}},        {"sole", {0, -1, 0}},       {"upper-back", {0, 0, -1}},
      {"lower-back", {0, 0, -1}},     {"back", {0, 0, -1}},       {"buttock", {0, 0, -1}},
      {"heel", {0, -0.3, -1}},        {"posterior-thigh", {0, 0, -1}}, {"calf", {0, 0, -1}},
      {"perineum", {0, -1, 0}},       {"axilla", {0.3, -1, 0}},   {"ear", {1, 0, 0}},
      {"dorsum-of-hand", {0, 0, -1}}, {"palm", {0, 0, 1}},        {"lateral-thigh", {1, 0, 0}},
      {"medial-thigh", {-1, 0, 0}},   {"hip", {1, 0, 0}},         {"preauricular", {1, 0, 0.3}},
      {"flank", {1, 0, 0.2}},         {"shoulder", {0.5, 0.6, 0.3}}, {"elbow", {0, 0, -1}},
      {"upper-limb", {0.3, 0, 1}},    {"lower-limb", {0, 0, 1}},  {"trunk", {0, 0, 1}},
      {"head-and-neck", {0, 0, 1}},   {"genital-perineal", {0, -0.3, 1}},
      {"dorsum-of-foot", {0, 1, 0.3}}, {"toe", {0, 0.6, 1}}, {"great-toe", {0, 0.6, 1}},
  };
  auto it = dirs.find(id);
  return it == dirs.end() ? Vec3{0, 0, 1} : normalize(it->second);
}

}  // namespace

la::SiteMap buildSiteMap(const Catalog& catalog, vtkPolyData* mesh, const std::string& body) {
  const vtkIdType np = mesh->GetNumberOfPoints();
  vtkDataArray* lab = mesh->GetPointData()->GetArray("SiteLabel");
  vtkDataArray* normals = mesh->GetPointData()->GetArray("Normals");
  if (!lab || !normals) throw std::runtime_error("buildSiteMap needs SiteLabel and Normals");
  std::vector<Vec3> pos(np), nrm(np);
  std::vector<int> leaf(np), vside(np);
  for (vtkIdType i = 0; i < np; ++i) {
    double x[3], n[3];
    mesh->GetPoint(i, x);
    normals->GetTuple(i, n);
    pos[i] = {x[0], x[1], x[2]};
    nrm[i] = {n[0], n[1], n[2]};
    const int code = static_cast<int>(lab->GetTuple1(i));
    leaf[i] = code / 4 - 1;
    vside[i] = x[0] >= 0 ? 1 : 2;  // geometric side, also for vertices of unsided leaves
  }
  std::vector<std::array<int, 3>> tris;
  std::vector<std::vector<int>> nbr(np);
  {
    vtkCellArray* polys = mesh->GetPolys();
    vtkIdType n;
    const vtkIdType* ids;
    for (polys->InitTraversal(); polys->GetNextCell(n, ids);) {
      if (n != 3) continue;
      tris.push_back({int(ids[0]), int(ids[1]), int(ids[2])});
      for (int a = 0; a < 3; ++a) nbr[ids[a]].push_back(int(ids[(a + 1) % 3]));
    }
  }

  la::SiteMap map;
  map.body = body;
  map.vertexCount = np;
  map.meshHash = la::render::meshFingerprint(mesh).hash;  // the map belongs to this mesh
  // Label meanings, in code order.
  {
    std::vector<int> codes;
    for (vtkIdType i = 0; i < np; ++i) codes.push_back(static_cast<int>(lab->GetTuple1(i)));
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    for (int c : codes) {
      const int si = c / 4 - 1, sd = c % 4;
      map.labels.push_back({c, catalog.sites.at(si).id,
                            std::string(sd == 1 ? la::kSideLeft : sd == 2 ? la::kSideRight : la::kSideNone)});
    }
  }

  // isAncestor[a][l]: catalog site a covers leaf label l (precomputed; the per-vertex loops
  // below would otherwise walk the catalog tree millions of times).
  const int ns = static_cast<int>(catalog.sites.size());
  std::vector<std::vector<char>> isAncestor(ns, std::vector<char>(ns, 0));
  for (int a = 0; a < ns; ++a)
    for (int l = 0; l < ns; ++l) isAncestor[a][l] = catalog.isAncestorOrSelf(a, l);

  // Anchors of left sides first so the right ones can mirror them.
  std::map<std::string, Vec3> leftAnchor;
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t si = 0; si < catalog.sites.size(); ++si) {
      const CatalogSite& cs = catalog.sites[si];
      if (cs.coarse) continue;
      const std::vector<int> sides = cs.sided ? std::vector<int>{1, 2} : std::vector<int>{0};
      for (int side : sides) {
        if ((pass == 0) != (side != 2)) continue;
        Patch P;
        P.in.assign(np, 0);
        for (vtkIdType i = 0; i < np; ++i)
          if (leaf[i] >= 0 && isAncestor[si][leaf[i]] && (side == 0 || vside[i] == side)) {
            P.in[i] = 1;
            P.verts.push_back(static_cast<int>(i));
          }
        if (P.verts.empty()) continue;
        // Interior vertices: their whole one-ring is in the patch, so an anchor there is well
        // inside the patch and not on a border shared with a neighbour.
        std::vector<char> interior(np, 0);
        std::vector<int> inner;
        for (int v : P.verts) {
          bool ok = !nbr[v].empty();
          for (int w : nbr[v]) ok = ok && P.in[w];
          // one-ring of v also includes vertices that list v as their successor
          if (ok) {
            interior[v] = 1;
            inner.push_back(v);
          }
        }
        if (inner.empty()) inner = P.verts, std::fill(interior.begin(), interior.end(), 1);
        la::SiteAnchor a;
        a.site = cs.id;
        a.side = side == 1 ? std::string(la::kSideLeft) : side == 2 ? std::string(la::kSideRight) : std::string(la::kSideNone);
        a.patch = P.verts;
        Vec3 anchor, normal;
        auto it = leftAnchor.find(cs.id);
        if (side == 2 && it != leftAnchor.end()) {
          // Mirror the left anchor and put it on the nearest interior triangle of this patch.
          const Vec3 target = mirrorX(it->second);
          double best = std::numeric_limits<double>::infinity();
          for (const auto& t : tris) {
            if (!interior[t[0]] || !interior[t[1]] || !interior[t[2]]) continue;
            const Vec3 c = closestOnTriangle(target, pos[t[0]], pos[t[1]], pos[t[2]]);
            const double d = length(c - target);
            if (d < best) {
              best = d;
              anchor = c;
              // Vertex normals interpolated at the point, as on the left (a vertex normal there).
              const Vec3 v0 = pos[t[1]] - pos[t[0]], v1 = pos[t[2]] - pos[t[0]], v2 = c - pos[t[0]];
              const double d00 = dot(v0, v0), d01 = dot(v0, v1), d11 = dot(v1, v1), d20 = dot(v2, v0),
                           d21 = dot(v2, v1), den = d00 * d11 - d01 * d01;
              const double bv = den != 0 ? (d11 * d20 - d01 * d21) / den : 1.0 / 3;
              const double bw = den != 0 ? (d00 * d21 - d01 * d20) / den : 1.0 / 3;
              normal = normalize(nrm[t[0]] * (1 - bv - bw) + nrm[t[1]] * bv + nrm[t[2]] * bw);
            }
          }
          if (!std::isfinite(best)) {
            // A patch too thin to have interior triangles: any of its vertices will do.
            for (int v : P.verts)
              if (length(pos[v] - target) < best) best = length(pos[v] - target), anchor = pos[v], normal = normalize(nrm[v]);
          }
        } else {
          Vec3 c{0, 0, 0}, nsum{0, 0, 0};
          for (int v : P.verts) c = c + pos[v], nsum = nsum + nrm[v];
          c = c * (1.0 / P.verts.size());
          double r2 = 0;
          for (int v : P.verts) r2 += dot(pos[v] - c, pos[v] - c);
          const double r = std::sqrt(r2 / P.verts.size());
          Vec3 dir = nsum * (1.0 / P.verts.size());
          if (length(dir) < 0.35) dir = preferredDir(cs.id);
          dir = normalize(dir);
          Vec3 target = c + dir * r;
          // An unsided site (navel, perineum, genitals, scalp) is anchored on the midline.
          const double midlineWeight = side == 0 ? 2.0 : 0.0;
          if (side == 0) target.x = 0;
          double best = std::numeric_limits<double>::infinity();
          int bv = inner.front();
          for (int v : inner) {
            const double d = length(pos[v] - target) + midlineWeight * std::abs(pos[v].x);
            if (d < best) best = d, bv = v;
          }
          anchor = pos[bv];
          normal = normalize(nrm[bv]);
          if (side == 1) leftAnchor[cs.id] = anchor;
        }
        a.position = {anchor.x, anchor.y, anchor.z};
        a.normal = {normal.x, normal.y, normal.z};
        map.anchors.push_back(std::move(a));
      }
    }
  }
  // Catalog order (left before right) reads better than pass order.
  std::stable_sort(map.anchors.begin(), map.anchors.end(), [&](const la::SiteAnchor& x, const la::SiteAnchor& y) {
    const int ix = catalog.index(x.site), iy = catalog.index(y.site);
    if (ix != iy) return ix < iy;
    return x.side < y.side;
  });
  return map;
}

}  // namespace la::bodygen

// Checks on the committed built-in figures (assets/bodies/<sex>.glb + <sex>.sites.json).
#include "bodygen/body_model.hpp"
#include "bodygen/generate.hpp"
#include "bodygen/sites.hpp"
#include "core/site_map.hpp"
#include "render/mesh_io.hpp"

#include <catch2/catch.hpp>

#include <vtkCellArray.h>
#include <vtkCutter.h>
#include <vtkDataArray.h>
#include <vtkPlane.h>
#include <vtkPointData.h>
#include <vtkPolyDataConnectivityFilter.h>
#include <vtkStaticCellLocator.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

using namespace la::bodygen;
namespace fs = std::filesystem;

namespace {

// LA_BODY_DIR checks candidate bodies elsewhere (e.g. while tuning the generator) before they
// are committed; every check, the regeneration test included, then reads that directory.
fs::path bodiesDir() {
  if (const char* d = std::getenv("LA_BODY_DIR"); d && *d) return fs::path(d);
  return fs::path(LA_TEST_SOURCE_DIR) / "assets" / "bodies";
}

struct Body {
  Sex sex;
  std::string name;
  vtkSmartPointer<vtkPolyData> mesh;
  la::SiteMap map;
  Model model;  // the implicit model: only its skeleton is used here (cheap to build)
};

const Body& body(Sex sex) {
  static std::map<Sex, Body> cache;
  auto it = cache.find(sex);
  if (it != cache.end()) return it->second;
  Body b;
  b.sex = sex;
  b.name = sexName(sex);
  b.mesh = la::render::loadMesh(bodiesDir() / (b.name + ".glb"));
  b.map = la::SiteMap::load(bodiesDir() / (b.name + ".sites.json"));
  b.model = buildBody(sex);
  return cache.emplace(sex, std::move(b)).first->second;
}

const Catalog& catalog() {
  static Catalog c = Catalog::load(fs::path(LA_TEST_SOURCE_DIR) / "assets" / "sites.json");
  return c;
}

Vec3 point(vtkPolyData* m, vtkIdType i) {
  double p[3];
  m->GetPoint(i, p);
  return {p[0], p[1], p[2]};
}

// Closed loops of the surface cut by a plane, counted within `radius` of `centre`.
int loopsNear(vtkPolyData* mesh, Vec3 origin, Vec3 normal, Vec3 centre, double radius) {
  auto plane = vtkSmartPointer<vtkPlane>::New();
  plane->SetOrigin(origin.x, origin.y, origin.z);
  plane->SetNormal(normal.x, normal.y, normal.z);
  auto cut = vtkSmartPointer<vtkCutter>::New();
  cut->SetInputData(mesh);
  cut->SetCutFunction(plane);
  auto conn = vtkSmartPointer<vtkPolyDataConnectivityFilter>::New();
  conn->SetInputConnection(cut->GetOutputPort());
  conn->SetExtractionModeToAllRegions();
  conn->ColorRegionsOn();
  conn->Update();
  vtkPolyData* out = conn->GetOutput();
  vtkDataArray* rid = out->GetPointData()->GetArray("RegionId");
  std::map<int, std::pair<Vec3, int>> acc;
  for (vtkIdType i = 0; i < out->GetNumberOfPoints(); ++i) {
    auto& a = acc[static_cast<int>(rid->GetTuple1(i))];
    a.first = a.first + point(out, i);
    a.second++;
  }
  int n = 0;
  for (auto& [id, a] : acc)
    if (length(a.first * (1.0 / a.second) - centre) < radius) ++n;
  return n;
}

Vec3 mirror(Vec3 v) { return {-v.x, v.y, v.z}; }

}  // namespace

TEST_CASE("built-in bodies are closed, manifold, genus-0 surfaces of the right size", "[body]") {
  for (Sex sex : {Sex::Male, Sex::Female}) {
    const Body& b = body(sex);
    INFO(b.name);
    vtkPolyData* m = b.mesh;
    const vtkIdType nt = m->GetNumberOfPolys();
    CHECK(nt >= 50000);
    CHECK(nt <= 300000);
    std::unordered_map<long long, int> directed;  // each directed edge exactly once
    std::unordered_map<long long, int> undirected;
    const long long np = m->GetNumberOfPoints();
    vtkCellArray* polys = m->GetPolys();
    vtkIdType n;
    const vtkIdType* ids;
    long long bad = 0;
    for (polys->InitTraversal(); polys->GetNextCell(n, ids);) {
      REQUIRE(n == 3);
      if (ids[0] == ids[1] || ids[1] == ids[2] || ids[0] == ids[2]) ++bad;
      for (int e = 0; e < 3; ++e) {
        const long long a = ids[e], c = ids[(e + 1) % 3];
        directed[a * np + c]++;
        undirected[std::min(a, c) * np + std::max(a, c)]++;
      }
    }
    CHECK(bad == 0);
    long long notTwo = 0, dup = 0;
    for (auto& [k, c] : undirected) notTwo += c != 2;
    for (auto& [k, c] : directed) dup += c != 1;
    CHECK(notTwo == 0);  // closed (no border edge) and no edge shared by more than two triangles
    CHECK(dup == 0);     // consistently oriented
    // Vertex manifoldness: the triangles around each vertex form a single fan.
    {
      std::vector<std::vector<std::pair<int, int>>> fan(np);
      for (polys->InitTraversal(); polys->GetNextCell(n, ids);)
        for (int e = 0; e < 3; ++e) fan[ids[e]].push_back({int(ids[(e + 1) % 3]), int(ids[(e + 2) % 3])});
      long long nonManifold = 0;
      for (long long v = 0; v < np; ++v) {
        auto& f = fan[v];
        if (f.empty()) { ++nonManifold; continue; }
        std::unordered_map<int, int> next;
        for (auto& [a, c] : f) next[a] = c;
        int cur = f[0].first, steps = 0;
        do {
          auto it = next.find(cur);
          if (it == next.end()) break;
          cur = it->second;
          ++steps;
        } while (cur != f[0].first && steps <= static_cast<int>(f.size()));
        if (steps != static_cast<int>(f.size())) ++nonManifold;
      }
      CHECK(nonManifold == 0);
    }
    const long long V = np, E = static_cast<long long>(undirected.size()), F = nt;
    CHECK(V - E + F == 2);
    auto conn = vtkSmartPointer<vtkPolyDataConnectivityFilter>::New();
    conn->SetInputData(m);
    conn->SetExtractionModeToAllRegions();
    conn->Update();
    CHECK(conn->GetNumberOfExtractedRegions() == 1);

    double bounds[6];
    m->GetBounds(bounds);
    const double H = defaultHeight(sex);
    CHECK(bounds[2] == Approx(0.0).margin(0.004));   // standing on y = 0
    CHECK(bounds[3] - bounds[2] == Approx(H).epsilon(0.01));
    CHECK(std::abs(bounds[0] + bounds[1]) < 0.003);  // symmetric about x = 0
  }
}

TEST_CASE("a plane through the fingers of each hand finds five loops, through the toes five", "[body]") {
  for (Sex sex : {Sex::Male, Sex::Female}) {
    const Body& b = body(sex);
    const Skeleton& k = b.model.skel;
    for (int side : {1, -1}) {
      INFO(b.name << (side > 0 ? " left" : " right"));
      auto S = [side](Vec3 v) { return side > 0 ? v : mirror(v); };
      // Fingers: the plane through the middle of the index and little fingers and the end of the
      // thumb, i.e. across all five digits beyond the finger webs.
      const Vec3 a = lerp(k.fingerMcp[0], k.fingerTip[0], 0.55);
      const Vec3 c = lerp(k.fingerMcp[3], k.fingerTip[3], 0.55);
      const Vec3 t = lerp(k.thumbBase, k.thumbTip, 0.85);
      const Vec3 nrm = normalize(cross(c - a, t - a));
      const Vec3 centre = (a + c + t) * (1.0 / 3.0);
      CHECK(loopsNear(b.mesh, S(a), side > 0 ? nrm : mirror(nrm), S(centre), 0.06) == 5);
      // Toes: a vertical plane across the toes at 60% of their length.
      const Vec3 g = lerp(k.toeMtp[0], k.toeTips[0], 0.62);
      const Vec3 l = lerp(k.toeMtp[4], k.toeTips[4], 0.62);
      const Vec3 tn = normalize(cross(Vec3{0, 1, 0}, l - g));
      CHECK(loopsNear(b.mesh, S(g), side > 0 ? tn : mirror(tn), S((g + l) * 0.5), 0.05) == 5);
    }
  }
}

TEST_CASE("segment lengths are within 5% of Drillis and Contini's fractions of height", "[body]") {
  for (Sex sex : {Sex::Male, Sex::Female}) {
    const Body& b = body(sex);
    const Skeleton& k = b.model.skel;
    vtkPolyData* m = b.mesh;
    INFO(b.name);
    double bounds[6];
    m->GetBounds(bounds);
    const double H = bounds[3] - bounds[2];
    // Joint-centre segments, as the figure is built.
    CHECK(length(k.elbow - k.shoulder) / H == Approx(0.186).epsilon(0.05));
    CHECK(length(k.wrist - k.elbow) / H == Approx(0.146).epsilon(0.05));
    CHECK(length(k.knee - k.hip) / H == Approx(0.245).epsilon(0.05));
    CHECK(length(k.ankle - k.knee) / H == Approx(0.246).epsilon(0.05));
    // Surface measurements on the mesh.
    double handLen = 0, fingertipY = 1e9, footMin = 1e9, footMax = -1e9, footLatMin = 1e9, footLatMax = -1e9;
    double chinY = 1e9, shoulderX = 0;
    for (vtkIdType i = 0; i < m->GetNumberOfPoints(); ++i) {
      const Vec3 p = point(m, i);
      if (p.x <= 0) continue;
      const Vec3 lh = k.hand.toLocal(p - k.wrist);
      if (lh.y > -0.02 && std::abs(lh.x) < 0.12 && std::abs(lh.z) < 0.06) {
        handLen = std::max(handLen, lh.y);
        fingertipY = std::min(fingertipY, p.y);
      }
      if (p.y < 0.05 * H / 1.75 * 1.75 && std::abs(p.x - k.ankle.x) < 0.09) {
        const Vec3 lf = k.foot.toLocal(p - k.ankle);
        footMin = std::min(footMin, lf.y);
        footMax = std::max(footMax, lf.y);
        if (p.y < 0.03) footLatMin = std::min(footLatMin, lf.x), footLatMax = std::max(footLatMax, lf.x);
      }
      if (p.y > k.shoulder.y - 0.06 && p.y < k.shoulder.y + 0.05) shoulderX = std::max(shoulderX, p.x);
    }
    // Head height: crown to the lowest point of the chin (the gnathion, bottom of the chin patch).
    for (const char* side : {"left", "right"})
      if (const la::SiteAnchor* c = b.map.find("chin", side))
        for (int v : c->patch) chinY = std::min(chinY, point(m, v).y);
    CHECK(handLen / H == Approx(0.108).epsilon(0.05));
    CHECK(fingertipY / H == Approx(0.377).epsilon(0.05));
    CHECK((footMax - footMin) / H == Approx(0.152).epsilon(0.05));
    CHECK((footLatMax - footLatMin) / H == Approx(0.055).epsilon(0.05 + (sex == Sex::Female ? 0.05 : 0.0)));
    CHECK((bounds[3] - chinY) / H == Approx(0.130).epsilon(0.05));
    CHECK(k.shoulder.y / H == Approx(0.818 - 0.008).epsilon(0.05));
    CHECK(k.hip.y / H == Approx(0.530).epsilon(0.05));
    CHECK(k.knee.y / H == Approx(0.285).epsilon(0.05));
    CHECK(k.ankle.y / H == Approx(0.039).epsilon(0.05));
    if (sex == Sex::Male) CHECK(2 * shoulderX / H == Approx(0.259).epsilon(0.05));
  }
}

TEST_CASE("site anchors lie on the surface inside their patches and mirror left to right", "[body][sites]") {
  const Catalog& cat = catalog();
  for (Sex sex : {Sex::Male, Sex::Female}) {
    const Body& b = body(sex);
    INFO(b.name);
    vtkPolyData* m = b.mesh;
    REQUIRE(b.map.vertexCount == m->GetNumberOfPoints());
    auto loc = vtkSmartPointer<vtkStaticCellLocator>::New();
    loc->SetDataSet(m);
    loc->BuildLocator();
    // Every locatable site of this figure has its anchors.
    for (const auto& s : cat.sites) {
      if (s.coarse || s.id == "unspecified" || s.id == "other" || s.id == "head-neck-other") continue;
      if (!s.sex.empty() && s.sex != (sex == Sex::Male ? "M" : "F")) {
        CHECK(b.map.forSite(s.id).empty());
        continue;
      }
      INFO(s.id);
      if (s.sided) {
        CHECK(b.map.find(s.id, la::kSideLeft) != nullptr);
        CHECK(b.map.find(s.id, la::kSideRight) != nullptr);
      } else {
        CHECK(b.map.find(s.id, la::kSideNone) != nullptr);
      }
    }
    for (const auto& a : b.map.anchors) {
      INFO(a.site << " " << a.side);
      double x[3] = {a.position[0], a.position[1], a.position[2]}, cp[3], d2;
      vtkIdType cell;
      int sub;
      loc->FindClosestPoint(x, cp, cell, sub, d2);
      CHECK(std::sqrt(d2) < 0.001);
      std::set<int> patch(a.patch.begin(), a.patch.end());
      vtkIdType npts;
      const vtkIdType* ids;
      m->GetCellPoints(cell, npts, ids);
      int inside = 0;
      for (int i = 0; i < npts; ++i) inside += patch.count(static_cast<int>(ids[i]));
      CHECK(inside == 3);
      const double nl = std::sqrt(a.normal[0] * a.normal[0] + a.normal[1] * a.normal[1] + a.normal[2] * a.normal[2]);
      CHECK(nl == Approx(1.0).epsilon(1e-6));
      if (a.side == la::kSideNone) CHECK(std::abs(a.position[0]) < 0.005);  // unsided: on the midline
      if (a.side == la::kSideLeft) CHECK(a.position[0] > 0);                  // the figure's left is +X
      if (a.side == la::kSideLeft) {
        const la::SiteAnchor* r = b.map.find(a.site, la::kSideRight);
        REQUIRE(r != nullptr);
        const Vec3 l{a.position[0], a.position[1], a.position[2]};
        const Vec3 rr{r->position[0], r->position[1], r->position[2]};
        CHECK(length(mirror(l) - rr) < 0.005);
      }
    }
  }
}

TEST_CASE("site patches nest like the catalog and siblings do not overlap", "[body][sites]") {
  const Catalog& cat = catalog();
  for (Sex sex : {Sex::Male, Sex::Female}) {
    const Body& b = body(sex);
    INFO(b.name);
    std::map<std::string, std::set<int>> bySite;  // union over sides
    for (const auto& a : b.map.anchors) bySite[a.site].insert(a.patch.begin(), a.patch.end());
    for (const auto& a : b.map.anchors) {
      const int si = cat.index(a.site);
      REQUIRE(si >= 0);
      const std::string parent = cat.sites[si].parent;
      if (parent.empty()) continue;
      INFO(a.site << " " << a.side << " in " << parent);
      const la::SiteAnchor* ps = b.map.find(parent, a.side);
      const std::set<int>& pu = bySite[parent];
      long long outside = 0;
      for (int v : a.patch)
        if (ps ? !std::binary_search(ps->patch.begin(), ps->patch.end(), v) : !pu.count(v)) ++outside;
      CHECK(outside == 0);
    }
    // Siblings (and the two sides of one site) share no vertex.
    for (size_t i = 0; i < b.map.anchors.size(); ++i)
      for (size_t j = i + 1; j < b.map.anchors.size(); ++j) {
        const auto& x = b.map.anchors[i];
        const auto& y = b.map.anchors[j];
        const auto& cx = cat.sites[cat.index(x.site)];
        const auto& cy = cat.sites[cat.index(y.site)];
        const bool siblings = x.site != y.site && cx.parent == cy.parent;
        const bool sides = x.site == y.site;
        if (!siblings && !sides) continue;
        if (siblings && x.side != y.side && x.side != la::kSideNone && y.side != la::kSideNone) continue;
        std::vector<int> common;
        std::set_intersection(x.patch.begin(), x.patch.end(), y.patch.begin(), y.patch.end(),
                              std::back_inserter(common));
        INFO(x.site << " " << x.side << " / " << y.site << " " << y.side);
        CHECK(common.empty());
      }
    // The label array in the mesh agrees with the patches.
    vtkDataArray* lab = b.mesh->GetPointData()->GetArray(la::render::kSiteLabelArray);
    REQUIRE(lab != nullptr);
    long long mismatches = 0;
    for (vtkIdType i = 0; i < b.mesh->GetNumberOfPoints(); ++i) {
      const la::SiteLabelCode* c = b.map.label(static_cast<int>(lab->GetTuple1(i)));
      if (!c) { ++mismatches; continue; }
      std::string side = c->side == la::kSideNone ? std::string(la::kSideNone) : c->side;
      const la::SiteAnchor* a = b.map.find(c->site, side);
      if (!a) a = b.map.find(c->site, la::kSideNone);
      if (!a || !std::binary_search(a->patch.begin(), a->patch.end(), static_cast<int>(i))) ++mismatches;
    }
    CHECK(mismatches == 0);
  }
}

TEST_CASE("regenerating the bodies reproduces the committed files", "[body][regen]") {
  for (Sex sex : {Sex::Male, Sex::Female}) {
    const Body& b = body(sex);
    INFO(b.name);
    const Model model = buildBody(sex);
    auto mesh = generateSurface(model, GenerateOptions{});
    labelMesh(model, catalog(), mesh);
    const fs::path tmp = fs::path(LA_TEST_BINARY_DIR) / ("regen-" + b.name + ".glb");
    la::render::saveMeshGlb(mesh, tmp);
    auto again = la::render::loadMesh(tmp);
    REQUIRE(again->GetNumberOfPoints() == b.mesh->GetNumberOfPoints());
    REQUIRE(again->GetNumberOfPolys() == b.mesh->GetNumberOfPolys());
    long long diffPts = 0, diffLabels = 0;
    vtkDataArray* la1 = again->GetPointData()->GetArray(la::render::kSiteLabelArray);
    vtkDataArray* la0 = b.mesh->GetPointData()->GetArray(la::render::kSiteLabelArray);
    for (vtkIdType i = 0; i < again->GetNumberOfPoints(); ++i) {
      if (length(point(again, i) - point(b.mesh, i)) > 1e-6) ++diffPts;
      // Compared by meaning (site and side), not by code, so a reordered catalog does not make
      // the committed file look stale.
      const int fresh = static_cast<int>(la1->GetTuple1(i));
      const la::SiteLabelCode* old = b.map.label(static_cast<int>(la0->GetTuple1(i)));
      const auto& site = catalog().sites.at(fresh / 4 - 1);
      const char* side = fresh % 4 == 1 ? "left" : fresh % 4 == 2 ? "right" : "none";
      if (!old || old->site != site.id || old->side != side) ++diffLabels;
    }
    CHECK(diffPts == 0);
    CHECK(diffLabels == 0);
    fs::remove(tmp);
  }
}

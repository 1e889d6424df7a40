// The built-in bodies are read by the fast path (loadPreparedMesh: no welding, the file's
// normals). That is only right because the committed GLBs are already in final form; this is
// the check, done here once instead of at every start: the fast path gives what the full repair
// path (loadMesh) gives, and the committed site maps belong to these meshes.
#include "core/site_map.hpp"
#include "render/mesh_arrays.hpp"
#include "render/mesh_io.hpp"
#include "render/scene_loader.hpp"

#include <catch2/catch.hpp>

#include <vtkCellArray.h>
#include <vtkDataArray.h>
#include <vtkPointData.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace fs = std::filesystem;

namespace {
fs::path bodies() { return fs::path(LA_TEST_SOURCE_DIR) / "assets/bodies"; }
}  // namespace

TEST_CASE("the built-in GLBs read as they are equal the welded and re-normalled load", "[mesh][builtin]") {
  for (const char* sex : {"male", "female"}) {
    INFO(sex);
    const fs::path glb = bodies() / (std::string(sex) + ".glb");
    auto full = la::render::loadMesh(glb);
    auto fast = la::render::loadBodyMesh(sex, {});  // the path render, sites and the window take
    REQUIRE(fast->GetNumberOfPoints() == full->GetNumberOfPoints());
    REQUIRE(fast->GetNumberOfPolys() == full->GetNumberOfPolys());
    // Same vertex ids, positions and triangles: welding found nothing to merge and kept the order.
    const la::MeshFingerprint ff = la::render::meshFingerprint(fast), fu = la::render::meshFingerprint(full);
    CHECK(ff.hash == fu.hash);
    vtkDataArray* lf = fast->GetPointData()->GetArray(la::render::kSiteLabelArray);
    vtkDataArray* lu = full->GetPointData()->GetArray(la::render::kSiteLabelArray);
    REQUIRE(lf);
    REQUIRE(lu);
    long long labelDiffs = 0;
    double worstDiff = 0;
    vtkDataArray* nf = fast->GetPointData()->GetNormals();
    vtkDataArray* nu = full->GetPointData()->GetNormals();
    REQUIRE(nf);
    REQUIRE(nu);
    for (vtkIdType i = 0; i < fast->GetNumberOfPoints(); ++i) {
      labelDiffs += lf->GetTuple1(i) != lu->GetTuple1(i);
      double a[3], b[3];
      nf->GetTuple(i, a);
      nu->GetTuple(i, b);
      for (int k = 0; k < 3; ++k) worstDiff = std::max(worstDiff, std::abs(a[k] - b[k]));
    }
    CHECK(labelDiffs == 0);
    // The stored normals are the ones the full path computes, to float rounding (the glTF
    // exporter renormalizes them): the same shading.
    CHECK(worstDiff <= 2.5e-7);  // two units in the last place of a unit component
  }
}

TEST_CASE("the committed site maps belong to the built-in meshes", "[mesh][builtin][site_map]") {
  for (const char* sex : {"male", "female"}) {
    INFO(sex);
    const fs::path glb = bodies() / (std::string(sex) + ".glb");
    const fs::path mapFile = la::siteMapPathFor(glb);
    const la::SiteMap map = la::SiteMap::load(mapFile);
    const la::MeshFingerprint f = la::render::meshFingerprint(la::render::loadBodyMesh(sex, {}));
    CHECK(map.vertexCount == f.vertices);
    CHECK(map.meshHash == f.hash);
    CHECK_NOTHROW(la::requireSiteMapMatches(map, f, mapFile, glb));
  }
  // And the male map is refused for the female body, naming both files.
  const la::SiteMap male = la::SiteMap::load(bodies() / "male.sites.json");
  const auto female = la::render::meshFingerprint(la::render::loadBodyMesh("female", {}));
  CHECK_THROWS_WITH(la::requireSiteMapMatches(male, female, bodies() / "male.sites.json", bodies() / "female.glb"),
                    Catch::Contains("male.sites.json: this site map does not belong to") &&
                        Catch::Contains("female.glb"));
}

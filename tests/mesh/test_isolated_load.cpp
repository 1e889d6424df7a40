// A user's mesh is read in the mesh reader child process (render/mesh_isolation.hpp): the result
// equals an in-process loadMesh, and a reader that crashes, hangs, floods or answers garbage is a
// clear error while this process carries on. The misbehaving readers are the test build of the
// reader (LA_TEST_READER), which misbehaves on fixture files marked "# lesion-atlas-test: WHAT".
#include "core/paths.hpp"
#include "render/mesh_arrays.hpp"
#include "render/mesh_io.hpp"
#include "render/mesh_isolation.hpp"

#include <catch2/catch.hpp>

#include <vtkCellArray.h>
#include <vtkDataArray.h>
#include <vtkPointData.h>

#include <sys/wait.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace fs = std::filesystem;

namespace {

fs::path fixture(const std::string& name) { return fs::path(LA_TEST_SOURCE_DIR) / "tests/mesh/fixtures" / name; }

la::render::MeshReadLimits testReader(double seconds = 20) {
  la::render::MeshReadLimits l;
  l.reader = LA_TEST_READER;
  l.timeout = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
  return l;
}

la::render::MeshReadLimits realReader() {
  la::render::MeshReadLimits l;
  l.reader = LA_READER;
  return l;
}

std::string loadError(const fs::path& file, const la::render::MeshReadLimits& limits) {
  try {
    la::render::loadMeshIsolated(file, {}, limits);
  } catch (const la::render::MeshLoadError& e) {
    return e.what();
  }
  return "(loaded)";
}

// No child left unreaped: waitpid finds none.
bool noChildren() {
  int status;
  return ::waitpid(-1, &status, WNOHANG) < 0 && errno == ECHILD;
}

void requireSameMesh(vtkPolyData* a, vtkPolyData* b) {
  REQUIRE(a->GetNumberOfPoints() == b->GetNumberOfPoints());
  REQUIRE(a->GetNumberOfPolys() == b->GetNumberOfPolys());
  long long diffPoints = 0, diffNormals = 0, diffCells = 0, diffLabels = 0;
  vtkDataArray* na = a->GetPointData()->GetNormals();
  vtkDataArray* nb = b->GetPointData()->GetNormals();
  REQUIRE(na);
  REQUIRE(nb);
  for (vtkIdType i = 0; i < a->GetNumberOfPoints(); ++i) {
    double p[3], q[3];
    a->GetPoint(i, p);
    b->GetPoint(i, q);
    diffPoints += p[0] != q[0] || p[1] != q[1] || p[2] != q[2];
    for (int k = 0; k < 3; ++k) diffNormals += na->GetComponent(i, k) != nb->GetComponent(i, k);
  }
  vtkDataArray* labA = a->GetPointData()->GetArray(la::render::kSiteLabelArray);
  vtkDataArray* labB = b->GetPointData()->GetArray(la::render::kSiteLabelArray);
  REQUIRE((labA == nullptr) == (labB == nullptr));
  if (labA)
    for (vtkIdType i = 0; i < a->GetNumberOfPoints(); ++i) diffLabels += labA->GetTuple1(i) != labB->GetTuple1(i);
  for (vtkIdType c = 0; c < a->GetNumberOfPolys(); ++c) {
    vtkIdType n1, n2;
    const vtkIdType *p1, *p2;
    a->GetPolys()->GetCellAtId(c, n1, p1);
    b->GetPolys()->GetCellAtId(c, n2, p2);
    diffCells += n1 != n2 || !std::equal(p1, p1 + n1, p2);
  }
  CHECK(diffPoints == 0);
  CHECK(diffNormals == 0);
  CHECK(diffCells == 0);
  CHECK(diffLabels == 0);
}

}  // namespace

TEST_CASE("a mesh read in the child equals the in-process loadMesh with labels and mesh names", "[mesh][isolated]") {
  for (const fs::path file : {la::assetPath("bodies/placeholder.obj"), la::assetPath("bodies/male.glb")}) {
    INFO(file);
    std::vector<std::string> names, namesHere;
    auto child = la::render::loadMeshIsolated(file, {}, realReader(), &names);
    auto here = la::render::loadMesh(file, {}, &namesHere);
    requireSameMesh(child, here);
    CHECK(names == namesHere);
  }
  CHECK(noChildren());
}

#ifdef LA_SHARED_DIR
TEST_CASE("include/exclude patterns reach the child", "[mesh][isolated]") {
  const fs::path file = fs::path(LA_SHARED_DIR) / "external/makehuman_base.obj";
  la::render::MeshLoadOptions opts;
  opts.exclude = {"helper-*", "joint-*"};
  std::vector<std::string> names;
  auto child = la::render::loadMeshIsolated(file, opts, realReader(), &names);
  requireSameMesh(child, la::render::loadMesh(file, opts));
  CHECK(child->GetNumberOfPoints() < la::render::loadMeshIsolated(file, {}, realReader())->GetNumberOfPoints());
  CHECK(std::any_of(names.begin(), names.end(), [](const std::string& n) { return n.rfind("helper-", 0) == 0; }));
}
#endif

TEST_CASE("the reader's own errors come through unchanged", "[mesh][isolated]") {
  for (const char* name : {"not_a_mesh.obj", "nan_vertex.obj"}) {
    const fs::path file = fs::path(LA_TEST_SOURCE_DIR) / "tests/render/fixtures" / name;
    std::string here;
    try {
      la::render::loadMesh(file);
    } catch (const la::render::MeshLoadError& e) {
      here = e.what();
    }
    CHECK_FALSE(here.empty());
    CHECK(loadError(file, realReader()) == here);
  }
  CHECK(loadError("/nonexistent/body.glb", realReader()) == "/nonexistent/body.glb: no such file");
}

TEST_CASE("a reader that crashes is an error naming the file and the signal and this process carries on", "[mesh][isolated]") {
  auto before = la::render::loadMeshIsolated(fixture("tetra.obj"), {}, testReader());
  const vtkIdType n = before->GetNumberOfPoints();
  const std::string abortMsg = loadError(fixture("crash.obj"), testReader());
  CHECK_THAT(abortMsg, Catch::StartsWith(fixture("crash.obj").string() + ": the mesh reader crashed on this file (signal 6"));
  CHECK_THAT(abortMsg, Catch::Contains("it said: test hook: abort"));
  CHECK_THAT(loadError(fixture("segfault.obj"), testReader()), Catch::Contains("crashed on this file (signal 11"));
  // What was loaded before is intact, and loading still works.
  CHECK(before->GetNumberOfPoints() == n);
  CHECK(la::render::loadMeshIsolated(fixture("tetra.obj"), {}, testReader())->GetNumberOfPolys() == 4);
  CHECK(noChildren());
}

TEST_CASE("a reader that hangs is stopped at the time limit", "[mesh][isolated]") {
  const auto t0 = std::chrono::steady_clock::now();
  const std::string msg = loadError(fixture("hang.obj"), testReader(1.5));
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK_THAT(msg, Catch::Contains("hang.obj: reading took longer than the limit of 1.5 s"));
  CHECK(s >= 1.5);
  CHECK(s < 6);
  CHECK(noChildren());
}

TEST_CASE("an answer over the size limit is refused from a real mesh or a flooding reader", "[mesh][isolated]") {
  la::render::MeshReadLimits small = realReader();
  small.maxBytes = 1 << 20;  // male.glb's answer is about 5 MiB
  CHECK_THAT(loadError(la::assetPath("bodies/male.glb"), small),
             Catch::Contains("male.glb: the mesh is larger than the limit of 1 MiB"));
  la::render::MeshReadLimits flood = testReader();
  flood.maxBytes = 8 << 20;
  CHECK_THAT(loadError(fixture("flood.obj"), flood), Catch::Contains("larger than the limit of 8 MiB"));
  CHECK(noChildren());
}

TEST_CASE("garbage or a failing exit or a missing reader are errors naming the file", "[mesh][isolated]") {
  CHECK_THAT(loadError(fixture("garbage.obj"), testReader()),
             Catch::StartsWith(fixture("garbage.obj").string() + ": the mesh reader's answer is unusable: "));
  CHECK_THAT(loadError(fixture("exit.obj"), testReader()), Catch::Contains("the mesh reader failed (exit code 3)"));
  la::render::MeshReadLimits none;
  none.reader = "/nonexistent/lesion-atlas-mesh-reader";
  CHECK_THAT(loadError(fixture("tetra.obj"), none),
             Catch::Contains("tetra.obj: not loaded: cannot start /nonexistent/lesion-atlas-mesh-reader"));
}

TEST_CASE("the limits come from the environment and bad values are refused", "[mesh][isolated]") {
  ::setenv("LESION_ATLAS_MESH_TIMEOUT", "2.5", 1);
  ::setenv("LESION_ATLAS_MESH_MAX_MB", "3", 1);
  la::render::MeshReadLimits l = la::render::meshReadLimits();
  CHECK(l.timeout.count() == 2500);
  CHECK(l.maxBytes == 3u << 20);
  ::setenv("LESION_ATLAS_MESH_TIMEOUT", "soon", 1);
  CHECK_THROWS_WITH(la::render::meshReadLimits(), Catch::Contains("LESION_ATLAS_MESH_TIMEOUT: 'soon'"));
  ::unsetenv("LESION_ATLAS_MESH_TIMEOUT");
  ::unsetenv("LESION_ATLAS_MESH_MAX_MB");
  l = la::render::meshReadLimits();
  CHECK(l.timeout.count() == 60000);
  CHECK(l.maxBytes == la::kDefaultMeshReplyBytes);
}

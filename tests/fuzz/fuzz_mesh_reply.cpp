// Fuzz target: the parent's decoder of the mesh reader's reply (core/mesh_reply). The child is
// a separate process reading an untrusted file; the parent must trust none of its bytes.
#include "core/mesh_reply.hpp"

#include <algorithm>
#include <cmath>

#include "fuzz_support.hpp"

using namespace la;
using la::fuzz::check;

namespace {

// Small limits, so the search reaches "too many names", "name too long" and "reply too large"
// with inputs of a few hundred bytes instead of megabytes.
MeshReplyLimits smallLimits() {
  MeshReplyLimits l;
  l.maxBytes = 3000;
  l.maxNames = 8;
  l.maxNameBytes = 32;
  l.maxMessageBytes = 256;
  return l;
}

// What the parent hands to VTK: consistent, finite arrays with every triangle inside the mesh.
void checkMesh(const MeshArrays& m, const MeshReplyLimits& limits) {
  const size_t v = m.points.size() / 3;
  check(m.points.size() % 3 == 0 && v >= 3, "points not whole vertices, or fewer than 3");
  check(m.normals.size() == m.points.size(), "normals differ from points in number");
  check(!m.triangles.empty() && m.triangles.size() % 3 == 0, "no triangle, or a partial one");
  check(m.labels.empty() || m.labels.size() == v, "labels neither absent nor one per vertex");
  for (uint32_t t : m.triangles) check(t < v, "triangle names a vertex that does not exist");
  for (float f : m.points) check(std::isfinite(f), "point coordinate not finite");
  for (float f : m.normals) check(std::isfinite(f), "normal not finite");
  check(m.names.size() <= limits.maxNames, "more names than the limit");
  for (const std::string& n : m.names)
    check(n.size() <= limits.maxNameBytes && isCleanText(n, false), "name too long or not clean text");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const MeshReplyLimits limits = smallLimits();
  const MeshReply r = decodeMeshReply(data, size, limits);
  switch (r.kind) {
    case MeshReply::Kind::Malformed:
      check(!r.message.empty(), "malformed reply without a reason");
      break;
    case MeshReply::Kind::LoadError:
      check(r.message.size() <= limits.maxMessageBytes && isCleanText(r.message, true),
            "reader's message too long or not clean text");
      // The error reply the writer makes from this message decodes to the same message.
      check(decodeMeshReply(encodeMeshError(r.message), limits).message == r.message, "error message changed on a round trip");
      break;
    case MeshReply::Kind::Mesh: {
      check(size <= limits.maxBytes, "reply over the size limit accepted");
      checkMesh(r.mesh, limits);
      // A decoded mesh encodes to exactly the bytes it came from (the format has one spelling).
      const std::string again = encodeMeshReply(r.mesh);
      check(again.size() == size && std::equal(again.begin(), again.end(), reinterpret_cast<const char*>(data)),
            "decoded mesh does not encode back to the same bytes");
      break;
    }
  }
  return 0;
}

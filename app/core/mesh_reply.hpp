#pragma once
// The reply of the mesh reader (lesion-atlas-mesh-reader), the child process that reads a user's
// mesh file so that a crash, a hang or a runaway allocation in the importer (Assimp) cannot take
// the atlas down with it. The child writes one reply to its standard output; the parent decodes
// it here, with no trust in the bytes: every count, size, index and name is checked, so the
// decoder is also a fuzz target (tests/fuzz). No VTK here: plain arrays only.
//
// Layout (host byte order: parent and child are the same build on the same machine):
//   "LAMR", u32 version = 1, u32 kind
//   kind 2 (error): u32 length, that many bytes of UTF-8 (the reader's message), end.
//   kind 1 (mesh):  u32 flags (bit 0: labels follow; no other bit), u64 vertex count V,
//                   u64 triangle count T, u32 name count N, N times (u32 length, UTF-8 bytes),
//                   float32[3V] points, float32[3V] normals, u32[3T] triangles,
//                   int32[V] labels if flagged, end (no bytes after it).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace la {

// A triangle surface as plain arrays.
struct MeshArrays {
  std::vector<float> points;              // x, y, z per vertex
  std::vector<float> normals;             // x, y, z per vertex
  std::vector<std::uint32_t> triangles;   // three vertex ids per triangle
  std::vector<std::int32_t> labels;       // one per vertex, or empty (the file had no label channel)
  std::vector<std::string> names;         // names of the meshes in the file (for include/exclude)
};

// The default size limit of a reply: 512 MiB holds about 10 million vertices with 20 million
// triangles, far beyond a body; a bigger result is refused, not half-read.
inline constexpr std::size_t kDefaultMeshReplyBytes = std::size_t(512) << 20;

struct MeshReplyLimits {
  std::size_t maxBytes = kDefaultMeshReplyBytes;  // the whole reply
  std::size_t maxNames = 100000;
  std::size_t maxNameBytes = 4096;
  std::size_t maxMessageBytes = 64 * 1024;
};

struct MeshReply {
  enum class Kind {
    Mesh,       // `mesh` holds the surface
    LoadError,  // the reader could not load the file; `message` is its reason (names the file)
    Malformed,  // the bytes are not a valid reply; `message` says why
  };
  Kind kind = Kind::Malformed;
  MeshArrays mesh;
  std::string message;
};

// Never throws (but std::bad_alloc); the reply is refused as Malformed when it is larger than
// limits.maxBytes, truncated, has bytes after its end, an unknown magic/version/kind/flag, a
// count that does not fit the bytes, fewer than 3 vertices or no triangle, a triangle naming a
// vertex that does not exist, a NaN or infinite coordinate or normal, too many or too long
// names, or text that is not clean UTF-8 (see isCleanText).
MeshReply decodeMeshReply(const std::uint8_t* data, std::size_t size, const MeshReplyLimits& limits = {});
inline MeshReply decodeMeshReply(std::string_view bytes, const MeshReplyLimits& limits = {}) {
  return decodeMeshReply(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), limits);
}

// The writer's side. encodeMeshReply expects consistent arrays (normals as many as points,
// labels empty or one per vertex) and clean names (cleanText).
std::string encodeMeshReply(const MeshArrays& mesh);
std::string encodeMeshError(std::string_view message);

// Valid UTF-8 without control characters (tab and newline allowed in messages only).
bool isCleanText(std::string_view text, bool allowNewlines);
// Replaces every byte that breaks isCleanText with '?'.
std::string cleanText(std::string_view text, bool allowNewlines);

}  // namespace la

#include "core/mesh_reply.hpp"

#include <cmath>
#include <cstring>

namespace la {
namespace {

constexpr char kMagic[4] = {'L', 'A', 'M', 'R'};
constexpr std::uint32_t kVersion = 1;
constexpr std::uint32_t kKindMesh = 1, kKindError = 2;
constexpr std::uint32_t kFlagLabels = 1;

// Length of the UTF-8 sequence starting at text[i] when it is valid and not a control
// character, else 0.
size_t cleanSequence(std::string_view t, size_t i, bool allowNewlines) {
  const auto b = static_cast<unsigned char>(t[i]);
  if (b < 0x80) {
    if (b == 0x7f) return 0;
    if (b >= 0x20) return 1;
    return allowNewlines && (b == '\n' || b == '\t') ? 1 : 0;
  }
  size_t n;
  unsigned cp;
  if ((b & 0xe0) == 0xc0) n = 2, cp = b & 0x1f;
  else if ((b & 0xf0) == 0xe0) n = 3, cp = b & 0x0f;
  else if ((b & 0xf8) == 0xf0) n = 4, cp = b & 0x07;
  else return 0;
  if (i + n > t.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(t[i + k]);
    if ((c & 0xc0) != 0x80) return 0;
    cp = cp << 6 | (c & 0x3f);
  }
  const unsigned minimum[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < minimum[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;  // overlong, surrogate
  if (cp >= 0x80 && cp < 0xa0) return 0;                                             // C1 controls
  return n;
}

// Reads forward through the reply; every read checks the bytes are there.
struct Reader {
  const std::uint8_t* p;
  size_t left;
  std::string error;

  bool take(void* out, size_t n, const char* what) {
    if (n > left) {
      if (error.empty()) error = std::string("reply cut off in ") + what;
      return false;
    }
    std::memcpy(out, p, n);
    p += n;
    left -= n;
    return true;
  }
  template <class T>
  bool value(T& v, const char* what) { return take(&v, sizeof v, what); }
  bool text(std::string& s, size_t maxBytes, bool newlines, const char* what) {
    std::uint32_t n = 0;
    if (!value(n, what)) return false;
    if (n > maxBytes) return fail(std::string(what) + " longer than " + std::to_string(maxBytes) + " bytes");
    if (n > left) return fail(std::string("reply cut off in ") + what);
    s.assign(reinterpret_cast<const char*>(p), n);
    p += n;
    left -= n;
    if (!isCleanText(s, newlines)) return fail(std::string(what) + " is not clean UTF-8 text");
    return true;
  }
  bool fail(std::string why) {
    if (error.empty()) error = std::move(why);
    return false;
  }
};

template <class T>
void put(std::string& out, const T& v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

void putText(std::string& out, std::string_view s) {
  put(out, static_cast<std::uint32_t>(s.size()));
  out.append(s.data(), s.size());
}

bool allFinite(const std::vector<float>& v) {
  for (float x : v)
    if (!std::isfinite(x)) return false;
  return true;
}

MeshReply malformed(std::string why) {
  MeshReply r;
  r.kind = MeshReply::Kind::Malformed;
  r.message = std::move(why);
  return r;
}

MeshReply decodeMesh(Reader& in, const MeshReplyLimits& limits) {
  std::uint32_t flags = 0, nameCount = 0;
  std::uint64_t nv = 0, nt = 0;
  if (!in.value(flags, "the header") || !in.value(nv, "the header") || !in.value(nt, "the header") ||
      !in.value(nameCount, "the header"))
    return malformed(in.error);
  if (flags & ~kFlagLabels) return malformed("unknown flags " + std::to_string(flags));
  if (nameCount > limits.maxNames) return malformed(std::to_string(nameCount) + " mesh names (at most " + std::to_string(limits.maxNames) + ")");
  if (nameCount > in.left / 4) return malformed(std::to_string(nameCount) + " mesh names do not fit the bytes that follow");
  MeshReply r;
  r.mesh.names.resize(nameCount);
  for (auto& n : r.mesh.names)
    if (!in.text(n, limits.maxNameBytes, false, "a mesh name")) return malformed(in.error);
  // Counts are checked against the bytes left before anything is allocated for them.
  const bool labels = flags & kFlagLabels;
  const std::uint64_t perVertex = 24 + (labels ? 4 : 0);
  if (nv > in.left / perVertex || nt > in.left / 12 || nv * perVertex + nt * 12 != in.left)
    return malformed(std::to_string(nv) + " vertices and " + std::to_string(nt) + " triangles do not fit the " +
                     std::to_string(in.left) + " bytes that follow");
  if (nv < 3 || nt < 1) return malformed("a mesh needs at least 3 vertices and 1 triangle");
  if (nv > 0x7fffffffull) return malformed("more than 2^31 vertices");
  r.mesh.points.resize(nv * 3);
  r.mesh.normals.resize(nv * 3);
  r.mesh.triangles.resize(nt * 3);
  in.take(r.mesh.points.data(), nv * 12, "points");
  in.take(r.mesh.normals.data(), nv * 12, "normals");
  in.take(r.mesh.triangles.data(), nt * 12, "triangles");
  if (labels) {
    r.mesh.labels.resize(nv);
    in.take(r.mesh.labels.data(), nv * 4, "labels");
  }
  if (!allFinite(r.mesh.points)) return malformed("a point has a NaN or infinite coordinate");
  if (!allFinite(r.mesh.normals)) return malformed("a normal has a NaN or infinite component");
  for (std::uint32_t id : r.mesh.triangles)
    if (id >= nv) return malformed("a triangle names vertex " + std::to_string(id) + " of " + std::to_string(nv));
  r.kind = MeshReply::Kind::Mesh;
  return r;
}

}  // namespace

bool isCleanText(std::string_view text, bool allowNewlines) {
  for (size_t i = 0; i < text.size();) {
    const size_t n = cleanSequence(text, i, allowNewlines);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string cleanText(std::string_view text, bool allowNewlines) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t n = cleanSequence(text, i, allowNewlines);
    if (n == 0) {
      out += '?';
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

MeshReply decodeMeshReply(const std::uint8_t* data, std::size_t size, const MeshReplyLimits& limits) {
  if (size > limits.maxBytes)
    return malformed("reply of " + std::to_string(size) + " bytes is over the limit of " + std::to_string(limits.maxBytes));
  Reader in{data, size, {}};
  char magic[4];
  std::uint32_t version = 0, kind = 0;
  if (!in.take(magic, 4, "the header") || !in.value(version, "the header") || !in.value(kind, "the header"))
    return malformed(size == 0 ? "empty reply" : in.error);
  if (std::memcmp(magic, kMagic, 4) != 0) return malformed("not a mesh reader reply (wrong magic)");
  if (version != kVersion) return malformed("reply version " + std::to_string(version) + ", expected 1");
  if (kind == kKindMesh) return decodeMesh(in, limits);
  if (kind != kKindError) return malformed("unknown reply kind " + std::to_string(kind));
  MeshReply r;
  if (!in.text(r.message, limits.maxMessageBytes, true, "the error message")) return malformed(in.error);
  if (in.left != 0) return malformed(std::to_string(in.left) + " bytes after the end of the reply");
  r.kind = MeshReply::Kind::LoadError;
  return r;
}

std::string encodeMeshReply(const MeshArrays& m) {
  const std::uint64_t nv = m.points.size() / 3, nt = m.triangles.size() / 3;
  const bool labels = !m.labels.empty();
  std::string out;
  out.reserve(64 + nv * 28 + nt * 12);
  out.append(kMagic, 4);
  put(out, kVersion);
  put(out, kKindMesh);
  put(out, labels ? kFlagLabels : 0u);
  put(out, nv);
  put(out, nt);
  put(out, static_cast<std::uint32_t>(m.names.size()));
  for (const auto& n : m.names) putText(out, n);
  out.append(reinterpret_cast<const char*>(m.points.data()), nv * 12);
  out.append(reinterpret_cast<const char*>(m.normals.data()), nv * 12);
  out.append(reinterpret_cast<const char*>(m.triangles.data()), nt * 12);
  if (labels) out.append(reinterpret_cast<const char*>(m.labels.data()), nv * 4);
  return out;
}

std::string encodeMeshError(std::string_view message) {
  std::string out(kMagic, 4);
  put(out, kVersion);
  put(out, kKindError);
  putText(out, message);
  return out;
}

}  // namespace la

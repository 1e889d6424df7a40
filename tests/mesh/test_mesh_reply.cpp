// The mesh reader's reply (core/mesh_reply.hpp): what the atlas accepts from its child process.
#include "core/mesh_reply.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>

namespace {

// Bytes written field by field from the layout documented in mesh_reply.hpp, independently of
// encodeMeshReply.
struct Bytes {
  std::string b;
  template <class T>
  Bytes& add(T v) {
    b.append(reinterpret_cast<const char*>(&v), sizeof v);
    return *this;
  }
  Bytes& raw(const std::string& s) {
    b += s;
    return *this;
  }
};

// A unit right triangle plus one more vertex, two triangles, labels, one name.
Bytes handMadeMesh(bool labels = true) {
  Bytes m;
  m.raw("LAMR").add<std::uint32_t>(1).add<std::uint32_t>(1).add<std::uint32_t>(labels ? 1 : 0);
  m.add<std::uint64_t>(4).add<std::uint64_t>(2).add<std::uint32_t>(1).add<std::uint32_t>(4).raw("body");
  for (float v : {0.f, 0.f, 0.f, 1.f, 0.f, 0.f, 0.f, 1.f, 0.f, 1.f, 1.f, 0.f}) m.add(v);  // points
  for (int i = 0; i < 4; ++i) m.add(0.f).add(0.f).add(1.f);                                 // normals
  for (std::uint32_t v : {0u, 1u, 2u, 1u, 3u, 2u}) m.add(v);                               // triangles
  if (labels)
    for (std::int32_t v : {5, 5, 6, 0}) m.add(v);
  return m;
}

la::MeshReply decode(const std::string& b, la::MeshReplyLimits l = {}) { return la::decodeMeshReply(b, l); }

}  // namespace

TEST_CASE("a reply built from the documented layout decodes to its arrays", "[mesh_reply]") {
  const la::MeshReply r = decode(handMadeMesh().b);
  REQUIRE(r.kind == la::MeshReply::Kind::Mesh);
  CHECK(r.mesh.points.size() == 12);
  CHECK(r.mesh.points[9] == 1.f);
  CHECK(r.mesh.normals[11] == 1.f);
  CHECK(r.mesh.triangles == std::vector<std::uint32_t>{0, 1, 2, 1, 3, 2});
  CHECK(r.mesh.labels == std::vector<std::int32_t>{5, 5, 6, 0});
  CHECK(r.mesh.names == std::vector<std::string>{"body"});
  // The encoder writes exactly that layout.
  CHECK(la::encodeMeshReply(r.mesh) == handMadeMesh().b);
  const la::MeshReply noLabels = decode(handMadeMesh(false).b);
  REQUIRE(noLabels.kind == la::MeshReply::Kind::Mesh);
  CHECK(noLabels.mesh.labels.empty());
}

TEST_CASE("an error reply carries the reader's message", "[mesh_reply]") {
  Bytes e;
  e.raw("LAMR").add<std::uint32_t>(1).add<std::uint32_t>(2).add<std::uint32_t>(26).raw("x.obj: cannot read as mesh");
  const la::MeshReply r = decode(e.b);
  REQUIRE(r.kind == la::MeshReply::Kind::LoadError);
  CHECK(r.message == "x.obj: cannot read as mesh");
  CHECK(la::encodeMeshError("x.obj: cannot read as mesh") == e.b);
}

TEST_CASE("every truncated or extended reply is refused", "[mesh_reply]") {
  const std::string full = handMadeMesh().b;
  for (size_t n = 0; n < full.size(); ++n) {
    INFO("first " << n << " bytes");
    CHECK(decode(full.substr(0, n)).kind == la::MeshReply::Kind::Malformed);
  }
  const la::MeshReply longer = decode(full + "x");
  CHECK(longer.kind == la::MeshReply::Kind::Malformed);
  const std::string err = la::encodeMeshError("boom");
  CHECK(decode(err + "x").kind == la::MeshReply::Kind::Malformed);
}

TEST_CASE("a reply with wrong magic or version or kind or flags is refused", "[mesh_reply]") {
  std::string b = handMadeMesh().b;
  auto refusedWith = [](const std::string& bytes, const char* part) {
    const la::MeshReply r = decode(bytes);
    INFO(r.message);
    CHECK(r.kind == la::MeshReply::Kind::Malformed);
    CHECK(r.message.find(part) != std::string::npos);
  };
  std::string m = b;
  m[0] = 'X';
  refusedWith(m, "magic");
  m = b;
  m[4] = 2;
  refusedWith(m, "version 2");
  m = b;
  m[8] = 7;
  refusedWith(m, "kind 7");
  m = b;
  m[12] = 3;
  refusedWith(m, "flags 3");
}

TEST_CASE("counts that do not fit the bytes are refused before anything is allocated", "[mesh_reply]") {
  for (std::uint64_t nv : {std::uint64_t(5), std::uint64_t(1) << 62, std::numeric_limits<std::uint64_t>::max()}) {
    std::string b = handMadeMesh().b;
    std::memcpy(&b[16], &nv, 8);
    const la::MeshReply r = decode(b);
    INFO(nv << ": " << r.message);
    CHECK(r.kind == la::MeshReply::Kind::Malformed);
    CHECK(r.message.find("do not fit") != std::string::npos);
  }
}

TEST_CASE("bad geometry in a reply is refused", "[mesh_reply]") {
  const std::string b = handMadeMesh().b;
  const size_t points = 4 + 4 + 4 + 4 + 8 + 8 + 4 + 4 + 4;  // header and the one name
  const size_t triangles = points + 2 * 48;
  SECTION("a triangle naming a vertex that does not exist") {
    std::string m = b;
    const std::uint32_t four = 4;
    std::memcpy(&m[triangles + 4], &four, 4);
    const la::MeshReply r = decode(m);
    CHECK(r.kind == la::MeshReply::Kind::Malformed);
    CHECK(r.message.find("names vertex 4 of 4") != std::string::npos);
  }
  SECTION("a NaN coordinate or an infinite normal") {
    std::string m = b;
    const float nan = std::nanf("");
    std::memcpy(&m[points + 4], &nan, 4);
    CHECK(decode(m).kind == la::MeshReply::Kind::Malformed);
    m = b;
    const float inf = std::numeric_limits<float>::infinity();
    std::memcpy(&m[points + 48], &inf, 4);
    CHECK(decode(m).kind == la::MeshReply::Kind::Malformed);
  }
  SECTION("no triangle") {
    la::MeshArrays a;
    a.points = {0, 0, 0, 1, 0, 0, 0, 1, 0};
    a.normals = a.points;
    CHECK(decode(la::encodeMeshReply(a)).kind == la::MeshReply::Kind::Malformed);
  }
}

TEST_CASE("the size limit and the name limits hold", "[mesh_reply]") {
  const std::string b = handMadeMesh().b;
  la::MeshReplyLimits l;
  l.maxBytes = b.size() - 1;
  const la::MeshReply r = decode(b, l);
  CHECK(r.kind == la::MeshReply::Kind::Malformed);
  CHECK(r.message.find("over the limit") != std::string::npos);
  l = {};
  l.maxNameBytes = 3;  // "body" has 4
  CHECK(decode(b, l).kind == la::MeshReply::Kind::Malformed);
  l = {};
  l.maxNames = 0;
  CHECK(decode(b, l).kind == la::MeshReply::Kind::Malformed);
}

TEST_CASE("names and messages must be clean UTF-8 and cleanText makes them so", "[mesh_reply]") {
  CHECK(la::isCleanText("Körper ボディ", false));
  CHECK_FALSE(la::isCleanText("K\xf6rper", false));     // Latin-1
  CHECK_FALSE(la::isCleanText("\xc0\xaf", false));      // overlong '/'
  CHECK_FALSE(la::isCleanText("\xed\xa0\x80", false));  // surrogate
  CHECK_FALSE(la::isCleanText("a\x1b[31m", false));     // escape sequence
  CHECK_FALSE(la::isCleanText("two\nlines", false));
  CHECK(la::isCleanText("two\nlines", true));
  CHECK(la::cleanText("K\xf6rper\x07", false) == "K?rper?");
  CHECK(la::cleanText("\xe3\x83", false) == "??");  // a cut-off sequence
  std::string b = handMadeMesh().b;
  b[40] = '\x01';  // inside the name "body"
  const la::MeshReply r = decode(b);
  CHECK(r.kind == la::MeshReply::Kind::Malformed);
  CHECK(r.message.find("mesh name") != std::string::npos);
}

// Site maps belong to their mesh (core): the fingerprint, the mismatch check and message, and
// the packed patch form.
#include "core/packed_ids.hpp"
#include "core/site_map.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstring>
#include <random>

namespace {

// FNV-1a 64 as published (http://www.isthe.com/chongo/tech/comp/fnv/), over a byte buffer laid out
// as site_map.hpp documents: u64 V, u64 T, float32 xyz..., u32 ids..., little-endian.
std::string referenceHash(const std::vector<float>& xyz, const std::vector<std::uint32_t>& tri) {
  std::vector<unsigned char> buf;
  auto le = [&](std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) buf.push_back(static_cast<unsigned char>(v >> (8 * i)));
  };
  le(xyz.size() / 3, 8);
  le(tri.size() / 3, 8);
  for (float f : xyz) {
    std::uint32_t u;
    std::memcpy(&u, &f, 4);
    le(u, 4);
  }
  for (std::uint32_t t : tri) le(t, 4);
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : buf) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return std::string("fnv1a64:") + hex;
}

const std::vector<float> kTetra = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1};
const std::vector<std::uint32_t> kTetraTris = {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3};

}  // namespace

TEST_CASE("the mesh fingerprint is FNV-1a over counts and float positions and triangle ids", "[site_map]") {
  const la::MeshFingerprint f = la::meshFingerprint(kTetra, kTetraTris);
  CHECK(f.vertices == 4);
  CHECK(f.triangles == 4);
  CHECK(f.hash == referenceHash(kTetra, kTetraTris));
  // FNV-1a of the empty input is the offset basis: a check of the reference itself.
  CHECK(la::meshFingerprint({}, {}).hash == referenceHash({}, {}));
  // One ulp on one coordinate, or two triangles swapped, is another mesh.
  std::vector<float> moved = kTetra;
  moved[3] = std::nextafter(1.0f, 2.0f);
  CHECK(la::meshFingerprint(moved, kTetraTris).hash != f.hash);
  std::vector<std::uint32_t> swapped = kTetraTris;
  std::swap_ranges(swapped.begin(), swapped.begin() + 3, swapped.begin() + 3);
  CHECK(la::meshFingerprint(kTetra, swapped).hash != f.hash);
}

TEST_CASE("a site map is accepted for its own mesh only and a refusal names both files", "[site_map]") {
  const la::MeshFingerprint mesh = la::meshFingerprint(kTetra, kTetraTris);
  la::SiteMap map;
  map.vertexCount = 4;
  map.meshHash = mesh.hash;
  CHECK(la::siteMapMismatch(map, mesh, "dir/tetra.sites.json", "dir/tetra.obj").empty());
  CHECK_NOTHROW(la::requireSiteMapMatches(map, mesh, "dir/tetra.sites.json", "dir/tetra.obj"));

  std::vector<float> moved = kTetra;
  moved[0] = 0.5f;
  const la::MeshFingerprint other = la::meshFingerprint(moved, kTetraTris);  // same counts, other geometry
  const std::string why = la::siteMapMismatch(map, other, "dir/tetra.sites.json", "dir/other.obj");
  CHECK(why.find("dir/tetra.sites.json") == 0);
  CHECK(why.find("does not belong to dir/other.obj") != std::string::npos);
  CHECK(why.find(mesh.hash) != std::string::npos);
  CHECK(why.find(other.hash) != std::string::npos);
  CHECK(why.find("place the sites anew") != std::string::npos);
  try {
    la::requireSiteMapMatches(map, other, "dir/tetra.sites.json", "dir/other.obj");
    FAIL("no exception");
  } catch (const la::SiteMapMismatch& e) {
    CHECK(e.mapFile == "dir/tetra.sites.json");
    CHECK(e.meshFile == "dir/other.obj");
    CHECK(std::string(e.what()) == why);
  }

  // A map that does not record its mesh cannot be checked, so it is not used.
  map.meshHash.clear();
  const std::string unknown = la::siteMapMismatch(map, mesh, "a.sites.json", "a.obj");
  CHECK(unknown.find("no mesh_hash") != std::string::npos);
}

TEST_CASE("mesh_hash is written and read back and a malformed one is refused", "[site_map]") {
  la::SiteMap map;
  map.body = "tetra";
  map.vertexCount = 4;
  map.meshHash = la::meshFingerprint(kTetra, kTetraTris).hash;
  const la::SiteMap back = la::SiteMap::fromJsonText(map.toJson().dump(), "t");
  CHECK(back.meshHash == map.meshHash);
  nlohmann::json j = map.toJson();
  j["mesh_hash"] = "md5:1234";
  CHECK_THROWS_WITH(la::SiteMap::fromJsonText(j.dump(), "t.sites.json"), Catch::Contains("t.sites.json") &&
                                                                              Catch::Contains("mesh_hash"));
}

TEST_CASE("packed ids: a hand-computed example and round trips", "[site_map]") {
  // ids 0, 1, 300 -> steps 0, 1, 299 -> LEB128 00 01 ab 02 -> base64.
  CHECK(la::packIds({0, 1, 300}) == "AAGrAg==");
  CHECK(la::unpackIds("AAGrAg==", 1000) == std::vector<int>{0, 1, 300});
  CHECK(la::packIds({}).empty());
  CHECK(la::unpackIds("", 10).empty());
  std::mt19937 rng(7);
  for (int round = 0; round < 50; ++round) {
    std::vector<int> ids;
    int v = int(rng() % 1000);
    for (int k = int(rng() % 200); k > 0; --k) ids.push_back(v += 1 + int(rng() % (round % 2 ? 5 : 100000)));
    CHECK(la::unpackIds(la::packIds(ids), 1LL << 31) == ids);
  }
}

TEST_CASE("packed ids: broken input is refused with the reason", "[site_map]") {
  CHECK_THROWS_WITH(la::unpackIds("AAGrAg=", 1000), Catch::Contains("multiple of 4"));
  CHECK_THROWS_WITH(la::unpackIds("AA*rAg==", 1000), Catch::Contains("not base64"));
  CHECK_THROWS_WITH(la::unpackIds("AAGrAg==", 299), Catch::Contains("300 out of range"));
  CHECK_THROWS_WITH(la::unpackIds("AAA=", 1000), Catch::Contains("listed twice"));
  CHECK_THROWS_WITH(la::unpackIds("gA==", 1000), Catch::Contains("cut off"));       // 0x80: continues, then ends
  CHECK_THROWS_WITH(la::unpackIds("//////8P", 1LL << 40), Catch::Contains("32 bits"));
  CHECK_THROWS_AS(la::packIds({3, 3}), la::PackedIdsError);
  CHECK_THROWS_AS(la::packIds({-1}), la::PackedIdsError);
}

TEST_CASE("patches in the older array form still load sorted and out-of-range ids are refused", "[site_map]") {
  const std::string text = R"({"format": "lesion-atlas site map", "version": 1, "vertices": 10, "sites": [
    {"site": "scalp", "side": "none", "position": [0,0,0], "normal": [0,1,0], "patch": [7, 2, 5]}]})";
  const la::SiteMap m = la::SiteMap::fromJsonText(text, "old.sites.json");
  CHECK(m.anchors.at(0).patch == std::vector<int>{2, 5, 7});
  // Written back in the packed form, it reads back the same.
  CHECK(la::SiteMap::fromJsonText(m.toJson().dump(), "x").anchors.at(0).patch == m.anchors.at(0).patch);
  CHECK(m.toJson()["sites"][0].contains("patch_packed"));
  std::string bad = text;
  bad.replace(bad.find("[7, 2, 5]"), 9, "[7, 2, 10]");
  CHECK_THROWS_WITH(la::SiteMap::fromJsonText(bad, "old.sites.json"),
                    Catch::Contains("old.sites.json") && Catch::Contains("vertex 10") && Catch::Contains("out of range"));
  bad = text;
  bad.replace(bad.find("[7, 2, 5]"), 9, "[7, 2, 7]");
  CHECK_THROWS_WITH(la::SiteMap::fromJsonText(bad, "old.sites.json"), Catch::Contains("twice"));
}

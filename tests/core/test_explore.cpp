// Exploring the atlas without a window: the camera's flight path, CPU marker picking, the hover
// texts and counts, the remembered settings file and the reference list.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <unistd.h>

#include "core/app_config.hpp"
#include "core/atomic_file.hpp"
#include "core/fly_path.hpp"
#include "core/importer.hpp"
#include "core/marker_pick.hpp"
#include "core/site_hover.hpp"
#include "test_support.hpp"
#include "../support/csv_records.hpp"

namespace fs = std::filesystem;

namespace {

const la::Dataset& data() {
  static const la::Dataset d = [] {
    la::Dataset out;
    auto r = la::importFile(la::test::sourcePath("assets/data/calcinosis_cases.csv"), nullptr, la::test::catalog());
    REQUIRE(la::mergeImport(out, std::move(r)));
    return out;
  }();
  return d;
}

const la::Case& byId(const std::string& id) {
  for (const la::Case& c : data().cases)
    if (c.id == id) return c;
  FAIL("no case " << id);
  throw 0;
}

// A camera at (0,0,d) looking down -Z with a 90-degree square frustum onto a 200x200 viewport:
// normalised x = x / (d - z).
la::ScreenProjection pinhole(double d) {
  la::ScreenProjection p;
  p.matrix = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, -1, d};
  p.width = p.height = 200;
  p.eye = {0, 0, d};
  return p;
}

la::MarkerSpec marker(double x, double y, double z, double nz, size_t caseIndex = 0) {
  la::MarkerSpec m;
  m.position = {x, y, z};
  m.normal = {0, 0, nz};
  m.caseIndex = caseIndex;
  return m;
}

}  // namespace

TEST_CASE("camera path: eased, from pose to pose", "[camera]") {
  CHECK(la::easeInOut(0) == 0);
  CHECK(la::easeInOut(1) == 1);
  CHECK(la::easeInOut(0.5) == Approx(0.5));
  CHECK(la::easeInOut(0.01) < 0.001);  // starts gently
  double prev = 0;
  for (int i = 1; i <= 100; ++i) {
    const double e = la::easeInOut(i / 100.0);
    CHECK(e >= prev);
    prev = e;
  }
  const la::Ellipsoid shell = la::enclosingEllipsoid({-0.4, 0.4, 0, 1.8, -0.15, 0.15});
  la::FlyPose a{{0, 1, 4}, {0, 1, 0}, {0, 1, 0}}, b{{0.2, 0.3, 1.0}, {0.1, 0.3, 0.1}, {0, 1, 0}};
  const la::FlyPath path = la::makeFlyPath(a, b, shell);
  for (int k = 0; k < 3; ++k) {
    CHECK(path.at(0).position[size_t(k)] == Approx(a.position[size_t(k)]));
    CHECK(path.at(1).position[size_t(k)] == Approx(b.position[size_t(k)]));
    CHECK(path.at(1).focal[size_t(k)] == Approx(b.focal[size_t(k)]));
  }
}

TEST_CASE("camera path: front to back swings around the body, never through its box", "[camera]") {
  const std::array<double, 6> box{-0.4, 0.4, 0, 1.8, -0.15, 0.15};
  const la::Ellipsoid shell = la::enclosingEllipsoid(box);
  // Close-ups just in front of the chest and behind the back: both inside the shell.
  la::FlyPose front{{0, 1.3, 0.24}, {0, 1.3, 0.15}, {0, 1, 0}}, back{{0, 1.3, -0.24}, {0, 1.3, -0.15}, {0, 1, 0}};
  REQUIRE_FALSE(shell.outside(front.position));
  const la::FlyPath path = la::makeFlyPath(front, back, shell);
  CHECK(path.lift > 0);
  auto inBox = [&](const la::Vec3& p) {
    return p[0] > box[0] && p[0] < box[1] && p[1] > box[2] && p[1] < box[3] && p[2] > box[4] && p[2] < box[5];
  };
  for (int i = 0; i <= 200; ++i) {
    const la::FlyPose p = path.at(i / 200.0);
    INFO("t = " << i / 200.0);
    CHECK_FALSE(inBox(p.position));
    if (i >= 50 && i <= 150) CHECK(shell.outside(p.position));  // the middle half clears the shell
    CHECK(std::abs(la::length(p.up) - 1) < 1e-9);
    CHECK(std::abs(la::dot(p.up, la::normalized(la::sub(p.focal, p.position)))) < 1e-9);  // no roll
  }
  // Two whole-body views outside the shell: the path never enters it.
  la::FlyPose far1{{0, 0.9, 5}, {0, 0.9, 0}, {0, 1, 0}}, far2{{3.5, 0.9, -3.5}, {0, 0.9, 0}, {0, 1, 0}};
  const la::FlyPath p2 = la::makeFlyPath(far1, far2, shell);
  for (int i = 0; i <= 100; ++i) CHECK(shell.outside(p2.at(i / 100.0).position));
}

TEST_CASE("marker pick: nearest front-facing marker within the tolerance", "[pick]") {
  const la::ScreenProjection proj = pinhole(5);
  double x, y;
  REQUIRE(proj.project({0, 0, 0}, x, y));
  CHECK(x == Approx(100));
  CHECK(y == Approx(100));
  std::vector<la::MarkerSpec> ms{marker(0, 0, 0, 1), marker(0.05, 0, 0, 1), marker(0, 0, -1, -1), marker(2, 2, 0, 1)};
  // (0.05, 0, 0) is at x = 100 + 0.05/5 * 100 = 101.
  auto c = la::markerCandidates(ms, proj, 101, 100, 14);
  REQUIRE(c.size() == 2);  // the far-side marker and the distant one are not candidates
  CHECK(c[0].index == 1);
  CHECK(c[0].distancePx == Approx(0).margin(1e-4));  // positions are packed as floats
  CHECK(c[1].index == 0);
  CHECK(la::markerCandidates(ms, proj, 150, 150, 14).empty());
  // A marker behind the camera never projects.
  ms.push_back(marker(0, 0, 6, 1));
  CHECK(la::markerCandidates(ms, proj, 100, 100, 1000).size() == 3);
}

TEST_CASE("hover: the most specific site's patch wins", "[hover]") {
  la::SiteMap map;
  map.anchors.push_back({"upper-limb", "left", {}, {}, {0, 1, 2, 3, 4, 5, 6}});
  map.anchors.push_back({"forearm", "left", {}, {}, {3, 4}});
  map.anchors.push_back({"hand", "left", {}, {}, {6}});
  const auto v = la::vertexAnchors(map, la::test::catalog(), 9);
  CHECK(v == std::vector<int>{0, 0, 0, 1, 1, 0, 2, -1, -1});
}

TEST_CASE("hover: cases at a site by side, counted against the raw rows", "[hover]") {
  const auto rows = la::test::csvRecords(la::test::sourcePath("assets/data/calcinosis_cases.csv"));
  std::vector<const la::Case*> all;
  for (const la::Case& c : data().cases) all.push_back(&c);
  // Raw: rows with a thigh-family token on the right or both sides; rows with one and no side.
  size_t right = 0, unstated = 0;
  for (const auto& r : rows) {
    bool here = false, none = false;
    std::string tok;
    for (char ch : r.at("sites") + ";") {
      if (ch != ';') { tok += ch; continue; }
      const std::string site = tok.substr(0, tok.find(':'));
      const std::string side = tok.find(':') == std::string::npos ? "" : tok.substr(tok.find(':') + 1);
      if (la::test::catalog().isWithin(site, "thigh")) {
        if (side == "right" || side == "bilateral" || side == "midline") here = true;
        else if (side.empty()) none = true;
      }
      tok.clear();
    }
    right += here;
    unstated += !here && none;
  }
  const la::SiteCases n = la::casesAtSite(all, "thigh", "right", la::test::catalog());
  CHECK(n.here == right);
  CHECK(n.sideUnstated == unstated);
  CHECK(n.here >= 1);  // CC000, the index case
  const std::string t = la::skinHoverText(la::test::catalog(), "thigh", "right", n);
  CHECK(t.rfind("Thigh, right\n" + std::to_string(right) + " case", 0) == 0);
}

TEST_CASE("hover: a marker's text names the case in the source's words", "[hover]") {
  const la::Case& c = byId("CC000");
  la::MarkerSpec m;
  m.siteId = "thigh";
  m.side = "right";
  const std::string t = la::markerHoverText(c, m, 2, la::test::catalog());
  CHECK(t.find("CC000") == 0);
  CHECK(t.find("age 55") != std::string::npos);
  CHECK(t.find("female") != std::string::npos);
  CHECK(t.find("\"upper right thigh\" (source's words)") != std::string::npos);
  CHECK(t.find("subtype: idiopathic") != std::string::npos);
  CHECK(t.find("and 2 more here") != std::string::npos);
  std::vector<la::MarkerSpec> ms{m, m, m, m};
  ms[1].caseIndex = 7, ms[2].caseIndex = 7, ms[3].caseIndex = 9;
  ms[3].side = "left";
  CHECK(la::othersAtSameSpot(ms, 0) == 1);  // case 7 once; case 9 is on the other side
}

TEST_CASE("config: XDG location, round trip, broken file means defaults", "[config]") {
  const fs::path dir = fs::temp_directory_path() / ("la-config-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const char* oldXdg = std::getenv("XDG_CONFIG_HOME");
  const std::string keep = oldXdg ? oldXdg : "";
  ::setenv("XDG_CONFIG_HOME", dir.c_str(), 1);
  CHECK(la::configPath() == dir / "lesion-atlas" / "config.json");
  ::setenv("XDG_CONFIG_HOME", "relative/not/allowed", 1);
  CHECK(la::configPath() == fs::path(std::getenv("HOME")) / ".config" / "lesion-atlas" / "config.json");
  if (oldXdg) ::setenv("XDG_CONFIG_HOME", keep.c_str(), 1);
  else ::unsetenv("XDG_CONFIG_HOME");

  const fs::path file = dir / "lesion-atlas" / "config.json";
  std::string warning;
  CHECK(la::loadConfig(file, &warning).width == 0);  // missing: defaults, silently
  CHECK(warning.empty());
  la::AppConfig c;
  c.width = 1280, c.height = 720;
  c.layout = "[Window][Cases]\nPos=10,10\n";
  c.panels = {{"cases", true}, {"distribution", false}};
  c.scene = R"({"version": 2, "body": "female"})";
  c.sceneDir = "/tmp";
  la::saveConfig(c, file);
  size_t files = 0;
  for (auto& e : fs::directory_iterator(file.parent_path())) files += e.is_regular_file();
  CHECK(files == 1);  // no temporary left behind
  const la::AppConfig r = la::loadConfig(file, &warning);
  CHECK(r.width == 1280);
  CHECK(r.height == 720);
  CHECK(r.layout == c.layout);
  CHECK(r.panels == c.panels);
  CHECK(r.scene.find("\"female\"") != std::string::npos);
  CHECK(r.sceneDir == "/tmp");
  la::writeFileAtomically(file, "{ not json");
  const la::AppConfig bad = la::loadConfig(file, &warning);
  CHECK(bad.width == 0);
  CHECK(warning.find("config.json: ignored") != std::string::npos);
  fs::remove_all(dir);
}


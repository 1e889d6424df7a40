// Atomic writes, marker layout and the proportional site table: the parts of the core that the
// window and `render` build pictures from.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/atomic_file.hpp"
#include "core/content.hpp"
#include "core/marker_layout.hpp"
#include "core/site_proportions.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using la::test::catalog;

TEST_CASE("an atomic write replaces the file whole and leaves no temporary behind", "[io]") {
  const fs::path dir = fs::temp_directory_path() / "la_atomic_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path p = dir / "view.json";
  la::writeFileAtomically(p, "first");
  la::writeFileAtomically(p, "second version");
  CHECK(la::readFile(p) == "second version");
  size_t files = 0;
  for (auto& e : fs::directory_iterator(dir)) (void)e, ++files;
  CHECK(files == 1);
  CHECK_THROWS_WITH(la::writeFileAtomically(dir / "missing-folder" / "x.json", "x"), Catch::Contains("missing-folder"));
  fs::remove_all(dir);
}

namespace {

// A two-anchor-per-site map on a flat front: enough to test the layout logic without a mesh.
la::SiteMap flatMap() {
  la::SiteMap m;
  auto add = [&](const std::string& site, const std::string& side, double x, double y) {
    la::SiteAnchor a;
    a.site = site;
    a.side = side;
    a.position = {x, y, 0.1};
    a.normal = {0, 0, 1};
    m.anchors.push_back(a);
  };
  add("thigh", "left", 0.1, 0.7);
  add("thigh", "right", -0.1, 0.7);
  add("foot", "left", 0.1, 0.02);
  add("foot", "right", -0.1, 0.02);
  add("scalp", "none", 0, 1.7);
  return m;
}

la::Case caseWith(const std::string& id, std::vector<la::Lesion> lesions) {
  la::Case c;
  c.id = id;
  c.subtype = la::Subtype::Idiopathic;
  c.lesions = std::move(lesions);
  return c;
}

la::Lesion lesion(const std::string& site, la::Side side) {
  la::Lesion l;
  l.siteId = site;
  l.side = side;
  return l;
}

}  // namespace

TEST_CASE("markers go to the stated side, both sides when bilateral or unstated, none when unspecified",
          "[markers]") {
  la::Dataset d;
  d.cases.push_back(caseWith("A", {lesion("thigh", la::Side::Right)}));
  d.cases.push_back(caseWith("B", {lesion("thigh", la::Side::Bilateral)}));
  d.cases.push_back(caseWith("C", {lesion("thigh", la::Side::None)}));
  d.cases.push_back(caseWith("D", {lesion("unspecified", la::Side::None)}));
  d.cases.push_back(caseWith("E", {lesion("great-toe", la::Side::Left)}));  // no toe anchor: drawn at the foot
  d.cases.push_back(caseWith("F", {lesion("scalp", la::Side::None)}));
  std::vector<const la::Case*> all;
  for (const auto& c : d.cases) all.push_back(&c);
  const la::MarkerLayout L = la::layoutMarkers(d, all, catalog(), flatMap(), 0.01);

  auto markersOf = [&](size_t ci) {
    std::vector<const la::MarkerSpec*> out;
    for (const auto& m : L.markers)
      if (m.caseIndex == ci) out.push_back(&m);
    return out;
  };
  auto a = markersOf(0);
  REQUIRE(a.size() == 1);
  CHECK(a[0]->side == "right");
  CHECK(a[0]->position[0] < 0);  // the figure's right is -X
  CHECK_FALSE(a[0]->sideUnstated);
  auto b = markersOf(1);
  REQUIRE(b.size() == 2);
  CHECK_FALSE(b[0]->sideUnstated);
  auto c = markersOf(2);
  REQUIRE(c.size() == 2);  // never invent a side: both, marked as unstated
  CHECK(c[0]->sideUnstated);
  CHECK(c[1]->sideUnstated);
  CHECK(markersOf(3).empty());
  CHECK(L.lesionsUnspecified == 1);
  auto e = markersOf(4);
  REQUIRE(e.size() == 1);
  CHECK(e[0]->atAncestor);
  CHECK(e[0]->siteId == "foot");
  CHECK(std::find(L.missingSites.begin(), L.missingSites.end(), "great-toe") != L.missingSites.end());
  auto f = markersOf(5);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->side == "none");
  CHECK(L.lesionsDrawn == 5);
}

TEST_CASE("a site of one sex is not drawn on the other figure's parent region", "[markers]") {
  la::SiteMap female = flatMap();
  la::SiteAnchor g;
  g.site = "genital-perineal";
  g.side = "none";
  g.position = {0, 0.8, 0.1};
  g.normal = {0, 0, 1};
  female.anchors.push_back(g);
  la::Dataset d;
  d.cases.push_back(caseWith("S", {lesion("scrotum", la::Side::None)}));
  d.cases.push_back(caseWith("P", {lesion("perineum", la::Side::None)}));  // not sex-specific: parent is fine
  const std::vector<const la::Case*> all{&d.cases[0], &d.cases[1]};
  const la::MarkerLayout L = la::layoutMarkers(d, all, catalog(), female, 0.01);
  REQUIRE(L.markers.size() == 1);
  CHECK(L.markers[0].caseIndex == 1);
  CHECK(L.lesionsNotOnFigure == 1);
}

TEST_CASE("markers sharing an anchor are spread apart, not stacked", "[markers]") {
  la::Dataset d;
  for (size_t i = 0; i < la::kMaxFan; ++i)
    d.cases.push_back(caseWith("S" + std::to_string(i), {lesion("scalp", la::Side::None)}));
  std::vector<const la::Case*> all;
  for (const auto& c : d.cases) all.push_back(&c);
  const double r = 0.01;
  const la::MarkerLayout L = la::layoutMarkers(d, all, catalog(), flatMap(), r);
  REQUIRE(L.markers.size() == la::kMaxFan);
  for (size_t i = 0; i < L.markers.size(); ++i)
    for (size_t j = i + 1; j < L.markers.size(); ++j) {
      const auto& p = L.markers[i].position;
      const auto& q = L.markers[j].position;
      const double dist = std::hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
      CHECK(dist >= 2 * r);  // spheres of radius r never overlap
    }
  // Lifted off the skin along the normal so the sphere sits on the surface.
  CHECK(L.markers[0].position[2] > 0.1);
}

TEST_CASE("many lesions at one site become one bubble that grows with the count", "[markers]") {
  la::Dataset d;
  for (int i = 0; i < 200; ++i) d.cases.push_back(caseWith("B" + std::to_string(i), {lesion("scalp", la::Side::None)}));
  d.cases.back().subtype = la::Subtype::Dystrophic;  // a minority: the bubble takes the majority colour
  std::vector<const la::Case*> all;
  for (const auto& c : d.cases) all.push_back(&c);
  const la::Palette palette = la::makePalette(la::ColorBy::Subtype, all);
  const la::MarkerLayout L = la::layoutMarkers(d, all, catalog(), flatMap(), 0.01, &palette);
  REQUIRE(L.markers.size() == 1);
  CHECK(L.markers[0].count == 200);
  CHECK(L.markers[0].scale > 1.0);
  REQUIRE(L.markers[0].category < palette.categories.size());
  CHECK(palette.categories[L.markers[0].category].key == "idiopathic");
  CHECK(L.lesionsDrawn == 200);
}

TEST_CASE("lesions at a whole region or a coarse class are counted as areas, not markers", "[markers]") {
  la::Dataset d;
  d.cases.push_back(caseWith("R", {lesion("lower-limb", la::Side::None)}));
  d.cases.push_back(caseWith("C", {lesion("anterior-torso", la::Side::None)}));
  const std::vector<const la::Case*> all{&d.cases[0], &d.cases[1]};
  const la::MarkerLayout L = la::layoutMarkers(d, all, catalog(), flatMap(), 0.01);
  CHECK(L.markers.empty());
  CHECK(L.lesionsAsRegions == 2);
  CHECK(L.regionCounts.at("lower-limb") == 1);
  CHECK(L.regionCounts.at("anterior-torso") == 1);
}

TEST_CASE("every placeable catalog site has a proportion (its own or a parent's)", "[sites]") {
  for (const la::Site& s : catalog().sites()) {
    if (s.coarse || s.id == "unspecified" || s.id == "other") continue;
    bool found = false;
    for (const la::Site* p = &s; p && !found; p = p->parent.empty() ? nullptr : catalog().byId(p->parent))
      found = la::siteProportion(p->id).has_value();
    INFO(s.id);
    CHECK(found);
  }
  // A few anatomical sanity checks of the table itself.
  CHECK(la::siteProportion("scalp")->height > la::siteProportion("neck")->height);
  CHECK(la::siteProportion("knee")->height < la::siteProportion("thigh")->height);
  CHECK(la::siteProportion("great-toe")->height < 0.05);
}

TEST_CASE("the condition text ships and lists the differentials", "[content]") {
  const la::ContentInfo c = la::loadContent(la::test::sourcePath("assets/content/calcinosis-cutis.json"));
  CHECK(c.condition == "Calcinosis cutis");
  CHECK(c.differentials.size() >= 7);
  CHECK(std::find(c.differentials.begin(), c.differentials.end(), "Pilomatricoma") != c.differentials.end());
  CHECK(c.histology.find("von Kossa") != std::string::npos);
}

// Scene files, the JSON form of the view model: round trips, version 1, and bad values.
#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/scene_file.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Every value a scene can hold, set away from its default (written by hand, not by the writer).
const char* kEveryField = R"({
  "version": 2,
  "tables": [{"path": "tables/ham.csv", "mapping": "ham10000", "sha256": "ab12"}, {"path": "built-in"}],
  "body": "female",
  "figures": "one",
  "mesh_include": ["body*"],
  "mesh_exclude": ["helper-*", "joint-*"],
  "filter": {"subtypes": ["dystrophic", "idiopathic"], "sex": "F", "age": "0.5-2", "age_mode": "inside",
             "include_unknown_age": true, "year": "2000-2020", "site": "hallux", "ossification": "yes",
             "variant": "milia-like"},
  "mode": "choropleth",
  "count": "patients",
  "color_by": "variant",
  "rare_max": 3,
  "camera": {"preset": "three-quarter", "position": [1.5, 2.25, 3.0], "focal_point": [0.0, 1.0, 0.0],
             "view_up": [0.0, 1.0, 0.0], "view_angle": 25.0, "zoom": 1.5},
  "background": [0.1, 0.2, 0.3],
  "skin_color": [0.9, 0.8, 0.7],
  "title": "Milia-like calcinosis in infants",
  "caption": "Lecture 3, slide 12",
  "legend": false,
  "markers": false,
  "highlight": "CC000"
})";

const char* kCompare = R"({
  "version": 2,
  "body": "male",
  "compare": {"a": {"label": "children", "filter": {"age": "0-17", "age_mode": "inside"}},
              "b": {"label": "adults", "filter": {"age": "18-120", "variant": "scrotal"}}},
  "mode": "markers",
  "camera": {"preset": "front"}
})";

// Every key/value the input gave appears in the output with the same value (objects recursively).
void checkKept(const json& in, const json& out, const std::string& path) {
  for (const auto& [k, v] : in.items()) {
    INFO(path + "." + k);
    if (k == "version") continue;
    REQUIRE(out.contains(k));
    if (v.is_object()) checkKept(v, out[k], path + "." + k);
    else if (v.is_array() && !v.empty() && v[0].is_object())
      for (size_t i = 0; i < v.size(); ++i) checkKept(v[i], out[k][i], path + "." + k + "[" + std::to_string(i) + "]");
    else CHECK(out[k] == v);
  }
}

}  // namespace

TEST_CASE("scene: every field set is written back as the file gave it", "[scene]") {
  const std::string once = la::serializeScene(la::parseScene(kEveryField, "every.json"));
  checkKept(json::parse(kEveryField), json::parse(once), "");
  // Printing the print gives the same bytes.
  CHECK(la::serializeScene(la::parseScene(once, "once.json")) == once);
  const la::ViewModel vm = la::parseScene(kEveryField, "every.json");
  REQUIRE(vm.filter.age);
  CHECK(vm.filter.age->min == 0.5);
  CHECK(vm.filter.age->max == 2);
  CHECK(vm.filter.site == "hallux");  // a synonym stays a synonym
  CHECK(vm.mode == la::ViewMode::Choropleth);
  CHECK(vm.count == la::CountUnit::Patients);
  CHECK(vm.colorBy == la::ColorBy::Variant);
  CHECK(vm.tables.size() == 2);
}

TEST_CASE("scene: both compare filters survive a round trip", "[scene]") {
  const std::string once = la::serializeScene(la::parseScene(kCompare, "cmp.json"));
  checkKept(json::parse(kCompare), json::parse(once), "");
  CHECK(la::serializeScene(la::parseScene(once, "once.json")) == once);
  const la::ViewModel vm = la::parseScene(kCompare, "cmp.json");
  REQUIRE(vm.compare);
  CHECK((*vm.compare)[0].label == "children");
  CHECK((*vm.compare)[1].filter.variant == "scrotal");
  CHECK((*vm.compare)[0].filter.ageMode == la::AgeMode::Inside);
}

TEST_CASE("scene: every shipped scene is in its saved form (open and save changes nothing)", "[scene]") {
  size_t n = 0;
  for (const auto& dir : {la::test::sourcePath("scenes"), la::test::sourcePath("scenes/playlists")}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() != ".json" || dir.find("playlists") != std::string::npos) continue;
      INFO(e.path().string());
      const std::string text = la::readFile(e.path());
      const la::ViewModel vm = la::parseScene(text, e.path().string());
      CHECK_NOTHROW(la::validateScene(vm, la::test::catalog(), e.path().string()));
      CHECK(la::serializeScene(vm) == text);
      ++n;
    }
  }
  CHECK(n >= 4);
}

TEST_CASE("scene: version 1 files are read and saved as version 2", "[scene]") {
  const char* v1 = R"({"version": 1, "body": "male", "camera": {"preset": "back"},
                       "title": "Calcinosis cutis: reported sites, back view",
                       "filter": {"age": "0-17", "age_mode": "inside", "variant": "scrotal"}, "legend": true})";
  const json out = json::parse(la::serializeScene(la::parseScene(v1, "v1.json")));
  CHECK(out["version"] == 2);
  CHECK(out["camera"]["preset"] == "back");
  CHECK(out["filter"]["variant"] == "scrotal");
  CHECK(out["filter"]["age"] == "0-17");
  CHECK(out["mode"] == "markers");
  CHECK_FALSE(out.contains("tables"));  // no tables: the built-in dataset
}

TEST_CASE("scene: bad values name the file, the field and the reason", "[scene][errors]") {
  using Catch::Contains;
  auto bad = [](const char* text) { return la::parseScene(text, "s.json"); };
  CHECK_THROWS_WITH(bad("{\n\"body\": \"male\",,\n}"), Catch::StartsWith("s.json:2: not valid JSON"));
  CHECK_THROWS_WITH(bad("[1,2]"), Contains("must be a JSON object"));
  CHECK_THROWS_WITH(bad(R"({"camera": {"preset": "sideways"}})"), Contains("s.json: camera.preset: unknown view 'sideways'"));
  CHECK_THROWS_WITH(bad(R"({"background": [1, 2]})"), Contains("background: expected an array of 3"));
  CHECK_THROWS_WITH(bad(R"({"background": [0, 0, 2]})"), Contains("within 0..1"));
  CHECK_THROWS_WITH(bad(R"({"version": 99})"), Contains("newer than this program reads"));
  CHECK_THROWS_WITH(bad(R"({"filter": {"subtypes": ["calcific"]}})"), Contains("filter.subtypes: unknown subtype 'calcific'"));
  CHECK_THROWS_WITH(bad(R"({"filter": {"age": "50-20"}})"), Contains("filter.age"));
  CHECK_THROWS_WITH(bad(R"({"filter": {"sex": "X"}})"), Contains("filter.sex"));
  CHECK_THROWS_WITH(bad(R"({"filter": {"year": "1500-1600"}})"), Contains("filter.year"));
  CHECK_THROWS_WITH(bad(R"({"mode": "heatmap"})"), Contains("s.json: mode: unknown value 'heatmap'"));
  CHECK_THROWS_WITH(bad(R"({"figures": "three"})"), Contains("s.json: figures: unknown value 'three'"));
  CHECK_THROWS_WITH(bad(R"({"compare": {"a": {"label": "x"}}})"), Contains("s.json: compare.b: missing"));
  CHECK_THROWS_WITH(bad(R"({"compare": {"a": {}, "b": {}}, "figures": "both"})"), Contains("compare"));
  CHECK_THROWS_WITH(bad(R"({"colour": "red"})"), Contains("s.json: colour: unknown key"));
  CHECK_THROWS_WITH(bad(R"({"filter": {"sites": "foot"}})"), Contains("filter.sites: unknown key"));
  CHECK_THROWS_WITH(bad(R"({"rare_max": -1})"), Contains("rare_max"));
  CHECK_THROWS_WITH(la::loadScene("/nonexistent/view.json"), Contains("/nonexistent/view.json"));
  // The site needs the catalog: checked by validateScene.
  const la::ViewModel vm = bad(R"({"compare": {"a": {"filter": {"site": "foot"}}, "b": {"filter": {"site": "elbw"}}}})");
  CHECK_THROWS_WITH(la::validateScene(vm, la::test::catalog(), "s.json"),
                    Contains("s.json: compare.b.filter.site: unknown site 'elbw'"));
}

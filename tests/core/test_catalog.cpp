// The site catalog: hierarchy, synonyms, and the tokens the dataset uses.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "core/site_catalog.hpp"
#include "core/site_listing.hpp"
#include "test_support.hpp"

using la::test::catalog;

TEST_CASE("catalog: every site token of the calcinosis README resolves to its own id", "[catalog]") {
  // The list "Site tokens used in sites" of ../shared/data/README.md.
  const char* tokens[] = {"scalp", "face", "ear", "neck", "head-neck-other", "axilla", "chest", "breast", "abdomen",
                          "back", "iliac-region", "buttock", "scrotum", "penis", "vulva", "perineum", "upper-arm",
                          "shoulder", "elbow", "forearm", "hand", "finger", "hip", "thigh", "knee", "leg", "ankle",
                          "foot", "heel", "toe", "great-toe", "sole", "inguinal", "other"};
  for (const char* t : tokens) {
    INFO(t);
    const la::Site* s = catalog().find(t);
    REQUIRE(s != nullptr);
    CHECK(s->id == t);
  }
}

TEST_CASE("catalog: regions and the sites issue 4 asks for", "[catalog]") {
  for (const char* r : {"head-and-neck", "trunk", "upper-limb", "lower-limb", "genital-perineal", "unspecified"}) {
    INFO(r);
    REQUIRE(catalog().byId(r));
    CHECK(catalog().byId(r)->parent.empty());
  }
  const std::pair<const char*, const char*> placed[] = {
      {"forehead", "face"},         {"eyelid", "face"},          {"eyebrow", "face"},
      {"nose", "face"},             {"cheek", "face"},           {"lip", "face"},
      {"chin", "face"},             {"preauricular", "face"},    {"face", "head-and-neck"},
      {"palm", "hand"},             {"dorsum-of-hand", "hand"},  {"finger", "hand"},
      {"thumb", "hand"},            {"umbilical-region", "abdomen"}, {"flank", "abdomen"},
      {"upper-back", "back"},       {"lower-back", "back"},      {"anterior-thigh", "thigh"},
      {"posterior-thigh", "thigh"}, {"medial-thigh", "thigh"},   {"lateral-thigh", "thigh"},
      {"shin", "leg"},              {"calf", "leg"},             {"dorsum-of-foot", "foot"},
      {"sole", "foot"},             {"heel", "foot"},            {"great-toe", "toe"},
      {"toe", "foot"},              {"scrotum", "genital-perineal"}, {"perineum", "genital-perineal"},
      {"wrist", "upper-limb"},      {"inguinal", "trunk"},       {"iliac-region", "trunk"}};
  for (const auto& [id, parent] : placed) {
    INFO(id);
    REQUIRE(catalog().byId(id));
    CHECK(catalog().byId(id)->parent == parent);
  }
}

TEST_CASE("catalog: synonyms match free text ignoring case and blanks", "[catalog]") {
  const std::pair<const char*, const char*> syn[] = {
      {"gluteal region", "buttock"}, {"Pinna", "ear"},           {"helix", "ear"},
      {"auricle", "ear"},            {"upper eyelid", "eyelid"}, {"HALLUX", "great-toe"},
      {"groin", "inguinal"},         {"supraclavicular", "neck"}, {"sternum", "chest"},
      {"nasal dorsum", "nose"},      {"heel-prick site", "heel"}, {"  big toe ", "great-toe"},
      {"Great toe", "great-toe"},    {"great_toe", "great-toe"}, {"anterior torso", "anterior-torso"},
      {"head/neck", "head-and-neck"}, {"lower extremity", "lower-limb"}};
  for (const auto& [text, id] : syn) {
    INFO(text);
    REQUIRE(catalog().find(text));
    CHECK(catalog().find(text)->id == id);
  }
  CHECK(catalog().find("elbw") == nullptr);
}

TEST_CASE("catalog: a site includes its descendants", "[catalog]") {
  const auto& c = catalog();
  CHECK(c.isWithin("great-toe", "foot"));
  CHECK(c.isWithin("great-toe", "lower-limb"));
  CHECK(c.isWithin("heel", "foot"));
  CHECK(c.isWithin("foot", "foot"));
  CHECK_FALSE(c.isWithin("foot", "great-toe"));
  CHECK_FALSE(c.isWithin("hand", "foot"));
  const auto d = c.descendantsOf("foot");
  CHECK(std::find(d.begin(), d.end(), "great-toe") != d.end());
  CHECK(std::find(d.begin(), d.end(), "sole") != d.end());
  CHECK(std::find(d.begin(), d.end(), "ankle") == d.end());
  CHECK(c.regionOf("great-toe") == "lower-limb");
  CHECK(c.regionOf("eyelid") == "head-and-neck");
}

TEST_CASE("catalog: coarse classes are regions, not points", "[catalog]") {
  for (const char* id : {"anterior-torso", "posterior-torso", "lateral-torso", "palms-soles", "oral-genital", "acral"}) {
    INFO(id);
    const la::Site* s = catalog().byId(id);
    REQUIRE(s);
    CHECK(s->coarse);
    CHECK_FALSE(s->covers.empty());
    for (const auto& cov : s->covers) CHECK(catalog().byId(cov));
  }
  CHECK(catalog().isWithin("anterior-torso", "trunk"));
  // A coarse torso class is not a child of a precise site: --site chest must not pick it up.
  CHECK_FALSE(catalog().isWithin("anterior-torso", "chest"));
}

TEST_CASE("catalog: ids are unique kebab-case and names are set", "[catalog]") {
  std::set<std::string> ids;
  for (const auto& s : catalog().sites()) {
    INFO(s.id);
    CHECK(ids.insert(s.id).second);
    CHECK(la::normalizeSiteKey(s.id) == s.id);
    CHECK(s.id.find(' ') == std::string::npos);
    CHECK_FALSE(s.name.empty());
  }
  CHECK(ids.size() >= 60);
}

TEST_CASE("catalog: loader rejects duplicate keys, unknown parents and cycles", "[catalog]") {
  using la::SiteCatalog;
  CHECK_THROWS_WITH(SiteCatalog::fromJsonText(R"({"sites":[{"id":"a","name":"A"},{"id":"a","name":"B"}]})", "t.json"),
                    Catch::Contains("t.json") && Catch::Contains("duplicate id 'a'"));
  CHECK_THROWS_WITH(SiteCatalog::fromJsonText(
                        R"({"sites":[{"id":"a","name":"A","synonyms":["x"]},{"id":"b","name":"B","synonyms":["X"]}]})",
                        "t.json"),
                    Catch::Contains("'X' of site 'b' already names site 'a'"));
  CHECK_THROWS_WITH(SiteCatalog::fromJsonText(R"({"sites":[{"id":"a","name":"A","parent":"zz"}]})", "t.json"),
                    Catch::Contains("unknown parent 'zz'"));
  CHECK_THROWS_WITH(
      SiteCatalog::fromJsonText(R"({"sites":[{"id":"a","name":"A","parent":"b"},{"id":"b","name":"B","parent":"a"}]})",
                                "t.json"),
      Catch::Contains("cycle"));
  CHECK_THROWS_WITH(SiteCatalog::fromJsonText("{not json", "t.json"), Catch::Contains("not valid JSON"));
  CHECK_THROWS_WITH(SiteCatalog::load("/nonexistent/sites.json"), Catch::Contains("/nonexistent/sites.json"));
}

TEST_CASE("sites listing: JSON has id, name, parent, sided, synonyms; anchors come from a provider", "[catalog]") {
  const auto j = la::sitesToJson(catalog());
  REQUIRE(j["sites"].size() == catalog().sites().size());
  for (const auto& s : j["sites"]) {
    CHECK(s.contains("id"));
    CHECK(s.contains("name"));
    CHECK(s.contains("parent"));
    CHECK(s.contains("sided"));
    CHECK(s["synonyms"].is_array());
    CHECK_FALSE(s.contains("anchors"));
  }
  la::SiteAnchor toe;
  toe.site = "great-toe";
  toe.side = "left";
  toe.position = {0.1, 0.0, 0.2};
  toe.normal = {0, 0, 1};
  la::AnchorsProvider fake = [&toe](const la::Site& s) {
    std::vector<const la::SiteAnchor*> v;
    if (s.id == "great-toe") v.push_back(&toe);
    return v;
  };
  const auto withAnchors = la::sitesToJson(catalog(), &fake);
  for (const auto& s : withAnchors["sites"]) {
    REQUIRE(s.contains("anchors"));
    if (s["id"] == "great-toe") {
      REQUIRE(s["anchors"].size() == 1);
      CHECK(s["anchors"][0]["side"] == "left");
      CHECK(s["anchors"][0]["position"][2] == Approx(0.2));
    }
  }
  const std::string text = la::sitesToText(catalog());
  CHECK(text.find("great-toe") != std::string::npos);
  CHECK(text.find("hallux") != std::string::npos);
}

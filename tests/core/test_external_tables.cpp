// The shipped mappings on the real public tables in ../shared/external (test input only, never
// copied into the repo). Expected counts were computed independently with a throwaway python3
// script (csv.DictReader over each file, each site word looked up in the mapping's value map,
// collections.Counter over the results; patients = len(set(patient_id))), and agree with the
// inventories in ../shared/external/SOURCES.md.
#include <catch2/catch.hpp>

#include <map>

#include "core/case_stats.hpp"
#include "core/column_mapping.hpp"
#include "core/importer.hpp"
#include "test_support.hpp"

#ifdef LA_SHARED_DIR
namespace {

la::ImportResult load(const std::string& file, const std::string& mappingId) {
  const auto m = la::ColumnMapping::load(la::test::sourcePath("assets/mappings/" + mappingId + ".json"));
  return la::importFile(std::string(LA_SHARED_DIR) + "/external/" + file, &m, la::test::catalog());
}

la::CaseStats statsOf(const la::ImportResult& r) {
  std::vector<const la::Case*> all;
  for (const auto& c : r.data.cases) all.push_back(&c);
  return la::computeStats(all);
}

}  // namespace

TEST_CASE("external: PAD-UFES-20 site counts", "[external][shared]") {
  const auto r = load("pad_ufes_20_metadata.csv", "pad-ufes-20");
  REQUIRE(r.ok);
  CHECK(r.problems.empty());
  CHECK(r.loaded == 2298);
  const auto s = statsOf(r);
  const std::map<std::string, size_t> expected = {
      {"abdomen", 36}, {"back", 248}, {"chest", 280}, {"ear", 73},    {"face", 570},   {"foot", 16},  {"forearm", 392},
      {"hand", 126},   {"lip", 23},   {"neck", 93},   {"nose", 158},  {"scalp", 18},   {"thigh", 73}, {"upper-arm", 192}};
  CHECK(s.bySite == expected);
  CHECK(s.lesions == 2298);
  CHECK(s.patients == 1373);  // distinct patient_id
  CHECK(r.data.tables[0].licence == "CC BY 4.0");
  CHECK_FALSE(r.data.tables[0].nonCommercial);
}

TEST_CASE("external: HAM10000, both layouts, same site counts", "[external][shared]") {
  const std::map<std::string, size_t> expected = {
      {"abdomen", 1022}, {"acral", 7},        {"back", 2192}, {"chest", 407},   {"ear", 56},
      {"face", 745},     {"foot", 319},       {"genital-perineal", 48},         {"hand", 90},
      {"lower-limb", 2077}, {"neck", 168},    {"scalp", 128}, {"trunk", 1404},  {"unspecified", 234},
      {"upper-limb", 1118}};
  // Dataverse: 8 columns, CRLF, no final newline. Kaggle: 7 columns, float ages ("80.0").
  for (const char* file : {"ham10000_metadata_dataverse.csv", "ham10000_metadata_kaggle.csv"}) {
    INFO(file);
    const auto r = load(file, "ham10000");
    REQUIRE(r.ok);
    CHECK(r.problems.empty());
    CHECK(r.loaded == 10015);
    const auto s = statsOf(r);
    CHECK(s.bySite == expected);
    CHECK(s.bySex.at("M") == 5406);
    CHECK(s.bySex.at("F") == 4552);
    CHECK(s.bySex.at("unknown") == 57);
    CHECK(s.byAgeBand.at("unknown") == 57);  // 57 empty ages
    CHECK(r.data.tables[0].nonCommercial);
    // The last row (no final newline in the Dataverse copy) is read whole.
    CHECK(r.data.cases.back().id == "ISIC_0032258");
    CHECK(r.data.cases.back().age.years == 70);
  }
}

TEST_CASE("external: ISIC 2019 and 2020 coarse classes map to regions", "[external][shared]") {
  const auto r19 = load("ISIC_2019_Training_Metadata.csv", "isic-2019");
  REQUIRE(r19.ok);
  CHECK(r19.problems.empty());
  const std::map<std::string, size_t> e19 = {{"anterior-torso", 6915}, {"lower-limb", 4990}, {"head-and-neck", 4587},
                                             {"upper-limb", 2910},     {"posterior-torso", 2787}, {"unspecified", 2631},
                                             {"palms-soles", 398},     {"oral-genital", 59},  {"lateral-torso", 54}};
  CHECK(statsOf(r19).bySite == e19);
  const auto r20 = load("ISIC_2020_Training_GroundTruth.csv", "isic-2020");
  REQUIRE(r20.ok);
  CHECK(r20.problems.empty());
  const auto s20 = statsOf(r20);
  const std::map<std::string, size_t> e20 = {{"trunk", 16845}, {"lower-limb", 8417}, {"upper-limb", 4983},
                                             {"head-and-neck", 1855}, {"unspecified", 527}, {"palms-soles", 375},
                                             {"oral-genital", 124}};
  CHECK(s20.bySite == e20);
  CHECK(s20.patients == 2056);
  for (const auto& [id, n] : e19) {
    (void)n;
    const la::Site* s = la::test::catalog().byId(id);
    REQUIRE(s);
    CHECK((s->coarse || s->region));  // drawn as a region, never as a point
  }
}
#endif

TEST_CASE("mappings: every shipped mapping loads and maps to catalog ids", "[mapping]") {
  for (const char* id : {"pad-ufes-20", "ham10000", "isic-2019", "isic-2020"}) {
    INFO(id);
    const auto m = la::ColumnMapping::load(la::test::sourcePath(std::string("assets/mappings/") + id + ".json"));
    CHECK(m.id == id);
    CHECK_FALSE(m.name.empty());
    CHECK_FALSE(m.licence.empty());
    CHECK_FALSE(m.attribution.empty());
    REQUIRE(m.values.count("site"));
    for (const auto& [from, to] : m.values.at("site")) {
      INFO(from);
      CHECK(la::test::catalog().byId(to));
    }
  }
}

// The shipped mappings on the real public tables in ../shared/external (test input only, never
// copied into the repo). Totals (lesions, patients, images) are counted here from the raw rows by a
// few lines of CSV reading of the test's own (the tables have no quoted fields; checked). Site and
// sex maps were computed with a throwaway python3 script: csv.DictReader over each file, each site
// word through the mapping's value map, a lesion keyed by lesion_id (HAM) or (patient_id,
// lesion_id) (PAD) and counted once at each site its images name (an unspecified image adds no
// site to a lesion with a named one), collections.Counter over the results. Row-level maps agree
// with the inventories in ../shared/external/SOURCES.md.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/case_stats.hpp"
#include "core/column_mapping.hpp"
#include "core/importer.hpp"
#include "test_support.hpp"

#ifdef LA_SHARED_DIR
namespace {

std::string externalPath(const std::string& file) { return std::string(LA_SHARED_DIR) + "/external/" + file; }

la::ImportResult load(const std::string& file, const std::string& mappingId) {
  const auto m = la::ColumnMapping::load(la::test::sourcePath("assets/mappings/" + mappingId + ".json"));
  return la::importFile(externalPath(file), &m, la::test::catalog());
}

// Counted from the dataset's index (as the window and `stats` count), and checked against
// counting the same cases as a plain list.
la::CaseStats statsOf(const la::ImportResult& r) {
  std::vector<const la::Case*> all;
  for (const auto& c : r.data.cases) all.push_back(&c);
  const auto s = la::computeStats(r.data, all);
  CHECK(la::statsToJson(s) == la::statsToJson(la::computeStats(all)));
  return s;
}

// The raw rows, split at commas: enough for these tables, which have no quoted field.
struct RawCsv {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  size_t col(const std::string& name) const {
    for (size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    FAIL("no column " << name);
    return 0;
  }
  size_t distinct(std::initializer_list<const char*> cols) const {
    std::set<std::string> keys;
    for (const auto& r : rows) {
      std::string k;
      for (const char* c : cols) k += r[col(c)] + '\n';
      keys.insert(k);
    }
    return keys.size();
  }
};

RawCsv readRaw(const std::string& file) {
  std::ifstream in(externalPath(file), std::ios::binary);
  REQUIRE(in);
  RawCsv t;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    REQUIRE(line.find('"') == std::string::npos);
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) f.push_back(cell);
    if (line.back() == ',') f.emplace_back();
    if (t.header.empty()) t.header = f;
    else t.rows.push_back(f);
  }
  return t;
}

const la::Case& caseById(const la::ImportResult& r, const std::string& id) {
  for (const auto& c : r.data.cases)
    if (c.id == id) return c;
  FAIL("no case " << id);
  throw;
}

}  // namespace

TEST_CASE("external: PAD-UFES-20 counts lesions as (patient, lesion) pairs", "[external][shared]") {
  const auto raw = readRaw("pad_ufes_20_metadata.csv");
  const auto r = load("pad_ufes_20_metadata.csv", "pad-ufes-20");
  REQUIRE(r.ok);
  CHECK(r.problems.empty());
  CHECK(r.loaded == raw.rows.size());
  const auto s = statsOf(r);
  CHECK(raw.distinct({"patient_id", "lesion_id"}) == 1891);
  CHECK(raw.distinct({"lesion_id"}) == 1641);  // lesion_id alone is reused across patients
  CHECK(s.cases == 1891);
  CHECK(s.lesions == 1891);
  CHECK(s.patients == raw.distinct({"patient_id"}));
  CHECK(s.patients == 1373);
  CHECK(s.images == raw.rows.size());
  CHECK(s.images == 2298);
  CHECK(s.siteUnit == la::CountUnit::Lesions);
  CHECK(s.personUnit == la::CountUnit::Patients);
  const std::map<std::string, size_t> lesionsBySite = {
      {"abdomen", 30}, {"back", 192}, {"chest", 215}, {"ear", 63},    {"face", 481},
      {"foot", 13},    {"forearm", 338}, {"hand", 107}, {"lip", 20},  {"neck", 71},
      {"nose", 128},   {"scalp", 18},  {"thigh", 62},  {"upper-arm", 153}};
  CHECK(s.bySite == lesionsBySite);
  const std::map<std::string, size_t> patientsBySex = {{"F", 416}, {"M", 378}, {"unknown", 579}};
  CHECK(s.bySex == patientsBySex);
  // Lesion 1867 of PAT_1545 (face, one image) is not lesion 1867 of PAT_995 (thigh, two images).
  const auto& a = caseById(r, "PAT_1545/1867");
  const auto& b = caseById(r, "PAT_995/1867");
  REQUIRE(a.lesions.size() == 1);
  REQUIRE(b.lesions.size() == 1);
  CHECK(a.lesions[0].siteId == "face");
  CHECK(b.lesions[0].siteId == "thigh");
  CHECK(a.nImages == 1);
  CHECK(b.nImages == 2);
  CHECK(r.data.tables[0].licence == "CC BY 4.0");
  CHECK_FALSE(r.data.tables[0].nonCommercial);
}

TEST_CASE("external: HAM10000, both layouts: 7,470 lesions, patients not stated", "[external][shared]") {
  const std::map<std::string, size_t> lesionsBySite = {
      {"abdomen", 822}, {"acral", 3},   {"back", 1534}, {"chest", 240}, {"ear", 35},        {"face", 470},
      {"foot", 228},    {"genital-perineal", 45},       {"hand", 64},   {"lower-limb", 1584}, {"neck", 119},
      {"scalp", 78},    {"trunk", 1271}, {"unspecified", 203},           {"upper-limb", 776}};
  // Dataverse: 8 columns, CRLF, no final newline. Kaggle: 7 columns, float ages ("80.0").
  for (const char* file : {"ham10000_metadata_dataverse.csv", "ham10000_metadata_kaggle.csv"}) {
    INFO(file);
    const auto raw = readRaw(file);
    const auto r = load(file, "ham10000");
    REQUIRE(r.ok);
    CHECK(r.loaded == raw.rows.size());
    const auto s = statsOf(r);
    CHECK(raw.distinct({"lesion_id"}) == 7470);
    CHECK(s.cases == 7470);
    CHECK(s.lesions == 7470);
    CHECK_FALSE(s.patients.has_value());  // the table has no patient id
    CHECK(s.images == raw.rows.size());
    CHECK(s.images == 10015);
    CHECK(s.bySite == lesionsBySite);
    size_t sum = 0;
    for (const auto& [site, n] : s.bySite) sum += n;
    CHECK(sum == 7472);  // two lesions are counted at two sites each
    // No patients to count: sex is counted per case (lesion).
    CHECK(s.personUnit == la::CountUnit::Cases);
    CHECK(s.bySex == std::map<std::string, size_t>{{"F", 3419}, {"M", 4001}, {"unknown", 50}});
    const auto j = la::statsToJson(s);
    CHECK(j["patients"].is_null());
    CHECK(j["lesions"] == 7470);
    CHECK(j["images"] == 10015);
    CHECK(j["units"]["by_sex"] == "cases");
    CHECK(j["units"]["by_site"] == "lesions");
    // The two lesions imaged at two sites: one lesion each, with both sites and one warning.
    REQUIRE(r.problems.size() == 2);
    for (const auto& p : r.problems) {
      CHECK(p.severity == la::Severity::Warning);
      CHECK(p.field == "localization");
      CHECK(p.reason.find("'trunk' differs from") != std::string::npos);
    }
    CHECK(r.problems[0].format() ==
          externalPath(file) + ":2010: localization: lesion 'HAM_0001726' (first image on line 1249): site 'trunk' "
                               "differs from 'back'; one lesion, counted at each of its sites");
    const auto& chest = caseById(r, "HAM_0000871");
    REQUIRE(chest.lesions.size() == 2);
    CHECK(chest.lesions[0].siteId == "chest");
    CHECK(chest.lesions[0].nImages == 2);
    CHECK(chest.lesions[1].siteId == "trunk");
    CHECK(chest.lesions[1].nImages == 1);
    CHECK(chest.nImages == 3);
    CHECK(chest.lesionCount() == 1);
    CHECK(r.data.tables[0].nonCommercial);
    // The last row (no final newline in the Dataverse copy) is read whole: it is the second image
    // of HAM_0003521 (the first is on line 1375).
    const auto& last = caseById(r, "HAM_0003521");
    CHECK(last.nImages == 2);
    CHECK(last.line == 1375);
    CHECK(last.age.years == 70);
  }
}

TEST_CASE("external: ISIC 2020 counts patients and images, lesions not stated", "[external][shared]") {
  const auto raw = readRaw("ISIC_2020_Training_GroundTruth.csv");
  const auto r = load("ISIC_2020_Training_GroundTruth.csv", "isic-2020");
  REQUIRE(r.ok);
  CHECK(r.problems.empty());
  const auto s = statsOf(r);
  CHECK(s.patients == raw.distinct({"patient_id"}));
  CHECK(s.patients == 2056);
  CHECK(s.images == 33126);
  CHECK(s.cases == 33126);  // no lesion id: a case is one image
  CHECK_FALSE(s.lesions.has_value());
  CHECK(s.siteUnit == la::CountUnit::Images);
  CHECK(s.personUnit == la::CountUnit::Patients);
  const std::map<std::string, size_t> imagesBySite = {
      {"trunk", 16845},      {"lower-limb", 8417}, {"upper-limb", 4983},  {"head-and-neck", 1855},
      {"unspecified", 527}, {"palms-soles", 375}, {"oral-genital", 124}};
  CHECK(s.bySite == imagesBySite);
  CHECK(la::describeCounts(s) == "33126 cases, 2056 patients, lesions not stated, 33126 images");
}

TEST_CASE("external: ISIC 2019 groups the images that name a lesion", "[external][shared]") {
  const auto raw = readRaw("ISIC_2019_Training_Metadata.csv");
  const auto r = load("ISIC_2019_Training_Metadata.csv", "isic-2019");
  REQUIRE(r.ok);
  // Lesions whose images disagree, counted from the raw rows: one warning per lesion and field.
  std::map<std::string, std::set<std::string>> ages, sexes, sites;
  size_t withoutLesion = 0;
  for (const auto& row : raw.rows) {
    const std::string& id = row[raw.col("lesion_id")];
    if (id.empty()) {
      ++withoutLesion;
      continue;
    }
    if (!row[raw.col("age_approx")].empty()) ages[id].insert(row[raw.col("age_approx")]);
    if (!row[raw.col("sex")].empty()) sexes[id].insert(row[raw.col("sex")]);
    if (!row[raw.col("anatom_site_general")].empty()) sites[id].insert(row[raw.col("anatom_site_general")]);
  }
  auto disagreeing = [](const std::map<std::string, std::set<std::string>>& m) {
    size_t n = 0;
    for (const auto& [id, values] : m) n += values.size() > 1;
    return n;
  };
  std::map<std::string, size_t> warnings;
  for (const auto& p : r.problems) {
    CHECK(p.severity == la::Severity::Warning);
    ++warnings[p.field];
  }
  CHECK(warnings["age_approx"] == disagreeing(ages));  // 16
  CHECK(warnings["sex"] == disagreeing(sexes));        // 1
  CHECK(warnings["anatom_site_general"] == disagreeing(sites));  // 2
  const auto s = statsOf(r);
  CHECK(s.cases == raw.distinct({"lesion_id"}) - 1 + withoutLesion);  // the empty id is no lesion
  CHECK(s.images == 25331);
  CHECK_FALSE(s.lesions.has_value());   // 2,084 images name no lesion
  CHECK_FALSE(s.patients.has_value());  // no patient id
  CHECK(s.siteUnit == la::CountUnit::Images);
  const std::map<std::string, size_t> imagesBySite = {
      {"anterior-torso", 6915}, {"lower-limb", 4990}, {"head-and-neck", 4587}, {"upper-limb", 2910},
      {"posterior-torso", 2787}, {"unspecified", 2631}, {"palms-soles", 398}, {"oral-genital", 59},
      {"lateral-torso", 54}};
  CHECK(s.bySite == imagesBySite);
  for (const auto& [id, n] : imagesBySite) {
    (void)n;
    const la::Site* site = la::test::catalog().byId(id);
    REQUIRE(site);
    CHECK((site->coarse || site->region));  // drawn as a region, never as a point
  }
}
#endif

TEST_CASE("mappings: every shipped mapping loads, maps to catalog ids and names its image column", "[mapping]") {
  for (const char* id : {"pad-ufes-20", "ham10000", "isic-2019", "isic-2020"}) {
    INFO(id);
    const auto m = la::ColumnMapping::load(la::test::sourcePath(std::string("assets/mappings/") + id + ".json"));
    CHECK(m.id == id);
    CHECK_FALSE(m.name.empty());
    CHECK_FALSE(m.licence.empty());
    CHECK_FALSE(m.attribution.empty());
    CHECK(m.has("image"));
    CHECK_FALSE(m.has("id"));
    REQUIRE(m.values.count("site"));
    for (const auto& [from, to] : m.values.at("site")) {
      INFO(from);
      CHECK(la::test::catalog().byId(to));
    }
  }
}

// The shipped calcinosis dataset (assets/data) against the verified CSV (../shared/data),
// field by field, and the facts its README states.
#include <catch2/catch.hpp>

#include <fstream>
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/case_stats.hpp"
#include "core/csv_reader.hpp"
#include "core/importer.hpp"
#include "test_support.hpp"

namespace {

const la::ImportResult& shipped() {
  static const la::ImportResult r =
      la::importFile(la::test::sourcePath("assets/data/calcinosis_cases.csv"), nullptr, la::test::catalog());
  return r;
}

const la::Case& byId(const std::string& id) {
  for (const auto& c : shipped().data.cases)
    if (c.id == id) return c;
  FAIL("no case " << id);
  throw;
}

#ifdef LA_SHARED_DIR
std::string optNumber(bool has, double v) { return has ? la::formatNumber(v) : std::string{}; }
#endif

}  // namespace

TEST_CASE("dataset: the shipped file loads without a single problem", "[dataset]") {
  const auto& r = shipped();
  for (const auto& p : r.problems) UNSCOPED_INFO(p.format());
  REQUIRE(r.ok);
  CHECK(r.problems.empty());
  CHECK(r.loaded == 67);
  CHECK(r.skipped == 0);
  int patients = 0;
  for (const auto& c : r.data.cases) patients += c.nPatients;
  CHECK(patients == 128);
}

TEST_CASE("dataset: README facts (sex, age, subtype counts in patients)", "[dataset]") {
  std::vector<const la::Case*> all;
  for (const auto& c : shipped().data.cases) all.push_back(&c);
  const auto s = la::computeStats(all);
  CHECK(s.cases == 67);
  CHECK(s.patients == 128);
  CHECK(s.bySex.at("unknown") == 59);   // "59 patients have no stated sex"
  CHECK(s.byAgeBand.at("unknown") == 40);  // "40 no stated age"
  CHECK(s.bySubtype.at("idiopathic") == 75);  // "34 rows are idiopathic (75 patients)"
  size_t idiopathicRows = 0;
  for (const auto* c : all) idiopathicRows += c->subtype == la::Subtype::Idiopathic;
  CHECK(idiopathicRows == 34);
  // 113 = number of ';'-separated tokens in the `sites` column (python3 csv module, counted once
  // when this test was written).
  CHECK(s.lesions == 113);
}

TEST_CASE("dataset: the index case CC000", "[dataset]") {
  const la::Case& c = byId("CC000");
  CHECK(c.age.kind == la::Age::Kind::Exact);
  CHECK(c.age.years == 55);
  CHECK(c.sex == la::Sex::Female);
  REQUIRE(c.subtype);
  CHECK(*c.subtype == la::Subtype::Idiopathic);
  CHECK(c.ossification == la::Ossification::Yes);
  REQUIRE(c.lesions.size() == 1);
  CHECK(c.lesions[0].siteId == "thigh");
  CHECK(c.lesions[0].side == la::Side::Right);
  CHECK(c.lesions[0].wording == "upper right thigh");
  CHECK(c.size.find("3.5x2x2") != std::string::npos);
  // Both durations of the report are kept: 10 years (abstract) and 1.5 years (case text).
  REQUIRE(c.durations.size() == 2);
  CHECK(c.durations[0] == "10 years (abstract)");
  CHECK(c.durations[1] == "1.5 years (case presentation)");
  CHECK(c.durationNote == "the report contradicts itself");
  CHECK(c.source.doi == "10.36347/sjmcr.2026.v14i02.019");
  CHECK(c.nPatients == 1);
}

TEST_CASE("dataset: age classes come only from the source's own wording", "[dataset]") {
  CHECK(byId("CC032").age.ageClass == la::AgeClass::Infant);   // "female infant"
  CHECK(byId("CC058").age.ageClass == la::AgeClass::Neonate);  // "male neonate"
  CHECK_FALSE(byId("CC032").age.hasNumber());
  CHECK_FALSE(byId("CC058").age.hasNumber());
  size_t withClass = 0;
  for (const auto& c : shipped().data.cases) withClass += c.age.ageClass != la::AgeClass::None;
  CHECK(withClass == 2);
  CHECK(byId("CC057").age.kind == la::Age::Kind::Range);  // 0.04-0.08, a number, so no class
}

TEST_CASE("dataset: vague regions are unspecified lesions, kept as such", "[dataset]") {
  for (const char* id : {"CC005", "CC036", "CC038", "CC057", "CC065"}) {
    INFO(id);
    const auto& c = byId(id);
    REQUIRE(c.lesions.size() == 1);
    CHECK(c.lesions[0].siteId == "unspecified");
    CHECK_FALSE(c.lesions[0].unmatched);
  }
  CHECK(byId("CC057").lesions[0].wording == "upper or lower extremities");
  CHECK(byId("CC005").laterality == la::Side::Right);  // the row's side stays on the row
}

TEST_CASE("dataset: variants map to the controlled list, wording kept", "[dataset]") {
  // Every distinct wording in the dataset and the class it gets (docs/DATA.md lists the rules).
  const std::map<std::string, std::string> expected = {
      {"tumoral calcinosis", "tumoral"},
      {"tumoral calcinosis (recurrent)", "tumoral"},
      {"uremic tumoral calcinosis", "tumoral"},
      {"unilateral idiopathic calcinosis cutis", "other"},
      {"milia-like (histology: subepidermal calcinosis)", "milia-like"},
      {"milia-like", "milia-like"},
      {"scrotal calcinosis", "scrotal"},
      {"subepidermal calcified nodule", "subepidermal-calcified-nodule"},
      {"subepidermal calcified nodule (congenital)", "subepidermal-calcified-nodule"},
      {"vulvar calcinosis", "vulvar"},
      {"penile calcinosis", "penile"},
      {"localised perforating", "perforating"},
      {"petrified ear (calcification of auricular cartilage)", "petrified-ear"},
      {"calcinosis universalis", "universalis"},
      {"generalized", "other"},
      {"calcinosis circumscripta", "circumscripta"},
      {"platelike calcification", "sheet-like"},
      {"sheet-like", "sheet-like"},
      {"extensive sheet-like (diffuse) calcinosis", "sheet-like"},
      {"heel-stick (heel-prick) calcinosis", "heel-stick"},
      {"nonuremic calciphylaxis", "nonuremic-calciphylaxis"},
      {"non-uremic (no end-stage renal or parathyroid disease)", "nonuremic-calciphylaxis"},
      {"intravenous calcium gluconate", "calcium-gluconate"},
      {"calcium gluconate extravasation", "calcium-gluconate"},
      {"IV calcium gluconate via femoral vein catheter", "calcium-gluconate"},
      {"calcium-containing heparin (calcium nadroparin) injection sites", "other"},
  };
  std::set<std::string> seen;
  for (const auto& c : shipped().data.cases) {
    if (c.variantVerbatim.empty()) {
      CHECK(c.variant.empty());
      continue;
    }
    INFO(c.id << ": " << c.variantVerbatim);
    seen.insert(c.variantVerbatim);
    REQUIRE(expected.count(c.variantVerbatim));
    CHECK(c.variant == expected.at(c.variantVerbatim));
  }
  CHECK(seen.size() == expected.size());
}

#ifdef LA_SHARED_DIR
TEST_CASE("dataset: the shipped copy is byte-identical to ../shared/data", "[dataset][shared]") {
  CHECK(la::readFile(la::test::sourcePath("assets/data/calcinosis_cases.csv")) ==
        la::readFile(std::string(LA_SHARED_DIR) + "/data/calcinosis_cases.csv"));
}

TEST_CASE("dataset: every field of every row equals ../shared/data/calcinosis_cases.csv", "[dataset][shared]") {
  const auto table = la::parseCsv(la::readFile(std::string(LA_SHARED_DIR) + "/data/calcinosis_cases.csv"));
  REQUIRE(table.issues.empty());
  // If the verified CSV gains a column, this test must be taught how to compare it.
  const std::vector<std::string> columns = {
      "case_id",  "citation",     "doi",        "pmid",       "source_url",     "year",
      "age_years", "age_min",     "age_max",    "sex",        "site_verbatim",  "site_normalized",
      "laterality", "sites",      "sites_note", "subtype",    "variant",        "ossification",
      "lesion_size_cm", "duration", "associated_condition", "evidence", "n_cases", "provenance_note"};
  REQUIRE(table.header == columns);
  REQUIRE(table.recordCount() == 67);
  const auto& cases = shipped().data.cases;
  REQUIRE(cases.size() == table.recordCount());
  int patients = 0;
  for (size_t i = 0; i < cases.size(); ++i) {
    const auto f = table.record(i);
    auto col = [&](const char* name) -> const std::string& {
      return f[static_cast<size_t>(std::find(columns.begin(), columns.end(), name) - columns.begin())];
    };
    const la::Case& c = cases[i];
    INFO("row " << i + 2 << " " << col("case_id"));
    CHECK(c.id == col("case_id"));
    CHECK(c.line == table.line(i));
    CHECK(c.source.citation == col("citation"));
    CHECK(c.source.doi == col("doi"));
    CHECK(c.source.pmid == col("pmid"));
    CHECK(c.source.url == col("source_url"));
    CHECK((c.source.year ? std::to_string(*c.source.year) : std::string{}) == col("year"));
    CHECK(optNumber(c.age.kind == la::Age::Kind::Exact, c.age.years) == col("age_years"));
    CHECK(optNumber(c.age.kind == la::Age::Kind::Range, c.age.min) == col("age_min"));
    CHECK(optNumber(c.age.kind == la::Age::Kind::Range, c.age.max) == col("age_max"));
    CHECK((c.sex == la::Sex::Unknown ? std::string{} : std::string(la::toString(c.sex))) == col("sex"));
    CHECK(c.siteVerbatim == col("site_verbatim"));
    CHECK(c.siteNormalized == col("site_normalized"));
    CHECK(la::toString(c.laterality) == col("laterality"));
    // Lesions: one per token, in order, site id and side exactly as the token writes them.
    std::string joined;
    for (const auto& l : c.lesions) {
      joined += (joined.empty() ? "" : ";") + l.token;
      const std::string rebuilt = l.siteId + (l.side == la::Side::None ? "" : std::string(":") + la::toString(l.side));
      CHECK(rebuilt == l.token);
      CHECK(l.wording == col("site_verbatim"));
      CHECK_FALSE(l.unmatched);
    }
    CHECK(joined == col("sites"));
    CHECK(c.notes == col("sites_note"));
    CHECK((c.subtype ? std::string(la::toString(*c.subtype)) : std::string{}) == col("subtype"));
    CHECK(c.variantVerbatim == col("variant"));
    CHECK((c.ossification == la::Ossification::Unknown ? std::string{} : std::string(la::toString(c.ossification))) ==
          col("ossification"));
    CHECK(c.size == col("lesion_size_cm"));
    CHECK(la::joinDurations(c.durations, c.durationNote) == col("duration"));
    CHECK(c.associatedCondition == col("associated_condition"));
    CHECK(c.evidence == col("evidence"));
    CHECK(std::to_string(c.nPatients) == col("n_cases"));
    CHECK(c.provenanceNote == col("provenance_note"));
    // Nothing the CSV leaves out is filled in.
    CHECK(c.source.authors.empty());
    CHECK(c.source.title.empty());
    CHECK(c.source.journal.empty());
    CHECK(c.histology.empty());
    patients += c.nPatients;
  }
  CHECK(patients == 128);
}
#endif

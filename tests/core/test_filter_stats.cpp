// Filters (site hierarchy, ages, sex, subtype, variant, ossification) and their agreement with stats.
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>

#include "core/case_export.hpp"
#include "core/case_filter.hpp"
#include "core/case_stats.hpp"
#include "core/importer.hpp"
#include "test_support.hpp"
#include "../support/csv_records.hpp"

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

std::vector<std::string> ids(const la::CaseFilter& f) {
  std::vector<std::string> out;
  for (const la::Case* c : la::applyFilter(data(), f, la::test::catalog())) out.push_back(c->id);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& id) {
  return std::find(v.begin(), v.end(), id) != v.end();
}

size_t sum(const std::map<std::string, size_t>& m) {
  return std::accumulate(m.begin(), m.end(), size_t{0}, [](size_t a, const auto& kv) { return a + kv.second; });
}

// Ids of the raw rows (tests' own CSV reader) for which `pred` holds, in file order.
template <class Pred>
std::vector<std::string> rawIds(Pred pred) {
  static const auto rows = la::test::csvRecords(la::test::sourcePath("assets/data/calcinosis_cases.csv"));
  std::vector<std::string> out;
  for (const auto& r : rows)
    if (pred(r)) out.push_back(r.at("case_id"));
  return out;
}

// Site ids named by a row's `sites` tokens ("heel:right;toe" -> heel, toe).
std::vector<std::string> rawSites(const la::test::CsvRow& r) {
  std::vector<std::string> out;
  std::string tok;
  for (char ch : r.at("sites") + ";") {
    if (ch != ';') { tok += ch; continue; }
    out.push_back(tok.substr(0, tok.find(':')));
    tok.clear();
  }
  return out;
}

bool rawHasSite(const la::test::CsvRow& r, std::initializer_list<const char*> sites) {
  for (const auto& s : rawSites(r))
    for (const char* want : sites)
      if (s == want) return true;
  return false;
}

bool contains(const std::string& text, const char* word) { return la::toLower(text).find(word) != std::string::npos; }

}  // namespace

TEST_CASE("filter: --site foot finds the great toe and the heel", "[filter]") {
  la::CaseFilter f;
  f.site = "foot";
  const auto r = ids(f);
  CHECK(has(r, "CC066"));  // great-toe:left
  CHECK(has(r, "CC045"));  // heel:right
  CHECK(has(r, "CC027"));  // foot:bilateral
  CHECK_FALSE(has(r, "CC025"));  // knee
  // assets/sites.json: foot's descendants are heel, dorsum-of-foot, sole, toe and great-toe.
  CHECK(r == rawIds([](const auto& row) {
          return rawHasSite(row, {"foot", "heel", "dorsum-of-foot", "sole", "toe", "great-toe"});
        }));
  f.site = "great-toe";
  CHECK(ids(f) == std::vector<std::string>{"CC066"});
  f.site = "lower-limb";
  CHECK(has(ids(f), "CC066"));
  CHECK(has(ids(f), "CC000"));
}

TEST_CASE("filter: ages are inclusive; ranges overlap by default or lie inside on request", "[filter][age]") {
  la::CaseFilter f;
  f.age = la::AgeBounds{40, 50};
  auto r = ids(f);
  CHECK(has(r, "CC003"));  // 25-71 overlaps 40-50
  CHECK(has(r, "CC020"));  // 42
  CHECK(has(r, "CC040"));  // 49
  CHECK_FALSE(has(r, "CC001"));  // no age: left out
  CHECK_FALSE(has(r, "CC000"));  // 55
  f.ageMode = la::AgeMode::Inside;
  r = ids(f);
  CHECK_FALSE(has(r, "CC003"));
  CHECK(has(r, "CC020"));

  la::CaseFilter edge;
  edge.age = la::AgeBounds{55, 55};  // inclusive at both ends
  r = ids(edge);
  CHECK(has(r, "CC000"));
  CHECK(has(r, "CC014"));
  edge.age = la::AgeBounds{20, 29};
  edge.ageMode = la::AgeMode::Inside;
  CHECK(has(ids(edge), "CC019"));  // "in his 20s" = 20-29, inside 20-29

  la::CaseFilter unknown;
  unknown.age = la::AgeBounds{0, 1};
  r = ids(unknown);
  CHECK_FALSE(has(r, "CC032"));  // "infant", no number
  CHECK_FALSE(has(r, "CC058"));  // "neonate", no number
  CHECK(has(r, "CC054"));        // 0.03
  CHECK(has(r, "CC057"));        // 0.04-0.08
  unknown.includeUnknownAge = true;
  r = ids(unknown);
  for (const char* id : {"CC001", "CC032", "CC058", "CC064"}) CHECK(has(r, id));

  CHECK(la::describeAgeMatch(la::Age::range(25, 71), f) == "");  // inside mode: no match
  la::CaseFilter ov;
  ov.age = la::AgeBounds{40, 50};
  CHECK(la::describeAgeMatch(la::Age::range(25, 71), ov) == "overlaps");
  CHECK(la::describeAgeMatch(la::Age::range(41, 45), ov) == "inside");
  CHECK(la::describeAgeMatch(la::Age::exact(42), ov) == "exact");
}

TEST_CASE("filter: age bounds parsing", "[filter][age]") {
  std::string err;
  auto b = la::parseAgeBounds("40-50", &err);
  REQUIRE(b);
  CHECK(b->min == 40);
  CHECK(b->max == 50);
  CHECK(la::parseAgeBounds("0.5-1")->min == 0.5);
  CHECK(la::parseAgeBounds("7")->max == 7);
  CHECK_FALSE(la::parseAgeBounds("50-40", &err));
  CHECK(err.find("minimum above maximum") != std::string::npos);
  CHECK_FALSE(la::parseAgeBounds("40-abc", &err));
  CHECK_FALSE(la::parseAgeBounds("10-130", &err));
  CHECK(err.find("outside 0-120") != std::string::npos);
}

TEST_CASE("filter: sex, subtype, variant, ossification", "[filter]") {
  la::CaseFilter f;
  f.ossification = la::Ossification::Yes;
  CHECK(ids(f) == std::vector<std::string>{"CC000"});
  f.ossification = la::Ossification::No;
  CHECK(ids(f).empty());  // no case states "no"; empty is not "no"

  la::CaseFilter v;
  v.variant = "scrotal";
  CHECK(has(ids(v), "CC010"));
  CHECK(ids(v) == rawIds([](const auto& r) { return contains(r.at("variant"), "scrotal"); }));
  v.variant = "tumoral";
  CHECK(ids(v) == rawIds([](const auto& r) { return contains(r.at("variant"), "tumoral"); }));
  v.variant = "pethidine";  // not a class: words of the source's wording
  CHECK(ids(v) == std::vector<std::string>{"CC238"});

  la::CaseFilter s;
  s.subtypes = *la::parseSubtypeList("calciphylaxis,metastatic");
  CHECK(ids(s) ==
        rawIds([](const auto& r) { return r.at("subtype") == "calciphylaxis" || r.at("subtype") == "metastatic"; }));
  CHECK_FALSE(la::parseSubtypeList("idiopathic,bogus"));

  la::CaseFilter m;
  m.sex = la::Sex::Male;
  m.site = "scrotum";
  CHECK(ids(m) == rawIds([](const auto& r) { return r.at("sex") == "M" && rawHasSite(r, {"scrotum"}); }));
  CHECK(ids(m).size() > 5);
}

TEST_CASE("query and stats agree", "[filter][stats]") {
  std::vector<la::CaseFilter> filters(5);
  filters[1].site = "foot";
  filters[2].age = la::AgeBounds{40, 50};
  filters[3].subtypes = {la::Subtype::Idiopathic};
  filters[3].sex = la::Sex::Female;
  filters[4].site = "head-and-neck";
  filters[4].includeUnknownAge = true;
  for (size_t i = 0; i < filters.size(); ++i) {
    INFO("filter " << i);
    const auto selected = la::applyFilter(data(), filters[i], la::test::catalog());
    const auto s = la::computeStats(selected);
    const auto json = la::casesToJson(selected, data(), la::test::catalog(), &filters[i]);
    CHECK(s.cases == selected.size());
    CHECK(json.size() == s.cases);
    size_t lesions = 0, patients = 0;
    for (const auto& c : json) {
      lesions += c["sites"].size();
      patients += c["n_patients"].get<size_t>();
      CHECK(c.contains("id"));
      CHECK(c.contains("age"));
      CHECK(c.contains("sex"));
      CHECK(c.contains("subtype"));
      CHECK(c.contains("citation"));
    }
    CHECK(s.lesions == lesions);
    CHECK(s.patients == patients);
    CHECK(sum(s.bySite) == s.lesions);
    CHECK(sum(s.bySex) == s.patients);
    CHECK(sum(s.bySubtype) == s.patients);
    CHECK(sum(s.byAgeBand) == s.patients);
  }
  // Every by_site key, used as a site filter, finds exactly the cases with a lesion there.
  const auto all = la::computeStats(la::applyFilter(data(), {}, la::test::catalog()));
  size_t unspecified = 0;  // lesions: tokens, not rows
  rawIds([&](const auto& r) {
    for (const auto& site : rawSites(r)) unspecified += site == "unspecified";
    return false;
  });
  CHECK(all.bySite.at("unspecified") == unspecified);
  CHECK(all.bySite.at("great-toe") == 1);
  CHECK(all.bySite.at("other") == 1);
  for (const auto& [site, n] : all.bySite) {
    INFO(site);
    REQUIRE(la::test::catalog().byId(site));
    size_t count = 0;
    for (const auto& c : data().cases)
      for (const auto& l : c.lesions) count += l.siteId == site;
    CHECK(count == n);
  }
}

TEST_CASE("stats JSON has exactly the documented keys", "[stats]") {
  const auto j = la::statsToJson(la::computeStats(la::applyFilter(data(), {}, la::test::catalog())));
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"by_age_band", "by_sex", "by_site", "by_subtype", "cases", "images",
                                         "lesions", "patients", "units"});
  CHECK(j["images"].is_null());  // the built-in layout has no images: not stated, never a row count
  const auto raw = la::test::csvRecords(la::test::sourcePath("assets/data/calcinosis_cases.csv"));
  CHECK(j["cases"] == raw.size());
  CHECK(j["patients"] == la::test::csvPatients(raw));
}

TEST_CASE("age bands: one definition, edges as the issue states them", "[stats]") {
  // neonate under 28 days, infant under 1 year, child 1-12, adolescent 13-17, adult 18-64, older adult 65+.
  CHECK(la::ageBand(la::Age::exact(0.03)) == "neonate");         // 12 days
  CHECK(la::ageBand(la::Age::exact(27.0 / 365.25)) == "neonate");
  CHECK(la::ageBand(la::Age::exact(28.0 / 365.25)) == "infant");
  CHECK(la::ageBand(la::Age::exact(0.67)) == "infant");          // 8 months
  CHECK(la::ageBand(la::Age::exact(1)) == "child");
  CHECK(la::ageBand(la::Age::exact(12.9)) == "child");
  CHECK(la::ageBand(la::Age::exact(13)) == "adolescent");
  CHECK(la::ageBand(la::Age::exact(17.5)) == "adolescent");
  CHECK(la::ageBand(la::Age::exact(18)) == "adult");
  CHECK(la::ageBand(la::Age::exact(64.9)) == "adult");
  CHECK(la::ageBand(la::Age::exact(65)) == "older-adult");
  CHECK(la::ageBand(la::Age::exact(95)) == "older-adult");
  CHECK(la::ageBand(la::Age::range(20, 29)) == "adult");
  CHECK(la::ageBand(la::Age::range(25, 71)) == "range-across-bands");
  CHECK(la::ageBand(la::Age{}) == "unknown");
  la::Age worded;  // the source says "a female infant" and gives no number
  worded.ageClass = la::AgeClass::Infant;
  CHECK(la::ageBand(worded) == "infant");
}

TEST_CASE("export: JSON and CSV of a case", "[export]") {
  la::CaseFilter f;
  f.site = "great-toe";
  const auto sel = la::applyFilter(data(), f, la::test::catalog());
  REQUIRE(sel.size() == 1);
  const auto j = la::caseToJson(*sel[0], data(), la::test::catalog());
  CHECK(j["id"] == "CC066");
  CHECK(j["age"] == 19);
  CHECK(j["sex"] == "F");
  CHECK(j["subtype"] == "idiopathic");
  CHECK(j["sites"][0]["site"] == "great-toe");
  CHECK(j["sites"][0]["side"] == "left");
  CHECK(j["citation"].get<std::string>().find("great toe") != std::string::npos);
  const std::string csv = la::casesToCsv(sel, data());
  CHECK(csv.find("CC066,calcinosis cutis cases,19,,,F,idiopathic,,,great-toe:left,1,") != std::string::npos);

  la::CaseFilter r;
  r.age = la::AgeBounds{40, 50};
  const auto sel2 = la::applyFilter(data(), r, la::test::catalog());
  const auto arr = la::casesToJson(sel2, data(), la::test::catalog(), &r);
  REQUIRE(arr[0]["id"] == "CC003");
  CHECK(arr[0]["age"]["min"] == 25);
  CHECK(arr[0]["age"]["max"] == 71);
  CHECK(arr[0]["age_match"] == "overlaps");
}

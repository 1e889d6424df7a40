// The dataset's index (core/case_index.hpp), which applyFilter, computeStats and layoutMarkers
// read: on small tables whose answers are worked out by hand, and against the per-case definition
// (matchesFilter, counting a case list) on the shipped table plus a mapped table whose rows lack
// ages and sexes, contradict each other and put one lesion at two sites.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/case_filter.hpp"
#include "core/case_index.hpp"
#include "core/case_stats.hpp"
#include "core/choropleth.hpp"
#include "core/palette.hpp"
#include "core/column_mapping.hpp"
#include "core/importer.hpp"
#include "test_support.hpp"

namespace {

la::Lesion at(const std::string& site, la::Side side = la::Side::None) {
  la::Lesion l;
  l.siteId = site;
  l.side = side;
  return l;
}

la::Case person(const std::string& id, la::Age age, la::Sex sex, std::vector<la::Lesion> lesions) {
  la::Case c;
  c.id = id;
  c.age = age;
  c.sex = sex;
  c.lesions = std::move(lesions);
  return c;
}

// A: 30, F, right thigh. B: 25-45, M, face and left thigh (two lesions). C: no age, no sex, site
// not stated. D: 70, F, great toe, a series of 3 idiopathic. E: "infant" (no number), scalp.
la::Dataset handMade() {
  la::Dataset d;
  d.tables.push_back({});
  d.cases.push_back(person("A", la::Age::exact(30), la::Sex::Female, {at("thigh", la::Side::Right)}));
  d.cases.push_back(person("B", la::Age::range(25, 45), la::Sex::Male, {at("face"), at("thigh", la::Side::Left)}));
  d.cases.push_back(person("C", la::Age{}, la::Sex::Unknown, {at("unspecified")}));
  d.cases.push_back(person("D", la::Age::exact(70), la::Sex::Female, {at("great-toe", la::Side::Left)}));
  d.cases.back().nPatients = 3;
  d.cases.back().subtype = la::Subtype::Idiopathic;
  d.cases.back().source.year = 2004;
  la::Age infant;
  infant.ageClass = la::AgeClass::Infant;
  d.cases.push_back(person("E", infant, la::Sex::Unknown, {at("scalp")}));
  return d;
}

std::vector<std::string> ids(const la::Dataset& d, const la::CaseFilter& f) {
  std::vector<std::string> out;
  for (const la::Case* c : la::applyFilter(d, f, la::test::catalog())) out.push_back(c->id);
  return out;
}

using Ids = std::vector<std::string>;

// A public-table-like mapping: patients, lesions and images identified.
la::ImportResult mappedWithContradictions() {
  const auto m = la::ColumnMapping::fromJsonText(
      R"({"id": "syn", "name": "Synthetic", "licence": "CC0 1.0", "columns": {"patient": "pat", "lesion": "les",
          "image": "img", "site": "where", "age": "age", "sex": "sex"}, "values": {"sex": {"unknown": ""}}})",
      "m.json");
  // L1: two images agree. L2: sexes disagree (no sex), ages 40 and 50 (range 40-50). L3: images
  // at face and at thigh (one lesion at both). L4: no age, sex "unknown", one image without a site.
  // L5: a site the catalog does not know. L6: a site by its name. P1 has two lesions, L1 and L2.
  return la::importText("pat,les,img,where,age,sex\n"
                        "P1,L1,a,thigh,30,female\n"
                        "P1,L1,b,thigh,30,female\n"
                        "P1,L2,c,foot,40,female\n"
                        "P1,L2,d,foot,50,male\n"
                        "P2,L3,e,face,60,male\n"
                        "P2,L3,f,thigh,60,male\n"
                        "P4,L4,g,,,unknown\n"
                        "P4,L4,h,scalp,,unknown\n"
                        "P5,L5,i,elbw,20,female\n"
                        "P3,L6,j,great toe,8,male\n",
                        "t.csv", false, &m, la::test::catalog());
}

}  // namespace

TEST_CASE("index: filters on a hand-made table, by the meaning of each part", "[index]") {
  const la::Dataset d = handMade();
  la::CaseFilter f;
  CHECK(ids(d, f) == Ids{"A", "B", "C", "D", "E"});
  f.age = la::AgeBounds{20, 40};
  CHECK(ids(d, f) == Ids{"A", "B"});  // B's 25-45 overlaps 20-40
  f.ageMode = la::AgeMode::Inside;
  CHECK(ids(d, f) == Ids{"A"});  // ... but does not lie inside it
  f.includeUnknownAge = true;
  CHECK(ids(d, f) == Ids{"A", "C", "E"});  // "infant" states no number
  f = {};
  f.sex = la::Sex::Female;
  CHECK(ids(d, f) == Ids{"A", "D"});
  f = {};
  f.site = "lower-limb";
  CHECK(ids(d, f) == Ids{"A", "B", "D"});  // thigh and great toe lie below it
  f.site = "foot";
  CHECK(ids(d, f) == Ids{"D"});
  f.site = "face";
  CHECK(ids(d, f) == Ids{"B"});  // one of B's two lesions
  f.site = "unspecified";
  CHECK(ids(d, f) == Ids{"C"});
  f.site = "no such site";
  CHECK(ids(d, f).empty());
  f = {};
  f.subtypes = {la::Subtype::Idiopathic, la::Subtype::Dystrophic};
  CHECK(ids(d, f) == Ids{"D"});  // a case without a subtype matches no subtype
  f = {};
  f.year = la::YearBounds{2000, 2010};
  CHECK(ids(d, f) == Ids{"D"});  // no year: never matches
  f.year = la::YearBounds{2005, 2010};
  CHECK(ids(d, f).empty());
}

TEST_CASE("index: counts on a hand-made table", "[index]") {
  const la::Dataset d = handMade();
  const auto all = la::applyFilter(d, {}, la::test::catalog());
  const la::CaseStats s = la::computeStats(d, all);
  CHECK(s.cases == 5);
  CHECK(s.patients == 7u);  // 1 + 1 + 1 + 3 + 1
  CHECK(s.lesions == 6u);   // B has two
  CHECK(!s.images);         // no case states images
  CHECK(s.bySite == std::map<std::string, size_t>{
                        {"face", 1}, {"great-toe", 1}, {"scalp", 1}, {"thigh", 2}, {"unspecified", 1}});
  CHECK(s.bySex == std::map<std::string, size_t>{{"F", 4}, {"M", 1}, {"unknown", 2}});  // patients
  // A (30) and B (25-45, inside 18-64) adults; D's three patients older; E's "infant"; C unknown.
  CHECK(s.byAgeBand ==
        std::map<std::string, size_t>{{"adult", 2}, {"infant", 1}, {"older-adult", 3}, {"unknown", 1}});
  CHECK(s.bySubtype == std::map<std::string, size_t>{{"idiopathic", 3}, {"none", 4}});
}

TEST_CASE("index: patients, lesions and images of a mapped table that contradicts itself", "[index]") {
  la::ImportResult r = mappedWithContradictions();
  REQUIRE(r.ok);
  la::Dataset d;
  REQUIRE(la::mergeImport(d, std::move(r)));
  REQUIRE(d.cases.size() == 6);  // L1..L6
  la::CaseFilter f;
  f.sex = la::Sex::Female;
  CHECK(ids(d, f) == Ids{"P1/L1", "P5/L5"});  // L2's images disagree: its sex is not stated
  f = {};
  f.age = la::AgeBounds{45, 45};
  CHECK(ids(d, f) == Ids{"P1/L2"});  // the range 40-50 its images span
  f.ageMode = la::AgeMode::Inside;
  CHECK(ids(d, f).empty());
  f = {};
  f.site = "face";
  CHECK(ids(d, f) == Ids{"P2/L3"});
  f.site = "thigh";
  CHECK(ids(d, f) == Ids{"P1/L1", "P2/L3"});
  f.site = "unspecified";
  CHECK(ids(d, f) == Ids{"P4/L4", "P5/L5"});  // L4's image without a site; L5's unknown site

  const la::CaseStats s = la::computeStats(d, la::applyFilter(d, {}, la::test::catalog()));
  CHECK(s.cases == 6);
  CHECK(s.lesions == 6u);
  CHECK(s.images == 10u);
  CHECK(s.patients == 5u);  // P1 (two lesions) once, P2, P3, P4, P5
  // One each, L3 at both of its sites; L4 only at scalp (its image without a site adds none).
  CHECK(s.bySite == std::map<std::string, size_t>{
                        {"face", 1}, {"foot", 1}, {"great-toe", 1}, {"scalp", 1}, {"thigh", 2}, {"unspecified", 1}});
  // Patients: P1 counted with its first lesion (L1, female), P2 male, P4 unknown, P5 female, P3 male.
  CHECK(s.bySex == std::map<std::string, size_t>{{"F", 2}, {"M", 2}, {"unknown", 1}});
}

TEST_CASE("index: filter and counts equal the per-case definition on real and contradictory tables", "[index]") {
  la::Dataset d;
  REQUIRE(la::mergeImport(d, la::importBuiltinDataset(la::test::catalog())));
  REQUIRE(la::mergeImport(d, mappedWithContradictions()));
  const size_t builtin = d.cases.size() - 6;
  REQUIRE(builtin > 50);
  std::vector<la::CaseFilter> filters(1);
  auto vary = [&filters](auto&& set) {
    const size_t n = filters.size();
    for (size_t i = 0; i < n; ++i) set(filters[i], filters);
  };
  vary([](la::CaseFilter f, auto& out) {
    for (const char* s : {"lower-limb", "foot", "face", "trunk", "unspecified", "genital-perineal", "scrotum"}) {
      f.site = s;
      out.push_back(f);
    }
  });
  vary([](la::CaseFilter f, auto& out) {
    for (auto s : {la::Sex::Female, la::Sex::Male, la::Sex::Unknown}) {
      f.sex = s;
      out.push_back(f);
    }
  });
  vary([](la::CaseFilter f, auto& out) {
    for (auto b : {la::AgeBounds{0, 1}, la::AgeBounds{20, 60}, la::AgeBounds{45, 45}, la::AgeBounds{65, 120}})
      for (auto mode : {la::AgeMode::Overlaps, la::AgeMode::Inside})
        for (bool unknown : {false, true}) {
          f.age = b;
          f.ageMode = mode;
          f.includeUnknownAge = unknown;
          out.push_back(f);
        }
  });
  std::vector<la::CaseFilter> more;
  for (la::CaseFilter f : {la::CaseFilter{}, filters[1], filters[9]}) {
    f.subtypes = {la::Subtype::Dystrophic, la::Subtype::Unspecified};
    more.push_back(f);
    f.subtypes.clear();
    f.variant = "tumoral";
    more.push_back(f);
    f.variant.clear();
    f.year = la::YearBounds{1990, 2010};
    more.push_back(f);
    f.year.reset();
    f.ossification = la::Ossification::Yes;
    more.push_back(f);
  }
  filters.insert(filters.end(), more.begin(), more.end());
  REQUIRE(filters.size() > 200);
  size_t nonEmpty = 0;
  for (const la::CaseFilter& f : filters) {
    std::vector<const la::Case*> naive;
    for (const la::Case& c : d.cases)
      if (la::matchesFilter(c, f, la::test::catalog())) naive.push_back(&c);
    const auto indexed = la::applyFilter(d, f, la::test::catalog());
    CHECK(indexed == naive);
    nonEmpty += !indexed.empty();
    // Counting from the dataset's index and counting the list (indexed apart) agree.
    CHECK(la::statsToJson(la::computeStats(d, indexed)) == la::statsToJson(la::computeStats(indexed)));
  }
  CHECK(nonEmpty > filters.size() / 3);
}

TEST_CASE("index: follows the dataset when tables are added or removed", "[index]") {
  la::Dataset d = handMade();
  la::CaseFilter f;
  f.sex = la::Sex::Female;
  CHECK(ids(d, f) == Ids{"A", "D"});
  REQUIRE(la::mergeImport(d, mappedWithContradictions()));
  CHECK(ids(d, f) == Ids{"A", "D", "P1/L1", "P5/L5"});
  d.removeTable(0);
  CHECK(ids(d, f) == Ids{"P1/L1", "P5/L5"});
  // A copy is indexed on its own: the original's index describes the original's cases.
  la::Dataset copy = d;
  copy.cases.erase(copy.cases.begin());
  CHECK(ids(copy, f) == Ids{"P5/L5"});
  CHECK(ids(d, f) == Ids{"P1/L1", "P5/L5"});
  // An edit in place is announced with dropIndex().
  d.cases[0].sex = la::Sex::Male;
  d.dropIndex();
  CHECK(ids(d, f) == Ids{"P5/L5"});
}

TEST_CASE("index: per-site counts of the choropleth on a hand-made table", "[index]") {
  const la::Dataset d = handMade();
  const auto all = la::applyFilter(d, {}, la::test::catalog());
  using Counts = std::map<std::string, std::pair<double, double>>;  // site -> (own, total)
  auto counted = [&](la::CountUnit unit) {
    Counts out;
    for (const auto& [site, sc] : la::countBySite(d, all, la::test::catalog(), unit)) out[site] = {sc.own, sc.total};
    Counts list;
    for (const auto& [site, sc] : la::countBySite(all, la::test::catalog(), unit)) list[site] = {sc.own, sc.total};
    CHECK(out == list);
    return out;
  };
  // Cases: A thigh; B face and thigh; C nowhere; D great toe; E scalp. A case counts once per site.
  CHECK(counted(la::CountUnit::Cases) == Counts{{"face", {1, 1}},
                                                {"foot", {0, 1}},
                                                {"great-toe", {1, 1}},
                                                {"head-and-neck", {0, 2}},
                                                {"lower-limb", {0, 3}},
                                                {"scalp", {1, 1}},
                                                {"thigh", {2, 2}},
                                                {"toe", {0, 1}}});
  // Patients: D is a series of three.
  const Counts patients = counted(la::CountUnit::Patients);
  CHECK(patients.at("great-toe") == std::make_pair(3.0, 3.0));
  CHECK(patients.at("lower-limb") == std::make_pair(0.0, 5.0));
  // Lesions: each of B's two lesions counts under its own region.
  const Counts lesions = counted(la::CountUnit::Lesions);
  CHECK(lesions.at("lower-limb") == std::make_pair(0.0, 3.0));
  CHECK(lesions.at("head-and-neck") == std::make_pair(0.0, 2.0));
  CHECK(lesions.at("thigh") == std::make_pair(2.0, 2.0));
}

TEST_CASE("index: colouring by variant counts the variants present, most frequent first", "[index]") {
  la::Dataset d;
  REQUIRE(la::mergeImport(d, la::importBuiltinDataset(la::test::catalog())));
  la::CaseFilter f;
  f.site = "lower-limb";
  for (const auto& sel : {la::applyFilter(d, {}, la::test::catalog()), la::applyFilter(d, f, la::test::catalog())}) {
    std::map<std::string, size_t> n;  // by the variant id each case states
    for (const la::Case* c : sel)
      if (!c->variant.empty()) ++n[c->variant];
    std::vector<std::pair<std::string, size_t>> v(n.begin(), n.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> expected;
    for (const auto& [id, count] : v) expected.push_back(id);
    expected.push_back("unknown");  // "not stated", always last
    for (const la::Palette& p : {la::makePalette(d, la::ColorBy::Variant, sel), la::makePalette(la::ColorBy::Variant, sel)}) {
      std::vector<std::string> keys;
      for (const auto& c : p.categories) keys.push_back(c.key);
      CHECK(keys == expected);
    }
  }
}

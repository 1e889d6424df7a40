// What a count counts: cases, patients, lesions and images of mapped tables, on small synthetic
// tables whose expected counts are worked out by hand in the comments.
#include <catch2/catch.hpp>

#include "core/case_filter.hpp"
#include "core/case_stats.hpp"
#include "core/column_mapping.hpp"
#include "core/importer.hpp"
#include "test_support.hpp"

namespace {

using la::ColumnMapping;
using la::CountUnit;

ColumnMapping mapping(const std::string& columns) {
  const std::string head = R"({"id": "syn", "name": "Synthetic", "licence": "CC0 1.0", "columns": )";
  return ColumnMapping::fromJsonText(head + columns + "}", "m.json");
}

la::ImportResult import(const std::string& csv, const ColumnMapping& m) {
  return la::importText(csv, "t.csv", false, &m, la::test::catalog());
}

// Counted as the window and `stats` count (from the dataset's index), and checked against counting
// the same cases as a plain list.
la::CaseStats statsOf(const std::vector<const la::ImportResult*>& results) {
  std::vector<const la::Case*> all;
  for (const auto* r : results)
    for (const auto& c : r->data.cases) all.push_back(&c);
  la::Dataset d;
  for (const auto* r : results) d.append(la::Dataset(r->data));
  const auto s = la::computeStats(d, la::applyFilter(d, {}, la::test::catalog()));
  CHECK(la::statsToJson(s) == la::statsToJson(la::computeStats(all)));
  return s;
}

std::vector<std::string> formatted(const la::ImportResult& r) {
  std::vector<std::string> out;
  for (const auto& p : r.problems) out.push_back(p.format());
  return out;
}

const ColumnMapping& padLike() {
  static const auto m =
      mapping(R"({"patient": "pat", "lesion": "les", "image": "img", "site": "where", "age": "age", "sex": "sex"})");
  return m;
}

}  // namespace

TEST_CASE("counts: a lesion is its patient's lesion id; a case is one lesion with all its images", "[counts]") {
  // P1 has lesions 1 (two images) and 2; P2 has a lesion also numbered 1: 3 lesions, 2 patients, 4 images.
  const auto r = import("pat,les,img,where,age,sex\n"
                        "P1,1,a.png,face,60,F\n"
                        "P2,1,b.png,thigh,40,M\n"
                        "P1,1,c.png,face,60,F\n"
                        "P1,2,d.png,back,60,F\n",
                        padLike());
  REQUIRE(r.ok);
  CHECK(r.problems.empty());
  CHECK(r.loaded == 4);  // records
  REQUIRE(r.data.cases.size() == 3);
  CHECK(r.data.cases[0].id == "P1/1");
  CHECK(r.data.cases[0].nImages == 2);
  CHECK(r.data.cases[0].line == 2);
  CHECK(r.data.cases[1].id == "P2/1");
  CHECK(r.data.cases[2].id == "P1/2");
  const auto s = statsOf({&r});
  CHECK(s.cases == 3);
  CHECK(s.lesions == 3);
  CHECK(s.patients == 2);
  CHECK(s.images == 4);
  CHECK(s.bySite == std::map<std::string, size_t>{{"back", 1}, {"face", 1}, {"thigh", 1}});
  CHECK(s.bySex == std::map<std::string, size_t>{{"F", 1}, {"M", 1}});  // patients
  CHECK(la::describeCounts(s) == "3 cases, 2 patients, 3 lesions, 4 images");
}

TEST_CASE("counts: one lesion imaged at two sites is one lesion at both, with a warning", "[counts]") {
  const auto r = import("pat,les,img,where,age,sex\n"
                        "P1,7,a.png,chest,50,F\n"
                        "P1,7,b.png,chest,50,F\n"
                        "P1,7,c.png,trunk,50,F\n",
                        padLike());
  REQUIRE(r.ok);
  CHECK(formatted(r) == std::vector<std::string>{"t.csv:4: where: lesion 'P1/7' (first image on line 2): site "
                                                 "'trunk' differs from 'chest'; one lesion, counted at each of its "
                                                 "sites"});
  CHECK(r.problems[0].severity == la::Severity::Warning);
  REQUIRE(r.data.cases.size() == 1);
  const auto s = statsOf({&r});
  CHECK(s.lesions == 1);
  CHECK(s.images == 3);
  // Counted at each site: by_site sums to 2 for 1 lesion.
  CHECK(s.bySite == std::map<std::string, size_t>{{"chest", 1}, {"trunk", 1}});
  CHECK(r.data.cases[0].lesions[0].nImages == 2);
  CHECK(r.data.cases[0].lesions[1].nImages == 1);
}

TEST_CASE("counts: an image without a site adds no site to its lesion", "[counts]") {
  const auto m = mapping(R"({"lesion": "les", "image": "img", "site": "where"})");
  const auto r = import("les,img,where\nL1,a,\nL1,b,back\nL1,c,\n", m);
  REQUIRE(r.ok);
  // Only the empty-site warnings of the rows themselves; no "differs" warning.
  CHECK(formatted(r) == std::vector<std::string>{"t.csv:2: where: empty site; kept as unspecified",
                                                 "t.csv:4: where: empty site; kept as unspecified"});
  const auto s = statsOf({&r});
  CHECK(s.lesions == 1);
  CHECK(s.bySite == std::map<std::string, size_t>{{"back", 1}});
  // Counted in images (next to a table that does not identify lesions), each image stays where its row puts it.
  const auto images = import("les,img,where\n,x,back\n", m);
  REQUIRE(images.ok);
  const auto both = statsOf({&r, &images});
  CHECK_FALSE(both.lesions.has_value());
  CHECK(both.siteUnit == CountUnit::Images);
  CHECK(both.bySite == std::map<std::string, size_t>{{"back", 2}, {"unspecified", 2}});
  CHECK(both.images == 4);
}

TEST_CASE("counts: images of one lesion that disagree on age or sex", "[counts]") {
  const auto r = import("pat,les,img,where,age,sex\n"
                        "P1,1,a,face,55,M\n"
                        "P1,1,b,face,50,F\n"
                        "P1,1,c,face,60,M\n",
                        padLike());
  REQUIRE(r.ok);
  CHECK(formatted(r) ==
        std::vector<std::string>{"t.csv:3: age: lesion 'P1/1' (first image on line 2): age 50 differs from 55; the "
                                 "lesion's age is the range its images state",
                                 "t.csv:3: sex: lesion 'P1/1' (first image on line 2): sex F differs from M; the "
                                 "lesion's sex is not stated"});
  REQUIRE(r.data.cases.size() == 1);
  const auto& c = r.data.cases[0];
  CHECK(c.age.kind == la::Age::Kind::Range);
  CHECK(c.age.min == 50);
  CHECK(c.age.max == 60);
  CHECK(c.sex == la::Sex::Unknown);  // a third image saying M does not undo the contradiction
}

TEST_CASE("counts: what a table cannot tell is not stated, never its row count", "[counts]") {
  // Images only: 3 images, no patient or lesion column.
  const auto m = mapping(R"({"image": "img", "site": "where"})");
  const auto r = import("img,where\na,face\nb,face\nc,back\n", m);
  REQUIRE(r.ok);
  const auto s = statsOf({&r});
  CHECK(s.cases == 3);
  CHECK_FALSE(s.patients.has_value());
  CHECK_FALSE(s.lesions.has_value());
  CHECK(s.images == 3);
  CHECK(s.siteUnit == CountUnit::Images);
  CHECK(s.personUnit == CountUnit::Cases);
  CHECK(s.bySex == std::map<std::string, size_t>{{"unknown", 3}});
  CHECK(la::describeCounts(s) == "3 cases, patients not stated, lesions not stated, 3 images");
  const auto j = la::statsToJson(s);
  CHECK(j["patients"].is_null());
  CHECK(j["lesions"].is_null());
  CHECK(j["images"] == 3);
  CHECK(j["units"] == nlohmann::json{{"by_site", "images"}, {"by_subtype", "cases"}, {"by_sex", "cases"},
                                     {"by_age_band", "cases"}});
}

TEST_CASE("counts: a table of case records states patients through n_cases", "[counts]") {
  // Two records, a single patient and a series of 4: 5 patients; no lesion or image column.
  const auto m = mapping(R"({"id": "key", "site": "where", "n_cases": "n"})");
  const auto r = import("key,where,n\nA,knee,\nB,knee,4\n", m);
  REQUIRE(r.ok);
  const auto s = statsOf({&r});
  CHECK(s.patients == 5);
  CHECK_FALSE(s.lesions.has_value());
  CHECK_FALSE(s.images.has_value());
  CHECK(s.siteUnit == CountUnit::Cases);
  CHECK(s.bySite == std::map<std::string, size_t>{{"knee", 2}});
  CHECK(s.personUnit == CountUnit::Patients);
  CHECK(s.bySex == std::map<std::string, size_t>{{"unknown", 5}});
}

TEST_CASE("counts: cases built by hand keep the built-in layout's meaning", "[counts]") {
  // A series of 3 patients with two lesions, and one patient with one: 4 patients, 3 lesions.
  la::Case a, b;
  a.nPatients = 3;
  a.lesions.resize(2);
  a.lesions[0].siteId = "knee";
  a.lesions[1].siteId = "knee";
  b.lesions.resize(1);
  b.lesions[0].siteId = "heel";
  const auto s = la::computeStats({&a, &b});
  CHECK(s.patients == 4);
  CHECK(s.lesions == 3);
  CHECK_FALSE(s.images.has_value());
  CHECK(s.bySite == std::map<std::string, size_t>{{"heel", 1}, {"knee", 2}});
  CHECK(s.siteUnit == CountUnit::Lesions);
  CHECK(s.personUnit == CountUnit::Patients);
}

TEST_CASE("counts: units and 'not stated' in words", "[counts]") {
  CHECK(la::formatCount(1, CountUnit::Lesions) == "1 lesion");
  CHECK(la::formatCount(0, CountUnit::Patients) == "0 patients");
  CHECK(la::formatCount(7470, CountUnit::Cases) == "7470 cases");
  CHECK(la::formatCount(std::nullopt, CountUnit::Patients) == "patients not stated");
  CHECK(la::unitName(CountUnit::Images, 1) == "image");
  CHECK(la::unitName(CountUnit::Images, 2, true) == "Images");
  const auto empty = la::computeStats({});
  CHECK(la::describeCounts(empty) == "0 cases, 0 patients, 0 lesions, 0 images");
}

TEST_CASE("counts: a record's id, duplicate images and empty lesion ids", "[counts]") {
  const auto m = mapping(R"({"lesion": "les", "site": "where"})");
  // No image or id column: the lesion id is what identifies a record, so it may not be empty.
  const auto r = import("les,where\nL1,face\n,face\nL1,face\n", m);
  REQUIRE(r.ok);
  CHECK(formatted(r) == std::vector<std::string>{"t.csv:3: les: empty: every record needs a lesion id"});
  CHECK(r.data.cases.size() == 1);
  CHECK(r.loaded == 2);
  CHECK(r.skipped == 1);
  const auto dup = import("pat,les,img,where,age,sex\nP1,1,a,face,,\nP1,1,a,face,,\n", padLike());
  CHECK(formatted(dup) == std::vector<std::string>{"t.csv:3: img: duplicate id 'a' (first on line 2)"});
}

TEST_CASE("counts: JSON records name a lesion's first image by record number", "[counts][json]") {
  const std::string json = R"([{"les": "L", "img": "a", "where": "chest"}, {"les": "L", "img": "b", "where": "knee"}])";
  const auto m = mapping(R"({"lesion": "les", "image": "img", "site": "where"})");
  const auto r = la::importText(json, "t.json", true, &m, la::test::catalog());
  REQUIRE(r.ok);
  CHECK(formatted(r) == std::vector<std::string>{"t.json:#2: where: lesion 'L' (first image on record #1): site "
                                                 "'knee' differs from 'chest'; one lesion, counted at each of its "
                                                 "sites"});
}

TEST_CASE("mapping: what identifies a record must be named once", "[counts][mapping]") {
  CHECK_THROWS_WITH(mapping(R"({"site": "s", "patient": "p"})"),
                    Catch::Contains("name the column that identifies each record"));
  CHECK_THROWS_WITH(mapping(R"({"site": "s", "id": "i", "image": "j"})"), Catch::Contains("not both"));
  CHECK_THROWS_WITH(mapping(R"({"site": "s", "image": "i", "n_cases": "n"})"),
                    Catch::Contains("'n_cases' (patients per record) is for tables of case records"));
  // A named lesion column the file lacks: the rows are read as images, lesions not stated.
  const auto m = mapping(R"({"image": "img", "lesion": "les", "site": "where"})");
  const auto r = import("img,where\na,face\n", m);
  REQUIRE(r.ok);
  CHECK(formatted(r) ==
        std::vector<std::string>{"t.csv:1: les: missing column (mapping 'syn', role 'lesion'); ignored"});
  CHECK_FALSE(statsOf({&r}).lesions.has_value());
}

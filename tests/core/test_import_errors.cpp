// Every kind of import problem, with its message; and the all-or-nothing merge.
// All rows here are synthetic ("SYN..."), made up to exercise the importer; none is a real case.
#include <catch2/catch.hpp>

#include "core/importer.hpp"
#include "test_support.hpp"

using la::importText;
using la::Problem;
using la::Severity;

namespace {

const char* kHeader = "case_id,citation,age_years,age_min,age_max,sex,sites,subtype,ossification,evidence,n_cases\n";

la::ImportResult builtin(const std::string& body) {
  return importText(std::string(kHeader) + body, "t.csv", false, nullptr, la::test::catalog());
}

std::vector<std::string> formatted(const la::ImportResult& r) {
  std::vector<std::string> out;
  for (const Problem& p : r.problems) out.push_back(p.format());
  return out;
}

}  // namespace

TEST_CASE("import: a clean synthetic row loads with its lesions", "[import]") {
  auto r = builtin("SYN1,Synthetic,40,,,F,thigh:left;great-toe,idiopathic,yes,synthetic,1\n");
  REQUIRE(r.ok);
  CHECK(r.problems.empty());
  CHECK(r.loaded == 1);
  REQUIRE(r.data.cases.size() == 1);
  const auto& c = r.data.cases[0];
  CHECK(c.line == 2);
  REQUIRE(c.lesions.size() == 2);
  CHECK(c.lesions[0].siteId == "thigh");
  CHECK(c.lesions[0].side == la::Side::Left);
  CHECK(c.lesions[1].siteId == "great-toe");
  CHECK(c.lesions[1].side == la::Side::None);
  CHECK(c.ossification == la::Ossification::Yes);
}

TEST_CASE("import errors: bad number", "[import][errors]") {
  auto r = builtin("SYN1,Synthetic,fifty,,,F,thigh,idiopathic,,q,1\n");
  CHECK(formatted(r) == std::vector<std::string>{"t.csv:2: age_years: bad number 'fifty'"});
  CHECK(r.skipped == 1);
  CHECK(r.loaded == 0);
  CHECK(r.ok);  // the file is usable; the row is skipped
}

TEST_CASE("import errors: unknown site is a warning; the lesion is kept as unspecified", "[import][errors]") {
  auto r = builtin("SYN1,Synthetic,40,,,F,elbw:left;knee,idiopathic,,q,1\n");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].severity == Severity::Warning);
  CHECK(r.problems[0].format() == "t.csv:2: sites: unknown site 'elbw'; kept as unspecified");
  REQUIRE(r.loaded == 1);
  const auto& l = r.data.cases[0].lesions;
  REQUIRE(l.size() == 2);
  CHECK(l[0].siteId == "unspecified");
  CHECK(l[0].unmatched);
  CHECK(l[0].token == "elbw:left");
  CHECK(l[1].siteId == "knee");
}

TEST_CASE("import errors: age outside 0-120", "[import][errors]") {
  auto r = builtin("SYN1,Synthetic,130,,,F,thigh,idiopathic,,q,1\nSYN2,Synthetic,,-1,20,F,thigh,idiopathic,,q,1\n");
  CHECK(formatted(r) == std::vector<std::string>{"t.csv:2: age_years: age '130' outside 0-120",
                                                 "t.csv:3: age_min: age '-1' outside 0-120"});
  CHECK(r.skipped == 2);
}

TEST_CASE("import errors: min above max, and half a range", "[import][errors]") {
  auto r = builtin("SYN1,Synthetic,,50,40,F,thigh,idiopathic,,q,1\nSYN2,Synthetic,,50,,F,thigh,idiopathic,,q,1\n"
                   "SYN3,Synthetic,30,20,40,F,thigh,idiopathic,,q,1\n");
  CHECK(formatted(r) ==
        std::vector<std::string>{"t.csv:2: age_min: age_min 50 above age_max 40",
                                 "t.csv:3: age_min: age_min given without age_max (a range needs both ends)",
                                 "t.csv:4: age_years: both age_years and age_min/age_max given; keep one"});
}

TEST_CASE("import errors: n_cases must be an integer of at least 1", "[import][errors]") {
  auto r = builtin("SYN1,Synthetic,40,,,F,thigh,idiopathic,,q,0\nSYN2,Synthetic,40,,,F,thigh,idiopathic,,q,2.5\n"
                   "SYN3,Synthetic,40,,,F,thigh,idiopathic,,q,many\nSYN4,Synthetic,40,,,F,thigh,idiopathic,,q,3\n");
  CHECK(formatted(r) == std::vector<std::string>{"t.csv:2: n_cases: n_cases '0' is not an integer of at least 1",
                                                 "t.csv:3: n_cases: n_cases '2.5' is not an integer of at least 1",
                                                 "t.csv:4: n_cases: n_cases 'many' is not an integer of at least 1"});
  REQUIRE(r.loaded == 1);
  CHECK(r.data.cases[0].nPatients == 3);
}

TEST_CASE("import errors: missing required columns fail the whole file", "[import][errors]") {
  auto r = importText("case_id,sites,evidence\nSYN1,thigh,q\n", "t.csv", false, nullptr, la::test::catalog());
  CHECK_FALSE(r.ok);
  CHECK(formatted(r) == std::vector<std::string>{"t.csv:1: citation: missing required column"});
  CHECK(r.data.cases.empty());

  auto r2 = importText("case_id,citation,age_years,evidence\nSYN1,Synthetic,40,q\n", "t.csv", false, nullptr, la::test::catalog());
  CHECK_FALSE(r2.ok);
  REQUIRE(r2.problems.size() == 1);
  CHECK(r2.problems[0].format().rfind("t.csv:1: sites: missing required column (the layout needs one of sites, "
                                      "site_normalized, site_verbatim)",
                                      0) == 0);
}

TEST_CASE("import errors: duplicate id names the first line", "[import][errors]") {
  auto r = builtin("SYN1,Synthetic,40,,,F,thigh,idiopathic,,q,1\nSYN1,Synthetic,41,,,F,knee,idiopathic,,q,1\n");
  CHECK(formatted(r) == std::vector<std::string>{"t.csv:3: case_id: duplicate id 'SYN1' (first on line 2)"});
  CHECK(r.loaded == 1);
  CHECK(r.skipped == 1);
}

TEST_CASE("import errors: malformed quoting", "[import][errors]") {
  auto r = builtin("SYN1,\"Synthetic\" oops,40,,,F,thigh,idiopathic,,q,1\nSYN2,Synthetic,40,,,F,thigh,idiopathic,,q,1\n");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].format() == "t.csv:2: (record): malformed quoting: text after the closing quote of field 2");
  CHECK(r.loaded == 1);
  CHECK(r.skipped == 1);
}

TEST_CASE("import errors: invalid UTF-8 names the field", "[import][errors]") {
  auto r = builtin("SYN1,Synthetic,40,,,F,thigh,idiopathic,,caf\xE9,1\n");
  CHECK(formatted(r) == std::vector<std::string>{"t.csv:2: evidence: invalid UTF-8"});
  CHECK(r.skipped == 1);
}

TEST_CASE("import errors: bad enumerations", "[import][errors]") {
  auto r = builtin("SYN1,Synthetic,40,,,X,thigh,idiopathic,,q,1\nSYN2,Synthetic,40,,,F,thigh,weird,,q,1\n"
                   "SYN3,Synthetic,40,,,F,thigh:up,idiopathic,,q,1\nSYN4,Synthetic,40,,,F,thigh,idiopathic,maybe,q,1\n"
                   ",Synthetic,40,,,F,thigh,idiopathic,,q,1\nSYN6,,40,,,F,thigh,idiopathic,,q,1\n");
  const auto f = formatted(r);
  REQUIRE(f.size() == 6);
  CHECK(f[0] == "t.csv:2: sex: unknown sex 'X' (F, M or empty)");
  CHECK(f[1].rfind("t.csv:3: subtype: unknown subtype 'weird'", 0) == 0);
  CHECK(f[2] == "t.csv:4: sites: unknown side 'up' in 'thigh:up' (left, right, bilateral, midline)");
  CHECK(f[3] == "t.csv:5: ossification: unknown value 'maybe' (yes, no or empty)");
  CHECK(f[4] == "t.csv:6: case_id: empty: every case needs an id");
  CHECK(f[5] == "t.csv:7: citation: empty: every case needs its source");
  CHECK(r.loaded == 0);
  CHECK(r.skipped == 6);
}

TEST_CASE("import: strict mode fails on any error", "[import]") {
  la::ImportOptions strict;
  strict.strict = true;
  auto r = importText(std::string(kHeader) + "SYN1,Synthetic,40,,,F,thigh,idiopathic,,q,1\n"
                                             "SYN2,Synthetic,x,,,F,thigh,idiopathic,,q,1\n",
                      "t.csv", false, nullptr, la::test::catalog(), strict);
  CHECK_FALSE(r.ok);
  CHECK(r.data.cases.empty());
  CHECK(r.loaded == 0);
  CHECK(r.skipped == 2);
}

TEST_CASE("import: a failed import leaves what was loaded before untouched", "[import]") {
  la::Dataset data;
  REQUIRE(la::mergeImport(data, builtin("SYN1,Synthetic,40,,,F,thigh,idiopathic,,q,1\n")));
  REQUIRE(data.cases.size() == 1);
  REQUIRE(data.tables.size() == 1);

  auto bad = importText("case_id,sites\nSYN2,knee\n", "bad.csv", false, nullptr, la::test::catalog());
  CHECK_FALSE(la::mergeImport(data, std::move(bad)));
  CHECK(data.cases.size() == 1);
  CHECK(data.cases[0].id == "SYN1");
  CHECK(data.tables.size() == 1);

  auto missing = la::importFile("/nonexistent/cases.csv", nullptr, la::test::catalog());
  CHECK_FALSE(missing.ok);
  REQUIRE(missing.problems.size() == 1);
  CHECK(missing.problems[0].format().rfind("/nonexistent/cases.csv:0: (file): cannot open", 0) == 0);
  CHECK_FALSE(la::mergeImport(data, std::move(missing)));
  CHECK(data.cases.size() == 1);

  // A second good table is appended with its own table index.
  REQUIRE(la::mergeImport(data, builtin("SYN3,Synthetic,41,,,M,knee,idiopathic,,q,1\n")));
  REQUIRE(data.cases.size() == 2);
  CHECK(data.cases[1].table == 1);
}

TEST_CASE("import: a mapped JSON table, with record numbers in problems", "[import][json]") {
  const auto m = la::ColumnMapping::fromJsonText(R"({
    "name": "Synthetic table", "licence": "CC0 1.0", "attribution": "synthetic test data",
    "columns": {"id": "key", "age": "age", "sex": "gender", "site": "where", "side": "side"},
    "values": {"sex": {"woman": "F", "man": "M"}, "site": {"LEFT SOLE": "sole"}}})",
                                                 "m.json");
  const std::string json = R"([
    {"key": "A", "age": 30.0, "gender": "Woman", "where": "left sole", "side": "left"},
    {"key": "B", "age": null, "gender": "man", "where": "hallux"},
    {"key": "C", "age": "old", "gender": "man", "where": "knee"},
    {"key": "D", "age": 20, "gender": "other", "where": "knee"},
    {"key": "E", "age": 20, "gender": "man", "where": "spleen"},
    7
  ])";
  auto r = importText(json, "t.json", true, &m, la::test::catalog());
  REQUIRE(r.ok);
  CHECK(formatted(r) == std::vector<std::string>{
                            "t.json:#6: (record): expected an object",
                            "t.json:#3: age: bad number 'old'",
                            "t.json:#4: gender: unknown sex 'other' (not in the mapping's sex values)",
                            "t.json:#5: where: unknown site 'spleen'; kept as unspecified"});
  REQUIRE(r.loaded == 3);
  CHECK(r.skipped == 3);
  const auto& cs = r.data.cases;
  CHECK(cs[0].age.kind == la::Age::Kind::Exact);
  CHECK(cs[0].age.years == 30);
  CHECK(cs[0].sex == la::Sex::Female);
  CHECK(cs[0].lesions[0].siteId == "sole");
  CHECK(cs[0].lesions[0].side == la::Side::Left);
  CHECK(cs[1].age.kind == la::Age::Kind::Unknown);
  CHECK(cs[1].lesions[0].siteId == "great-toe");  // matched through the catalog's synonyms
  CHECK(cs[2].lesions[0].siteId == "unspecified");
  CHECK(cs[2].lesions[0].unmatched);
  CHECK(r.data.tables[0].licence == "CC0 1.0");
}

TEST_CASE("mapping: bad mapping files are rejected with the reason", "[import][mapping]") {
  using la::ColumnMapping;
  CHECK_THROWS_WITH(ColumnMapping::fromJsonText(R"({"name":"x","licence":"y","columns":{"id":"a"}})", "m.json"),
                    Catch::Contains("m.json") && Catch::Contains("'site' role is required"));
  CHECK_THROWS_WITH(ColumnMapping::fromJsonText(R"({"name":"x","columns":{"id":"a","site":"b"}})", "m.json"),
                    Catch::Contains("\"licence\" is required"));
  CHECK_THROWS_WITH(
      ColumnMapping::fromJsonText(R"({"name":"x","licence":"y","columns":{"id":"a","site":"b","colour":"c"}})", "m.json"),
      Catch::Contains("unknown role 'colour'"));
  // A value map pointing at a site the catalog lacks fails the import, not just a row.
  const auto m = ColumnMapping::fromJsonText(
      R"({"name":"x","licence":"y","columns":{"id":"a","site":"b"},"values":{"site":{"arm":"armz"}}})", "m.json");
  auto r = importText("a,b\n1,arm\n", "t.csv", false, &m, la::test::catalog());
  CHECK_FALSE(r.ok);
  REQUIRE_FALSE(r.problems.empty());
  CHECK(r.problems[0].reason.find("unknown catalog id 'armz'") != std::string::npos);
  // A mapped required column that the file lacks.
  auto r2 = importText("x,b\n1,arm\n", "t.csv", false, &m, la::test::catalog());
  CHECK_FALSE(r2.ok);
}

TEST_CASE("durations: split and joined back exactly", "[import]") {
  std::vector<std::string> d;
  std::string note;
  la::splitDurations("10 years (abstract) / 1.5 years (case presentation): the report contradicts itself", d, note);
  CHECK(d == std::vector<std::string>{"10 years (abstract)", "1.5 years (case presentation)"});
  CHECK(note == "the report contradicts itself");
  CHECK(la::joinDurations(d, note) ==
        "10 years (abstract) / 1.5 years (case presentation): the report contradicts itself");
  la::splitDurations("6 months-9 years", d, note);
  CHECK(d == std::vector<std::string>{"6 months-9 years"});
  CHECK(note.empty());
  la::splitDurations("", d, note);
  CHECK(d.empty());
}

TEST_CASE("import: the built-in layout also reads JSON records", "[import][json]") {
  const std::string json = R"({"records": [
    {"case_id": "SYN1", "citation": "Synthetic", "age_years": 7, "sex": "M", "sites": "heel:left", "n_cases": 1,
     "evidence": "synthetic"},
    {"case_id": "SYN2", "citation": "Synthetic", "age_min": 30, "age_max": 20, "sites": "knee", "evidence": "q"}
  ]})";
  auto r = importText(json, "t.json", true, nullptr, la::test::catalog());
  REQUIRE(r.ok);
  CHECK(formatted(r) == std::vector<std::string>{"t.json:#2: age_min: age_min 30 above age_max 20"});
  REQUIRE(r.loaded == 1);
  CHECK(r.data.cases[0].age.years == 7);
  CHECK(r.data.cases[0].lesions[0].siteId == "heel");
  CHECK(r.data.cases[0].lesions[0].side == la::Side::Left);
}

TEST_CASE("import errors: empty file, broken header, bad JSON", "[import][errors]") {
  CHECK(formatted(importText("", "e.csv", false, nullptr, la::test::catalog())) ==
        std::vector<std::string>{"e.csv:0: (file): empty file: no header row"});
  const auto h = importText("case_id,\"citation\"x\nSYN1,c\n", "h.csv", false, nullptr, la::test::catalog());
  CHECK_FALSE(h.ok);
  CHECK(formatted(h) ==
        std::vector<std::string>{"h.csv:1: (header): malformed quoting: text after the closing quote of field 2"});
  const auto j = importText("[{\"case_id\": ", "j.json", true, nullptr, la::test::catalog());
  CHECK_FALSE(j.ok);
  REQUIRE(j.problems.size() == 1);
  CHECK(j.problems[0].format().rfind("j.json:1: (file): not valid JSON", 0) == 0);
}

TEST_CASE("import: a case without its evidence quote is flagged (kept, but validate fails)", "[import][errors]") {
  auto r = builtin("SYN1,Synthetic,40,,,F,thigh,idiopathic,,,1\n");
  CHECK(formatted(r) == std::vector<std::string>{"t.csv:2: evidence: empty: every case needs a verbatim quote from its source"});
  CHECK(r.problems[0].severity == Severity::Warning);
  CHECK(r.loaded == 1);
  auto noColumn = importText("case_id,citation,sites\nSYN1,Synthetic,knee\n", "t.csv", false, nullptr, la::test::catalog());
  CHECK(noColumn.ok);
  CHECK(formatted(noColumn) ==
        std::vector<std::string>{"t.csv:1: evidence: missing column: cases will have no verbatim quote from their source"});
}

TEST_CASE("import: a left/right side on a site without sides is flagged", "[import][errors]") {
  auto r = builtin("SYN1,Synthetic,40,,,M,scrotum:left;umbilical-region:midline,idiopathic,,q,1\n");
  CHECK(formatted(r) == std::vector<std::string>{"t.csv:2: sites: site 'scrotum' has no sides; side 'left' kept as written"});
  REQUIRE(r.loaded == 1);
  CHECK(r.data.cases[0].lesions[0].side == la::Side::Left);
}

// A JSON table's columns are the union of its records' keys, and every record gets a cell for
// each: records with many distinct keys would multiply into billions of cells. Limits (1000
// columns, 32 Mi cells) are checked before any cell is made.
TEST_CASE("import limits: a JSON table whose keys pass 1000 columns is refused, naming the record and key", "[import][errors]") {
  std::string json = "[";
  for (int r = 0; r < 11; ++r) {
    json += r ? ",{" : "{";
    for (int k = 0; k < 100; ++k) json += (k ? ",\"" : "\"") + ("r" + std::to_string(r) + "k" + std::to_string(k)) + "\":1";
    json += "}";
  }
  json += "]";
  const auto r = importText(json, "keys.json", true, nullptr, la::test::catalog());
  CHECK_FALSE(r.ok);
  CHECK(r.data.cases.empty());
  REQUIRE(r.problems.size() == 1);
  // Record 11 (1-based) brings key 1001: its first key.
  CHECK(r.problems[0].format() == "keys.json:#11: 'r10k0': this key would make column 1001: the records' keys are the "
                                  "table's columns, and a table has at most 1000 (docs/DATA.md, \"Size limits\"); not read");
}

TEST_CASE("import limits: records times columns over 32 Mi cells is refused before the cells are made", "[import][errors]") {
  // 34000 records and one of them with 1000 keys: 34 million cells, from 300 kB of text.
  std::string json = "[{";
  for (int k = 0; k < 1000; ++k) json += (k ? ",\"k" : "\"k") + std::to_string(k) + "\":1";
  json += "}";
  for (int r = 1; r < 34000; ++r) json += ",{}";
  json += "]";
  const auto r = importText(json, "wide.json", true, nullptr, la::test::catalog());
  CHECK_FALSE(r.ok);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].format() == "wide.json:0: (file): 34000 records with 1000 distinct keys would make 34000000 cells, "
                                  "over the limit of 33554432 (docs/DATA.md, \"Size limits\"); not read");
}

// The JSON readers' shared helpers (core/json_text) and what they give a user: the line of bad
// JSON, and a refusal of absurd nesting. Inputs are written out by hand; the expected lines are
// counted on them, not computed by the code under test.
#include <catch2/catch.hpp>

#include <string>

#include "core/column_mapping.hpp"
#include "core/importer.hpp"
#include "core/json_text.hpp"
#include "core/site_map.hpp"
#include "test_support.hpp"

TEST_CASE("json_text: the line of a byte offset", "[json]") {
  const std::string text = "{\n  \"a\": 1,\n  \"b\": x\n}\n";
  // nlohmann's byte offsets count from 1: the 'x' (index 19) is byte 20, on line 3.
  CHECK(text[19] == 'x');
  CHECK(la::lineAtByte(text, 20) == 3);
  CHECK(la::lineAtByte(text, 1) == 1);
  CHECK(la::lineAtByte(text, 2) == 1);  // the first newline itself still belongs to line 1
  CHECK(la::lineAtByte(text, 3) == 2);
  CHECK(la::lineAtByte(text, 999) == 5);  // past the end: the line after the last newline
}

TEST_CASE("json_text: nesting deeper than the limit is found on its line", "[json]") {
  CHECK(la::jsonLineTooDeep("[[[]]]", 3) == 0);
  CHECK(la::jsonLineTooDeep("[[[[]]]]", 3) == 1);
  CHECK(la::jsonLineTooDeep("{\"a\":\n [\n  {\"b\": [[]]}]}", 3) == 3);
  // Brackets inside strings, and escaped quotes inside strings, are not nesting.
  CHECK(la::jsonLineTooDeep("[\"[[[[\\\"[[[[\"]", 2) == 0);
  CHECK(la::jsonLineTooDeep(std::string(100, '[') + std::string(100, ']')) == 0);
  CHECK(la::jsonLineTooDeep(std::string(101, '[') + std::string(101, ']')) == 1);
}

TEST_CASE("malformed JSON tables: the line and a reason, never a crash", "[json][import][errors]") {
  const auto& cat = la::test::catalog();
  // A cell nested a million levels deep would overflow the stack when kept as text.
  const std::string deep = "[{\"case_id\": \"SYN1\",\n \"notes\": " + std::string(1000000, '[') +
                           std::string(1000000, ']') + "}]";
  auto r = la::importText(deep, "deep.json", true, nullptr, cat);
  CHECK_FALSE(r.ok);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].format() == "deep.json:2: (file): nested more than 100 levels deep (a table needs a few)");

  r = la::importText("[\n{\"case_id\": \"SYN1\",\n \"age_years\": NaN}]", "nan.json", true, nullptr, cat);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].format().rfind("nan.json:3: (file): not valid JSON", 0) == 0);
}

TEST_CASE("malformed CSV ages: nan and inf are not numbers", "[import][errors]") {
  const std::string csv = "case_id,citation,age_years,sites,evidence\n"
                          "SYN1,Synthetic,nan,knee,q\n"
                          "SYN2,Synthetic,inf,knee,q\n";
  const auto r = la::importText(csv, "n.csv", false, nullptr, la::test::catalog());
  REQUIRE(r.problems.size() == 2);
  CHECK(r.problems[0].format() == "n.csv:2: age_years: bad number 'nan'");
  CHECK(r.problems[1].format() == "n.csv:3: age_years: bad number 'inf'");
  CHECK(r.loaded == 0);
}

TEST_CASE("malformed mappings and site maps name the file, the line or field, and the reason", "[json][errors]") {
  CHECK_THROWS_WITH(la::ColumnMapping::fromJsonText("{\n \"name\": \"x\",\n \"licence\": NaN}", "m.json"),
                    Catch::StartsWith("m.json:3: not valid JSON"));
  CHECK_THROWS_WITH(la::ColumnMapping::fromJsonText(R"({"name": 5, "licence": "x", "columns": {}})", "m.json"),
                    Catch::StartsWith("m.json: name: expected a string"));
  CHECK_THROWS_WITH(
      la::ColumnMapping::fromJsonText(R"({"name": "n", "licence": "x", "columns": {"site": "s", "id": [""]}})", "m.json"),
      Catch::StartsWith("m.json: columns.id: a column name is empty"));
  const std::string head = R"({"format": "lesion-atlas site map", "version": 1, "sites": [{"site": "knee", )";
  const std::string hugeId = head + R"("position": [0,0,0], "normal": [0,0,1], "patch": [1e300]}]})";
  CHECK_THROWS_WITH(la::SiteMap::fromJsonText(hugeId, "s.sites.json"),
                    Catch::StartsWith("s.sites.json: site map: knee (none): patch vertex must be an integer"));
  const std::string numberSide = head + R"("side": 3, "position": [0,0,0], "normal": [0,0,1]}]})";
  CHECK_THROWS_WITH(la::SiteMap::fromJsonText(numberSide, "s.sites.json"),
                    Catch::StartsWith("s.sites.json: site map: knee: 'side' must be a string"));
}

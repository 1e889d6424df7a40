// Text (core/text.hpp), the shared string of case fields, and what the importer builds on it: rows
// that repeat a value share one copy, lesion and id lookups that survive the index growing, and
// CSV tables whose kept records follow dropped ones.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "core/column_mapping.hpp"
#include "core/csv_reader.hpp"
#include "core/importer.hpp"
#include "test_support.hpp"

using la::Text;

TEST_CASE("text: reads like a const std::string, copies share, empty allocates nothing") {
  const Text empty;
  CHECK(empty.empty());
  CHECK(empty.str().empty());
  CHECK(empty == "");
  CHECK_FALSE(empty.sharesWith(Text()));  // nothing to share

  const Text a("lower-limb");
  const std::string s = "lower-limb";
  CHECK(a == s);
  CHECK(s == a);
  CHECK(a == "lower-limb");
  CHECK(a == std::string_view("lower-limb"));
  CHECK(a != "lower");
  CHECK(Text("abc") < Text("abd"));
  CHECK(a.size() == 10);
  CHECK(a.find('-') == 5);
  CHECK(std::string("[") + a + "]" == "[lower-limb]");
  const std::string& ref = a;  // the conversion the rest of the app relies on
  CHECK(ref == "lower-limb");

  Text b = a;
  CHECK(b.sharesWith(a));
  b = "upper-limb";  // replaced, never edited: `a` keeps its words
  CHECK(a == "lower-limb");
  CHECK(b == "upper-limb");

  std::ostringstream out;
  out << a;
  CHECK(out.str() == "lower-limb");
  CHECK(nlohmann::json(a) == "lower-limb");
  CHECK(nlohmann::json("x").get<Text>() == "x");
  std::map<std::string, int> m;
  ++m[a];
  CHECK(m.at("lower-limb") == 1);
}

namespace {

// A HAM10000-layout table of `lesions` lesions, the images of each spread over the whole table
// (image i shows lesion i % lesions), so that merging goes through the index, not the previous row.
std::string spreadTable(int lesions, int images) {
  std::string t = "lesion_id,image_id,dx,dx_type,age,sex,localization\n";
  for (int i = 0; i < images; ++i)
    t += "L" + std::to_string(i % lesions) + ",IMG" + std::to_string(i) + ",nv,histo,40,male,back\n";
  return t;
}

const la::ColumnMapping& ham() {
  static const auto m = la::ColumnMapping::load(la::test::sourcePath("assets/mappings/ham10000.json"));
  return m;
}

}  // namespace

TEST_CASE("import: images of a lesion far apart in the table are one case; repeated words are shared") {
  // 3000 lesions, 3 images each: the indexes grow several times while rows are read.
  const auto r = la::importText(spreadTable(3000, 9000), "spread.csv", false, &ham(), la::test::catalog());
  REQUIRE(r.ok);
  CHECK(r.loaded == 9000);
  REQUIRE(r.data.cases.size() == 3000);
  for (const la::Case& c : r.data.cases) {
    CHECK(c.nImages == 3);
    REQUIRE(c.lesions.size() == 1);
    CHECK(c.lesions[0].nImages == 3);
  }
  const la::Case& first = r.data.cases.front();
  CHECK(first.id == "L0");
  CHECK(first.line == 2);
  // The diagnosis and the site are stored once for the whole table.
  const la::Case& last = r.data.cases.back();
  CHECK(first.diagnosis.sharesWith(last.diagnosis));
  CHECK(first.lesions[0].siteId.sharesWith(last.lesions[0].siteId));
  CHECK(first.lesions[0].siteId == "back");
}

TEST_CASE("import: a duplicate image id after thousands of rows names the first one's line") {
  std::string t = spreadTable(5000, 5000);
  t += "L1,IMG17,nv,histo,40,male,back\n";  // line 5002 repeats the image id of line 19
  const auto r = la::importText(t, "dup.csv", false, &ham(), la::test::catalog());
  REQUIRE(r.ok);
  CHECK(r.loaded == 5000);
  CHECK(r.skipped == 1);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].line == 5002);
  CHECK(r.problems[0].reason == "duplicate id 'IMG17' (first on line 19)");
}

TEST_CASE("csv: records kept after dropped ones keep their own fields") {
  const auto t = la::parseCsv("a,b\nx1,y1\nbad\"q,1\n1,2,3\nx2,\ny3,\"q\"\"uoted\"\n");
  REQUIRE(t.recordCount() == 3);
  CHECK(t.field(0, 0) == "x1");
  CHECK(t.field(0, 1) == "y1");
  CHECK(t.field(1, 0) == "x2");
  CHECK(t.field(1, 1) == "");
  CHECK(t.field(2, 0) == "y3");
  CHECK(t.field(2, 1) == "q\"uoted");
  CHECK(t.issues.size() == 2);
}

// The case table's search and sort, checked against the shipped table read with the tests' own
// CSV reader (expectations are computed from the raw rows, not from the importer).
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "core/case_search.hpp"
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

const std::vector<la::test::CsvRow>& rows() {
  static const auto r = la::test::csvRecords(la::test::sourcePath("assets/data/calcinosis_cases.csv"));
  return r;
}

std::vector<const la::Case*> all() {
  std::vector<const la::Case*> out;
  for (const la::Case& c : data().cases) out.push_back(&c);
  return out;
}

std::vector<std::string> ids(const std::vector<const la::Case*>& cases) {
  std::vector<std::string> out;
  for (const la::Case* c : cases) out.push_back(c->id);
  return out;
}

std::string lower(std::string s) {
  for (char& ch : s) ch = char(std::tolower((unsigned char)ch));
  return s;
}

// What a raw row offers a search: its own text columns, plus the catalog's name and synonyms of
// each site token (the table stores ids; a reader types names).
std::string rawText(const la::test::CsvRow& r) {
  std::string t;
  for (const char* col : {"case_id", "citation", "doi", "pmid", "site_verbatim", "sites", "variant", "evidence"})
    t += lower(r.at(col)) + "\n";
  std::string tok;
  for (char ch : r.at("sites") + ";") {
    if (ch != ';') { tok += ch; continue; }
    if (const la::Site* s = la::test::catalog().byId(tok.substr(0, tok.find(':')))) {
      t += lower(s->name) + "\n";
      for (const auto& syn : s->synonyms) t += lower(syn) + "\n";
    }
    tok.clear();
  }
  return t;
}

std::vector<std::string> rawMatches(std::initializer_list<const char*> words) {
  std::vector<std::string> out;
  for (const auto& r : rows()) {
    const std::string t = rawText(r);
    if (std::all_of(words.begin(), words.end(), [&](const char* w) { return t.find(w) != std::string::npos; }))
      out.push_back(r.at("case_id"));
  }
  return out;
}

double rawAgeLow(const la::test::CsvRow& r) {
  return !r.at("age_years").empty() ? std::stod(r.at("age_years")) : std::stod(r.at("age_min"));
}
bool rawHasAge(const la::test::CsvRow& r) { return !r.at("age_years").empty() || !r.at("age_min").empty(); }

}  // namespace

TEST_CASE("search: an empty query shows every case", "[search]") {
  CHECK(la::searchCases(all(), "", la::test::catalog()).size() == rows().size());
  CHECK(la::searchCases(all(), "   ", la::test::catalog()).size() == rows().size());
}

TEST_CASE("search: ids, ignoring case", "[search]") {
  CHECK(ids(la::searchCases(all(), "cc066", la::test::catalog())) == std::vector<std::string>{"CC066"});
  CHECK(ids(la::searchCases(all(), "CC000", la::test::catalog())) == std::vector<std::string>{"CC000"});
}

TEST_CASE("search: evidence, citation, site wording and variant text, as the raw rows have them", "[search]") {
  const auto& cat = la::test::catalog();
  for (const char* word : {"ulcer", "thigh", "scrotal", "tumoral", "dermatomyositis", "2019", "nodule"}) {
    INFO(word);
    const auto expected = rawMatches({word});
    CHECK_FALSE(expected.empty());
    CHECK(ids(la::searchCases(all(), word, cat)) == expected);
  }
  // Every word must occur (in any field): a narrower result than either word alone.
  const auto both = ids(la::searchCases(all(), "thigh  Nodule", cat));
  CHECK(both == rawMatches({"thigh", "nodule"}));
  CHECK(both.size() < rawMatches({"nodule"}).size());
  CHECK(la::searchCases(all(), "no-such-word-anywhere", cat).empty());
}

TEST_CASE("search: a catalog synonym finds the site's cases", "[search]") {
  const auto found = ids(la::searchCases(all(), "hallux", la::test::catalog()));
  CHECK(std::find(found.begin(), found.end(), "CC066") != found.end());  // great-toe:left
}

TEST_CASE("sort: ids compare naturally, CC9 before CC10", "[sort]") {
  std::vector<la::Case> cs(4);
  cs[0].id = "CC10";
  cs[1].id = "CC9";
  cs[2].id = "cc010a";
  cs[3].id = "CC1";
  std::vector<const la::Case*> v{&cs[0], &cs[1], &cs[2], &cs[3]};
  la::sortCases(v, {la::CaseColumn::Id, false}, la::test::catalog());
  CHECK(ids(v) == std::vector<std::string>{"CC1", "CC9", "CC10", "cc010a"});
  la::sortCases(v, {la::CaseColumn::Id, true}, la::test::catalog());
  CHECK(ids(v) == std::vector<std::string>{"cc010a", "CC10", "CC9", "CC1"});
}

TEST_CASE("sort: ages by their lower end; unstated ages last in both directions", "[sort]") {
  std::set<std::string> withAge, withoutAge;
  std::map<std::string, double> low;
  for (const auto& r : rows()) {
    (rawHasAge(r) ? withAge : withoutAge).insert(r.at("case_id"));
    if (rawHasAge(r)) low[r.at("case_id")] = rawAgeLow(r);
  }
  REQUIRE_FALSE(withoutAge.empty());
  for (bool desc : {false, true}) {
    auto v = all();
    la::sortCases(v, {la::CaseColumn::Age, desc}, la::test::catalog());
    REQUIRE(v.size() == rows().size());
    for (size_t i = 0; i < withAge.size(); ++i) CHECK(withAge.count(v[i]->id));
    for (size_t i = withAge.size(); i < v.size(); ++i) CHECK(withoutAge.count(v[i]->id));
    for (size_t i = 1; i < withAge.size(); ++i) {
      INFO(v[i - 1]->id << " then " << v[i]->id);
      CHECK((desc ? low[v[i - 1]->id] >= low[v[i]->id] : low[v[i - 1]->id] <= low[v[i]->id]));
    }
  }
}

TEST_CASE("sort: every column gives a permutation; equal values keep table order", "[sort]") {
  const auto base = ids(all());
  for (int c = 0; c < la::kCaseColumnCount; ++c)
    for (bool desc : {false, true}) {
      INFO(la::columnName(la::CaseColumn(c)) << (desc ? " descending" : ""));
      auto v = all();
      la::sortCases(v, {la::CaseColumn(c), desc}, la::test::catalog());
      auto got = ids(v);
      std::sort(got.begin(), got.end());
      auto want = base;
      std::sort(want.begin(), want.end());
      CHECK(got == want);
    }
  // Year: raw years ascending, ties in file order.
  auto v = all();
  la::sortCases(v, {la::CaseColumn::Year, false}, la::test::catalog());
  std::vector<std::pair<int, size_t>> raw;
  for (size_t i = 0; i < rows().size(); ++i)
    if (!rows()[i].at("year").empty()) raw.push_back({std::stoi(rows()[i].at("year")), i});
  std::stable_sort(raw.begin(), raw.end(), [](auto& a, auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < raw.size(); ++i) CHECK(v[i]->id == rows()[raw[i].second].at("case_id"));
}

TEST_CASE("sort: subtype and sex put unstated values last", "[sort]") {
  auto v = all();
  la::sortCases(v, {la::CaseColumn::Sex, true}, la::test::catalog());
  size_t unknown = 0;
  for (const auto& r : rows()) unknown += r.at("sex").empty();
  for (size_t i = v.size() - unknown; i < v.size(); ++i) CHECK(v[i]->sex == la::Sex::Unknown);
  for (size_t i = 0; i + unknown < v.size(); ++i) CHECK(v[i]->sex != la::Sex::Unknown);
  CHECK(v.front()->sex == la::Sex::Male);  // "M" > "F" descending
}

TEST_CASE("shown line names its unit", "[search]") {
  CHECK(la::shownLine(12, 193) == "12 of 193 cases shown");
  CHECK(la::shownLine(1, 1) == "1 of 1 case shown");
}

// The teaching cards (assets/content/teaching-cards.json) against the shipped case table and
// catalog, the loader's error messages, and the per-site counts recomputed here from the raw CSV.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/content.hpp"
#include "core/csv_reader.hpp"
#include "core/importer.hpp"
#include "core/teaching_cards.hpp"
#include "test_support.hpp"

namespace {

const std::string kCardsFile = "assets/content/teaching-cards.json";
const std::string kCasesFile = "assets/data/calcinosis_cases.csv";

const la::Dataset& shippedData() {
  static const la::ImportResult r = la::importFile(la::test::sourcePath(kCasesFile), nullptr, la::test::catalog());
  REQUIRE(r.ok);
  return r.data;
}

const std::vector<la::TeachingCard>& shippedCards() {
  static const auto cards =
      la::loadTeachingCards(la::test::sourcePath(kCardsFile), shippedData(), la::test::catalog());
  return cards;
}

// One CSV row as the curators wrote it, read without the importer.
struct RawRow {
  std::string id, subtype, variant, evidence;
  std::vector<std::string> siteIds;  // the `sites` tokens without their side
};

std::vector<RawRow> rawRows(const std::string& path) {
  const la::CsvTable t = la::parseCsv(la::readFile(path));
  REQUIRE(t.issues.empty());
  auto col = [&](const char* name) {
    const auto it = std::find(t.header.begin(), t.header.end(), name);
    REQUIRE(it != t.header.end());
    return size_t(it - t.header.begin());
  };
  const size_t id = col("case_id"), sub = col("subtype"), var = col("variant"), sites = col("sites"), ev = col("evidence");
  std::vector<RawRow> rows;
  for (size_t r = 0; r < t.recordCount(); ++r) {
    RawRow row{std::string(t.field(r, id)), std::string(t.field(r, sub)), std::string(t.field(r, var)),
               std::string(t.field(r, ev)), {}};
    std::stringstream ss{std::string(t.field(r, sites))};
    for (std::string tok; std::getline(ss, tok, ';');) {
      tok = tok.substr(0, tok.find(':'));
      tok.erase(0, tok.find_first_not_of(' '));
      tok.erase(tok.find_last_not_of(' ') + 1);
      row.siteIds.push_back(tok);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// The card a raw row belongs to, by the card id's own spelling ("subtype-x" / "variant-y").
bool rowMatches(const std::string& cardId, const RawRow& row) {
  if (cardId.rfind("subtype-", 0) == 0) return row.subtype == cardId.substr(8);
  return la::classifyVariant(row.variant) == cardId.substr(8);
}

bool rowAtSite(const RawRow& row, const std::string& site) {
  return std::any_of(row.siteIds.begin(), row.siteIds.end(),
                     [&](const std::string& s) { return la::test::catalog().isWithin(s, site); });
}

// Every case id and site id named anywhere in the raw card file, read without the loader.
struct RawRef {
  std::string card, field, caseId, site;
};
std::vector<RawRef> rawRefs() {
  const auto j = nlohmann::json::parse(la::readFile(la::test::sourcePath(kCardsFile)));
  std::vector<RawRef> refs;
  for (const auto& c : j.at("cards"))
    for (const char* field : {"definition", "sites", "mechanism", "histology", "differentials"})
      for (const auto& s : c.at(field))
        refs.push_back({c.at("id"), field, s.value("case", ""), s.value("site", "")});
  return refs;
}

std::string errorOf(const std::string& text) {
  try {
    la::parseTeachingCards(text, "cards.json");
  } catch (const la::TeachingCardError& e) {
    return e.what();
  }
  return "(no error)";
}

// A valid one-card file; tests break one thing at a time.
std::string oneCard(const std::string& cardBody) {
  return R"({"format": "lesion-atlas-teaching-cards", "version": 1, "cards": [)" + cardBody + "]}";
}
const std::string kGoodCard = R"({"id": "variant-scrotal", "title": "Scrotal calcinosis",
  "definition": [{"text": "A variant.", "source": "report"}],
  "sites": [{"site": "scrotum", "source": "case", "case": "CC010"}],
  "mechanism": [{"text": "Unknown.", "source": "general"}], "histology": [], "differentials": [],
  "sources": ["report", "case:CC010", "general"]})";

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("teaching cards: the shipped cards load and validate against the shipped table and catalog", "[cards]") {
  REQUIRE_NOTHROW(shippedCards());
  CHECK(shippedCards().size() >= 5);
  for (const auto& card : shippedCards()) {
    INFO(card.id);
    CHECK(!card.title.empty());
    CHECK(!card.definition.empty());
    CHECK(!card.sites.empty());
  }
}

TEST_CASE("teaching cards: one card per subtype and per variant that occurs in the table, no others", "[cards]") {
  std::set<std::string> expected;
  for (const char* s : {"dystrophic", "metastatic", "idiopathic", "iatrogenic", "calciphylaxis"})
    expected.insert(std::string("subtype-") + s);
  for (const auto& row : rawRows(la::test::sourcePath(kCasesFile))) {
    const std::string v = la::classifyVariant(row.variant);
    if (!v.empty() && v != "other") expected.insert("variant-" + v);
  }
  std::set<std::string> ids;
  for (const auto& card : shippedCards()) ids.insert(card.id);
  CHECK(ids == expected);
  CHECK(ids.count("variant-scrotal"));  // the brief's own examples occur in the table
  CHECK(ids.count("variant-subepidermal-calcified-nodule"));
}

TEST_CASE("teaching cards: every cited case is a row of the table and every site a catalog id", "[cards]") {
  std::map<std::string, RawRow> rows;
  for (auto& row : rawRows(la::test::sourcePath(kCasesFile))) rows[row.id] = row;
  size_t caseRefs = 0;
  for (const auto& ref : rawRefs()) {
    INFO(ref.card << " " << ref.field << " case " << ref.caseId << " site " << ref.site);
    if (!ref.caseId.empty()) {
      ++caseRefs;
      CHECK(rows.count(ref.caseId) == 1);
    }
    if (ref.field == "sites") CHECK(la::test::catalog().byId(ref.site) != nullptr);
    // A site sourced to a case must be a site that row names, and the row must be of the card's kind.
    if (ref.field == "sites" && !ref.caseId.empty() && rows.count(ref.caseId)) {
      CHECK(rowAtSite(rows[ref.caseId], ref.site));
      CHECK(rowMatches(ref.card, rows[ref.caseId]));
    }
  }
  CHECK(caseRefs > 50);
}

TEST_CASE("teaching cards: every card's sources list is exactly the sources its statements use", "[cards]") {
  for (const auto& card : shippedCards()) {
    INFO(card.id);
    std::set<std::string> used;
    for (const auto* list : {&card.definition, &card.mechanism, &card.histology, &card.differentials})
      for (const auto& s : *list)
        used.insert(s.source == la::CardSourceKind::Case ? "case:" + s.caseId : la::toString(s.source));
    for (const auto& s : card.sites)
      used.insert(s.source == la::CardSourceKind::Case ? "case:" + s.caseId : la::toString(s.source));
    CHECK(std::set<std::string>(card.sources.begin(), card.sources.end()) == used);
    CHECK(card.sources.size() == used.size());
  }
}

TEST_CASE("teaching cards: site counts equal counts made here from the raw CSV", "[cards]") {
  const auto rows = rawRows(la::test::sourcePath(kCasesFile));
  std::vector<const la::Case*> all;
  for (const auto& c : shippedData().cases) all.push_back(&c);
  for (const auto& card : shippedCards()) {
    INFO(card.id);
    const la::CardCounts got = la::countCardCases(card, all, la::test::catalog());
    size_t matching = 0;
    for (const auto& row : rows) matching += rowMatches(card.id, row);
    CHECK(got.cases == matching);
    REQUIRE(got.sites.size() == card.sites.size());
    for (size_t i = 0; i < card.sites.size(); ++i) {
      size_t atSite = 0;
      for (const auto& row : rows) atSite += rowMatches(card.id, row) && rowAtSite(row, card.sites[i].siteId);
      CHECK(got.sites[i].siteId == card.sites[i].siteId);
      CHECK(got.sites[i].cases == atSite);
    }
  }
  // A few values by hand from the table (README: 19 scrotal rows, all at the scrotum; 3 heel-stick rows).
  const auto* scrotal = la::findCard(shippedCards(), "variant-scrotal");
  REQUIRE(scrotal);
  const auto sc = la::countCardCases(*scrotal, all, la::test::catalog());
  CHECK(sc.cases == 19);
  CHECK(sc.sites.at(0).cases == 19);
  const auto* heel = la::findCard(shippedCards(), "variant-heel-stick");
  REQUIRE(heel);
  CHECK(la::countCardCases(*heel, all, la::test::catalog()).sites.at(0).cases == 3);
}

TEST_CASE("teaching cards: counts follow the cases given, a series counts once", "[cards]") {
  la::TeachingCard card;
  card.id = "subtype-idiopathic";
  card.kind = la::CardKind::Subtype;
  card.subtype = la::Subtype::Idiopathic;
  card.sites = {{"face", la::CardSourceKind::General, ""}, {"head-and-neck", la::CardSourceKind::Report, ""}};
  la::Case eyelid;  // a series of 14 with two lesions at sites below face
  eyelid.subtype = la::Subtype::Idiopathic;
  eyelid.nPatients = 14;
  eyelid.lesions = {{"eyelid"}, {"nose"}};
  la::Case ear;
  ear.subtype = la::Subtype::Idiopathic;
  ear.lesions = {{"ear"}};
  la::Case otherSubtype;
  otherSubtype.subtype = la::Subtype::Dystrophic;
  otherSubtype.lesions = {{"face"}};
  la::Case noSubtype;  // a mapped table without subtypes
  noSubtype.lesions = {{"face"}};
  const auto c = la::countCardCases(card, {&eyelid, &ear, &otherSubtype, &noSubtype}, la::test::catalog());
  CHECK(c.cases == 2);
  CHECK(c.sites[0].cases == 1);  // face: the eyelid series, once
  CHECK(c.sites[1].cases == 2);  // head and neck: the series and the ear
}

TEST_CASE("teaching cards: cards reachable from a case and from a site", "[cards]") {
  const auto& cards = shippedCards();
  auto ids = [](const std::vector<const la::TeachingCard*>& v) {
    std::vector<std::string> out;
    for (const auto* c : v) out.push_back(c->id);
    return out;
  };
  la::Case scrotal;
  scrotal.subtype = la::Subtype::Idiopathic;
  scrotal.variant = "scrotal";
  CHECK(ids(la::cardsForCase(cards, scrotal)) == std::vector<std::string>{"subtype-idiopathic", "variant-scrotal"});
  la::Case other;  // "other" has no card, unspecified has none either
  other.subtype = la::Subtype::Unspecified;
  other.variant = "other";
  CHECK(la::cardsForCase(cards, other).empty());
  const auto forEyelid = ids(la::cardsForSite(cards, "eyelid", la::test::catalog()));  // below face, head and neck
  CHECK(std::count(forEyelid.begin(), forEyelid.end(), "variant-subepidermal-calcified-nodule") == 1);
  CHECK(std::count(forEyelid.begin(), forEyelid.end(), "subtype-idiopathic") == 1);
  const auto forScrotum = ids(la::cardsForSite(cards, "scrotum", la::test::catalog()));
  CHECK(std::count(forScrotum.begin(), forScrotum.end(), "variant-scrotal") == 1);
  CHECK(std::count(forScrotum.begin(), forScrotum.end(), "variant-heel-stick") == 0);
}

TEST_CASE("teaching cards: the card key picks the focused case's cards, then each filter's variant and single subtype", "[cards]") {
  const auto& cards = shippedCards();
  auto ids = [](const std::vector<const la::TeachingCard*>& v) {
    std::vector<std::string> out;
    for (const auto* c : v) out.push_back(c->id);
    return out;
  };
  la::CaseFilter none;
  CHECK(la::cardsForView(cards, {&none}, nullptr).empty());  // all subtypes, any variant: no card is "the" card
  la::CaseFilter two;
  two.subtypes = {la::Subtype::Idiopathic, la::Subtype::Dystrophic};
  CHECK(la::cardsForView(cards, {&two}, nullptr).empty());
  la::CaseFilter scn;  // the shipped subepidermal-calcified-nodules scene
  scn.variant = "subepidermal-calcified-nodule";
  scn.site = "head-and-neck";
  CHECK(ids(la::cardsForView(cards, {&scn}, nullptr)) == std::vector<std::string>{"variant-subepidermal-calcified-nodule"});
  la::CaseFilter byName;  // a filter may name the variant as the panel shows it
  byName.variant = "Scrotal";
  byName.subtypes = {la::Subtype::Idiopathic};
  CHECK(ids(la::cardsForView(cards, {&byName}, nullptr)) == std::vector<std::string>{"variant-scrotal", "subtype-idiopathic"});
  la::CaseFilter idio, dys;  // a comparison: one card per side
  idio.subtypes = {la::Subtype::Idiopathic};
  dys.subtypes = {la::Subtype::Dystrophic};
  CHECK(ids(la::cardsForView(cards, {&idio, &dys}, nullptr)) ==
        std::vector<std::string>{"subtype-idiopathic", "subtype-dystrophic"});
  // The index case scene: idiopathic filter, CC000 ringed; the case's cards come first and the
  // filter's idiopathic card is not repeated.
  const la::Case* cc000 = nullptr;
  for (const la::Case& c : shippedData().cases)
    if (c.id == "CC000") cc000 = &c;
  REQUIRE(cc000);
  // CC000 in the CSV: subtype "idiopathic", no variant.
  CHECK(ids(la::cardsForView(cards, {&idio}, cc000)) == std::vector<std::string>{"subtype-idiopathic"});
  CHECK(ids(la::cardsForView(cards, {&dys}, cc000)) == std::vector<std::string>{"subtype-idiopathic", "subtype-dystrophic"});
  la::Case scrotal;
  scrotal.subtype = la::Subtype::Idiopathic;
  scrotal.variant = "scrotal";
  CHECK(ids(la::cardsForView(cards, {&scn}, &scrotal)) ==
        std::vector<std::string>{"subtype-idiopathic", "variant-scrotal", "variant-subepidermal-calcified-nodule"});
}

TEST_CASE("teaching cards: a malformed file names the file, the card and the field", "[cards]") {
  REQUIRE_NOTHROW(la::parseTeachingCards(oneCard(kGoodCard), "cards.json"));
  CHECK(errorOf(oneCard(replaced(kGoodCard, R"("title": "Scrotal calcinosis",)", ""))) ==
        "cards.json: card 'variant-scrotal': title: missing");
  CHECK(errorOf(oneCard(replaced(kGoodCard, R"("histology": [],)", R"("histology": [], "count": 3,)"))).find(
            "cards.json: card 'variant-scrotal': count: unknown key") == 0);
  CHECK(errorOf(oneCard(replaced(kGoodCard, R"("source": "general"})", R"("source": "textbook"})"))) ==
        "cards.json: card 'variant-scrotal': mechanism[0].source: unknown source 'textbook' (expected report, case or "
        "general)");
  CHECK(errorOf(oneCard(replaced(kGoodCard, R"(, "case": "CC010"})", "}"))).find(
            "cards.json: card 'variant-scrotal': sites[0].case: source 'case' needs a case id\n") == 0);
  CHECK(errorOf(oneCard(replaced(kGoodCard, R"("source": "report"})", R"("source": "report", "case": "CC000"})"))) ==
        "cards.json: card 'variant-scrotal': definition[0].case: only a statement with source 'case' names a case");
  CHECK(errorOf(oneCard(replaced(kGoodCard, R"("case:CC010", )", ""))) ==
        "cards.json: card 'variant-scrotal': sources: 'case:CC010' is used by sites[0] but not listed");
  CHECK(errorOf(oneCard(replaced(kGoodCard, R"("general"])", R"("general", "case:CC011"])"))) ==
        "cards.json: card 'variant-scrotal': sources: 'case:CC011' is listed but no statement or site uses it");
  CHECK(errorOf(oneCard(replaced(kGoodCard, "variant-scrotal", "variant-other"))).find("card 'variant-other': id:") !=
        std::string::npos);
  CHECK(errorOf(oneCard(replaced(kGoodCard, "variant-scrotal", "subtype-unspecified"))).find(
            "card 'subtype-unspecified': id:") != std::string::npos);
  CHECK(errorOf(oneCard(replaced(kGoodCard, R"("id": "variant-scrotal", )", ""))) == "cards.json: cards[0]: id: missing");
  CHECK(errorOf(oneCard(kGoodCard + "," + kGoodCard)) == "cards.json: card 'variant-scrotal': id used by more than one card");
  CHECK(errorOf("{\"format\": \"lesion-atlas-teaching-cards\", \"version\": 1, \"cards\": [").find(
            "cards.json: (file): not valid JSON") == 0);
  CHECK(errorOf(R"({"format": "x", "version": 1, "cards": []})") ==
        "cards.json: format: expected 'lesion-atlas-teaching-cards'");
  // Every problem is listed, not only the first.
  la::TeachingCardError all({});
  try {
    la::parseTeachingCards(oneCard(replaced(replaced(kGoodCard, R"("title": "Scrotal calcinosis",)", ""),
                                            R"("source": "general"})", R"("source": "gen"})")),
                           "cards.json");
  } catch (const la::TeachingCardError& e) {
    all = e;
  }
  REQUIRE(all.problems.size() == 2);
  CHECK(all.problems[0] == "cards.json: card 'variant-scrotal': title: missing");
  CHECK(all.problems[1].find("mechanism[0].source: unknown source 'gen'") != std::string::npos);
}

TEST_CASE("teaching cards: unknown cases and sites are reported against the dataset and catalog", "[cards]") {
  auto cards = la::parseTeachingCards(
      oneCard(replaced(replaced(replaced(kGoodCard, "CC010", "CC999"), "CC010", "CC999"), "\"scrotum\"", "\"scrotm\"")),
      "cards.json");
  try {
    la::checkTeachingCardRefs(cards, shippedData(), la::test::catalog(), "cards.json");
    FAIL("no error");
  } catch (const la::TeachingCardError& e) {
    REQUIRE(e.problems.size() == 2);
    CHECK(e.problems[0] == "cards.json: card 'variant-scrotal': sites[0].site: 'scrotm' is not a site of the catalog");
    CHECK(e.problems[1] == "cards.json: card 'variant-scrotal': sites[0].case: no case 'CC999' in the dataset");
  }
}

TEST_CASE("condition text: ossification is exceptionally rare, von Kossa shows the salts' anions", "[cards][content]") {
  const la::ContentInfo c = la::loadContent(la::test::sourcePath("assets/content/calcinosis-cutis.json"));
  CHECK(c.histology.find("exceptionally rare") != std::string::npos);
  CHECK(c.histology.find("sometimes present") == std::string::npos);
  CHECK(c.histology.find("phosphate") != std::string::npos);
  CHECK(c.histology.find("confirms that the deposits are calcium") == std::string::npos);
}

#ifdef LA_SHARED_DIR
namespace {
// Lower-case words of `s`, punctuation dropped.
std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::string w;
  for (char ch : s + " ") {
    const char lc = (ch >= 'A' && ch <= 'Z') ? char(ch - 'A' + 'a') : ch;
    if ((lc >= 'a' && lc <= 'z') || (lc >= '0' && lc <= '9')) {
      w += lc;
    } else if (!w.empty()) {
      out.push_back(w);
      w.clear();
    }
  }
  return out;
}
// True when `text` repeats 8 or more consecutive words of `source`.
bool copiesRun(const std::string& text, const std::string& source) {
  const auto t = words(text);
  std::string src;
  for (const auto& w : words(source)) src += " " + w + " ";
  for (size_t i = 0; i + 8 <= t.size(); ++i) {
    std::string run;
    for (size_t k = i; k < i + 8; ++k) run += " " + t[k] + " ";
    if (src.find(run) != std::string::npos) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("teaching cards: written in our own words, no run of 8 words from the report or the evidence", "[cards]") {
  const std::string report = la::readFile(std::string(LA_SHARED_DIR) + "/docs/index-case-report.txt");
  std::map<std::string, std::string> evidence;
  for (const auto& row : rawRows(std::string(LA_SHARED_DIR) + "/data/calcinosis_cases.csv")) evidence[row.id] = row.evidence;
  for (const auto& card : shippedCards())
    for (const auto* list : {&card.definition, &card.mechanism, &card.histology, &card.differentials})
      for (const auto& s : *list) {
        INFO(card.id << ": " << s.text);
        CHECK_FALSE(copiesRun(s.text, report));
        if (s.source == la::CardSourceKind::Case) CHECK_FALSE(copiesRun(s.text, evidence.at(s.caseId)));
      }
}
#endif

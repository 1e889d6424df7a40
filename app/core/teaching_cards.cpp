#include "core/teaching_cards.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/input_limits.hpp"

namespace la {

namespace {

using nlohmann::json;

constexpr const char* kFormat = "lesion-atlas-teaching-cards";
constexpr int kVersion = 1;
const char* const kCardKeys[] = {"id", "title", "definition", "sites", "mechanism", "histology", "differentials", "sources"};
const Subtype kCardSubtypes[] = {Subtype::Dystrophic, Subtype::Metastatic, Subtype::Idiopathic, Subtype::Iatrogenic,
                                 Subtype::Calciphylaxis};

// Collects problems of one card, each prefixed with the file and the card's name.
struct Reporter {
  const std::string& label;
  std::vector<std::string>& problems;
  std::string card;  // "card 'variant-scrotal'" or "cards[3]"; empty for the file as a whole

  void fail(const std::string& field, const std::string& reason) {
    problems.push_back(label + ": " + (card.empty() ? "" : card + ": ") + field + ": " + reason);
  }
};

std::optional<CardSourceKind> parseKind(const std::string& s) {
  if (s == "report") return CardSourceKind::Report;
  if (s == "case") return CardSourceKind::Case;
  if (s == "general") return CardSourceKind::General;
  return std::nullopt;
}

// The entry of the card's "sources" list that a statement or site stands for.
std::string sourceKey(CardSourceKind kind, const std::string& caseId) {
  return kind == CardSourceKind::Case ? "case:" + caseId : toString(kind);
}

// Reads "source" and, for a case, "case" from one statement or site object. Keys other than
// `allowed` are reported, so that a misspelt "cse" never passes silently.
void parseSourceFields(const json& j, const std::string& where, const std::set<std::string>& allowed, Reporter& r,
                       CardSourceKind& kind, std::string& caseId) {
  for (const auto& item : j.items())
    if (!allowed.count(item.key())) r.fail(where + "." + item.key(), "unknown key");
  if (!j.contains("source") || !j["source"].is_string()) {
    r.fail(where + ".source", "missing or not a string (expected report, case or general)");
    return;
  }
  const std::string s = j["source"].get<std::string>();
  const auto k = parseKind(s);
  if (!k) {
    r.fail(where + ".source", "unknown source '" + s + "' (expected report, case or general)");
    return;
  }
  kind = *k;
  const bool hasCase = j.contains("case");
  if (kind != CardSourceKind::Case) {
    if (hasCase) r.fail(where + ".case", "only a statement with source 'case' names a case");
    return;
  }
  if (!hasCase || !j["case"].is_string() || j["case"].get<std::string>().empty())
    r.fail(where + ".case", "source 'case' needs a case id");
  else
    caseId = j["case"].get<std::string>();
}

std::vector<CardStatement> parseStatements(const json& j, const std::string& field, Reporter& r) {
  std::vector<CardStatement> out;
  if (!j.is_array()) {
    r.fail(field, "expected an array of statements");
    return out;
  }
  static const std::set<std::string> allowed = {"text", "source", "case"};
  for (size_t i = 0; i < j.size(); ++i) {
    const std::string where = field + "[" + std::to_string(i) + "]";
    if (!j[i].is_object()) {
      r.fail(where, "expected an object {text, source[, case]}");
      continue;
    }
    CardStatement st;
    if (!j[i].contains("text") || !j[i]["text"].is_string() || j[i]["text"].get<std::string>().empty())
      r.fail(where + ".text", "missing, empty or not a string");
    else
      st.text = j[i]["text"].get<std::string>();
    parseSourceFields(j[i], where, allowed, r, st.source, st.caseId);
    out.push_back(std::move(st));
  }
  return out;
}

std::vector<CardSite> parseSites(const json& j, Reporter& r) {
  std::vector<CardSite> out;
  if (!j.is_array()) {
    r.fail("sites", "expected an array of {site, source[, case]}");
    return out;
  }
  static const std::set<std::string> allowed = {"site", "source", "case"};
  std::set<std::string> seen;
  for (size_t i = 0; i < j.size(); ++i) {
    const std::string where = "sites[" + std::to_string(i) + "]";
    if (!j[i].is_object()) {
      r.fail(where, "expected an object {site, source[, case]}");
      continue;
    }
    CardSite s;
    if (!j[i].contains("site") || !j[i]["site"].is_string() || j[i]["site"].get<std::string>().empty())
      r.fail(where + ".site", "missing, empty or not a string");
    else
      s.siteId = j[i]["site"].get<std::string>();
    if (!s.siteId.empty() && !seen.insert(s.siteId).second) r.fail(where + ".site", "'" + s.siteId + "' listed twice");
    parseSourceFields(j[i], where, allowed, r, s.source, s.caseId);
    out.push_back(std::move(s));
  }
  return out;
}

// Sets kind, subtype or variant from "subtype-<subtype>" / "variant-<controlled id>".
void parseCardId(TeachingCard& card, Reporter& r) {
  const std::string& id = card.id;
  if (id.rfind("subtype-", 0) == 0) {
    const auto s = parseSubtype(std::string_view(id).substr(8));
    if (s && *s != Subtype::Unspecified && toString(*s) == id.substr(8)) {
      card.kind = CardKind::Subtype;
      card.subtype = *s;
      return;
    }
  } else if (id.rfind("variant-", 0) == 0) {
    const std::string v = id.substr(8);
    const auto& list = variantList();
    if (v != "other" && std::any_of(list.begin(), list.end(), [&](const VariantInfo& i) { return v == i.id; })) {
      card.kind = CardKind::Variant;
      card.variant = v;
      return;
    }
  }
  r.fail("id", "'" + id + "' is neither subtype-<dystrophic|metastatic|idiopathic|iatrogenic|calciphylaxis> nor "
                          "variant-<an id of the controlled variant list other than 'other'>");
}

// The card's "sources" must list exactly the sources its statements and sites use.
void checkSources(const json& j, TeachingCard& card, Reporter& r) {
  if (!j.is_array()) {
    r.fail("sources", "expected an array of \"report\", \"general\" or \"case:<id>\"");
    return;
  }
  std::set<std::string> listed;
  for (size_t i = 0; i < j.size(); ++i) {
    const std::string where = "sources[" + std::to_string(i) + "]";
    if (!j[i].is_string()) {
      r.fail(where, "expected a string");
      continue;
    }
    const std::string s = j[i].get<std::string>();
    if (s != "report" && s != "general" && (s.rfind("case:", 0) != 0 || s.size() == 5))
      r.fail(where, "'" + s + "' is not \"report\", \"general\" or \"case:<id>\"");
    else if (!listed.insert(s).second)
      r.fail(where, "'" + s + "' listed twice");
    card.sources.push_back(s);
  }
  std::set<std::string> used;
  auto use = [&](CardSourceKind k, const std::string& caseId, const std::string& field) {
    if (k == CardSourceKind::Case && caseId.empty()) return;  // already reported
    const std::string key = sourceKey(k, caseId);
    if (!listed.count(key) && used.insert(key).second) r.fail("sources", "'" + key + "' is used by " + field + " but not listed");
    used.insert(key);
  };
  const std::pair<const char*, const std::vector<CardStatement>*> fields[] = {
      {"definition", &card.definition}, {"mechanism", &card.mechanism}, {"histology", &card.histology},
      {"differentials", &card.differentials}};
  for (const auto& [name, list] : fields)
    for (size_t i = 0; i < list->size(); ++i)
      use((*list)[i].source, (*list)[i].caseId, std::string(name) + "[" + std::to_string(i) + "]");
  for (size_t i = 0; i < card.sites.size(); ++i)
    use(card.sites[i].source, card.sites[i].caseId, "sites[" + std::to_string(i) + "]");
  for (const auto& s : listed)
    if (!used.count(s)) r.fail("sources", "'" + s + "' is listed but no statement or site uses it");
}

TeachingCard parseCard(const json& j, size_t index, const std::string& label, std::vector<std::string>& problems) {
  Reporter r{label, problems, "cards[" + std::to_string(index) + "]"};
  TeachingCard card;
  if (!j.is_object()) {
    r.fail("(card)", "expected an object");
    return card;
  }
  if (j.contains("id") && j["id"].is_string() && !j["id"].get<std::string>().empty()) {
    card.id = j["id"].get<std::string>();
    r.card = "card '" + card.id + "'";
    parseCardId(card, r);
  }
  for (const auto& item : j.items())
    if (std::find(std::begin(kCardKeys), std::end(kCardKeys), item.key()) == std::end(kCardKeys))
      r.fail(item.key(), "unknown key (a card has exactly: id, title, definition, sites, mechanism, histology, "
                         "differentials, sources)");
  for (const char* key : kCardKeys)
    if (!j.contains(key)) r.fail(key, "missing");
  if (card.id.empty() && j.contains("id")) r.fail("id", "expected a non-empty string");
  if (j.contains("title")) {
    if (!j["title"].is_string() || j["title"].get<std::string>().empty()) r.fail("title", "expected a non-empty string");
    else card.title = j["title"].get<std::string>();
  }
  if (j.contains("definition")) card.definition = parseStatements(j["definition"], "definition", r);
  if (j.contains("definition") && j["definition"].is_array() && j["definition"].empty())
    r.fail("definition", "a card needs at least one statement");
  if (j.contains("mechanism")) card.mechanism = parseStatements(j["mechanism"], "mechanism", r);
  if (j.contains("histology")) card.histology = parseStatements(j["histology"], "histology", r);
  if (j.contains("differentials")) card.differentials = parseStatements(j["differentials"], "differentials", r);
  if (j.contains("sites")) card.sites = parseSites(j["sites"], r);
  if (j.contains("sources")) checkSources(j["sources"], card, r);
  return card;
}

void throwIfAny(std::vector<std::string>&& problems) {
  if (!problems.empty()) throw TeachingCardError(std::move(problems));
}

}  // namespace

TeachingCardError::TeachingCardError(std::vector<std::string> p)
    : std::runtime_error([&] {
        std::string all;
        for (const auto& s : p) all += (all.empty() ? "" : "\n") + s;
        return all;
      }()),
      problems(std::move(p)) {}

const char* toString(CardSourceKind k) {
  switch (k) {
    case CardSourceKind::Report: return "report";
    case CardSourceKind::Case: return "case";
    default: return "general";
  }
}

std::vector<TeachingCard> parseTeachingCards(std::string_view text, const std::string& label) {
  std::vector<std::string> problems;
  Reporter file{label, problems, ""};
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    file.fail("(file)", std::string("not valid JSON: ") + e.what());
    throwIfAny(std::move(problems));
  }
  if (!j.is_object()) file.fail("(file)", "expected an object {format, version, note, cards}");
  throwIfAny(std::move(problems));
  for (const auto& item : j.items())
    if (item.key() != "format" && item.key() != "version" && item.key() != "note" && item.key() != "cards")
      file.fail(item.key(), "unknown key");
  if (!j.contains("format") || j["format"] != kFormat) file.fail("format", std::string("expected '") + kFormat + "'");
  if (!j.contains("version") || j["version"] != kVersion) file.fail("version", "expected " + std::to_string(kVersion));
  if (!j.contains("cards") || !j["cards"].is_array()) file.fail("cards", "missing or not an array");
  throwIfAny(std::move(problems));

  std::vector<TeachingCard> cards;
  std::set<std::string> ids;
  for (size_t i = 0; i < j["cards"].size(); ++i) {
    cards.push_back(parseCard(j["cards"][i], i, label, problems));
    const std::string& id = cards.back().id;
    if (!id.empty() && !ids.insert(id).second) file.fail("card '" + id + "'", "id used by more than one card");
  }
  throwIfAny(std::move(problems));
  return cards;
}

std::vector<TeachingCard> loadTeachingCards(const std::filesystem::path& path) {
  return parseTeachingCards(readFile(path, limits::kSmallJsonBytes), path.string());
}

void checkTeachingCardRefs(const std::vector<TeachingCard>& cards, const Dataset& data, const SiteCatalog& catalog,
                           const std::string& label) {
  std::unordered_set<std::string> caseIds;
  for (const Case& c : data.cases) caseIds.insert(c.id);
  std::vector<std::string> problems;
  for (const TeachingCard& card : cards) {
    Reporter r{label, problems, "card '" + card.id + "'"};
    auto checkCase = [&](const std::string& caseId, const std::string& where) {
      if (!caseId.empty() && !caseIds.count(caseId)) r.fail(where + ".case", "no case '" + caseId + "' in the dataset");
    };
    const std::pair<const char*, const std::vector<CardStatement>*> fields[] = {
        {"definition", &card.definition}, {"mechanism", &card.mechanism}, {"histology", &card.histology},
        {"differentials", &card.differentials}};
    for (const auto& [name, list] : fields)
      for (size_t i = 0; i < list->size(); ++i) checkCase((*list)[i].caseId, std::string(name) + "[" + std::to_string(i) + "]");
    for (size_t i = 0; i < card.sites.size(); ++i) {
      const std::string where = "sites[" + std::to_string(i) + "]";
      if (!catalog.byId(card.sites[i].siteId))
        r.fail(where + ".site", "'" + card.sites[i].siteId + "' is not a site of the catalog");
      checkCase(card.sites[i].caseId, where);
    }
  }
  throwIfAny(std::move(problems));
}

std::vector<TeachingCard> loadTeachingCards(const std::filesystem::path& path, const Dataset& data,
                                            const SiteCatalog& catalog) {
  auto cards = loadTeachingCards(path);
  checkTeachingCardRefs(cards, data, catalog, path.string());
  return cards;
}

std::string subtypeCardId(Subtype s) { return std::string("subtype-") + toString(s); }
std::string variantCardId(std::string_view variantId) { return "variant-" + std::string(variantId); }

const TeachingCard* findCard(const std::vector<TeachingCard>& cards, std::string_view id) {
  for (const auto& c : cards)
    if (c.id == id) return &c;
  return nullptr;
}

bool cardMatches(const TeachingCard& card, const Case& c) {
  if (card.kind == CardKind::Subtype) return c.subtype && *c.subtype == card.subtype;
  return !card.variant.empty() && c.variant == card.variant;
}

std::vector<const TeachingCard*> cardsForCase(const std::vector<TeachingCard>& cards, const Case& c) {
  std::vector<const TeachingCard*> out;
  if (c.subtype)
    if (const auto* card = findCard(cards, subtypeCardId(*c.subtype))) out.push_back(card);
  if (!c.variant.empty())
    if (const auto* card = findCard(cards, variantCardId(c.variant))) out.push_back(card);
  return out;
}

std::vector<const TeachingCard*> cardsForSite(const std::vector<TeachingCard>& cards, std::string_view siteId,
                                              const SiteCatalog& catalog) {
  std::vector<const TeachingCard*> out;
  for (const auto& card : cards)
    if (std::any_of(card.sites.begin(), card.sites.end(), [&](const CardSite& s) {
          return catalog.isWithin(siteId, s.siteId) || catalog.isWithin(s.siteId, siteId);
        }))
      out.push_back(&card);
  return out;
}

namespace {
bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower((unsigned char)x) == std::tolower((unsigned char)y);
         });
}
}  // namespace

std::vector<const TeachingCard*> cardsForView(const std::vector<TeachingCard>& cards,
                                              const std::vector<const CaseFilter*>& filters, const Case* focus) {
  std::vector<const TeachingCard*> out;
  auto add = [&](const TeachingCard* card) {
    if (card && std::find(out.begin(), out.end(), card) == out.end()) out.push_back(card);
  };
  if (focus)
    for (const TeachingCard* card : cardsForCase(cards, *focus)) add(card);
  for (const CaseFilter* f : filters) {
    if (!f) continue;
    // A filter names a variant by its id or its name, in any case (as applyFilter reads it).
    for (const VariantInfo& v : variantList())
      if (!f->variant.empty() && (equalsIgnoreCase(f->variant, v.id) || equalsIgnoreCase(f->variant, v.name)))
        add(findCard(cards, variantCardId(v.id)));
    if (f->subtypes.size() == 1) add(findCard(cards, subtypeCardId(f->subtypes.front())));
  }
  return out;
}

CardCounts countCardCases(const TeachingCard& card, const std::vector<const Case*>& cases, const SiteCatalog& catalog) {
  CardCounts out;
  for (const auto& s : card.sites) out.sites.push_back({s.siteId, 0});
  for (const Case* c : cases) {
    if (!cardMatches(card, *c)) continue;
    ++out.cases;
    for (auto& count : out.sites)
      if (std::any_of(c->lesions.begin(), c->lesions.end(),
                      [&](const Lesion& l) { return catalog.isWithin(l.siteId, count.siteId); }))
        ++count.cases;
  }
  return out;
}

}  // namespace la

#pragma once
// Teaching cards (assets/content/teaching-cards.json): one card per calcinosis cutis subtype
// ("subtype-<subtype>", e.g. "subtype-dystrophic") and per controlled-list variant that occurs in
// the case table ("variant-<variant id>", e.g. "variant-scrotal"; ids from variantList()).
//
// File: {"format": "lesion-atlas-teaching-cards", "version": 1, "note": "...", "cards": [card...]}.
// A card has exactly the keys id, title, definition, sites, mechanism, histology, differentials,
// sources. definition/mechanism/histology/differentials are arrays of statements
//   {"text": "...", "source": "report"}                  the index case report (dataset case CC000)
//   {"text": "...", "source": "case", "case": "CC123"}   that row's citation, fields and evidence quote
//   {"text": "...", "source": "general"}                 general knowledge, stated by neither
// sites is an array of {"site": "<catalog id>", "source": ..., ["case": ...]}: a "report" or
// "general" site is called typical by that source; a "case" site is where that case was described.
// No counts are stored: countCardCases() computes them from the loaded cases when a card is shown.
// sources lists every source the card uses, once each: "report", "general" or "case:<id>".
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/case_filter.hpp"
#include "core/dataset.hpp"
#include "core/site_catalog.hpp"

namespace la {

enum class CardSourceKind { Report, Case, General };

struct CardStatement {
  std::string text;
  CardSourceKind source = CardSourceKind::General;
  std::string caseId;  // CardSourceKind::Case only
};

struct CardSite {
  std::string siteId;  // catalog id
  CardSourceKind source = CardSourceKind::General;
  std::string caseId;  // CardSourceKind::Case only
};

enum class CardKind { Subtype, Variant };

struct TeachingCard {
  std::string id;
  std::string title;
  CardKind kind = CardKind::Subtype;
  Subtype subtype = Subtype::Unspecified;  // CardKind::Subtype
  std::string variant;                     // CardKind::Variant: controlled-list id
  std::vector<CardStatement> definition, mechanism, histology, differentials;
  std::vector<CardSite> sites;
  std::vector<std::string> sources;  // "report", "general", "case:<id>", as in the file
};

// Every problem found, one line each: "<file>: card '<id>': <field>[i].<key>: <reason>"
// (a card without a usable id is named "cards[<n>]").
struct TeachingCardError : std::runtime_error {
  explicit TeachingCardError(std::vector<std::string> problems);
  std::vector<std::string> problems;
};

// Reads and checks the structure of a card file (keys, source kinds, card ids, the sources list).
// Throws TeachingCardError listing every problem, or IoError when the file cannot be read.
std::vector<TeachingCard> loadTeachingCards(const std::filesystem::path& path);

// The same for text in memory; `label` stands for the file name in messages.
std::vector<TeachingCard> parseTeachingCards(std::string_view text, const std::string& label);

// Checks the references of parsed cards: every case id names a case of `data` (any table), every
// site id a site of `catalog`. Throws TeachingCardError listing every problem.
void checkTeachingCardRefs(const std::vector<TeachingCard>& cards, const Dataset& data, const SiteCatalog& catalog,
                           const std::string& label);

// loadTeachingCards followed by checkTeachingCardRefs: what the application calls at start-up,
// with the built-in dataset (importBuiltinDataset) so that every cited case can be shown.
std::vector<TeachingCard> loadTeachingCards(const std::filesystem::path& path, const Dataset& data,
                                            const SiteCatalog& catalog);

// "report", "case", "general".
const char* toString(CardSourceKind k);

// "subtype-dystrophic"; "variant-scrotal" (no check that the variant id is on the list).
std::string subtypeCardId(Subtype s);
std::string variantCardId(std::string_view variantId);

// The card with this id, or nullptr.
const TeachingCard* findCard(const std::vector<TeachingCard>& cards, std::string_view id);

// True when `c` belongs to the card: its subtype (subtype card) or its variant id (variant card).
bool cardMatches(const TeachingCard& card, const Case& c);

// The cards of a case, for the case card: its subtype card, then its variant card, where they exist.
std::vector<const TeachingCard*> cardsForCase(const std::vector<TeachingCard>& cards, const Case& c);

// The cards that list `siteId`, a site above it or a site below it, for the site tree.
std::vector<const TeachingCard*> cardsForSite(const std::vector<TeachingCard>& cards, std::string_view siteId,
                                              const SiteCatalog& catalog);

// The cards a view is about, for the card key (C) in the window and in presentation mode: the cards
// of `focus` (the selected or highlighted case; may be null) first, then for each filter its
// variant's card and, where it keeps exactly one subtype, that subtype's card. Each card once.
std::vector<const TeachingCard*> cardsForView(const std::vector<TeachingCard>& cards,
                                              const std::vector<const CaseFilter*>& filters, const Case* focus);

// Counts for one card over the cases now loaded (or selected). Unit: cases, i.e. table rows; a case
// series is one case, because its site list does not say how many of its patients had each site.
struct CardSiteCount {
  std::string siteId;
  size_t cases = 0;  // matching cases with at least one lesion at this site or below it
};
struct CardCounts {
  size_t cases = 0;                 // matching cases
  std::vector<CardSiteCount> sites; // one per card site, in the card's order
};
CardCounts countCardCases(const TeachingCard& card, const std::vector<const Case*>& cases, const SiteCatalog& catalog);

}  // namespace la

#pragma once
// Teaching cards on screen (core/teaching_cards.hpp): the card window, the buttons that open a card
// from the case card, the filter panel and the site tree, and the card's text alone for
// presentation mode's overlay. Counts are computed from the cases shown each time a card is drawn;
// every statement shows its source (the index case report, general knowledge, or a case id).
#include <map>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/site_catalog.hpp"
#include "core/teaching_cards.hpp"

struct ImFont;

namespace la::ui {

struct CasesState;

// What a card says about a case it cites: from the built-in dataset, which the cards cite whatever
// tables are loaded.
struct CitedCase {
  std::string citation;
  std::string evidence;  // the row's verbatim quote
};

struct TeachingCardState {
  std::vector<TeachingCard> cards;        // loaded once at start-up; empty when the file is bad
  std::string loadError;                  // why there are none (names the file)
  std::map<std::string, CitedCase> cited;  // by case id
  ImFont* titleFont = nullptr;            // the card's title (set by the window; null: the UI font)
  bool show = false;
  std::string openId;                     // the card in the window
  bool report = false;                    // print "teaching card shown: ..." when a card is first drawn
  std::string reported;                   // the card last printed
};

// Shows card `id` in the card window; false when there is no such card.
bool openTeachingCard(TeachingCardState& t, const std::string& id);

// One small button per card ("Dystrophic calcinosis cutis"), opening it.
void teachingCardButtons(TeachingCardState& t, const std::vector<const TeachingCard*>& cards);

// A small "?" on the previous item's line opening card `id`; nothing when there is no such card.
// `tooltip` (may be empty) is shown on hover before the card's name.
void teachingCardHelpButton(TeachingCardState& t, const std::string& id, const std::string& tooltip);

// The card window. Case ids select the case as a click on its marker does; sites fly the camera to
// them. Counts are over `s.matches` (the cases the filter shows).
void drawTeachingCardWindow(TeachingCardState& t, CasesState& s, const Dataset& data, const SiteCatalog& catalog);

// Drawing options for a card's text.
struct CardTextOptions {
  const std::map<std::string, CitedCase>* cited = nullptr;  // hover a source: its citation
  CasesState* cases = nullptr;   // non-null: case ids and sites are clickable
  const Dataset* data = nullptr;  // with `cases`: where clicked case ids are looked up
  bool sourcesList = true;       // the closing list of every source with its citation
};

// The card's sections below its title: counts in `countedIn` (e.g. "the current view (filter: all
// cases)"), definition, typical sites with their counts, mechanism, histology and stains,
// differentials. Draws into the current window.
void drawTeachingCardText(const TeachingCard& card, const CardCounts& counts, const std::string& countedIn,
                          const SiteCatalog& catalog, const CardTextOptions& o);

// "subtype card" / "variant card: scrotal calcinosis" style line under a title.
std::string cardKindLine(const TeachingCard& card);

}  // namespace la::ui

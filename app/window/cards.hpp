#pragma once
// Teaching cards in the window layer: loaded once at start-up (a bad file is reported and the
// window runs without cards), the card key (C), and presentation mode's card overlay.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/teaching_cards.hpp"
#include "window/atlas.hpp"

struct ImFont;

namespace la::window {

// Reads `file` (empty: the shipped assets/content/teaching-cards.json) and checks it against the
// built-in dataset, whose rows the cards cite, and the catalog. Problems go to the messages as
// "error: <file>: ..." and leave the window without cards.
void loadCards(Atlas& a, const std::filesystem::path& file);

// C in the window: the cards of the open case, else of the filter (cardsForView), one after the
// other; after the last one the card window closes. A message says when there is none.
void cardKey(Atlas& a);

// The card key's cycle over `count` cards: hidden (-1), 0, 1, ..., count-1, hidden. With no cards
// it shows (0) the note that there is none, then hides.
int nextCardIndex(int current, size_t count);

// Presentation mode's card overlay: hidden until C, drawn at presentation size beside the figure.
struct CardOverlay {
  int index = -1;                            // -1: hidden
  std::vector<const TeachingCard*> cards;    // the slide's (cardsForView), set when C is pressed
  std::vector<const Case*> cases;            // the slide's cases, for the counts
  float scroll = 0;                          // Up/Down
  ImFont* title = nullptr;
  ImFont* body = nullptr;
};

// Draws the overlay (nothing while hidden); call between ImGui::NewFrame and ImGui::Render.
void drawCardOverlay(CardOverlay& o, const SiteCatalog& catalog, const std::map<std::string, ui::CitedCase>& cited);

}  // namespace la::window

#include "window/cards.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "core/importer.hpp"
#include "core/paths.hpp"

namespace la::window {

void loadCards(Atlas& a, const std::filesystem::path& file) {
  const std::filesystem::path path = file.empty() ? assetPath("content/teaching-cards.json") : file;
  a.cards.cards.clear();
  a.cards.cited.clear();
  try {
    // The cards cite rows of the built-in table whatever tables the view shows.
    const ImportResult builtin = importBuiltinDataset(a.catalog);
    if (!builtin.ok) throw std::runtime_error("the built-in case table did not load, so the cards' cited cases cannot be checked");
    a.cards.cards = loadTeachingCards(path, builtin.data, a.catalog);
    for (const Case& c : builtin.data.cases) a.cards.cited[c.id] = {c.source.citation, c.evidence};
    a.cards.loadError.clear();
  } catch (const std::exception& e) {
    a.cards.cards.clear();
    // TeachingCardError and IoError name the file; the built-in table's failure does not.
    std::string what = e.what();
    if (what.find(path.string()) == std::string::npos) what = path.string() + ": " + what;
    a.cards.loadError = what;
    a.message("error: teaching cards not available: " + what);
  }
}

int nextCardIndex(int current, size_t count) {
  if (current < 0) return 0;
  return size_t(current) + 1 < count ? current + 1 : -1;
}

void cardKey(Atlas& a) {
  if (a.cards.cards.empty()) {
    a.message("no teaching cards: " + (a.cards.loadError.empty() ? std::string("none loaded") : a.cards.loadError));
    return;
  }
  const Case* focus = a.cases.showCase && a.cases.selected >= 0 && size_t(a.cases.selected) < a.data.data.cases.size()
                          ? &a.data.data.cases[size_t(a.cases.selected)]
                          : nullptr;
  const auto list = cardsForView(a.cards.cards, viewFilters(a.vm), focus);
  if (list.empty()) {
    a.message("no teaching card for this view: open a case, or keep one subtype or a variant in the filter "
              "(the \"?\" beside each opens its card)");
    return;
  }
  int current = -1;
  for (size_t i = 0; i < list.size() && a.cards.show; ++i)
    if (list[i]->id == a.cards.openId) current = int(i);
  const int next = nextCardIndex(current, list.size());
  if (next < 0) a.cards.show = false;
  else ui::openTeachingCard(a.cards, list[size_t(next)]->id);
}

namespace {

// Where the overlay sits: the right part of the screen below the slide's title and above its
// counter, so the figure stays visible on the left. It reaches almost to the right edge so that the
// legend it covers does not peek out beside it.
void placeOverlay() {
  const ImGuiIO& io = ImGui::GetIO();
  const float margin = io.DisplaySize.y * 0.008f, top = io.DisplaySize.y * 0.09f, bottom = io.DisplaySize.y * 0.07f;
  const float width = std::max(io.DisplaySize.x * 0.4f, std::min(io.DisplaySize.x - 2 * margin, 560.f));
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - margin, top), ImGuiCond_Always, ImVec2(1, 0));
  ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);  // height: fits the text...
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, io.DisplaySize.y - top - bottom));  // ...up to the screen
  ImGui::SetNextWindowBgAlpha(1.f);  // the legend behind must not show through the text
}

}  // namespace

void drawCardOverlay(CardOverlay& o, const SiteCatalog& catalog, const std::map<std::string, ui::CitedCase>& cited) {
  if (o.index < 0) return;
  placeOverlay();
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(22, 18));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.f);
  const bool open = ImGui::Begin("##card-overlay", nullptr, flags);
  ImGui::PopStyleVar(2);
  if (open) {
    if (o.body) ImGui::PushFont(o.body);
    if (o.cards.empty()) {
      ImGui::TextWrapped("No teaching card for this slide: its filter keeps no single subtype or variant and it "
                         "rings no case.");
      ImGui::TextDisabled("C: hide");
    } else {
      const TeachingCard& card = *o.cards[size_t(o.index) % o.cards.size()];
      if (o.title) ImGui::PushFont(o.title);
      ImGui::TextWrapped("%s", card.title.c_str());
      if (o.title) ImGui::PopFont();
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("%s  ·  teaching card %d of %zu for this slide  ·  C: %s  ·  Up/Down: scroll",
                         ui::cardKindLine(card).c_str(), o.index + 1, o.cards.size(),
                         size_t(o.index) + 1 < o.cards.size() ? "next card" : "hide");
      ImGui::PopStyleColor();
      ui::drawTeachingCardText(card, countCardCases(card, o.cases, catalog), "this slide", catalog,
                               {&cited, nullptr, nullptr, false});
    }
    if (o.body) ImGui::PopFont();
    o.scroll = std::clamp(o.scroll, 0.f, ImGui::GetScrollMaxY());
    ImGui::SetScrollY(o.scroll);
  }
  ImGui::End();
}

}  // namespace la::window

#include "ui/site_tree.hpp"

#include <imgui.h>

#include <algorithm>
#include <vector>

#include "ui/cases_panel.hpp"
#include "ui/teaching_card_view.hpp"

namespace la::ui {
namespace {

const ImVec4 kRare(0.75f, 0.35f, 0.05f, 1);

// Right-click on a site: the teaching cards that name it, a site above it or one below it.
// Returns true while the menu is open.
bool cardMenu(TeachingCardState* cards, const Site& site, const SiteCatalog& catalog) {
  if (!cards || !ImGui::BeginPopupContextItem()) return false;  // the tree node's own id: unique per site
  const auto list = cardsForSite(cards->cards, site.id, catalog);
  ImGui::TextDisabled("Teaching cards naming %s or a site above or below it", site.name.c_str());
  if (list.empty()) ImGui::TextDisabled("none");
  for (const TeachingCard* card : list)
    if (ImGui::MenuItem(card->title.c_str())) openTeachingCard(*cards, card->id);
  ImGui::EndPopup();
  return true;
}

void node(SiteTreeState& t, CasesState& s, const SiteCatalog& catalog, const Site& site,
          const std::map<std::string, std::vector<const Site*>>& children, TeachingCardState* cards) {
  const auto it = t.counts.find(site.id);
  const double total = it == t.counts.end() ? 0 : it->second.total;
  const bool rare = std::find(s.rareSites.begin(), s.rareSites.end(), site.id) != s.rareSites.end();
  const auto kids = children.find(site.id);
  ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_SpanAvailWidth;
  if (kids == children.end()) flags |= ImGuiTreeNodeFlags_Leaf;
  if (site.region) flags |= ImGuiTreeNodeFlags_DefaultOpen;
  if (total == 0) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  const bool open = ImGui::TreeNodeEx(site.id.c_str(), flags, "%s", site.name.c_str());
  if (total == 0) ImGui::PopStyleColor();
  if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) s.flySite = site.id, s.flySide.clear();
  const bool hovered = ImGui::IsItemHovered();
  const bool menu = cardMenu(cards, site, catalog);  // an open menu hides the tooltip
  if (hovered && !menu)
    ImGui::SetTooltip("%s: %g cases here or below (%g at this site itself)\nclick: fly to it%s", site.name.c_str(), total,
                      it == t.counts.end() ? 0.0 : it->second.own, cards ? "\nright-click: teaching cards" : "");
  ImGui::SameLine(ImGui::GetContentRegionMax().x - 110);
  ImGui::Text("%g", total);
  if (rare) {
    ImGui::SameLine();
    ImGui::TextColored(kRare, "rare");
  }
  ImGui::SameLine(ImGui::GetContentRegionMax().x - 40);
  ImGui::PushID(site.id.c_str());
  if (ImGui::SmallButton("filter")) s.siteRequest = site.id;
  ImGui::PopID();
  if (!open) return;
  if (kids != children.end())
    for (const Site* k : kids->second) node(t, s, catalog, *k, children, cards);
  ImGui::TreePop();
}

}  // namespace

void drawSiteTree(SiteTreeState& t, CasesState& s, const SiteCatalog& catalog, TeachingCardState* cards) {
  if (!t.show) return;
  if (t.builtFor != s.generation) {
    t.counts = countBySite(s.matches, catalog, CountUnit::Cases);
    t.builtFor = s.generation;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(ImVec2(340, vp->WorkSize.y * 0.6f), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 400, vp->WorkPos.y + 40), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Sites", &t.show)) {
    ImGui::End();
    return;
  }
  ImGui::TextDisabled("cases of the current filter, each once per site");
  if (s.rareMax >= 0) ImGui::TextDisabled("rare: at most %d cases in the view", s.rareMax);
  if (cards && !cards->cards.empty()) ImGui::TextDisabled("right-click a site: its teaching cards");
  std::map<std::string, std::vector<const Site*>> children;
  std::vector<const Site*> roots;
  for (const Site& site : catalog.sites()) {
    if (site.coarse || site.id == "unspecified" || site.id == "other") continue;
    (site.parent.empty() ? roots : children[site.parent]).push_back(&site);
  }
  for (const Site* r : roots) node(t, s, catalog, *r, children, cards);
  ImGui::End();
}

}  // namespace la::ui

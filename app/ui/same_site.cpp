#include "ui/same_site.hpp"

#include <imgui.h>

#include <set>
#include <string>
#include <vector>

#include "ui/cases_panel.hpp"

namespace la::ui {
namespace {

constexpr size_t kListMax = 40;  // a public table can have thousands at one site

// The case's side at `site` in words, "" when none.
std::string sideAt(const Case& c, const SiteCatalog& catalog, const std::string& site) {
  for (const Lesion& l : c.lesions)
    if (catalog.isWithin(l.siteId, site) && l.side != Side::None) return toString(l.side);
  return "";
}

// Clickable entries "CC012  idiopathic  (thigh, left)"; choosing one opens its card.
void caseList(CasesState& s, const std::vector<const Case*>& list, const Dataset& data, const SiteCatalog& catalog,
              const std::string& site) {
  for (size_t i = 0; i < list.size() && i < kListMax; ++i) {
    const Case& o = *list[i];
    const Site* at = nullptr;
    for (const Lesion& l : o.lesions)
      if (catalog.isWithin(l.siteId, site)) at = catalog.byId(l.siteId);
    const std::string side = sideAt(o, catalog, site);
    std::string label = o.id + "  " + (o.subtype ? toString(*o.subtype) : "subtype not stated");
    if (at || !side.empty()) label += "  (" + (at ? at->name : std::string()) + (side.empty() ? "" : ", " + side) + ")";
    if (ImGui::Selectable((label + "##" + o.id).c_str(), false)) {
      s.selected = int(&o - data.cases.data());
      s.showCase = true;
      s.flyCase = s.selected;
      s.table.scrollToSelected = true;
    }
  }
  if (list.size() > kListMax) ImGui::TextDisabled("and %zu more (search the table for the site)", list.size() - kListMax);
}

}  // namespace

void drawSameSite(CasesState& s, const Case& c, const Dataset& data, const SiteCatalog& catalog) {
  std::set<std::string> done;
  for (const Lesion& l : c.lesions) {
    if (l.siteId == "unspecified" || l.siteId == "other" || !done.insert(l.siteId).second) continue;
    const Site* site = catalog.byId(l.siteId);
    if (!site) continue;
    const Site* parent = catalog.byId(site->parent);
    std::vector<const Case*> here, nearby;
    for (const Case& o : data.cases) {
      if (&o == &c) continue;
      bool atSite = false, inParent = false;
      for (const Lesion& ol : o.lesions) {
        atSite = atSite || catalog.isWithin(ol.siteId, site->id);
        inParent = inParent || (parent && catalog.isWithin(ol.siteId, parent->id));
      }
      if (atSite) here.push_back(&o);
      else if (inParent) nearby.push_back(&o);
    }
    ImGui::PushID(site->id.c_str());
    ImGui::TextUnformatted(site->name.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("fly to")) s.flySite = site->id, s.flySide = l.side == Side::Left ? "left" : l.side == Side::Right ? "right" : "";
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Turn the view to face this site, close up (B: back to the whole body)");
    ImGui::SameLine();
    if (ImGui::SmallButton("filter")) s.siteRequest = site->id;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show only cases at this site and below it");
    const std::string a = std::to_string(here.size()) + (here.size() == 1 ? " other case" : " other cases") + " at " + site->name + "###here";
    if (ImGui::TreeNodeEx(a.c_str(), here.empty() ? ImGuiTreeNodeFlags_Leaf : ImGuiTreeNodeFlags_DefaultOpen)) {
      caseList(s, here, data, catalog, site->id);
      ImGui::TreePop();
    }
    if (parent) {
      const std::string b = std::to_string(nearby.size()) + (nearby.size() == 1 ? " case" : " cases") + " elsewhere in " + parent->name + "###near";
      if (ImGui::TreeNodeEx(b.c_str(), nearby.empty() ? ImGuiTreeNodeFlags_Leaf : 0)) {
        caseList(s, nearby, data, catalog, parent->id);
        ImGui::TreePop();
      }
    }
    ImGui::PopID();
  }
  ImGui::TextDisabled("counted over every loaded case, whatever the filter");
}

}  // namespace la::ui

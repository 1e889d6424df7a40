#include "ui/teaching_card_view.hpp"

#include <imgui.h>

#include <cstdio>

#include "core/case_stats.hpp"
#include "ui/cases_panel.hpp"
#include "ui/filter_panel.hpp"

namespace la::ui {
namespace {

const ImVec4 kLink(0.10f, 0.32f, 0.70f, 1);
const ImVec4 kSource(0.40f, 0.40f, 0.46f, 1);

void sectionTitle(const char* text) {
  ImGui::Spacing();
  ImGui::TextDisabled("%s", text);
  ImGui::Separator();
}

const CitedCase* citedOf(const CardTextOptions& o, const std::string& caseId) {
  if (!o.cited) return nullptr;
  const auto it = o.cited->find(caseId);
  return it == o.cited->end() ? nullptr : &it->second;
}

// The citation and quote of a cited case, wrapped, as a tooltip.
void citationTooltip(const CardTextOptions& o, const std::string& caseId, const char* lead) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
  if (lead) ImGui::TextUnformatted(lead);
  if (const CitedCase* cc = citedOf(o, caseId)) {
    ImGui::Text("%s: %s", caseId.c_str(), cc->citation.c_str());
    if (!cc->evidence.empty()) ImGui::TextDisabled("\"%s\"", cc->evidence.c_str());
  } else {
    ImGui::Text("%s", caseId.c_str());
  }
  if (o.cases) {
    bool loaded = false;
    for (const Case& c : o.data->cases) loaded = loaded || c.id == caseId;
    ImGui::TextDisabled(loaded ? "click: open the case" : "not in the loaded tables");
  }
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

// A case id cited as a source: hover shows its citation; a click opens it as a marker click does.
void caseLink(const CardTextOptions& o, const std::string& caseId) {
  ImGui::TextColored(o.cases ? kLink : kSource, "case %s", caseId.c_str());
  if (!ImGui::IsItemHovered()) return;
  citationTooltip(o, caseId, nullptr);
  if (!o.cases) return;
  ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  if (!ImGui::IsMouseClicked(ImGuiMouseButton_Left)) return;
  for (size_t i = 0; i < o.data->cases.size(); ++i)
    if (o.data->cases[i].id == caseId) {
      o.cases->selected = int(i);
      o.cases->showCase = true;
      o.cases->raiseCase = true;
      o.cases->table.scrollToSelected = true;
    }
}

void sourceCell(const CardTextOptions& o, CardSourceKind kind, const std::string& caseId) {
  if (kind == CardSourceKind::Case) return caseLink(o, caseId);
  if (kind == CardSourceKind::Report) {
    ImGui::TextColored(kSource, "index case report");
    if (ImGui::IsItemHovered()) citationTooltip(o, "CC000", "The report the atlas started from (dataset case CC000).");
    return;
  }
  ImGui::TextColored(kSource, "general knowledge");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Stated neither by the index case report nor by a case row.");
}

float sourceWidth() {
  return ImGui::CalcTextSize("index case report").x + ImGui::GetStyle().CellPadding.x * 2 + 4;
}

void statements(const char* title, const std::vector<CardStatement>& list, const CardTextOptions& o) {
  if (list.empty()) return;
  sectionTitle(title);
  if (!ImGui::BeginTable(title, 2, ImGuiTableFlags_SizingFixedFit)) return;
  ImGui::TableSetupColumn("text", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("source", ImGuiTableColumnFlags_WidthFixed, sourceWidth());
  for (size_t i = 0; i < list.size(); ++i) {
    ImGui::PushID(int(i));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::TextWrapped("%s", list[i].text.c_str());
    ImGui::TableNextColumn();
    sourceCell(o, list[i].source, list[i].caseId);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void sites(const TeachingCard& card, const CardCounts& counts, const SiteCatalog& catalog, const CardTextOptions& o) {
  if (card.sites.empty()) return;
  sectionTitle("Typical sites (cases of this kind with a lesion there or below)");
  if (!ImGui::BeginTable("##sites", 3, ImGuiTableFlags_SizingFixedFit)) return;
  ImGui::TableSetupColumn("site", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("count", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("000 cases").x);
  ImGui::TableSetupColumn("source", ImGuiTableColumnFlags_WidthFixed, sourceWidth());
  for (size_t i = 0; i < card.sites.size(); ++i) {
    const CardSite& cs = card.sites[i];
    const Site* site = catalog.byId(cs.siteId);
    ImGui::PushID(int(i));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Bullet();
    ImGui::SameLine();
    const char* name = site ? site->name.c_str() : cs.siteId.c_str();
    if (o.cases) {
      ImGui::TextColored(kLink, "%s", name);
      if (ImGui::IsItemHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("click: fly to %s", name);
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) o.cases->flySite = cs.siteId, o.cases->flySide.clear();
      }
    } else {
      ImGui::TextUnformatted(name);
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(formatCount(i < counts.sites.size() ? counts.sites[i].cases : 0, CountUnit::Cases).c_str());
    ImGui::TableNextColumn();
    sourceCell(o, cs.source, cs.caseId);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

// Every source the card uses, with its citation: the tooltips' content, readable without hovering.
void sourcesList(const TeachingCard& card, const CardTextOptions& o) {
  char header[64];
  std::snprintf(header, sizeof header, "Sources (%zu)###sources", card.sources.size());
  if (!ImGui::CollapsingHeader(header)) return;
  for (const std::string& src : card.sources) {
    const std::string id = src == "report" ? "CC000" : src.rfind("case:", 0) == 0 ? src.substr(5) : "";
    if (src == "general") {
      ImGui::BulletText("general knowledge (stated by neither the report nor a case row)");
    } else {
      const CitedCase* cc = citedOf(o, id);
      const std::string citation = cc ? cc->citation : "citation not loaded";
      ImGui::Bullet();
      ImGui::SameLine();
      ImGui::TextWrapped("%s%s: %s", src == "report" ? "index case report, " : "", id.c_str(), citation.c_str());
    }
  }
}

}  // namespace

std::string cardKindLine(const TeachingCard& card) {
  if (card.kind == CardKind::Subtype) return std::string("subtype of calcinosis cutis: ") + toString(card.subtype);
  for (const VariantInfo& v : variantList())
    if (v.id == card.variant) return std::string("variant: ") + v.name;
  return "variant: " + card.variant;
}

void drawTeachingCardText(const TeachingCard& card, const CardCounts& counts, const std::string& countedIn,
                          const SiteCatalog& catalog, const CardTextOptions& o) {
  ImGui::TextWrapped("%s of this kind in %s.", formatCount(counts.cases, CountUnit::Cases).c_str(), countedIn.c_str());
  statements("Definition", card.definition, o);
  sites(card, counts, catalog, o);
  statements("Mechanism", card.mechanism, o);
  statements("Histology and stains", card.histology, o);
  statements("Differential diagnosis", card.differentials, o);
  if (o.sourcesList) {
    ImGui::Spacing();
    sourcesList(card, o);
  }
}

bool openTeachingCard(TeachingCardState& t, const std::string& id) {
  if (!findCard(t.cards, id)) return false;
  t.openId = id;
  t.show = true;
  return true;
}

void teachingCardButtons(TeachingCardState& t, const std::vector<const TeachingCard*>& cards) {
  for (const TeachingCard* card : cards) {
    ImGui::PushID(card->id.c_str());
    if (ImGui::SmallButton(card->title.c_str())) openTeachingCard(t, card->id);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Teaching card: %s", cardKindLine(*card).c_str());
    ImGui::PopID();
  }
}

void teachingCardHelpButton(TeachingCardState& t, const std::string& id, const std::string& tooltip) {
  const TeachingCard* card = findCard(t.cards, id);
  if (!card) return;
  ImGui::SameLine(0, 2);
  ImGui::PushID(id.c_str());
  if (ImGui::SmallButton("?")) openTeachingCard(t, id);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s%sclick: teaching card \"%s\"", tooltip.c_str(), tooltip.empty() ? "" : "\n",
                      card->title.c_str());
  ImGui::PopID();
}

void drawTeachingCardWindow(TeachingCardState& t, CasesState& s, const Dataset& data, const SiteCatalog& catalog) {
  const TeachingCard* card = t.show ? findCard(t.cards, t.openId) : nullptr;
  if (!card) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float fs = ImGui::GetFontSize();
  ImGui::SetNextWindowSize(ImVec2(fs * 40, vp->WorkSize.y * 0.8f), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.1f),
                          ImGuiCond_FirstUseEver, ImVec2(0.5f, 0));
  ImGui::SetNextWindowSizeConstraints(ImVec2(fs * 24, fs * 10), ImVec2(fs * 70, vp->WorkSize.y));
  ImGui::SetNextWindowBgAlpha(1.f);  // text over the figure: nothing shows through
  const std::string title = "Teaching card: " + card->title + "###teachingcard";
  if (!ImGui::Begin(title.c_str(), &t.show)) {
    ImGui::End();
    return;
  }
  if (t.titleFont) ImGui::PushFont(t.titleFont);
  ImGui::TextWrapped("%s", card->title.c_str());
  if (t.titleFont) ImGui::PopFont();
  ImGui::TextDisabled("%s", cardKindLine(*card).c_str());
  // Counted now, over what the filter shows: never stored, so they follow the filter and the tables.
  const CardCounts counts = countCardCases(*card, s.matches, catalog);
  const std::string countedIn = "the current view (filter: " + describeFilter(s.computedFor, catalog) + ")";
  drawTeachingCardText(*card, counts, countedIn, catalog, {&t.cited, &s, &data, true});
  ImGui::End();
  if (t.report && t.reported != card->id) {
    std::printf("teaching card shown: %s: %s (%s of this kind in the current view)\n", card->id.c_str(),
                card->title.c_str(), formatCount(counts.cases, CountUnit::Cases).c_str());
    std::fflush(stdout);
    t.reported = card->id;
  }
}

}  // namespace la::ui

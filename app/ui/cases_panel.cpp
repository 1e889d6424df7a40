#include "ui/cases_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "core/marker_layout.hpp"
#include "ui/filter_panel.hpp"
#include "ui/same_site.hpp"

namespace la::ui {
namespace {

std::string siteLabel(const SiteCatalog& cat, const Lesion& l) {
  const Site* s = cat.byId(l.siteId);
  std::string n = s ? s->name : l.siteId.str();
  if (l.side != Side::None) n += std::string(" (") + toString(l.side) + ")";
  return n;
}

void sectionTitle(const char* text) {
  ImGui::Spacing();
  ImGui::TextDisabled("%s", text);
  ImGui::Separator();
}

void field(const char* label, const std::string& value) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextDisabled("%s", label);
  ImGui::TableNextColumn();
  if (value.empty())
    ImGui::TextDisabled("not stated");
  else
    ImGui::TextWrapped("%s", value.c_str());
}

// Where the case comes from: citation, DOI/PMID/URL with copyable links, the table's attribution.
void sourceSection(const Case& c, const Dataset& data) {
  sectionTitle("Source");
  ImGui::TextWrapped("%s", c.source.citation.c_str());
  if (!c.source.doi.empty()) {
    std::string link = "https://doi.org/" + c.source.doi;
    ImGui::TextDisabled("DOI %s", c.source.doi.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Copy link##doi")) ImGui::SetClipboardText(link.c_str());
  }
  if (!c.source.pmid.empty()) {
    ImGui::TextDisabled("PMID %s", c.source.pmid.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Copy link##pmid"))
      ImGui::SetClipboardText(("https://pubmed.ncbi.nlm.nih.gov/" + c.source.pmid + "/").c_str());
  }
  if (!c.source.url.empty()) {
    ImGui::TextDisabled("URL");
    ImGui::SameLine();
    ImGui::TextWrapped("%s", c.source.url.c_str());
  }
  if (c.table < data.tables.size() && !data.tables[c.table].attribution.empty())
    ImGui::TextDisabled("%s", data.tables[c.table].attribution.c_str());
}

}  // namespace

void refreshCases(CasesState& s, const CaseFilter& filter, const Dataset& data, const SiteCatalog& catalog) {
  if (!s.dirty && filter == s.computedFor) return;
  s.matches = applyFilter(data, filter, catalog);
  s.stats = computeStats(data, s.matches);
  s.computedFor = filter;
  s.dirty = false;
  ++s.generation;
}

void drawTablesSection(CasesState& s, const Dataset& data) {
  if (!ImGui::CollapsingHeader("Tables")) return;
  for (size_t t = 0; t < data.tables.size(); ++t) {
    const TableInfo& ti = data.tables[t];
    size_t n = 0;
    for (const Case& c : data.cases) n += c.table == t;
    ImGui::PushID(int(t));
    ImGui::TextWrapped("%s: %zu records%s%s", ti.name.c_str(), n, ti.licence.empty() ? "" : ", ",
                       ti.licence.c_str());
    if (!ti.attribution.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ti.attribution.c_str());
    if (ti.nonCommercial) {
      ImGui::SameLine();
      ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.05f, 1), "non-commercial");
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("remove")) s.removeTable = int(t);
    ImGui::PopID();
  }
  ImGui::Separator();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##importpath", "table to import (CSV or JSON)", &s.importPath);
  std::vector<const char*> names{"calcinosis case layout (built-in)"};
  for (const auto& id : s.mappingIds) names.push_back(id.c_str());
  ImGui::SetNextItemWidth(-90);
  ImGui::Combo("##mapping", &s.importMapping, names.data(), int(names.size()));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Column mapping: how the table's columns and site words map to the atlas.");
  ImGui::SameLine();
  ImGui::BeginDisabled(s.importing || s.importPath.empty());
  if (ImGui::Button("Import", ImVec2(-1, 0))) s.importRequested = true;
  ImGui::EndDisabled();
  if (s.importing) {
    static const char spin[] = "|/-\\";
    ImGui::Text("Importing %c", spin[int(ImGui::GetTime() * 8) % 4]);
  }
}

bool drawCasesPanel(CasesState& s, CaseFilter& filter, const Dataset& data, const SiteCatalog& catalog,
                    TeachingCardState* cards) {
  bool changed = false;
  if (ImGui::CollapsingHeader("Filter cases", ImGuiTreeNodeFlags_DefaultOpen))
    changed = drawFilterWidgets(filter, catalog, cards);
  refreshCases(s, filter, data, catalog);

  char header[160];
  std::snprintf(header, sizeof header, "Cases: %zu of %zu shown, %s###cases", s.matches.size(), data.cases.size(),
                formatCount(s.stats.patients, CountUnit::Patients).c_str());
  if (ImGui::CollapsingHeader(header, ImGuiTreeNodeFlags_DefaultOpen)) {
    drawCaseTable(s, data, catalog, filter);
    if (!s.drawingNote.empty()) ImGui::TextWrapped("%s", s.drawingNote.c_str());
    ImGui::Checkbox("Show distribution", &s.showStats);
  }
  return changed;
}

void drawCaseWindow(CasesState& s, const Dataset& data, const SiteCatalog& catalog, const ContentInfo& content,
                    TeachingCardState* cards) {
  if (!s.showCase || s.selected < 0 || s.selected >= int(data.cases.size())) return;
  const Case& c = data.cases[size_t(s.selected)];
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(ImVec2(460, vp->WorkSize.y * 0.55f), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 470, vp->WorkPos.y + 10), ImGuiCond_FirstUseEver);
  std::string title = "Case " + c.id + "###case";
  if (s.raiseCase) ImGui::SetNextWindowFocus(), s.raiseCase = false;
  if (!ImGui::Begin(title.c_str(), &s.showCase)) {
    ImGui::End();
    return;
  }
  if (ImGui::BeginTable("##fields", 2, ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthFixed, 110);
    ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch);
    std::string age = formatAge(c.age);
    if (c.nPatients > 1) age += " (series of " + std::to_string(c.nPatients) + " patients)";
    field("Age", c.age.hasNumber() || c.age.ageClass != AgeClass::None ? age : std::string());
    field("Sex", c.sex == Sex::Unknown ? std::string() : std::string(c.sex == Sex::Female ? "female" : "male"));
    std::string sites;
    for (const Lesion& l : c.lesions) {
      sites += (sites.empty() ? "" : "\n") + siteLabel(catalog, l);
      if (l.unmatched) sites += "  [site word not in the catalog: " + l.token + "]";
    }
    field("Sites", sites);
    field("Source wording", c.siteVerbatim);
    field("Subtype", c.subtype ? toString(*c.subtype) : "");
    field("Variant", c.variantVerbatim.empty() ? c.variant : c.variantVerbatim);
    field("Associated", c.associatedCondition);
    field("Ossification", c.ossification == Ossification::Unknown ? "" : toString(c.ossification));
    field("Size (cm)", c.size);
    std::string dur;
    for (const auto& d : c.durations) dur += (dur.empty() ? "" : "\n") + d;
    field("Duration", dur);
    if (c.durations.size() > 1) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TableNextColumn();
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.35f, 0.05f, 1));
      ImGui::TextWrapped("The source gives %zu different durations%s%s; all are shown.", c.durations.size(),
                         c.durationNote.empty() ? "" : ": ", c.durationNote.c_str());
      ImGui::PopStyleColor();
    }
    field("Histology", c.histology);
    field("Notes", c.notes);
    field("Provenance", c.provenanceNote);
    ImGui::EndTable();
  }
  if (cards) {
    const auto mine = cardsForCase(cards->cards, c);
    if (!mine.empty()) {
      sectionTitle("Teaching cards (key C)");
      teachingCardButtons(*cards, mine);
    }
  }
  sectionTitle("Evidence (verbatim)");
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.25f, 0.25f, 0.32f, 1));
  ImGui::TextWrapped("\"%s\"", c.evidence.c_str());
  ImGui::PopStyleColor();
  sourceSection(c, data);

  sectionTitle("Also reported at these sites");
  drawSameSite(s, c, data, catalog);
  if (!content.differentials.empty()) {
    sectionTitle("Mistaken for (differential diagnosis)");
    for (const auto& d : content.differentials) ImGui::BulletText("%s", d.c_str());
  }
  if (!content.histology.empty()) {
    sectionTitle("Typical histology");
    ImGui::TextWrapped("%s", content.histology.c_str());
  }
  ImGui::End();
}

void drawStatsWindow(CasesState& s, const SiteCatalog& catalog) {
  if (!s.showStats) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float h = vp->WorkSize.y * 0.41f;
  ImGui::SetNextWindowSize(ImVec2(330, h), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 340, vp->WorkPos.y + vp->WorkSize.y - h - 10),
                          ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Distribution", &s.showStats)) {
    ImGui::End();
    return;
  }
  ImGui::TextWrapped("%s", describeCounts(s.stats).c_str());
  if (!s.rareSites.empty() && ImGui::CollapsingHeader("Rare sites", ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::TextDisabled("at most %d cases in the current view (ringed on the figure)", s.rareMax);
    for (const auto& id : s.rareSites) {
      const Site* site = catalog.byId(id);
      const auto it = s.stats.bySite.find(id);
      ImGui::BulletText("%s (%s)", site ? site->name.c_str() : id.c_str(),
                        formatCount(it == s.stats.bySite.end() ? size_t(0) : it->second, s.stats.siteUnit).c_str());
    }
  }
  auto bars = [](const char* title, const std::map<std::string, size_t>& counts, const SiteCatalog* cat) {
    if (!ImGui::CollapsingHeader(title, ImGuiTreeNodeFlags_DefaultOpen)) return;
    std::vector<std::pair<std::string, size_t>> rows(counts.begin(), counts.end());
    std::stable_sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.second > b.second; });
    size_t maxN = rows.empty() ? 1 : rows.front().second;
    for (auto& [key, n] : rows) {
      const Site* site = cat ? cat->byId(key) : nullptr;
      const std::string label = site ? site->name : key;
      char count[16];
      std::snprintf(count, sizeof count, "%zu", n);
      ImGui::ProgressBar(float(n) / float(maxN), ImVec2(120, 0), count);
      ImGui::SameLine();
      ImGui::TextUnformatted(label.c_str());
    }
  };
  // Each chart says what it counts (lesions or images by site; patients or cases by subtype, sex, age).
  const std::string site = unitName(s.stats.siteUnit, 2, true) + " by site";
  const std::string person = unitName(s.stats.personUnit, 2, true);
  bars(site.c_str(), s.stats.bySite, &catalog);
  bars((person + " by subtype").c_str(), s.stats.bySubtype, nullptr);
  bars((person + " by sex").c_str(), s.stats.bySex, nullptr);
  bars((person + " by age band").c_str(), s.stats.byAgeBand, nullptr);
  ImGui::End();
}

}  // namespace la::ui

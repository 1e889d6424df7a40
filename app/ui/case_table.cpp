#include "ui/case_table.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "core/case_export.hpp"
#include "ui/cases_panel.hpp"

namespace la::ui {
namespace {

void tip(const char* t) {
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t);
}

std::string variantName(const Case& c) {
  for (const VariantInfo& v : variantList())
    if (c.variant == v.id) return v.name;
  return c.variant;
}

// One cell per column, in CaseColumn order.
void cells(const Case& c, const SiteCatalog& catalog, const CaseFilter& f) {
  ImGui::TableNextColumn();
  std::string age = c.age.hasNumber() || c.age.ageClass != AgeClass::None ? formatAge(c.age) : "?";
  if (describeAgeMatch(c.age, f) == "overlaps") age += "*";  // a series range only partly inside the age filter
  ImGui::TextUnformatted(age.c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(c.sex == Sex::Unknown ? "?" : toString(c.sex));
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(c.subtype ? toString(*c.subtype) : "?");
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(describeLesions(c, catalog).c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(variantName(c).c_str());
  ImGui::TableNextColumn();
  if (c.source.year) ImGui::Text("%d", *c.source.year);
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(c.source.citation.c_str());
}

void readSortSpecs(CaseTableState& t) {
  ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
  if (!specs || !specs->SpecsDirty) return;
  if (specs->SpecsCount > 0) {
    t.sort.column = CaseColumn(specs->Specs[0].ColumnUserID);
    t.sort.descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
  }
  specs->SpecsDirty = false;
}

void exportRow(CaseTableState& t) {
  ImGui::SetNextItemWidth(-170);
  ImGui::InputText("##exportpath", &t.exportPath);
  tip("Where the table's rows are exported; the extension follows the button (.csv, .txt, .bib).");
  ImGui::SameLine();
  if (ImGui::SmallButton("CSV")) t.exportRequest = TableExport::Csv;
  tip("The rows shown, one per case, with their sources (citation, DOI, PMID) and licences (Ctrl+Shift+C).");
  ImGui::SameLine();
  if (ImGui::SmallButton("Refs")) t.exportRequest = TableExport::ReferencesText;
  tip("A numbered reference list of the sources of the rows shown (Ctrl+Shift+R).");
  ImGui::SameLine();
  if (ImGui::SmallButton("BibTeX")) t.exportRequest = TableExport::Bibtex;
  tip("The same references as BibTeX (Ctrl+Shift+B).");
}

}  // namespace

void refreshTable(CaseTableState& t, const std::vector<const Case*>& matches, unsigned generation,
                  const SiteCatalog& catalog) {
  if (t.builtFor == generation && t.builtQuery == t.query && t.builtSort.column == t.sort.column &&
      t.builtSort.descending == t.sort.descending)
    return;
  t.rows = searchCases(matches, t.query, catalog);
  sortCases(t.rows, t.sort, catalog);
  t.builtFor = generation;
  t.builtQuery = t.query;
  t.builtSort = t.sort;
}

int neighbourRow(const CaseTableState& t, const Dataset& data, int selected, int step) {
  if (t.rows.empty()) return -1;
  auto it = std::find_if(t.rows.begin(), t.rows.end(), [&](const Case* c) { return int(c - data.cases.data()) == selected; });
  long i = it == t.rows.end() ? (step > 0 ? -1 : long(t.rows.size())) : long(it - t.rows.begin());
  i = std::clamp(i + step, 0L, long(t.rows.size()) - 1);
  return int(t.rows[size_t(i)] - data.cases.data());
}

std::string exportPathFor(const CaseTableState& t, TableExport kind) {
  std::filesystem::path p = t.exportPath.empty() ? std::string("cases") : t.exportPath;
  p.replace_extension(kind == TableExport::Csv ? ".csv" : kind == TableExport::Bibtex ? ".bib" : ".txt");
  return p.string();
}

void drawCaseTable(CasesState& s, const Dataset& data, const SiteCatalog& catalog, const CaseFilter& filter) {
  CaseTableState& t = s.table;
  if (t.focusSearch) ImGui::SetKeyboardFocusHere(), t.focusSearch = false;
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##search", "search id, citation, sites, variant, evidence (Ctrl+F)", &t.query);
  refreshTable(t, s.matches, s.generation, catalog);
  ImGui::TextDisabled("%s%s", shownLine(t.rows.size(), s.matches.size()).c_str(),
                      t.query.empty() ? "" : " (search)");
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable |
                                ImGuiTableFlags_Hideable | ImGuiTableFlags_Reorderable;
  if (ImGui::BeginTable("##casetable", kCaseColumnCount, flags, ImVec2(0, 240))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    const float w[kCaseColumnCount] = {52, 48, 30, 80, 150, 90, 40, 400};
    for (int c = 0; c < kCaseColumnCount; ++c) {
      ImGuiTableColumnFlags cf = ImGuiTableColumnFlags_WidthFixed;
      if (c == 0) cf |= ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_NoHide;
      ImGui::TableSetupColumn(columnName(CaseColumn(c)), cf, w[c], ImGuiID(c));
    }
    ImGui::TableHeadersRow();
    readSortSpecs(t);
    refreshTable(t, s.matches, s.generation, catalog);
    const float rowH = ImGui::GetTextLineHeightWithSpacing();
    if (t.scrollToSelected) {
      const auto it = std::find_if(t.rows.begin(), t.rows.end(),
                                   [&](const Case* c) { return int(c - data.cases.data()) == s.selected; });
      if (it != t.rows.end())
        ImGui::SetScrollY(std::max(0.f, float(it - t.rows.begin()) * rowH - ImGui::GetWindowHeight() * 0.4f));
      t.scrollToSelected = false;
    }
    ImGuiListClipper clip;  // public tables have thousands of rows: draw only the visible ones
    clip.Begin(int(t.rows.size()), rowH);
    while (clip.Step())
      for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
        const Case* c = t.rows[size_t(r)];
        const int idx = int(c - data.cases.data());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ImGui::Selectable(c->id.c_str(), s.selected == idx && s.showCase, ImGuiSelectableFlags_SpanAllColumns)) {
          s.selected = idx;
          s.showCase = true;
          s.flyCase = idx;
        }
        if (ImGui::IsItemHovered() && !c->source.citation.empty()) ImGui::SetTooltip("%s", c->source.citation.c_str());
        cells(*c, catalog, filter);
      }
    ImGui::EndTable();
  }
  if (filter.age) ImGui::TextDisabled("* age range only overlaps the filter");
  exportRow(t);
}

}  // namespace la::ui

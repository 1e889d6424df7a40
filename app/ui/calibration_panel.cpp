#include "ui/calibration_panel.hpp"

#include <imgui.h>

namespace la::ui {

std::string calibrationSide(const CalibrationState& s, const SiteCatalog& catalog) {
  const Site* site = catalog.byId(s.siteId);
  if (!site || !site->sided) return "none";
  return s.side == 0 ? "left" : "right";
}

void drawCalibrationSection(CalibrationState& s, const SiteCatalog& catalog) {
  // A map that belongs to another mesh is refused; the user is offered a fresh placement, open
  // even when the section is folded, since nothing can be drawn on this body until they answer.
  const ImGuiTreeNodeFlags open = s.mismatch.empty() ? 0 : ImGuiTreeNodeFlags_DefaultOpen;
  if (!s.mismatch.empty()) ImGui::SetNextItemOpen(true);
  if (!ImGui::CollapsingHeader("Site anchors (calibration)", open)) return;
  if (!s.mismatch.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.25f, 0.1f, 1));
    ImGui::TextWrapped("%s", s.mismatch.c_str());
    ImGui::PopStyleColor();
    if (ImGui::Button("Place sites anew from body proportions", ImVec2(-1, 0))) s.placeAnewRequested = true;
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Ignores the old map (it stays on disk) until you save the new placement over it.");
  }
  ImGui::TextWrapped("%s", s.source.c_str());
  ImGui::Checkbox("Show anchors", &s.showAnchors);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A white dot per site and side; the selected one is gold.");
  const Site* cur = catalog.byId(s.siteId);
  ImGui::SetNextItemWidth(170);
  if (ImGui::BeginCombo("##calsite", cur ? cur->name.c_str() : "site")) {
    for (const Site& site : catalog.sites()) {
      if (site.coarse || site.id == "unspecified" || site.id == "other") continue;
      if (ImGui::Selectable(site.name.c_str(), site.id == s.siteId)) s.siteId = site.id, s.showAnchors = true;
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  const bool sided = cur && cur->sided;
  ImGui::BeginDisabled(!sided);
  ImGui::RadioButton("left", &s.side, 0);
  ImGui::SameLine();
  ImGui::RadioButton("right", &s.side, 1);
  ImGui::EndDisabled();
  if (s.placing) {
    ImGui::TextColored(ImVec4(0.8f, 0.5f, 0.0f, 1), "Click the skin where this site is (Esc cancels)");
  } else if (ImGui::Button("Place on the body", ImVec2(-1, 0))) {
    s.placing = true;
    s.showAnchors = true;
  }
  ImGui::BeginDisabled(s.undoDepth == 0);
  if (ImGui::Button("Undo placement")) s.undoRequested = true;
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(s.builtinBody || !s.unsaved);
  if (ImGui::Button("Save site map")) s.saveRequested = true;
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip(s.builtinBody ? "The built-in figures ship their own site maps."
                                    : "Written atomically beside the mesh: %s", s.mapFile.c_str());
  if (s.unsaved && !s.builtinBody) ImGui::TextDisabled("unsaved changes");
}

}  // namespace la::ui

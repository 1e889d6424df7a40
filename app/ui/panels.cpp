#include "ui/panels.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "ui/shortcuts.hpp"

namespace la::ui {

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    const auto b = cur.find_first_not_of(" \t");
    const auto e = cur.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(cur.substr(b, e - b + 1));
    cur.clear();
  };
  for (char c : text) {
    if (c == ',') flush();
    else cur += c;
  }
  flush();
  return out;
}

namespace {

void tooltip(const char* text) {
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

void bodySection(ViewModel& vm, ViewerState& s, PanelRequests& r) {
  if (!ImGui::CollapsingHeader("Body")) return;
  const char* builtins[] = {"male", "female"};
  for (const char* b : builtins) {
    if (ImGui::RadioButton(b, vm.body == b)) {
      vm.body = b;
      r.loadBody = true;
    }
    ImGui::SameLine();
  }
  ImGui::NewLine();
  ImGui::SetNextItemWidth(-80);
  ImGui::InputTextWithHint("##meshpath", "mesh file (glb, obj, fbx, dae, ply, stl)", &s.bodyPathInput);
  ImGui::SameLine();
  if (ImGui::Button("Open") && !s.bodyPathInput.empty()) {
    vm.body = s.bodyPathInput;
    r.loadBody = true;
  }
  tooltip("Load any mesh Assimp reads as the body.");
  ImGui::SetNextItemWidth(-80);
  ImGui::InputTextWithHint("include", "e.g. body", &s.meshIncludeInput);
  tooltip("Keep only meshes whose names match these patterns (comma-separated, * and ? allowed).");
  ImGui::SetNextItemWidth(-80);
  ImGui::InputTextWithHint("exclude", "e.g. helper-*, joint-*", &s.meshExcludeInput);
  tooltip("Drop meshes whose names match these patterns, such as rig helpers and joint markers.");
  if (!s.body.file.empty()) {
    ImGui::TextDisabled("%s", s.body.file.c_str());
    ImGui::TextDisabled("%lld vertices, %lld triangles", s.body.vertices, s.body.triangles);
    ImGui::TextDisabled("extent %.3g x %.3g x %.3g", s.body.size[0], s.body.size[1], s.body.size[2]);
  }
}

// What the picture shows: markers or a choropleth, the colouring, one or both figures, a comparison.
void pictureSection(ViewModel& vm, ViewerState& s, PanelRequests& r) {
  if (!ImGui::CollapsingHeader("Picture", ImGuiTreeNodeFlags_DefaultOpen)) return;
  int mode = int(vm.mode);
  if (ImGui::RadioButton("markers", &mode, 0)) vm.mode = ViewMode::Markers, r.viewChanged = true;
  tooltip("One marker per lesion at its site.");
  ImGui::SameLine();
  if (ImGui::RadioButton("choropleth", &mode, 1)) vm.mode = ViewMode::Choropleth, r.viewChanged = true;
  tooltip("Each site's skin shaded by its count (viridis); sites with none keep the skin colour.");
  const char* units[] = {"cases", "patients", "lesions"};
  int unit = int(vm.count);
  ImGui::BeginDisabled(vm.mode != ViewMode::Choropleth);
  ImGui::SetNextItemWidth(110);
  if (ImGui::Combo("count", &unit, units, 3)) vm.count = CountUnit(unit), r.viewChanged = true;
  ImGui::EndDisabled();
  const char* by[] = {"subtype", "age band", "sex", "variant", "diagnosis (public tables)"};
  int c = int(vm.colorBy);
  ImGui::SetNextItemWidth(170);
  if (ImGui::Combo("colour by", &c, by, 5)) vm.colorBy = ColorBy(c), r.viewChanged = true;
  tooltip("Colour-blind-safe colours, each with its own marker shape (readable in greyscale).");
  bool both = vm.figures == Figures::Both;
  ImGui::BeginDisabled(vm.compare.has_value());
  if (ImGui::Checkbox("both figures", &both)) vm.figures = both ? Figures::Both : Figures::One, r.viewChanged = true;
  tooltip("Male and female side by side; a case goes on the figure of its sex, unstated sex on both (pale).");
  ImGui::EndDisabled();
  ImGui::SameLine();
  bool cmp = vm.compare.has_value();
  ImGui::BeginDisabled(both);
  if (ImGui::Checkbox("compare", &cmp)) {
    if (cmp) vm.compare = std::array<ComparePane, 2>{ComparePane{"A", vm.filter}, ComparePane{"B", vm.filter}};
    else vm.compare.reset();
    s.editPane = 0;
    r.viewChanged = true;
  }
  tooltip("Two filters side by side in linked views (one camera moves both).");
  ImGui::EndDisabled();
  if (vm.compare) {
    ImGui::RadioButton("edit A", &s.editPane, 0);
    ImGui::SameLine();
    ImGui::RadioButton("edit B", &s.editPane, 1);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##label", "label of this side", &(*vm.compare)[size_t(s.editPane)].label))
      r.viewChanged = true;
  }
  ImGui::SetNextItemWidth(110);
  if (ImGui::InputInt("rare: at most", &vm.rareMax)) vm.rareMax = std::max(0, vm.rareMax), r.viewChanged = true;
  tooltip("Sites with at most this many cases in the view are ringed and listed as rare.");
}

void viewSection(PanelRequests& r) {
  if (!ImGui::CollapsingHeader("View", ImGuiTreeNodeFlags_DefaultOpen)) return;
  struct P { const char* name; const char* label; const char* key; };
  const P presets[] = {{"front", "Front", "1"}, {"back", "Back", "2"}, {"left", "Left", "3"},
                       {"right", "Right", "4"}, {"three-quarter", "3/4", "5"}, {"top", "Top", "6"}};
  int i = 0;
  for (const P& p : presets) {
    if (i++ % 3) ImGui::SameLine();
    if (ImGui::Button(p.label, ImVec2(70, 0))) r.cameraPreset = p.name;
    char tip[96];
    std::snprintf(tip, sizeof tip, "Frame the body from the %s (key %s)", p.name, p.key);
    tooltip(tip);
  }
  if (ImGui::Button("Reset view (R)", ImVec2(150, 0))) r.resetView = true;
  ImGui::SameLine();
  if (ImGui::Button("Whole body (B)", ImVec2(-1, 0))) r.flyHome = true;
  tooltip("Fly back from a close-up to the whole figure, from the last preset's direction.");
  ImGui::TextDisabled("Drag: rotate   Shift/middle drag: pan");
  ImGui::TextDisabled("Wheel/right drag: zoom");
}

void appearanceSection(ViewModel& vm, PanelRequests& r) {
  if (!ImGui::CollapsingHeader("Appearance")) return;
  float bg[3] = {float(vm.background[0]), float(vm.background[1]), float(vm.background[2])};
  if (ImGui::ColorEdit3("Background", bg)) {
    for (int k = 0; k < 3; ++k) vm.background[k] = bg[k];
    r.appearanceChanged = true;
  }
  float skin[3] = {float(vm.skinColor[0]), float(vm.skinColor[1]), float(vm.skinColor[2])};
  if (ImGui::ColorEdit3("Skin", skin)) {
    for (int k = 0; k < 3; ++k) vm.skinColor[k] = skin[k];
    r.appearanceChanged = true;
  }
  if (ImGui::InputTextWithHint("Title", "shown on pictures", &vm.title)) r.appearanceChanged = true;
}

void exportSection(ViewerState& s, PanelRequests& r) {
  if (!ImGui::CollapsingHeader("Export picture", ImGuiTreeNodeFlags_DefaultOpen)) return;
  ImGui::InputText("File", &s.exportSettings.path);
  ImGui::Checkbox("Include panel", &s.exportSettings.includePanel);
  tooltip("With the panel the picture is the window as it is; without, the 3D view is redrawn at the size below.");
  ImGui::BeginDisabled(s.exportSettings.includePanel);
  ImGui::SetNextItemWidth(90);
  ImGui::InputInt("##w", &s.exportSettings.width, 0);
  ImGui::SameLine();
  ImGui::TextUnformatted("x");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90);
  ImGui::InputInt("px##h", &s.exportSettings.height, 0);
  if (ImGui::SmallButton("1080p")) { s.exportSettings.width = 1920; s.exportSettings.height = 1080; }
  ImGui::SameLine();
  if (ImGui::SmallButton("4K")) { s.exportSettings.width = 3840; s.exportSettings.height = 2160; }
  ImGui::SameLine();
  if (ImGui::SmallButton("Square 2K")) { s.exportSettings.width = 2048; s.exportSettings.height = 2048; }
  ImGui::Checkbox("Transparent background", &s.exportSettings.transparent);
  ImGui::EndDisabled();
  ImGui::Checkbox("References beside it (.txt, .bib)", &s.exportSettings.references);
  tooltip("The sources of the cases shown, numbered with DOI/PMID, and as BibTeX, with the licences of the tables.");
  if (ImGui::Button("Export PNG (Ctrl+E)", ImVec2(-1, 0))) r.exportImage = true;
}

void sceneSection(ViewerState& s, PanelRequests& r) {
  if (!ImGui::CollapsingHeader("Saved views")) return;
  ImGui::InputText("Scene", &s.scenePathInput);
  tooltip("A scene file stores body, camera, colours and title; `lesion-atlas render SCENE` redraws it.");
  if (ImGui::Button("Save (Ctrl+S)")) r.saveScene = true;
  ImGui::SameLine();
  if (ImGui::Button("Open (Ctrl+O)")) r.openScene = true;
}

void messagesSection(const ViewerState& s) {
  if (!ImGui::CollapsingHeader("Messages", ImGuiTreeNodeFlags_DefaultOpen)) return;
  ImGui::BeginChild("##msgs", ImVec2(0, 90), true, ImGuiWindowFlags_HorizontalScrollbar);
  for (const auto& m : s.messages) {
    const bool err = m.rfind("error", 0) == 0;
    if (err) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.25f, 0.2f, 1));
    ImGui::TextWrapped("%s", m.c_str());
    if (err) ImGui::PopStyleColor();
  }
  if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY()) ImGui::SetScrollHereY(1.0f);
  ImGui::EndChild();
}

}  // namespace

void drawMainPanel(ViewModel& vm, ViewerState& s, PanelRequests& r, const std::function<void()>& dataSections) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 10, vp->WorkPos.y + 10), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(380, vp->WorkSize.y - 20), ImGuiCond_FirstUseEver);
  if (ImGui::Begin("lesion-atlas", nullptr, ImGuiWindowFlags_MenuBar)) {
    if (ImGui::BeginMenuBar()) {
      if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Save view", "Ctrl+S")) r.saveScene = true;
        if (ImGui::MenuItem("Open view", "Ctrl+O")) r.openScene = true;
        if (ImGui::MenuItem("Export picture", "Ctrl+E")) r.exportImage = true;
        if (ImGui::MenuItem("Present playlist")) r.slides.present = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) r.quit = true;
        ImGui::EndMenu();
      }
      if (ImGui::BeginMenu("Windows")) {
        if (ImGui::MenuItem("Site tree", "Ctrl+T")) r.toggleSites = true;
        if (ImGui::MenuItem("Distribution", "Ctrl+D")) r.toggleStats = true;
        if (ImGui::MenuItem("Back to whole body", "B")) r.flyHome = true;
        ImGui::EndMenu();
      }
      if (ImGui::BeginMenu("Help")) {
        ImGui::MenuItem("Keyboard shortcuts", "F1", &s.showHelp);
        ImGui::MenuItem("ImGui demo (debug)", nullptr, &s.showDemo);
        ImGui::EndMenu();
      }
      ImGui::EndMenuBar();
    }
    pictureSection(vm, s, r);
    if (dataSections) dataSections();
    bodySection(vm, s, r);
    viewSection(r);
    appearanceSection(vm, r);
    exportSection(s, r);
    drawSlidesSection(s.slides, r.slides);
    sceneSection(s, r);
    messagesSection(s);
    s.panelRight = ImGui::IsWindowCollapsed() ? 0.f : ImGui::GetWindowPos().x + ImGui::GetWindowWidth();
  }
  ImGui::End();
  drawTurntableProgress(s.slides, r.slides);
}

void drawHelpWindow(ViewerState& s) {
  if (!s.showHelp) return;
  // Tall enough for every row and the wrapped ones (auto-fit cannot know the wrapped height yet).
  const float rows = float(shortcuts().size() + 14);
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 32, ImGui::GetTextLineHeightWithSpacing() * rows),
                           ImGuiCond_FirstUseEver);
  if (ImGui::Begin("Keyboard shortcuts", &s.showHelp)) {
    // Keys as wide as the longest; actions wrap in the rest, so no line is cut at the window's edge.
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
      ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthFixed);
      ImGui::TableSetupColumn("action", ImGuiTableColumnFlags_WidthStretch);
      for (const Shortcut& row : shortcuts()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.keys);
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", row.action);
      }
      ImGui::EndTable();
    }
  }
  ImGui::End();
}

}  // namespace la::ui

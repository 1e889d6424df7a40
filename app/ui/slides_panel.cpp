#include "ui/slides_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

namespace la::ui {
namespace {

void tooltip(const char* text) {
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

void turntableControls(SlidesState& s, SlidesRequests& r) {
  TurntableSettings& t = s.turntable;
  ImGui::TextUnformatted("Turntable (one full turn)");
  if (s.recording) {
    char label[64];
    std::snprintf(label, sizeof label, "frame %d of %d", s.done, s.total);
    ImGui::ProgressBar(s.total > 0 ? float(s.done) / float(s.total) : 0.f, ImVec2(-1, 0), label);
    if (ImGui::Button("Cancel turntable", ImVec2(-1, 0))) r.cancelTurntable = true;
    return;
  }
  ImGui::InputText("Video", &t.path);
  tooltip("NAME.mp4 (H.264, plays in PowerPoint and browsers), NAME.gif, or FOLDER/ for numbered PNG frames. "
          "MP4 and GIF need ffmpeg.");
  ImGui::SetNextItemWidth(90);
  if (ImGui::InputInt("frames", &t.frames, 0)) t.frames = std::clamp(t.frames, 2, 100000);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(70);
  if (ImGui::InputFloat("fps", &t.fps, 0, 0, "%.0f")) t.fps = std::clamp(t.fps, 1.f, 240.f);
  ImGui::SetNextItemWidth(90);
  ImGui::InputInt("##tw", &t.width, 0);
  ImGui::SameLine();
  ImGui::TextUnformatted("x");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90);
  ImGui::InputInt("px##th", &t.height, 0);
  ImGui::TextDisabled("%.1f s per turn", t.fps > 0 ? t.frames / t.fps : 0.f);
  if (ImGui::Button("Record turntable", ImVec2(-1, 0))) r.recordTurntable = true;
  tooltip("The picture as it would be exported, turned once about the body's vertical axis.");
}

}  // namespace

void drawTurntableProgress(SlidesState& s, SlidesRequests& r) {
  if (!s.recording) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + 12), ImGuiCond_Always,
                          ImVec2(0.5f, 0.f));
  ImGui::SetNextWindowSize(ImVec2(360, 0), ImGuiCond_Always);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings;
  if (ImGui::Begin("Recording turntable", nullptr, flags)) {
    ImGui::TextUnformatted(s.turntable.path.c_str());
    char label[64];
    std::snprintf(label, sizeof label, "frame %d of %d", s.done, s.total);
    ImGui::ProgressBar(s.total > 0 ? float(s.done) / float(s.total) : 0.f, ImVec2(-1, 0), label);
    if (ImGui::Button("Cancel", ImVec2(-1, 0))) r.cancelTurntable = true;
  }
  ImGui::End();
}

void drawSlidesSection(SlidesState& s, SlidesRequests& r) {
  if (!ImGui::CollapsingHeader("Slides: turntable, presentation, 3D", s.recording ? ImGuiTreeNodeFlags_DefaultOpen : 0))
    return;
  turntableControls(s, r);
  ImGui::Separator();
  ImGui::InputText("Playlist", &s.playlistPath);
  tooltip("A list of scenes shown one after another, full screen (scenes/playlists/).");
  ImGui::Checkbox("in a window", &s.presentWindowed);
  ImGui::SameLine();
  if (ImGui::Button("Present", ImVec2(-1, 0))) r.present = true;
  tooltip("Right, Page Down, Space: next; Left, Page Up: back; Home, End; Esc returns here.");
  ImGui::Separator();
  ImGui::InputText("3D model", &s.modelPath);
  tooltip("glTF binary (.glb): the body and this view's markers, one mesh per category. "
          "PowerPoint (Insert > 3D Models) and web viewers open it.");
  if (ImGui::Button("Export 3D model", ImVec2(-1, 0))) r.export3d = true;
}

}  // namespace la::ui

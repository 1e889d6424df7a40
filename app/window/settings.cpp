#include "window/settings.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cstdio>

#include "core/scene_file.hpp"
#include "window/atlas.hpp"

namespace la::window {

AppConfig loadSettings(GuiOptions& opt, std::string& note) {
  if (!opt.useConfig) return {};
  const auto path = configPath();
  std::string warning;
  AppConfig c = loadConfig(path, &warning);
  if (!warning.empty()) note = "warning: " + warning;
  if (c.width >= 200 && c.height >= 150) opt.width = c.width, opt.height = c.height;
  if (!opt.sceneGiven && !c.scene.empty()) {
    try {
      opt.scene = parseScene(c.scene, path.string() + ": scene");
      if (!c.sceneDir.empty()) opt.sceneDir = c.sceneDir;
      note += (note.empty() ? "" : "\n") + std::string("reopened the last view (") + path.string() + ")";
    } catch (const std::exception& e) {
      note += (note.empty() ? "" : "\n") + std::string("warning: last view not reopened: ") + e.what();
    }
  }
  return c;
}

void applySettings(Atlas& a, const AppConfig& c) {
  if (!a.useConfig) return;
  if (!c.layout.empty()) ImGui::LoadIniSettingsFromMemory(c.layout.c_str(), c.layout.size());
  auto flag = [&](const char* key, bool& v) {
    if (auto it = c.panels.find(key); it != c.panels.end()) v = it->second;
  };
  flag("distribution", a.cases.showStats);
  flag("sites", a.sites.show);
}

void saveSettings(Atlas& a, AppConfig c) {
  if (!a.useConfig) return;
  const auto path = configPath();
  if (path.empty()) return;
  glfwGetWindowSize(a.win, &c.width, &c.height);
  size_t n = 0;
  const char* ini = ImGui::SaveIniSettingsToMemory(&n);
  c.layout.assign(ini, n);
  c.panels["distribution"] = a.cases.showStats;
  c.panels["sites"] = a.sites.show;
  ViewModel vm = a.vm;
  if (a.cameraMoved && a.picture.paneCount()) vm.camera = a.mainPane().captureCamera(a.currentPreset);
  c.scene = serializeScene(vm);
  c.sceneDir = a.sceneDir.string();
  try {
    saveConfig(c, path);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "warning: settings not saved: %s\n", e.what());
  }
}

}  // namespace la::window

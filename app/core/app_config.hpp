#pragma once
// What the window remembers between runs: its size, the panels' layout and which are open, and the
// last view (a scene). One JSON file in the XDG config folder, written atomically so a crash while
// quitting never leaves half a file; a missing or broken file means defaults, never a failure.
#include <filesystem>
#include <map>
#include <string>

namespace la {

struct AppConfig {
  int width = 0, height = 0;          // window size in screen units; 0: the default
  std::string layout;                 // ImGui's window layout (its .ini text)
  std::map<std::string, bool> panels; // which windows are open ("cases", "distribution", ...)
  std::string scene;                  // the last view as scene JSON; empty: none
  std::string sceneDir;               // the folder its relative paths were resolved against
};

// $XDG_CONFIG_HOME/lesion-atlas/config.json, or ~/.config/lesion-atlas/config.json when
// XDG_CONFIG_HOME is unset or not absolute (XDG Base Directory rules); empty when neither
// variable gives a folder.
std::filesystem::path configPath();

// Defaults when the file does not exist; defaults and a `warning` naming the file and the reason
// when it cannot be read or parsed.
AppConfig loadConfig(const std::filesystem::path& path, std::string* warning = nullptr);

// Creates the folder when needed; writes atomically. Throws IoError naming the file.
void saveConfig(const AppConfig& config, const std::filesystem::path& path);

}  // namespace la

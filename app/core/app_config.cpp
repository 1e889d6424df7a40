#include "core/app_config.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>

#include "core/atomic_file.hpp"
#include "core/input_limits.hpp"

namespace fs = std::filesystem;

namespace la {

fs::path configPath() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg && *xdg && fs::path(xdg).is_absolute()) return fs::path(xdg) / "lesion-atlas" / "config.json";
  const char* home = std::getenv("HOME");
  if (home && *home) return fs::path(home) / ".config" / "lesion-atlas" / "config.json";
  return {};
}

AppConfig loadConfig(const fs::path& path, std::string* warning) {
  AppConfig c;
  std::error_code ec;
  if (path.empty() || !fs::exists(path, ec)) return c;
  try {
    const nlohmann::json j = nlohmann::json::parse(readFile(path, limits::kSmallJsonBytes));
    if (!j.is_object()) throw std::runtime_error("not a JSON object");
    if (j.contains("window")) {
      c.width = j["window"].value("width", 0);
      c.height = j["window"].value("height", 0);
    }
    c.layout = j.value("layout", "");
    if (j.contains("panels"))
      for (const auto& [k, v] : j["panels"].items())
        if (v.is_boolean()) c.panels[k] = v.get<bool>();
    if (j.contains("scene") && j["scene"].is_object()) c.scene = j["scene"].dump(2);
    c.sceneDir = j.value("scene_dir", "");
  } catch (const std::exception& e) {
    if (warning) *warning = path.string() + ": ignored (" + e.what() + "); using defaults";
    return AppConfig{};
  }
  return c;
}

void saveConfig(const AppConfig& c, const fs::path& path) {
  nlohmann::json j;
  j["window"] = {{"width", c.width}, {"height", c.height}};
  j["layout"] = c.layout;
  j["panels"] = c.panels;
  if (!c.scene.empty()) {
    try {
      j["scene"] = nlohmann::json::parse(c.scene);
    } catch (const std::exception&) {
      // A scene that does not parse is not worth remembering.
    }
  }
  j["scene_dir"] = c.sceneDir;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) throw IoError(path.parent_path().string() + ": cannot create folder (" + ec.message() + ")");
  writeFileAtomically(path, j.dump(2) + "\n");
}

}  // namespace la

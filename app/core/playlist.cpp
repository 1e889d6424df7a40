#include "core/playlist.hpp"

#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/input_limits.hpp"
#include "core/scene_file.hpp"

using nlohmann::json;
namespace fs = std::filesystem;

namespace la {

Playlist parsePlaylist(const std::string& text, const std::string& origin, const fs::path& dir) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    size_t line = 1;
    for (size_t i = 0; i < e.byte && i < text.size(); ++i) line += text[i] == '\n';
    throw SceneError(origin + ":" + std::to_string(line) + ": not valid JSON: " + e.what());
  }
  auto fail = [&](const std::string& field, const std::string& why) -> void {
    throw SceneError(origin + ": " + field + ": " + why);
  };
  if (!j.is_object()) throw SceneError(origin + ": a playlist must be a JSON object");
  for (const auto& [key, value] : j.items())
    if (key != "version" && key != "title" && key != "slides") fail(key, "unknown key (expected version, title, slides)");
  if (!j.contains("version") || !j["version"].is_number_integer() || j["version"].get<int>() != Playlist::kFormatVersion)
    fail("version", "expected 1");
  Playlist p;
  if (j.contains("title")) {
    if (!j["title"].is_string()) fail("title", "expected a string");
    p.title = j["title"].get<std::string>();
  }
  if (!j.contains("slides") || !j["slides"].is_array() || j["slides"].empty())
    fail("slides", "expected a non-empty array of {\"scene\": FILE, \"title\": TEXT}");
  for (size_t i = 0; i < j["slides"].size(); ++i) {
    const json& s = j["slides"][i];
    const std::string field = "slides[" + std::to_string(i) + "]";
    if (!s.is_object()) fail(field, "expected an object");
    for (const auto& [key, value] : s.items())
      if (key != "scene" && key != "title") fail(field + "." + key, "unknown key (expected scene, title)");
    if (!s.contains("scene") || !s["scene"].is_string() || s["scene"].get<std::string>().empty())
      fail(field + ".scene", "expected the path of a scene file");
    PlaylistSlide slide;
    slide.scene = fs::path(s["scene"].get<std::string>());
    if (slide.scene.is_relative()) slide.scene = dir / slide.scene;
    if (s.contains("title")) {
      if (!s["title"].is_string()) fail(field + ".title", "expected a string");
      slide.title = s["title"].get<std::string>();
    }
    p.slides.push_back(slide);
  }
  return p;
}

Playlist loadPlaylist(const fs::path& path) {
  std::string text;
  try {
    text = readFile(path, limits::kSmallJsonBytes);
  } catch (const IoError& e) {
    throw SceneError(e.what());
  }
  return parsePlaylist(text, path.string(), fs::absolute(path).parent_path());
}

std::vector<ViewModel> loadPlaylistScenes(const Playlist& p, const SiteCatalog& catalog, const std::string& origin) {
  std::vector<ViewModel> out;
  for (size_t i = 0; i < p.slides.size(); ++i) {
    try {
      ViewModel vm = loadScene(p.slides[i].scene);
      validateScene(vm, catalog, p.slides[i].scene.string());
      if (!p.slides[i].title.empty()) vm.title = p.slides[i].title;
      out.push_back(std::move(vm));
    } catch (const SceneError& e) {
      throw SceneError(origin + ": slides[" + std::to_string(i) + "]: " + e.what());
    }
  }
  return out;
}

}  // namespace la

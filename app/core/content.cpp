#include "core/content.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/atomic_file.hpp"
#include "core/input_limits.hpp"

namespace la {

ContentInfo loadContent(const std::filesystem::path& path) {
  const std::string text = readFile(path, limits::kSmallJsonBytes);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw std::runtime_error(path.string() + ": not valid JSON: " + e.what());
  }
  auto str = [&](const char* key) -> std::string {
    if (!j.contains(key)) return {};
    if (!j[key].is_string()) throw std::runtime_error(path.string() + ": " + key + ": expected a string");
    return j[key].get<std::string>();
  };
  ContentInfo c;
  c.condition = str("condition");
  c.summary = str("summary");
  c.histology = str("histology");
  c.sourceNote = str("source_note");
  if (j.contains("differentials")) {
    if (!j["differentials"].is_array()) throw std::runtime_error(path.string() + ": differentials: expected an array");
    for (const auto& d : j["differentials"]) {
      if (!d.is_string()) throw std::runtime_error(path.string() + ": differentials: expected strings");
      c.differentials.push_back(d.get<std::string>());
    }
  }
  return c;
}

}  // namespace la

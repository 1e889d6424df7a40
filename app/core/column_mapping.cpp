#include "core/column_mapping.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/dataset.hpp"
#include "core/paths.hpp"

namespace la {

const std::vector<std::string>& mappingRoles() {
  static const std::vector<std::string> roles = {"id",       "site",    "patient", "age",     "age_min",
                                                 "age_max",  "sex",     "side",    "diagnosis", "subtype",
                                                 "variant",  "evidence", "citation", "notes",  "n_cases"};
  return roles;
}

ColumnMapping ColumnMapping::load(const std::filesystem::path& path) {
  std::string text;
  try {
    text = readFile(path);
  } catch (const IoError& e) {
    throw MappingError(e.what());
  }
  ColumnMapping m = fromJsonText(text, path.string());
  if (m.id.empty()) m.id = path.stem().string();
  return m;
}

ColumnMapping ColumnMapping::fromJsonText(std::string_view text, const std::string& label) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw MappingError(label + ": not valid JSON: " + e.what());
  }
  if (!j.is_object()) throw MappingError(label + ": expected a JSON object");
  ColumnMapping m;
  try {
    m.id = j.value("id", std::string{});
    m.name = j.value("name", std::string{});
    m.licence = j.value("licence", std::string{});
    m.attribution = j.value("attribution", std::string{});
    m.url = j.value("url", std::string{});
    m.nonCommercial = j.value("non_commercial", false);
    m.format = j.value("format", std::string{});
    if (!j.contains("columns") || !j["columns"].is_object())
      throw MappingError(label + ": \"columns\" must be an object of role -> column name");
    const auto& roles = mappingRoles();
    for (const auto& [role, col] : j["columns"].items()) {
      if (std::find(roles.begin(), roles.end(), role) == roles.end())
        throw MappingError(label + ": columns: unknown role '" + role + "'");
      if (col.is_string()) m.columns[role] = {col.get<std::string>()};
      else if (col.is_array()) m.columns[role] = col.get<std::vector<std::string>>();
      else throw MappingError(label + ": columns." + role + ": expected a column name or a list of them");
    }
    if (j.contains("values")) {
      for (const auto& [role, table] : j["values"].items()) {
        if (!table.is_object()) throw MappingError(label + ": values." + role + ": expected an object");
        auto& dst = m.values[role];
        for (const auto& [k, v] : table.items()) {
          if (!v.is_string()) throw MappingError(label + ": values." + role + "." + k + ": expected a string");
          if (!dst.emplace(toLower(k), v.get<std::string>()).second)
            throw MappingError(label + ": values." + role + ": '" + k + "' is listed twice (keys ignore case)");
        }
      }
    }
  } catch (const nlohmann::json::exception& e) {
    throw MappingError(label + ": " + e.what());
  }
  if (m.name.empty()) throw MappingError(label + ": \"name\" (the table's name) is required");
  if (m.licence.empty()) throw MappingError(label + ": \"licence\" is required: it is shown with the data");
  for (const char* required : {"id", "site"})
    if (!m.columns.count(required))
      throw MappingError(label + ": columns: the '" + std::string(required) + "' role is required");
  if (!m.format.empty() && m.format != "csv" && m.format != "json")
    throw MappingError(label + ": format must be \"csv\" or \"json\"");
  return m;
}

const std::string* ColumnMapping::translate(const std::string& role, std::string_view value) const {
  auto t = values.find(role);
  if (t == values.end()) return nullptr;
  auto it = t->second.find(toLower(value));
  return it == t->second.end() ? nullptr : &it->second;
}

std::filesystem::path resolveMappingPath(const std::string& arg) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(arg, ec)) return arg;
  const bool looksLikeId = arg.find('/') == std::string::npos && arg.find('.') == std::string::npos;
  if (looksLikeId) {
    auto p = assetPath("mappings/" + arg + ".json");
    if (std::filesystem::is_regular_file(p, ec)) return p;
  }
  throw MappingError(arg + ": no such mapping file" +
                     (looksLikeId ? std::string(" and no shipped mapping with that id") : std::string{}));
}

}  // namespace la

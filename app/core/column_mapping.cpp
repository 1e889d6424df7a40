#include "core/column_mapping.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/dataset.hpp"
#include "core/input_limits.hpp"
#include "core/json_text.hpp"
#include "core/paths.hpp"

namespace la {
namespace {

// What identifies a record decides what a case is and what can be counted, so a mapping that
// leaves it open, or names two answers, is refused rather than read one way or the other.
void checkIdentityRoles(const ColumnMapping& m, const std::string& label) {
  if (!m.has("site")) throw MappingError(label + ": columns: the 'site' role is required");
  if (!m.has("id") && !m.has("image") && !m.has("lesion"))
    throw MappingError(label + ": columns: name the column that identifies each record: "
                               "'image' (an image table), 'lesion' (a lesion table) or 'id' (a table of case records)");
  if (m.has("id") && m.has("image"))
    throw MappingError(label + ": columns: name 'image' or 'id', not both (in an image table the image id is the "
                               "record's id)");
  if (m.has("n_cases") && (m.has("image") || m.has("lesion")))
    throw MappingError(label + ": columns: 'n_cases' (patients per record) is for tables of case records; an image "
                               "or lesion table counts patients with the 'patient' role");
}

}  // namespace

const std::vector<std::string>& mappingRoles() {
  static const std::vector<std::string> roles = {
      "id",  "site",    "patient",   "lesion",  "image",   "age",      "age_min", "age_max", "sex",
      "side", "diagnosis", "subtype", "variant", "evidence", "citation", "notes",   "n_cases"};
  return roles;
}

ColumnMapping ColumnMapping::load(const std::filesystem::path& path) {
  std::string text;
  try {
    text = readFile(path, limits::kSmallJsonBytes);
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
  } catch (const nlohmann::json::parse_error& e) {
    throw MappingError(label + ":" + std::to_string(lineAtByte(text, e.byte)) + ": not valid JSON: " + e.what());
  } catch (const nlohmann::json::exception& e) {  // e.g. a number too large for a double: no position
    throw MappingError(label + ": not valid JSON: " + e.what());
  }
  if (!j.is_object()) throw MappingError(label + ": expected a JSON object");
  ColumnMapping m;
  try {
    // Each field is type-checked here so that a message names it (nlohmann's own does not).
    auto str = [&](const char* key) -> std::string {
      if (!j.contains(key)) return {};
      if (!j[key].is_string()) throw MappingError(label + ": " + key + ": expected a string");
      return j[key].get<std::string>();
    };
    m.id = str("id");
    m.name = str("name");
    m.licence = str("licence");
    m.attribution = str("attribution");
    m.url = str("url");
    if (j.contains("non_commercial") && !j["non_commercial"].is_boolean())
      throw MappingError(label + ": non_commercial: expected true or false");
    m.nonCommercial = j.value("non_commercial", false);
    m.format = str("format");
    if (!j.contains("columns") || !j["columns"].is_object())
      throw MappingError(label + ": \"columns\" must be an object of role -> column name");
    const auto& roles = mappingRoles();
    for (const auto& [role, col] : j["columns"].items()) {
      if (std::find(roles.begin(), roles.end(), role) == roles.end())
        throw MappingError(label + ": columns: unknown role '" + role + "'");
      auto isString = [](const nlohmann::json& c) { return c.is_string(); };
      const bool named = col.is_string() || (col.is_array() && std::all_of(col.begin(), col.end(), isString));
      if (!named) throw MappingError(label + ": columns." + role + ": expected a column name or a list of them");
      if (col.is_string()) m.columns[role] = {col.get<std::string>()};
      else m.columns[role] = col.get<std::vector<std::string>>();
      // Messages about a role name its column; an empty name (or none) would leave them blank.
      const auto& names = m.columns[role];
      if (names.empty() || std::find(names.begin(), names.end(), std::string{}) != names.end())
        throw MappingError(label + ": columns." + role + ": a column name is empty");
    }
    if (j.contains("values")) {
      if (!j["values"].is_object()) throw MappingError(label + ": values: expected an object of role -> value map");
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
  checkIdentityRoles(m, label);
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
  if (std::filesystem::is_directory(arg, ec)) throw MappingError(arg + ": is a directory, not a mapping file");
  const bool looksLikeId = arg.find('/') == std::string::npos && arg.find('.') == std::string::npos;
  if (looksLikeId) {
    auto p = assetPath("mappings/" + arg + ".json");
    if (std::filesystem::is_regular_file(p, ec)) return p;
  }
  throw MappingError(arg + ": no such mapping file" +
                     (looksLikeId ? std::string(" and no shipped mapping with that id") : std::string{}));
}

}  // namespace la

#pragma once
// A column mapping (assets/mappings/*.json) tells the importer how to read another lesion table:
// which column plays which role, how its sex and site words translate, and under which licence
// the table may be shown.
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace la {

struct MappingError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ColumnMapping {
  std::string id;           // file stem, e.g. "pad-ufes-20"
  std::string name;         // table name shown to users
  std::string licence;      // e.g. "CC BY 4.0"
  std::string attribution;  // text to show wherever the table's data is displayed or exported
  std::string url;
  bool nonCommercial = false;
  std::string format;       // "csv", "json" or empty (decided by the file name)
  // role -> candidate column names (the first present in the file is used). Roles: site
  // (required); the columns that identify a patient, a lesion and an image (`patient`, `lesion`,
  // `image`, each optional) or, for a table of records that are not images, the record's own `id`;
  // at least one of image, lesion, id. Then age, age_min, age_max, sex, side, diagnosis, subtype,
  // variant, evidence, citation, notes, n_cases (patients per record; records with an id only).
  // The identifying columns decide what is counted: see docs/DATA.md, "Mapping files".
  std::map<std::string, std::vector<std::string>> columns;
  // role -> (table value -> project value). Keys match ignoring ASCII case.
  std::map<std::string, std::map<std::string, std::string>> values;

  // Loads a mapping file; throws MappingError naming the file and what is wrong.
  static ColumnMapping load(const std::filesystem::path& path);
  // Parses mapping JSON; `label` names the source in error messages.
  static ColumnMapping fromJsonText(std::string_view text, const std::string& label);

  // True when the mapping names a column for `role`.
  bool has(const std::string& role) const { return columns.count(role) > 0; }

  // Translates `value` through the value map of `role`; returns nullptr when the map has no entry.
  const std::string* translate(const std::string& role, std::string_view value) const;
};

// Roles a mapping may name.
const std::vector<std::string>& mappingRoles();

// Resolves a --mapping argument: an existing file, or the id of a shipped mapping
// (assets/mappings/<id>.json). Throws MappingError when neither exists.
std::filesystem::path resolveMappingPath(const std::string& arg);

}  // namespace la

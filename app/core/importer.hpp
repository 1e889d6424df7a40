#pragma once
// Import of case tables: the built-in calcinosis layout (the columns of
// assets/data/calcinosis_cases.csv) and any CSV/JSON table described by a ColumnMapping.
// Implemented in importer.cpp (reading and entry points), importer_builtin.cpp, importer_mapped.cpp
// and importer_lesions.cpp (a lesion's images gathered into one case).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/column_mapping.hpp"
#include "core/dataset.hpp"
#include "core/problem.hpp"
#include "core/site_catalog.hpp"

namespace la {

struct ImportOptions {
  bool strict = false;  // any error (not only a file-level one) fails the whole import
};

struct ImportResult {
  bool ok = false;       // false: nothing from this file may be used (file-level error, or strict and any error)
  Dataset data;          // one table with the cases that loaded
  std::vector<Problem> problems;  // errors (record skipped) and warnings (record kept), in file order
  // Records (rows), not cases: the images of one lesion are several records of one case, so a
  // lesion table has fewer cases than loaded records.
  size_t loaded = 0;     // records that were read into a case
  size_t skipped = 0;    // records left out because of an error
};

// Reads a case table from disk. `mapping` null means the built-in calcinosis layout.
// JSON is chosen by the mapping's format or a ".json" file name; anything else is CSV.
// Never throws for bad content: everything is reported in ImportResult::problems.
ImportResult importFile(const std::filesystem::path& path, const ColumnMapping* mapping,
                        const SiteCatalog& catalog, const ImportOptions& options = {});

// Same as importFile for text already in memory; `label` stands for the file name in problems.
ImportResult importText(std::string_view text, const std::string& label, bool json, const ColumnMapping* mapping,
                        const SiteCatalog& catalog, const ImportOptions& options = {});

// Reads a table with a mapping given as on the command line: empty for the built-in layout, else
// a mapping file or the id of a shipped mapping. A mapping that cannot be found or read is a
// file-level problem (ok = false), so callers report every failure the same way.
ImportResult importTable(const std::filesystem::path& path, const std::string& mappingArg, const SiteCatalog& catalog);

// Adds a successful import to `target` and returns true; leaves `target` untouched and returns
// false when `result.ok` is false. The import was built apart from `target`, so a failure can never
// leave a half-loaded dataset behind.
bool mergeImport(Dataset& target, ImportResult&& result);

// Columns of the built-in layout, in file order (required: case_id, citation, and one of sites,
// site_normalized, site_verbatim).
const std::vector<std::string>& builtinColumns();

// Loads the shipped dataset (assets/data/calcinosis_cases.csv) with the built-in layout.
ImportResult importBuiltinDataset(const SiteCatalog& catalog);

// Splits a duration field into its values: "10 years (abstract) / 1.5 years (case presentation):
// the report contradicts itself" gives {"10 years (abstract)", "1.5 years (case presentation)"}
// and the note "the report contradicts itself". A field without " / " is one value, kept whole.
void splitDurations(std::string_view field, std::vector<std::string>& durations, std::string& note);

// Inverse of splitDurations (gives back the field as written).
std::string joinDurations(const std::vector<std::string>& durations, const std::string& note);

}  // namespace la

// Fuzz target: column mappings (core/column_mapping, assets/mappings/*.json). A mapping that
// loads must also be usable: a small table built from its own column names is imported with it.
#include "core/csv_reader.hpp"
#include "fuzz_support.hpp"

using namespace la;
using la::fuzz::check;

namespace {

// One header of the mapping's first candidate column per role, one row of the first value its
// value map translates (or a plain word), so the import reaches the per-row code.
std::string tableFor(const ColumnMapping& m) {
  std::string header, row;
  for (const auto& [role, candidates] : m.columns) {
    if (candidates.empty()) continue;
    const auto v = m.values.find(role);
    const std::string value = v != m.values.end() && !v->second.empty() ? v->second.begin()->first : "x1";
    header += (header.empty() ? "" : ",") + csvQuote(candidates.front());
    row += (row.empty() ? "" : ",") + csvQuote(value);
  }
  return header + "\n" + row + "\n";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string label = "fuzz-mapping.json";
  ColumnMapping m;
  try {
    m = ColumnMapping::fromJsonText(fuzz::asText(data, size), label);
  } catch (const MappingError& e) {
    check(fuzz::startsWith(e.what(), label + ":"), std::string("error does not name the file: ") + e.what());
    return 0;
  }
  check(!m.name.empty() && !m.licence.empty(), "mapping loaded without name or licence");
  check(m.columns.count("site") == 1, "mapping loaded without the site role");
  const std::string table = tableFor(m);
  fuzz::checkImport(importText(table, "fuzz.csv", false, &m, fuzz::catalog()), "fuzz.csv", table);
  return 0;
}

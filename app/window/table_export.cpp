// The case table's export: the rows shown (the filter's matches that fit the search, in table
// order) as CSV with their sources, or as a reference list (numbered text or BibTeX).
#include "window/table_export.hpp"

#include "core/atomic_file.hpp"
#include "core/case_export.hpp"
#include "core/references.hpp"
#include "window/atlas.hpp"

namespace la::window {

void exportTable(Atlas& a) {
  ui::CaseTableState& t = a.cases.table;
  const ui::TableExport kind = t.exportRequest;
  t.exportRequest = ui::TableExport::None;
  if (kind == ui::TableExport::None) return;
  const std::string path = ui::exportPathFor(t, kind);
  std::string text;
  if (kind == ui::TableExport::Csv) text = casesToCsv(t.rows, a.data.data, &a.editedFilter());
  else {
    // The one reference writer that every picture export uses (core/references.hpp).
    const ReferenceText refs = formatReferences(t.rows, a.data.data, "Cases shown in the case table", a.data.versions);
    text = kind == ui::TableExport::Bibtex ? refs.bibtex : refs.text;
  }
  try {
    writeFileAtomically(path, text);
    const std::string what = kind == ui::TableExport::Csv ? "cases with their sources" : "cases' sources";
    a.message("saved " + path + " (" + std::to_string(t.rows.size()) + " " + what + ")");
  } catch (const std::exception& e) {
    a.message(std::string("error: ") + e.what());
  }
}

}  // namespace la::window

#pragma once
// The case table: the cases of the current filter, searched by free text and sorted by any
// column, with a count that names its unit. Selecting a row opens the case (its markers are
// ringed) and asks the window to fly to it; a marker clicked in the view selects and scrolls to
// its row. The rows shown export as CSV and as a reference list (text or BibTeX).
#include <string>
#include <vector>

#include "core/case_filter.hpp"
#include "core/case_search.hpp"
#include "core/dataset.hpp"
#include "core/site_catalog.hpp"

namespace la::ui {

struct CasesState;

enum class TableExport { None, Csv, ReferencesText, Bibtex };

struct CaseTableState {
  std::string query;
  CaseSort sort;
  std::vector<const Case*> rows;  // the filter's matches that fit the query, in table order
  unsigned builtFor = ~0u;        // CasesState::generation the rows were built from
  std::string builtQuery;
  CaseSort builtSort;
  bool focusSearch = false;       // Ctrl+F: put the cursor in the search box
  bool scrollToSelected = false;  // a marker was clicked: bring its row into view
  std::string exportPath = "cases.csv";
  TableExport exportRequest = TableExport::None;
  int selectRequest = -1;         // a test hook or a key asks to select this case as a click would
};

// Rebuilds the rows when the matches, the query or the order changed.
void refreshTable(CaseTableState& t, const std::vector<const Case*>& matches, unsigned generation,
                  const SiteCatalog& catalog);

// The row after (step 1) or before (step -1) the selected one, as a case index; -1 when none.
int neighbourRow(const CaseTableState& t, const Dataset& data, int selected, int step);

// Search box, "N of M cases shown", the table and the export row, inside the current window.
void drawCaseTable(CasesState& s, const Dataset& data, const SiteCatalog& catalog, const CaseFilter& filter);

// The path the export button writes for `kind` (the box's path with .csv, .txt or .bib).
std::string exportPathFor(const CaseTableState& t, TableExport kind);

}  // namespace la::ui

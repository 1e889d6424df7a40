#pragma once
// The case browser: filters, the matching cases, one case in full (with its source), what else
// is reported at the same site, and the distribution. Edits CasesState; never the dataset.
#include <string>
#include <vector>

#include "core/case_filter.hpp"
#include "core/case_stats.hpp"
#include "core/content.hpp"
#include "core/dataset.hpp"
#include "core/site_catalog.hpp"

namespace la::ui {

struct CasesState {
  // Filter inputs as the widgets hold them; turned into a CaseFilter by currentFilter().
  bool subtypeOn[6] = {true, true, true, true, true, true};  // in Subtype enum order
  int sex = 0;                 // 0 any, 1 F, 2 M
  bool ageOn = false;
  int ageMin = 0, ageMax = 120;
  bool ageInside = false;
  bool includeUnknownAge = false;
  std::string siteId;          // empty: every site
  int ossification = 0;        // 0 any, 1 yes, 2 no

  int selected = -1;           // index into Dataset::cases
  bool dirty = true;           // filter changed: the selection and statistics must be recomputed
  unsigned generation = 0;     // bumped each time `matches` is recomputed (views redraw on change)
  std::vector<const Case*> matches;
  CaseStats stats;
  std::string drawingNote;     // what the 3D view leaves out (set by the window)

  // Tables: what the user asked for; the window does the work.
  std::string importPath;
  int importMapping = 0;                 // 0: the built-in calcinosis layout, else mappingIds[i-1]
  std::vector<std::string> mappingIds;   // shipped mappings (assets/mappings)
  bool importRequested = false;
  bool importing = false;                // an import is running (shown with a spinner)
  int removeTable = -1;
  bool showCase = false;
  bool showStats = true;
};

CaseFilter currentFilter(const CasesState& s);
// Sets the widgets from a filter (opening a saved view); marks the state dirty.
void setFilter(CasesState& s, const CaseFilter& f);

// Recomputes matches and stats when dirty. Cheap enough to call every frame.
void refreshCases(CasesState& s, const Dataset& data, const SiteCatalog& catalog);

// Loaded tables with their licences, removal, and importing another table.
void drawTablesSection(CasesState& s, const Dataset& data);

// Panel with filters and the list; returns true when the filter changed this frame.
bool drawCasesPanel(CasesState& s, const Dataset& data, const SiteCatalog& catalog);
// The selected case in full.
void drawCaseWindow(CasesState& s, const Dataset& data, const SiteCatalog& catalog, const ContentInfo& content);
// Distribution of the current selection by site, subtype, sex and age.
void drawStatsWindow(CasesState& s, const SiteCatalog& catalog);

}  // namespace la::ui

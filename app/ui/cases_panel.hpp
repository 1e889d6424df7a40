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
#include "ui/case_table.hpp"
#include "ui/teaching_card_view.hpp"

namespace la::ui {

// App state of the case browser (never saved). The filter it shows is the view model's.
struct CasesState {
  int selected = -1;           // index into Dataset::cases
  bool dirty = true;           // data changed: the selection and statistics must be recomputed
  CaseFilter computedFor;      // the filter `matches` was computed for (a cache key, not a second filter)
  std::string siteRequest;     // "show" on a case card: set the view's filter site to this
  unsigned generation = 0;     // bumped each time `matches` is recomputed (views redraw on change)
  std::vector<const Case*> matches;
  CaseStats stats;
  std::string drawingNote;     // what the 3D view leaves out (set by the window)
  std::vector<std::string> rareSites;  // sites with few cases in the current view (set by the window)
  int rareMax = 2;

  // Tables: what the user asked for; the window does the work.
  std::string importPath;
  int importMapping = 0;                 // 0: the built-in calcinosis layout, else mappingIds[i-1]
  std::vector<std::string> mappingIds;   // shipped mappings (assets/mappings)
  bool importRequested = false;
  bool importing = false;                // an import is running (shown with a spinner)
  int removeTable = -1;
  bool showCase = false;
  bool raiseCase = false;      // bring the case card to the front (a case chosen in another window)
  bool showStats = true;

  // Exploring: the table, and where the user asked the camera to go (the window flies there).
  CaseTableState table;
  int flyCase = -1;            // a row or a same-site entry was chosen: fly to this case's markers
  std::string flySite;         // a site on the case card or in the site tree: fly to it
  std::string flySide;         // its side ("left", "right", "none"; empty: whichever has its cases)
};

// Recomputes matches and stats when the data or the filter changed. Cheap enough for every frame.
void refreshCases(CasesState& s, const CaseFilter& filter, const Dataset& data, const SiteCatalog& catalog);

// Loaded tables with their licences, removal, and importing another table.
void drawTablesSection(CasesState& s, const Dataset& data);

// Panel with the filter widgets (editing `filter`, the view model's) and the list; returns true
// when the filter changed this frame.
// `cards` (may be null) adds a "?" for each subtype and variant that opens its teaching card.
bool drawCasesPanel(CasesState& s, CaseFilter& filter, const Dataset& data, const SiteCatalog& catalog,
                    TeachingCardState* cards = nullptr);
// The selected case in full, with buttons for its teaching cards (`cards` may be null).
void drawCaseWindow(CasesState& s, const Dataset& data, const SiteCatalog& catalog, const ContentInfo& content,
                    TeachingCardState* cards = nullptr);
// Distribution of the current selection by site, subtype, sex and age.
void drawStatsWindow(CasesState& s, const SiteCatalog& catalog);

}  // namespace la::ui

#pragma once
// The case table's search and sort: free text over what a reader looks for (id, citation, sites,
// variant, evidence) and an order by any column. Pure functions on core types, so the window's
// table and the tests agree on what a search finds.
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"
#include "core/site_catalog.hpp"

namespace la {

// The case table's columns, in display order.
enum class CaseColumn { Id, Age, Sex, Subtype, Sites, Variant, Year, Citation };
inline constexpr int kCaseColumnCount = 8;
const char* columnName(CaseColumn c);  // "id", "age", ...

struct CaseSort {
  CaseColumn column = CaseColumn::Id;
  bool descending = false;
};

// The text a search looks through for one case: id, citation (and authors, title, journal, DOI,
// PMID when given), each lesion's site name and the catalog's synonyms for it, the table's site token and the
// source's wording, the
// variant (controlled name and the source's wording) and the verbatim evidence.
std::string searchableText(const Case& c, const SiteCatalog& catalog);

// True when every blank-separated word of `query` occurs in searchableText (ignoring ASCII case).
// An empty query matches every case.
bool caseMatchesText(const Case& c, std::string_view query, const SiteCatalog& catalog);

// The cases of `cases` that match `query`, in their given order.
std::vector<const Case*> searchCases(const std::vector<const Case*>& cases, std::string_view query,
                                     const SiteCatalog& catalog);

// Sorts in place, stably. Values a source does not state (no age, unknown sex, no subtype, no
// year, no variant) go last whichever the direction, so a reversed column never opens on blanks.
// Ids compare naturally ("CC9" before "CC10"); ages by their lower end, then upper end.
void sortCases(std::vector<const Case*>& cases, const CaseSort& sort, const SiteCatalog& catalog);

// "12 of 40 cases shown" (rows are cases; a series is one row).
std::string shownLine(size_t shown, size_t total);

}  // namespace la

#pragma once
// Selecting cases: the filters shared by `query`, `stats` and the UI.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"
#include "core/site_catalog.hpp"

namespace la {

// How an age filter A-B meets a case whose age is a range lo-hi (a series, or "in his 20s").
enum class AgeMode {
  Overlaps,  // default: some age in lo-hi lies in A-B (lo <= B and hi >= A)
  Inside,    // the whole range lies in A-B (A <= lo and hi <= B)
};

struct AgeBounds {
  double min = 0, max = 0;  // inclusive at both ends
};

struct YearBounds {
  int min = 0, max = 0;  // publication years, inclusive
};

// The one form of a filter: `query` and `stats` options, scene files and the window's widgets all
// read and write this struct. Text values are kept as written (a site's synonym stays a synonym),
// so a scene opened and saved again writes what it read.
struct CaseFilter {
  std::vector<Subtype> subtypes;         // any of these; empty = all
  std::string variant;                   // controlled id or name, else a substring of the wording; empty = all
  std::optional<AgeBounds> age;
  AgeMode ageMode = AgeMode::Overlaps;
  bool includeUnknownAge = false;        // with an age filter, keep cases with no number (incl. neonate/infant)
  std::optional<Sex> sex;                // only cases of this stated sex
  std::string site;                      // catalog id, name or synonym; matches lesions at this site or below it
  std::optional<YearBounds> year;        // publication year; cases whose source has no year never match
  std::optional<Ossification> ossification;  // only cases with this stated value
};

// How a case's age meets the filter's age bounds, for display ("exact", "inside", "overlaps",
// "unknown (included)"); empty when there is no age filter or the case does not match it.
std::string describeAgeMatch(const Age& age, const CaseFilter& filter);

// The catalog id of filter.site; empty when no site is set; nullopt when the catalog does not know it.
std::optional<std::string> resolvedSite(const CaseFilter& filter, const SiteCatalog& catalog);

bool operator==(const CaseFilter& a, const CaseFilter& b);
inline bool operator!=(const CaseFilter& a, const CaseFilter& b) { return !(a == b); }

// True when `c` passes every part of `filter` (an unknown site matches nothing).
bool matchesFilter(const Case& c, const CaseFilter& filter, const SiteCatalog& catalog);

// The cases of `data` that pass `filter`, in dataset order.
std::vector<const Case*> applyFilter(const Dataset& data, const CaseFilter& filter, const SiteCatalog& catalog);

// Parses "A-B" (or a single "A", meaning A-A) with 0 <= A <= B <= 120; nullopt and `error` otherwise.
std::optional<AgeBounds> parseAgeBounds(std::string_view text, std::string* error = nullptr);

// Parses "A-B" (or a single year "A") with 1800 <= A <= B <= 2100.
std::optional<YearBounds> parseYearBounds(std::string_view text, std::string* error = nullptr);
// "40-50", or "7" when both ends are equal; numbers as formatNumber prints them ("0.5-2").
std::string formatAgeBounds(const AgeBounds& b);
std::string formatYearBounds(const YearBounds& b);

// Parses "a,b,c" into subtypes; nullopt and `error` naming the bad word otherwise.
std::optional<std::vector<Subtype>> parseSubtypeList(std::string_view text, std::string* error = nullptr);

}  // namespace la

#pragma once
// Counts over a selection of cases, as `stats` prints them and the UI charts them. Every count
// names its unit, and a count the selected tables do not state is "not stated", never a row count.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/count_unit.hpp"
#include "core/dataset.hpp"

namespace la {


// "cases", "patients", "lesions", "images" (n == 1: "case", ...); `capital`: "Cases", ...
std::string unitName(CountUnit unit, size_t n = 2, bool capital = false);

// A count with its unit: "7470 lesions", "1 patient"; an absent count: "patients not stated".
std::string formatCount(std::optional<size_t> n, CountUnit unit);

struct CaseStats {
  size_t cases = 0;
  // nullopt: some selected case's table does not state it (HAM10000 has no patient id, ISIC 2020
  // no lesion id, the built-in layout no images).
  std::optional<size_t> patients;  // sum of n_patients; cases sharing a table's patient id count once
  std::optional<size_t> lesions;   // a lesion table's lesion once, whatever its number of sites
  std::optional<size_t> images;
  // What bySite counts: lesions when every selected case states its lesions, else images when
  // every one states its images, else cases. A lesion (or case) is counted once at each of its
  // sites, so a lesion imaged at two sites makes bySite sum to more than `lesions`.
  CountUnit siteUnit = CountUnit::Lesions;
  // What bySubtype, bySex and byAgeBand count: patients when every selected case states its
  // patients (each then sums to `patients`), else cases (each sums to `cases`).
  CountUnit personUnit = CountUnit::Patients;
  std::map<std::string, size_t> bySite;     // catalog id -> siteUnit
  std::map<std::string, size_t> bySubtype;  // subtype ("none" when the table has no subtype) -> personUnit
  std::map<std::string, size_t> bySex;      // "F", "M", "unknown" -> personUnit
  std::map<std::string, size_t> byAgeBand;  // band (see ageBand) -> personUnit
};

// The age band of a case, from the one list of bands (core/age_bands.hpp): "neonate", "infant",
// "child", "adolescent", "adult", "older-adult"; a range across bands "range-across-bands"; no
// number "unknown".
std::string ageBand(const Age& age);

// Counts the given cases. With the dataset they belong to, the counts are read from its index
// (core/case_index.hpp), which is what the window, `render`, `stats` and `query` do; the two give
// the same figures (a case list from elsewhere is indexed for the call).
CaseStats computeStats(const Dataset& data, const std::vector<const Case*>& cases);
CaseStats computeStats(const std::vector<const Case*>& cases);

// The totals in words: "7470 cases, patients not stated, 7470 lesions, 10015 images".
std::string describeCounts(const CaseStats& stats);

// {"cases","patients","lesions","images" (null when not stated),"by_site","by_subtype","by_sex",
//  "by_age_band","units": {"by_site","by_subtype","by_sex","by_age_band"} (unit names)}.
nlohmann::json statsToJson(const CaseStats& stats);

}  // namespace la

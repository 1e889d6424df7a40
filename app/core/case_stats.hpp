#pragma once
// Counts over a selection of cases, as `stats` prints them and the UI charts them.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dataset.hpp"

namespace la {

struct CaseStats {
  size_t cases = 0;
  size_t patients = 0;  // sum of n_patients; cases sharing a table's patient id count once
  size_t lesions = 0;
  std::map<std::string, size_t> bySite;     // lesions per catalog id; each lesion once; sums to `lesions`
  std::map<std::string, size_t> bySubtype;  // patients per subtype ("none" when the table has no subtype)
  std::map<std::string, size_t> bySex;      // patients per "F", "M", "unknown"
  std::map<std::string, size_t> byAgeBand;  // patients per band (see ageBand)
};

// The age band of a case: "under-1", "1-9", "10-19", ..., "80-89", "90+"; a range inside one
// band is counted there, a range across bands under "range-across-bands"; no number: "unknown".
std::string ageBand(const Age& age);

// Counts the given cases. by_subtype, by_sex and by_age_band count patients and sum to `patients`.
CaseStats computeStats(const std::vector<const Case*>& cases);

// {"cases","patients","lesions","by_site","by_subtype","by_sex","by_age_band"}.
nlohmann::json statsToJson(const CaseStats& stats);

}  // namespace la

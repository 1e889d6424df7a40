#pragma once
// Cases as JSON and CSV for `query`, and for the UI's export.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/case_filter.hpp"
#include "core/dataset.hpp"
#include "core/site_catalog.hpp"

namespace la {

// One case as a JSON object: id, table, age (number, {"min","max"} or null), age_class, sex,
// subtype, variant, sites ([{"site","name","side","token","wording","unmatched"}]), n_patients,
// citation, doi, pmid, url, year, evidence, ... and, for a mapped table, licence and attribution.
// With an age filter, "age_match" says how the age met it.
nlohmann::json caseToJson(const Case& c, const Dataset& data, const SiteCatalog& catalog,
                          const CaseFilter* filter = nullptr);

// All given cases as a JSON array.
nlohmann::json casesToJson(const std::vector<const Case*>& cases, const Dataset& data, const SiteCatalog& catalog,
                           const CaseFilter* filter = nullptr);

// CSV with a header: id,table,age,age_class,age_match,sex,subtype,variant,variant_wording,sites,
// n_patients,citation,doi,pmid,licence. `sites` is "site:side;..." like the built-in layout.
std::string casesToCsv(const std::vector<const Case*>& cases, const Dataset& data, const CaseFilter* filter = nullptr);

// "thigh (right); scrotum" using display names.
std::string describeLesions(const Case& c, const SiteCatalog& catalog);

// The tables (name, licence, attribution) that the given cases come from, each once, in order.
std::vector<const TableInfo*> tablesOf(const std::vector<const Case*>& cases, const Dataset& data);

}  // namespace la

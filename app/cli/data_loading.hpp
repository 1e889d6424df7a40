#pragma once
// Loading case tables for commands: the built-in dataset, or --data tables with their mappings.
// Shared by query/stats and render, so a picture shows exactly what a query lists.
#include <CLI/CLI.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/problem.hpp"
#include "core/site_catalog.hpp"

namespace la::cli {

struct DataSpec {
  std::string file;
  std::string mapping;
};

// Pairs each --mapping with the --data given before it, in command-line order (CLI11 keeps the
// values of each option apart, so the order comes from the parse). False, after saying why,
// when a --mapping has no --data of its own.
bool pairDataSpecs(CLI::App* sub, const CLI::Option* dataOpt, const std::vector<std::string>& files,
                   const CLI::Option* mappingOpt, const std::vector<std::string>& mappings,
                   std::vector<DataSpec>& specs);

// Prints at most `limit` problems, then how many more there were.
void printProblems(const std::vector<Problem>& problems, std::ostream& out, size_t limit);

// Problems printed per file before the rest is summarised.
inline constexpr size_t kMaxProblemsShown = 20;

// Loads every --data table (or the built-in dataset); returns false (after saying why on stderr)
// when any of them fails to import, since a partial answer would look complete.
bool loadData(const std::vector<DataSpec>& specs, const SiteCatalog& catalog, Dataset& data);

}  // namespace la::cli

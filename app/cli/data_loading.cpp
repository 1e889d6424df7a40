#include "cli/data_loading.hpp"

#include <fmt/format.h>

#include <iostream>

#include "core/importer.hpp"

namespace la::cli {

bool pairDataSpecs(CLI::App* sub, const CLI::Option* dataOpt, const std::vector<std::string>& files,
                   const CLI::Option* mappingOpt, const std::vector<std::string>& mappings,
                   std::vector<DataSpec>& specs) {
  size_t di = 0, mi = 0;
  for (const CLI::Option* opt : sub->parse_order()) {
    if (opt == dataOpt && di < files.size()) {
      specs.push_back({files[di++], ""});
    } else if (opt == mappingOpt && mi < mappings.size()) {
      if (specs.empty() || !specs.back().mapping.empty()) {
        std::cerr << sub->get_name() << ": --mapping " << mappings[mi] << " must follow the --data file it applies to\n";
        return false;
      }
      specs.back().mapping = mappings[mi++];
    }
  }
  return true;
}

void printProblems(const std::vector<Problem>& problems, std::ostream& out, size_t limit) {
  size_t shown = 0;
  for (const Problem& p : problems) {
    if (shown == limit) {
      out << fmt::format("... and {} more (run `lesion-atlas validate` for the full list)\n", problems.size() - shown);
      break;
    }
    out << p.describe() << "\n";
    ++shown;
  }
}

// Loads every --data table (or the built-in dataset); returns false (after saying why on stderr)
// when any of them fails to import, since a partial answer would look complete.
bool loadData(const std::vector<DataSpec>& specs, const SiteCatalog& catalog, Dataset& data) {
  if (specs.empty()) {
    ImportResult r = importBuiltinDataset(catalog);
    printProblems(r.problems, std::cerr, kMaxProblemsShown);
    if (!mergeImport(data, std::move(r))) {
      std::cerr << "the built-in dataset could not be loaded\n";
      return false;
    }
    return true;
  }
  for (const DataSpec& s : specs) {
    ImportResult r = importTable(s.file, s.mapping, catalog);
    printProblems(r.problems, std::cerr, kMaxProblemsShown);
    const size_t loaded = r.loaded, skipped = r.skipped;
    if (!mergeImport(data, std::move(r))) {
      std::cerr << s.file << ": import failed; nothing loaded from it\n";
      return false;
    }
    if (skipped > 0) std::cerr << fmt::format("{}: loaded {} records, skipped {}\n", s.file, loaded, skipped);
  }
  return true;
}

}  // namespace la::cli

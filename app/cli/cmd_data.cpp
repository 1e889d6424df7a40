// `validate`, `query` and `stats`: the case registry on the command line, through the same core
// functions (importFile, applyFilter, computeStats) that the UI calls.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/data_loading.hpp"
#include "core/case_export.hpp"
#include "core/case_filter.hpp"
#include "core/case_stats.hpp"
#include "core/column_mapping.hpp"
#include "core/importer.hpp"
#include "core/paths.hpp"
#include "core/site_catalog.hpp"

namespace la::cli {
namespace {


struct DataOptions {
  std::vector<std::string> dataFiles;
  std::vector<std::string> mappings;
  std::string subtypes, variant, age, ageMode = "overlaps", sex, site, ossification, format = "text";
  bool includeUnknownAge = false;
  CLI::Option* dataOpt = nullptr;
  CLI::Option* mappingOpt = nullptr;
};

void addDataOptions(CLI::App* sub, DataOptions& o, const std::vector<std::string>& formats) {
  o.dataOpt = sub->add_option("--data", o.dataFiles,
                              "Read cases from this table instead of the built-in dataset (repeatable)");
  o.mappingOpt = sub->add_option("--mapping", o.mappings,
                                 "Column mapping (file or shipped id, e.g. pad-ufes-20) for the --data before it");
  sub->add_option("--subtype", o.subtypes, "Subtypes, comma-separated (dystrophic, metastatic, idiopathic, "
                                           "iatrogenic, calciphylaxis, unspecified)");
  sub->add_option("--variant", o.variant, "Variant: controlled id or name, else words of the source's wording");
  sub->add_option("--age", o.age, "Age range A-B in years, inclusive at both ends");
  sub->add_option("--age-mode", o.ageMode, "How --age meets a case's age range: overlaps (default) or inside")
      ->check(CLI::IsMember({"overlaps", "inside"}));
  sub->add_flag("--include-unknown-age", o.includeUnknownAge,
                "With --age, keep cases with no stated age (including 'infant', 'neonate')");
  sub->add_option("--sex", o.sex, "F or M")->check(CLI::IsMember({"F", "M", "f", "m"}));
  sub->add_option("--site", o.site, "Catalog site id, name or synonym; includes the sites below it");
  sub->add_option("--ossification", o.ossification, "yes or no (cases that state it)")
      ->check(CLI::IsMember({"yes", "no"}));
  sub->add_option("--format", o.format, "Output format")->check(CLI::IsMember(formats));
}

// Pairs each --mapping with the --data given before it, in command-line order.
bool dataSpecs(CLI::App* sub, const DataOptions& o, std::vector<DataSpec>& specs) {
  return pairDataSpecs(sub, o.dataOpt, o.dataFiles, o.mappingOpt, o.mappings, specs);
}

std::optional<SiteCatalog> loadCatalog() {
  try {
    return SiteCatalog::load(assetPath("sites.json"));
  } catch (const CatalogError& e) {
    std::cerr << e.what() << "\n";
    return std::nullopt;
  }
}

// Turns the filter options into a CaseFilter; returns an exit code other than kOk on failure.
int buildFilter(const DataOptions& o, const SiteCatalog& catalog, CaseFilter& f) {
  std::string error;
  if (!o.subtypes.empty()) {
    auto s = parseSubtypeList(o.subtypes, &error);
    if (!s) {
      std::cerr << "--subtype: " << error << "\n";
      return kUsage;
    }
    f.subtypes = *s;
  }
  f.variant = o.variant;
  if (!o.age.empty()) {
    auto b = parseAgeBounds(o.age, &error);
    if (!b) {
      std::cerr << "--age: " << error << "\n";
      return kUsage;
    }
    f.age = *b;
  }
  f.ageMode = o.ageMode == "inside" ? AgeMode::Inside : AgeMode::Overlaps;
  f.includeUnknownAge = o.includeUnknownAge;
  if (!o.sex.empty()) f.sex = parseSex(o.sex);
  if (!o.ossification.empty()) f.ossification = parseOssification(o.ossification);
  if (!o.site.empty()) {
    const Site* s = catalog.find(o.site);
    if (!s) {
      std::cerr << "--site: unknown site '" << o.site << "' (see `lesion-atlas sites`)\n";
      return kBadInput;
    }
    f.site = s->id;
  }
  return kOk;
}

std::string describeFilter(const DataOptions& o, const CaseFilter& f) {
  std::string out;
  if (f.age)
    out += fmt::format("age {}-{} ({}{})", formatNumber(f.age->min), formatNumber(f.age->max),
                       f.ageMode == AgeMode::Inside ? "a range must lie inside it"
                                                    : "a range matches when it overlaps it",
                       f.includeUnknownAge ? "; cases without a stated age included" : "; cases without a stated age left out");
  if (!o.subtypes.empty()) out += (out.empty() ? "" : ", ") + std::string("subtype ") + o.subtypes;
  if (!f.variant.empty()) out += (out.empty() ? "" : ", ") + std::string("variant ") + f.variant;
  if (f.sex) out += (out.empty() ? "" : ", ") + std::string("sex ") + toString(*f.sex);
  if (!f.site.empty()) out += (out.empty() ? "" : ", ") + std::string("site ") + f.site + " and below";
  if (f.ossification) out += (out.empty() ? "" : ", ") + std::string("ossification ") + toString(*f.ossification);
  return out;
}

void printAttribution(const std::vector<const TableInfo*>& tables, std::ostream& out) {
  for (const TableInfo* t : tables) {
    if (t->mappingId.empty()) {
      out << "Data: " << t->name << " (" << t->file << "). " << t->attribution << "\n";
    } else {
      out << "Data: " << t->name << ", licence " << t->licence << (t->nonCommercial ? " (non-commercial use only)" : "")
          << ". " << t->attribution << "\n";
    }
  }
}

struct Loaded {
  SiteCatalog catalog;
  Dataset data;
  CaseFilter filter;
  std::vector<const Case*> selected;
};

// Shared front half of query and stats. Returns kOk or the exit code to stop with.
int loadAndFilter(CLI::App* sub, const DataOptions& o, Loaded& l) {
  auto cat = loadCatalog();
  if (!cat) return kBadInput;
  l.catalog = std::move(*cat);
  std::vector<DataSpec> specs;
  if (!dataSpecs(sub, o, specs)) return kUsage;
  if (int rc = buildFilter(o, l.catalog, l.filter); rc != kOk) return rc;
  if (!loadData(specs, l.catalog, l.data)) return kBadInput;
  l.selected = applyFilter(l.data, l.filter, l.catalog);
  return kOk;
}

// What one case stands for, when it is more than one of something: "12 patients" (a series),
// "3 images" (a lesion photographed three times).
std::string caseCountNote(const Case& c) {
  if (c.statesPatients && c.nPatients > 1) return formatCount(static_cast<size_t>(c.nPatients), CountUnit::Patients);
  if (c.statesImages && c.nImages > 1) return formatCount(c.nImages, CountUnit::Images);
  return {};
}

void runQuery(CLI::App* sub, const DataOptions& o, int& exitCode) {
  Loaded l;
  exitCode = loadAndFilter(sub, o, l);
  if (exitCode != kOk) return;
  const CaseFilter* f = &l.filter;
  if (o.format == "json") {
    std::cout << casesToJson(l.selected, l.data, l.catalog, f).dump(1) << "\n";
    return;
  }
  if (o.format == "csv") {
    std::cout << casesToCsv(l.selected, l.data, f);
    return;
  }
  const std::string filt = describeFilter(o, l.filter);
  if (!filt.empty()) std::cout << "Filter: " << filt << "\n";
  for (const Case* c : l.selected) {
    std::string age = formatAge(c->age);
    if (l.filter.age) age += " [" + describeAgeMatch(c->age, l.filter) + "]";
    std::cout << fmt::format("{:<13} age {:<18} sex {:<8} {:<12} {:<14} {}\n", c->id, age, toString(c->sex),
                             caseCountNote(*c),
                             c->subtype ? toString(*c->subtype) : (c->diagnosis.empty() ? "-" : c->diagnosis.c_str()),
                             describeLesions(*c, l.catalog));
    if (!c->source.citation.empty()) std::cout << std::string(14, ' ') << c->source.citation << "\n";
  }
  std::cout << describeCounts(computeStats(l.data, l.selected)) << "\n";
  printAttribution(tablesOf(l.selected, l.data), std::cout);
}

size_t sum(const std::map<std::string, size_t>& m) {
  size_t n = 0;
  for (const auto& [k, v] : m) n += v;
  return n;
}

void printCounts(const std::string& title, const std::map<std::string, size_t>& m) {
  std::cout << title << ":\n";
  for (const auto& [k, v] : m) std::cout << fmt::format("  {:<24} {}\n", k, v);
}

void runStats(CLI::App* sub, const DataOptions& o, int& exitCode) {
  Loaded l;
  exitCode = loadAndFilter(sub, o, l);
  if (exitCode != kOk) return;
  const CaseStats s = computeStats(l.data, l.selected);
  if (o.format == "json") {
    std::cout << statsToJson(s).dump(1) << "\n";
    return;
  }
  const std::string filt = describeFilter(o, l.filter);
  if (!filt.empty()) std::cout << "Filter: " << filt << "\n";
  std::cout << describeCounts(s) << "\n";
  printCounts(unitName(s.siteUnit) + " by site", s.bySite);
  if (s.siteUnit == CountUnit::Lesions && s.lesions && sum(s.bySite) > *s.lesions)
    std::cout << "  (a lesion with images at several sites is counted at each)\n";
  const std::string person = unitName(s.personUnit);
  printCounts(person + " by subtype", s.bySubtype);
  printCounts(person + " by sex", s.bySex);
  printCounts(person + " by age band", s.byAgeBand);
  printAttribution(tablesOf(l.selected, l.data), std::cout);
}

void runValidate(const std::vector<std::string>& files, const std::string& mappingArg, int& exitCode) {
  auto cat = loadCatalog();
  if (!cat) {
    exitCode = kBadInput;
    return;
  }
  std::optional<ColumnMapping> mapping;
  if (!mappingArg.empty()) {
    try {
      mapping = ColumnMapping::load(resolveMappingPath(mappingArg));
    } catch (const MappingError& e) {
      std::cerr << e.what() << "\n";
      exitCode = kBadInput;
      return;
    }
  }
  size_t total = 0;
  for (const std::string& file : files) {
    ImportResult r = importFile(file, mapping ? &*mapping : nullptr, *cat);
    // validate is the curator's check: an unknown site that import would keep as "unspecified"
    // is still a problem here, so every warning is printed and counted.
    for (const Problem& p : r.problems) std::cout << p.format() << "\n";
    total += r.problems.size();
    std::cerr << fmt::format("{}: {} records loaded, {} skipped, {} problems{}\n", file, r.loaded, r.skipped,
                             r.problems.size(), r.ok ? "" : " (file not usable)");
  }
  exitCode = total == 0 ? kOk : kBadInput;
}

}  // namespace

void registerDataCommands(CLI::App& app, int& exitCode) {
  {
    struct Opts {
      std::vector<std::string> files;
      std::string mapping;
    };
    auto o = std::make_shared<Opts>();
    CLI::App* sub = app.add_subcommand(
        "validate", "Check case tables; prints one line per problem (file:line: field: reason), exit 1 if any");
    sub->add_option("files", o->files, "Tables to check (built-in calcinosis layout unless --mapping)")->required();
    sub->add_option("--mapping", o->mapping, "Column mapping for all files (file or shipped id)");
    sub->callback([o, &exitCode]() { runValidate(o->files, o->mapping, exitCode); });
  }
  {
    auto o = std::make_shared<DataOptions>();
    CLI::App* sub = app.add_subcommand("query", "List the cases that match the filters");
    addDataOptions(sub, *o, {"text", "csv", "json"});
    sub->callback([o, sub, &exitCode]() { runQuery(sub, *o, exitCode); });
  }
  {
    auto o = std::make_shared<DataOptions>();
    CLI::App* sub = app.add_subcommand(
        "stats", "Count cases, patients, lesions and images by site, subtype, sex and age (each count names its "
                 "unit; a count the table does not state is 'not stated')");
    addDataOptions(sub, *o, {"text", "json"});
    sub->callback([o, sub, &exitCode]() { runStats(sub, *o, exitCode); });
  }
}

}  // namespace la::cli

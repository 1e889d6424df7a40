#include "core/view_data.hpp"

#include "core/importer.hpp"
#include "core/paths.hpp"
#include "core/sha256.hpp"

namespace fs = std::filesystem;

namespace la {

fs::path tablePath(const TableRef& t, const fs::path& sceneDir) {
  fs::path p(t.path);
  if (p.is_relative() && !sceneDir.empty()) p = sceneDir / p;
  return p;
}

namespace {

void merge(ViewData& out, ImportResult&& r, const std::string& version) {
  for (size_t i = 0; i < r.problems.size() && out.problems.size() < 50; ++i) out.problems.push_back(r.problems[i]);
  const size_t before = out.data.tables.size();
  if (mergeImport(out.data, std::move(r)))
    while (out.versions.size() < out.data.tables.size()) out.versions.push_back(version);
  (void)before;
}

void loadBuiltin(ViewData& out, const SiteCatalog& catalog) {
  const fs::path builtin = assetPath("data/calcinosis_cases.csv");
  std::string version;
  try {
    version = sha256File(builtin);
  } catch (const std::exception& e) {
    out.errors.push_back(e.what());
    return;
  }
  ImportResult r = importBuiltinDataset(catalog);
  if (!r.ok) out.errors.push_back(builtin.string() + ": the built-in dataset could not be loaded");
  merge(out, std::move(r), version);
}

}  // namespace

ViewData loadViewData(const ViewModel& vm, const SiteCatalog& catalog, const fs::path& sceneDir,
                      const std::string& origin) {
  ViewData out;
  if (vm.tables.empty()) loadBuiltin(out, catalog);
  for (size_t i = 0; i < vm.tables.size(); ++i) {
    const TableRef& t = vm.tables[i];
    if (t.path == kBuiltinTable) {
      loadBuiltin(out, catalog);
      continue;
    }
    const fs::path p = tablePath(t, sceneDir);
    const std::string field = origin + ": tables[" + std::to_string(i) + "]";
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) {
      out.errors.push_back(field + ": " + p.string() + ": no such file (the table is gone or was moved)");
      continue;
    }
    std::string version;
    try {
      version = sha256File(p);
    } catch (const std::exception& e) {
      out.errors.push_back(field + ": " + e.what());
      continue;
    }
    if (!t.sha256.empty() && t.sha256 != version)
      out.warnings.push_back(field + ": " + p.string() + " has changed since the view was saved (sha256 " +
                             t.sha256.substr(0, 12) + " then, " + version.substr(0, 12) + " now)");
    ImportResult r = importTable(p, t.mapping, catalog);
    if (!r.ok) {
      out.errors.push_back(field + ": " + p.string() + ": import failed");
      for (size_t k = 0; k < r.problems.size() && k < 20; ++k) out.problems.push_back(r.problems[k]);
      continue;
    }
    merge(out, std::move(r), version);
  }
  return out;
}

}  // namespace la

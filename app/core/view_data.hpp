#pragma once
// The data a view names (core/view_model.hpp `tables`), loaded: the built-in dataset when it names
// none. Each table's SHA-256 is computed so a reopened view can say that its table changed since
// it was saved. Shared by the window, `render`, `slides` and later turntables.
#include <filesystem>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/problem.hpp"
#include "core/site_catalog.hpp"
#include "core/view_model.hpp"

namespace la {

struct ViewData {
  Dataset data;
  std::vector<std::string> versions;   // SHA-256 per Dataset::tables entry
  std::vector<std::string> warnings;   // e.g. a table changed since the view was saved
  std::vector<std::string> errors;     // a table missing or unreadable (names the origin and the table)
  std::vector<Problem> problems;       // problems inside the tables (first ones)
  bool ok() const { return errors.empty(); }
};

// A table path naming the shipped calcinosis dataset (when it is shown beside other tables).
inline constexpr const char* kBuiltinTable = "built-in";

// Loads what `vm.tables` names, resolving relative paths against `sceneDir`; `origin` (the scene
// file, or "--data") names the source in messages. A table that fails is left out and reported in
// `errors`; the others still load (the window opens with what it can; commands treat it as fatal).
ViewData loadViewData(const ViewModel& vm, const SiteCatalog& catalog, const std::filesystem::path& sceneDir,
                      const std::string& origin);

// The path a table reference resolves to.
std::filesystem::path tablePath(const TableRef& t, const std::filesystem::path& sceneDir);

}  // namespace la

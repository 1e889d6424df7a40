#pragma once
// Shared helpers for the core tests.
#include <string>

#include "core/site_catalog.hpp"

namespace la::test {

inline std::string sourcePath(const std::string& rel) { return std::string(LA_TEST_SOURCE_DIR) + "/" + rel; }

// The shipped catalog, as every command uses it.
inline const SiteCatalog& catalog() {
  static const SiteCatalog cat = SiteCatalog::load(sourcePath("assets/sites.json"));
  return cat;
}

}  // namespace la::test

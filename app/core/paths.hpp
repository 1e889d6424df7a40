#pragma once
#include <filesystem>
#include <string>

namespace la {

// Where the project's runtime files live. Looked up next to the executable first
// (<prefix>/share/lesion-atlas/assets), then in the source tree the binary was built from,
// so a fresh build runs in place and an installed one runs anywhere.
std::filesystem::path assetsDir();
std::filesystem::path scenesDir();

// Resolves a path given relative to assets/ (e.g. "data/calcinosis_cases.csv").
std::filesystem::path assetPath(const std::string& relative);

const char* versionString();

}  // namespace la

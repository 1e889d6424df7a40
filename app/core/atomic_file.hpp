#pragma once
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace la {

struct IoError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Writes `contents` to a temporary file in the same directory, flushes it to disk and renames
// it over `path`, so a crash or a full disk never leaves a half-written file the user made.
// Throws IoError naming the file and the reason.
void writeFileAtomically(const std::filesystem::path& path, std::string_view contents);

// Reads a whole file; throws IoError naming the file and the reason.
std::string readFile(const std::filesystem::path& path);

}  // namespace la

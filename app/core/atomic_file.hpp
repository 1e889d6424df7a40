#pragma once
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace la {

struct IoError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Writes `contents` to a temporary file in the same directory, flushes it to disk, renames it
// over `path` and flushes the directory, so a crash, a kill or a full disk never leaves a
// half-written file the user made: `path` holds either the old contents or the new.
// Throws IoError naming the file and the reason.
void writeFileAtomically(const std::filesystem::path& path, std::string_view contents);

// For files another program writes (ffmpeg writes videos to `tmp`, a file in the folder of
// `path`): flushes `tmp` to disk, renames it over `path` and flushes the folder, as above.
void replaceFileAtomically(const std::filesystem::path& tmp, const std::filesystem::path& path);

// Reads a whole file; throws IoError naming the file and the reason. A file larger than
// `maxBytes` (core/input_limits.hpp) is refused before it is read; a device or pipe that does not
// end is stopped at the limit and refused as well.
std::string readFile(const std::filesystem::path& path, std::uintmax_t maxBytes = std::uintmax_t(-1));

}  // namespace la

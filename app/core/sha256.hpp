#pragma once
// SHA-256 of a file (OpenSSL's libcrypto), so a saved view can tell that its table changed.
#include <filesystem>
#include <string>
#include <string_view>

namespace la {

// Lower-case hex digest. Throws IoError naming the file when it cannot be read.
std::string sha256File(const std::filesystem::path& path);
std::string sha256Hex(std::string_view bytes);

}  // namespace la

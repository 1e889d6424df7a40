#include "core/paths.hpp"

#include <cstdlib>
#include <system_error>

namespace fs = std::filesystem;

namespace la {
namespace {

fs::path exeDir() {
  std::error_code ec;
  fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path{} : p.parent_path();
}

fs::path firstExisting(const char* envVar, const fs::path& installed, const fs::path& source) {
  if (const char* env = std::getenv(envVar); env && *env) return fs::path(env);
  std::error_code ec;
  if (!installed.empty() && fs::is_directory(installed, ec)) return installed;
  return source;
}

}  // namespace

fs::path assetsDir() {
  static const fs::path dir = firstExisting(
      "LESION_ATLAS_ASSETS", exeDir() / "../share/lesion-atlas/assets", fs::path(LA_SOURCE_ASSETS_DIR));
  return dir;
}

fs::path scenesDir() {
  static const fs::path dir = firstExisting(
      "LESION_ATLAS_SCENES", exeDir() / "../share/lesion-atlas/scenes", fs::path(LA_SOURCE_SCENES_DIR));
  return dir;
}

fs::path assetPath(const std::string& relative) { return assetsDir() / relative; }

const char* versionString() { return LA_VERSION; }

}  // namespace la

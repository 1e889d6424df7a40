#pragma once
// Where each anatomical site lies on one body mesh: per site and side an anchor point on the
// surface with its normal, and the patch of mesh vertices that belongs to the site (a parent's
// patch contains its children's). Stored as JSON beside the mesh (<mesh>.sites.json), so it
// works for the built-in figures and for any user mesh. Vertex ids are those of the mesh as
// la::render::loadMesh returns it. No VTK here: the core only sees numbers.
#include <nlohmann/json_fwd.hpp>

#include <array>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace la {

struct SiteMapError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// "left" and "right" are the figure's own sides (left = +X); "none" is used by unsided sites.
inline constexpr std::string_view kSideLeft = "left";
inline constexpr std::string_view kSideRight = "right";
inline constexpr std::string_view kSideNone = "none";

struct SiteAnchor {
  std::string site;  // catalog id (assets/sites.json)
  std::string side;  // kSideLeft, kSideRight or kSideNone
  std::array<double, 3> position{};
  std::array<double, 3> normal{};
  std::vector<int> patch;  // sorted vertex ids
};

// Meaning of the per-vertex integer label array (kSiteLabelArray in the mesh file): each code
// names the most specific site (and side) of a vertex; 0 means unlabelled.
struct SiteLabelCode {
  int code = 0;
  std::string site;
  std::string side;
};

struct SiteMap {
  std::string body;           // e.g. "male", or the mesh file name
  std::string units = "m";
  long long vertexCount = 0;  // of the mesh the ids refer to (0 = unknown)
  std::vector<SiteAnchor> anchors;
  std::vector<SiteLabelCode> labels;

  const SiteAnchor* find(std::string_view site, std::string_view side) const;
  // All anchors of one site (one for an unsided site, up to two for a sided one).
  std::vector<const SiteAnchor*> forSite(std::string_view site) const;
  const SiteLabelCode* label(int code) const;

  nlohmann::json toJson() const;
  // Throws SiteMapError naming what is wrong.
  static SiteMap fromJson(const nlohmann::json& j);
  static SiteMap load(const std::filesystem::path& path);
  // Written atomically (la::writeFileAtomically). Throws SiteMapError / IoError.
  void save(const std::filesystem::path& path) const;
};

// The conventional side-file path for a mesh: "dir/name.glb" -> "dir/name.sites.json".
std::filesystem::path siteMapPathFor(const std::filesystem::path& meshPath);

}  // namespace la

#pragma once
// Where each anatomical site lies on one body mesh: per site and side an anchor point on the
// surface with its normal, and the patch of mesh vertices that belongs to the site (a parent's
// patch contains its children's). Stored as JSON beside the mesh (<mesh>.sites.json), so it
// works for the built-in figures and for any user mesh. Vertex ids are those of the mesh as
// la::render::loadMesh returns it. A map belongs to one mesh: it records that mesh's vertex count
// and a hash of its geometry (MeshFingerprint), and a map that does not match the mesh it is
// used with is refused (requireSiteMapMatches). No VTK here: the core only sees numbers.
#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
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

// A site map used with a mesh it was not made for; names both files.
struct SiteMapMismatch : SiteMapError {
  SiteMapMismatch(const std::string& message, std::filesystem::path map, std::filesystem::path mesh)
      : SiteMapError(message), mapFile(std::move(map)), meshFile(std::move(mesh)) {}
  std::filesystem::path mapFile, meshFile;
};

// Which geometry a site map's vertex ids refer to: the mesh as loaded (after include/exclude).
struct MeshFingerprint {
  long long vertices = 0;
  long long triangles = 0;
  std::string hash;  // "fnv1a64:" and 16 lowercase hex digits
};

// FNV-1a (64 bit) over, all little-endian: the vertex and triangle counts (uint64 each), every
// vertex's x, y, z (IEEE float32), every triangle's three vertex ids (uint32).
// `xyz` holds 3 floats per vertex, `triangles` 3 ids per triangle.
MeshFingerprint meshFingerprint(const std::vector<float>& xyz, const std::vector<std::uint32_t>& triangles);

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
  std::string meshHash;       // MeshFingerprint::hash of that mesh ("" = unknown, never matches)
  std::vector<SiteAnchor> anchors;
  std::vector<SiteLabelCode> labels;

  const SiteAnchor* find(std::string_view site, std::string_view side) const;
  // All anchors of one site (one for an unsided site, up to two for a sided one).
  std::vector<const SiteAnchor*> forSite(std::string_view site) const;
  const SiteLabelCode* label(int code) const;

  nlohmann::json toJson() const;
  // Throws SiteMapError naming what is wrong.
  static SiteMap fromJson(const nlohmann::json& j);
  // Parses the text of a site-map file; `label` (the file name) leads every error message.
  // Throws SiteMapError only.
  static SiteMap fromJsonText(std::string_view text, const std::string& label);
  static SiteMap load(const std::filesystem::path& path);
  // Written atomically (la::writeFileAtomically). Throws SiteMapError / IoError.
  void save(const std::filesystem::path& path) const;
};

// The conventional side-file path for a mesh: "dir/name.glb" -> "dir/name.sites.json".
std::filesystem::path siteMapPathFor(const std::filesystem::path& meshPath);

// Empty when `map` was made for the mesh with this fingerprint; otherwise a message saying so
// that names both files and what to do (place the sites anew). A map without a mesh hash
// (written before maps recorded their mesh) cannot be checked and does not match.
std::string siteMapMismatch(const SiteMap& map, const MeshFingerprint& mesh, const std::filesystem::path& mapFile,
                            const std::filesystem::path& meshFile);
// Throws SiteMapMismatch with siteMapMismatch's message when it is not empty.
void requireSiteMapMatches(const SiteMap& map, const MeshFingerprint& mesh, const std::filesystem::path& mapFile,
                           const std::filesystem::path& meshFile);

}  // namespace la

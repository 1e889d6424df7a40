#include "core/site_map.hpp"

#include "core/atomic_file.hpp"
#include "core/input_limits.hpp"
#include "core/json_text.hpp"
#include "core/packed_ids.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstring>

namespace la {

namespace {
std::array<double, 3> vec3(const nlohmann::json& j, const char* what, const std::string& where) {
  if (!j.is_array() || j.size() != 3) throw SiteMapError(where + ": '" + what + "' must be [x, y, z]");
  std::array<double, 3> v{};
  for (int i = 0; i < 3; ++i) {
    if (!j[i].is_number()) throw SiteMapError(where + ": '" + what + "' must hold numbers");
    v[i] = j[i].get<double>();
  }
  return v;
}
bool validSide(const std::string& s) { return s == kSideLeft || s == kSideRight || s == kSideNone; }

// An integer within [lo, hi]. nlohmann's get<int>() on a float, or on a too large integer, is an
// unchecked cast (undefined for 1e300), so the type and range are checked here first.
long long integer(const nlohmann::json& j, long long lo, long long hi, const std::string& what) {
  if (!j.is_number_integer()) throw SiteMapError(what + " must be an integer");
  if (j.is_number_unsigned() ? j.get<unsigned long long>() > static_cast<unsigned long long>(hi)
                             : j.get<long long>() < lo || j.get<long long>() > hi)
    throw SiteMapError(what + " " + j.dump() + " is out of range");
  return j.is_number_unsigned() ? static_cast<long long>(j.get<unsigned long long>()) : j.get<long long>();
}
constexpr long long kIntMax = INT_MAX;

// A string member of `obj`; `fallback` when it is absent (nullptr: required). Checked here so that
// the message names the member (nlohmann's type errors do not).
std::string text(const nlohmann::json& obj, const char* key, const std::string& where, const char* fallback) {
  if (!obj.is_object()) throw SiteMapError(where + ": expected an object");
  if (!obj.contains(key)) {
    if (!fallback) throw SiteMapError(where + ": '" + key + "' is missing");
    return fallback;
  }
  if (!obj[key].is_string()) throw SiteMapError(where + ": '" + key + "' must be a string");
  return obj[key].get<std::string>();
}

bool validHash(const std::string& h) {
  if (h.size() != 24 || h.compare(0, 8, "fnv1a64:") != 0) return false;
  return std::all_of(h.begin() + 8, h.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// A patch is stored packed ("patch_packed", see core/packed_ids.hpp); a plain "patch" array of ids
// (older maps, hand-made test maps) is read too.
std::vector<int> readPatch(const nlohmann::json& s, long long vertexCount, const std::string& where) {
  const long long maxId = vertexCount > 0 ? std::min<long long>(vertexCount - 1, INT_MAX) : INT_MAX;
  if (s.contains("patch_packed")) {
    try {
      return unpackIds(text(s, "patch_packed", where, nullptr), maxId);
    } catch (const PackedIdsError& e) {
      throw SiteMapError(where + ": 'patch_packed': " + e.what());
    }
  }
  if (!s.contains("patch")) return {};
  const nlohmann::json& ids = s.at("patch");
  if (!ids.is_array()) throw SiteMapError(where + ": 'patch' must be a list of vertex ids");
  std::vector<int> patch;
  for (const auto& id : ids) patch.push_back(static_cast<int>(integer(id, 0, maxId, where + ": patch vertex")));
  std::sort(patch.begin(), patch.end());
  for (size_t i = 0; i < patch.size(); ++i) {
    if (patch[i] < 0 || patch[i] > maxId)
      throw SiteMapError(where + ": patch vertex " + std::to_string(patch[i]) + " out of range");
    if (i > 0 && patch[i] == patch[i - 1])
      throw SiteMapError(where + ": patch lists vertex " + std::to_string(patch[i]) + " twice");
  }
  return patch;
}

// FNV-1a, fed little-endian whatever the host order, so the hash is the same everywhere.
struct Fnv1a64 {
  std::uint64_t h = 14695981039346656037ull;
  void byte(unsigned char b) { h = (h ^ b) * 1099511628211ull; }
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) byte(static_cast<unsigned char>(v >> (8 * i)));
  }
  void u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) byte(static_cast<unsigned char>(v >> (8 * i)));
  }
};
}  // namespace

MeshFingerprint meshFingerprint(const std::vector<float>& xyz, const std::vector<std::uint32_t>& triangles) {
  MeshFingerprint f;
  f.vertices = static_cast<long long>(xyz.size() / 3);
  f.triangles = static_cast<long long>(triangles.size() / 3);
  Fnv1a64 h;
  h.u64(static_cast<std::uint64_t>(f.vertices));
  h.u64(static_cast<std::uint64_t>(f.triangles));
  for (size_t i = 0; i < size_t(f.vertices) * 3; ++i) {
    std::uint32_t bits;
    std::memcpy(&bits, &xyz[i], 4);
    h.u32(bits);
  }
  for (size_t i = 0; i < size_t(f.triangles) * 3; ++i) h.u32(triangles[i]);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h.h));
  f.hash = std::string("fnv1a64:") + hex;
  return f;
}

const SiteAnchor* SiteMap::find(std::string_view site, std::string_view side) const {
  for (const auto& a : anchors)
    if (a.site == site && a.side == side) return &a;
  return nullptr;
}

std::vector<const SiteAnchor*> SiteMap::forSite(std::string_view site) const {
  std::vector<const SiteAnchor*> out;
  for (const auto& a : anchors)
    if (a.site == site) out.push_back(&a);
  return out;
}

const SiteLabelCode* SiteMap::label(int code) const {
  for (const auto& l : labels)
    if (l.code == code) return &l;
  return nullptr;
}

nlohmann::json SiteMap::toJson() const {
  nlohmann::json j;
  j["format"] = "lesion-atlas site map";
  j["version"] = 1;
  j["body"] = body;
  j["units"] = units;
  j["vertices"] = vertexCount;
  if (!meshHash.empty()) j["mesh_hash"] = meshHash;
  j["label_array"] = "SiteLabel";
  auto& labs = j["labels"] = nlohmann::json::array();
  for (const auto& l : labels) labs.push_back({{"code", l.code}, {"site", l.site}, {"side", l.side}});
  auto& sites = j["sites"] = nlohmann::json::array();
  for (const auto& a : anchors) {
    nlohmann::json s = {{"site", a.site}, {"side", a.side}, {"position", a.position}, {"normal", a.normal}};
    if (!a.patch.empty()) s["patch_packed"] = packIds(a.patch);
    sites.push_back(std::move(s));
  }
  return j;
}

SiteMap SiteMap::fromJson(const nlohmann::json& j) {
  if (!j.is_object()) throw SiteMapError("site map: not a JSON object");
  if (text(j, "format", "site map", "") != "lesion-atlas site map")
    throw SiteMapError("site map: 'format' is not \"lesion-atlas site map\"");
  if (!j.contains("version") || !j["version"].is_number_integer() || j["version"] != 1)
    throw SiteMapError("site map: unsupported version");
  SiteMap m;
  m.body = text(j, "body", "site map", "");
  m.units = text(j, "units", "site map", "m");
  if (j.contains("vertices")) m.vertexCount = integer(j["vertices"], 0, kIntMax, "site map: 'vertices'");
  if (m.vertexCount < 0) throw SiteMapError("site map: 'vertices' is negative");
  m.meshHash = text(j, "mesh_hash", "site map", "");
  if (!m.meshHash.empty() && !validHash(m.meshHash))
    throw SiteMapError("site map: 'mesh_hash' is not \"fnv1a64:\" and 16 hex digits");
  if (j.contains("labels")) {
    if (!j["labels"].is_array()) throw SiteMapError("site map: 'labels' must be a list");
    for (const auto& l : j["labels"]) {
      SiteLabelCode c;
      c.site = text(l, "site", "site map: label", nullptr);
      const std::string where = "site map: label of " + c.site;
      if (!l.contains("code")) throw SiteMapError(where + ": 'code' is missing");
      c.code = static_cast<int>(integer(l["code"], 0, kIntMax, where + ": code"));
      c.side = text(l, "side", where, kSideNone.data());
      if (!validSide(c.side)) throw SiteMapError("site map: label " + std::to_string(c.code) + " has side '" + c.side + "'");
      m.labels.push_back(std::move(c));
    }
  }
  if (!j.contains("sites") || !j.at("sites").is_array()) throw SiteMapError("site map: no 'sites' list");
  for (const auto& s : j.at("sites")) {
    SiteAnchor a;
    a.site = text(s, "site", "site map: sites", nullptr);
    a.side = text(s, "side", "site map: " + a.site, kSideNone.data());
    const std::string where = "site map: " + a.site + " (" + a.side + ")";
    if (!validSide(a.side)) throw SiteMapError(where + ": side must be left, right or none");
    a.position = vec3(s.at("position"), "position", where);
    a.normal = vec3(s.at("normal"), "normal", where);
    a.patch = readPatch(s, m.vertexCount, where);
    if (m.find(a.site, a.side)) throw SiteMapError(where + ": listed twice");
    m.anchors.push_back(std::move(a));
  }
  return m;
}

SiteMap SiteMap::fromJsonText(std::string_view text, const std::string& label) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw SiteMapError(label + ":" + std::to_string(lineAtByte(text, e.byte)) + ": not valid JSON: " + e.what());
  } catch (const nlohmann::json::exception& e) {  // e.g. a number too large for a double: no position
    throw SiteMapError(label + ": not valid JSON: " + e.what());
  }
  try {
    return fromJson(j);
  } catch (const SiteMapError& e) {
    throw SiteMapError(label + ": " + e.what());
  } catch (const nlohmann::json::exception& e) {
    throw SiteMapError(label + ": malformed site map: " + e.what());
  }
}

SiteMap SiteMap::load(const std::filesystem::path& path) { return fromJsonText(readFile(path, limits::kSiteMapBytes), path.string()); }

void SiteMap::save(const std::filesystem::path& path) const {
  // One site per line keeps diffs of the committed maps readable.
  const nlohmann::json j = toJson();
  std::string out = "{\n";
  bool first = true;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() == "sites" || it.key() == "labels") continue;
    out += std::string(first ? "" : ",\n") + " " + nlohmann::json(it.key()).dump() + ": " + it.value().dump();
    first = false;
  }
  for (const char* key : {"labels", "sites"}) {
    out += ",\n " + nlohmann::json(key).dump() + ": [";
    const auto& arr = j.at(key);
    for (size_t i = 0; i < arr.size(); ++i) out += std::string(i ? ",\n  " : "\n  ") + arr[i].dump();
    out += "\n ]";
  }
  out += "\n}\n";
  writeFileAtomically(path, out);
}

std::filesystem::path siteMapPathFor(const std::filesystem::path& meshPath) {
  std::filesystem::path p = meshPath;
  p.replace_extension(".sites.json");
  return p;
}

std::string siteMapMismatch(const SiteMap& map, const MeshFingerprint& mesh, const std::filesystem::path& mapFile,
                            const std::filesystem::path& meshFile) {
  const std::string what = mapFile.string() + ": this site map does not belong to " + meshFile.string() + ": ";
  const std::string todo =
      "; place the sites anew on this mesh (the window's calibration mode saves a new map) or use the mesh the map "
      "was made for";
  if (map.meshHash.empty())
    return what + "it does not record which mesh it was made for (no mesh_hash; written before site maps did)" + todo;
  if (map.meshHash == mesh.hash && map.vertexCount == mesh.vertices) return {};
  return what + "it was made for a mesh of " + std::to_string(map.vertexCount) + " vertices (" + map.meshHash +
         "), the mesh has " + std::to_string(mesh.vertices) + " vertices (" + mesh.hash +
         ") after include/exclude" + todo;
}

void requireSiteMapMatches(const SiteMap& map, const MeshFingerprint& mesh, const std::filesystem::path& mapFile,
                           const std::filesystem::path& meshFile) {
  std::string why = siteMapMismatch(map, mesh, mapFile, meshFile);
  if (!why.empty()) throw SiteMapMismatch(why, mapFile, meshFile);
}

}  // namespace la

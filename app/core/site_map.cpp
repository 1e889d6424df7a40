#include "core/site_map.hpp"

#include "core/atomic_file.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

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
}  // namespace

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
  j["label_array"] = "SiteLabel";
  auto& labs = j["labels"] = nlohmann::json::array();
  for (const auto& l : labels) labs.push_back({{"code", l.code}, {"site", l.site}, {"side", l.side}});
  auto& sites = j["sites"] = nlohmann::json::array();
  for (const auto& a : anchors)
    sites.push_back({{"site", a.site},
                     {"side", a.side},
                     {"position", a.position},
                     {"normal", a.normal},
                     {"patch", a.patch}});
  return j;
}

SiteMap SiteMap::fromJson(const nlohmann::json& j) {
  if (!j.is_object()) throw SiteMapError("site map: not a JSON object");
  if (j.value("format", std::string()) != "lesion-atlas site map")
    throw SiteMapError("site map: 'format' is not \"lesion-atlas site map\"");
  if (j.value("version", 0) != 1) throw SiteMapError("site map: unsupported version");
  SiteMap m;
  m.body = j.value("body", std::string());
  m.units = j.value("units", std::string("m"));
  m.vertexCount = j.value("vertices", 0LL);
  if (j.contains("labels")) {
    for (const auto& l : j.at("labels")) {
      SiteLabelCode c;
      c.code = l.at("code").get<int>();
      c.site = l.at("site").get<std::string>();
      c.side = l.value("side", std::string(kSideNone));
      if (!validSide(c.side)) throw SiteMapError("site map: label " + std::to_string(c.code) + " has side '" + c.side + "'");
      m.labels.push_back(std::move(c));
    }
  }
  if (!j.contains("sites") || !j.at("sites").is_array()) throw SiteMapError("site map: no 'sites' list");
  for (const auto& s : j.at("sites")) {
    SiteAnchor a;
    a.site = s.at("site").get<std::string>();
    a.side = s.value("side", std::string(kSideNone));
    const std::string where = "site map: " + a.site + " (" + a.side + ")";
    if (!validSide(a.side)) throw SiteMapError(where + ": side must be left, right or none");
    a.position = vec3(s.at("position"), "position", where);
    a.normal = vec3(s.at("normal"), "normal", where);
    if (s.contains("patch")) {
      a.patch = s.at("patch").get<std::vector<int>>();
      std::sort(a.patch.begin(), a.patch.end());
      for (int id : a.patch)
        if (id < 0 || (m.vertexCount > 0 && id >= m.vertexCount))
          throw SiteMapError(where + ": patch vertex " + std::to_string(id) + " out of range");
    }
    if (m.find(a.site, a.side)) throw SiteMapError(where + ": listed twice");
    m.anchors.push_back(std::move(a));
  }
  return m;
}

SiteMap SiteMap::load(const std::filesystem::path& path) {
  const std::string text = readFile(path);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw SiteMapError(path.string() + ": not valid JSON: " + e.what());
  }
  try {
    return fromJson(j);
  } catch (const SiteMapError& e) {
    throw SiteMapError(path.string() + ": " + e.what());
  } catch (const nlohmann::json::exception& e) {
    throw SiteMapError(path.string() + ": malformed site map: " + e.what());
  }
}

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

}  // namespace la

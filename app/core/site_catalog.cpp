#include "core/site_catalog.hpp"

#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/input_limits.hpp"

namespace la {

std::string normalizeSiteKey(std::string_view text) {
  size_t b = 0, e = text.size();
  while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
  while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  std::string out;
  out.reserve(e - b);
  for (size_t i = b; i < e; ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '_') c = '-';
    out += c;
  }
  return out;
}

SiteCatalog SiteCatalog::load(const std::filesystem::path& path) {
  std::string text;
  try {
    text = readFile(path, limits::kSmallJsonBytes);
  } catch (const IoError& e) {
    throw CatalogError(e.what());
  }
  return fromJsonText(text, path.string());
}

SiteCatalog SiteCatalog::fromJsonText(std::string_view text, const std::string& label) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw CatalogError(label + ": not valid JSON: " + e.what());
  }
  if (!doc.is_object() || !doc.contains("sites") || !doc["sites"].is_array())
    throw CatalogError(label + ": expected an object with a \"sites\" array");

  SiteCatalog cat;
  size_t index = 0;
  for (const auto& j : doc["sites"]) {
    ++index;
    const std::string where = label + ": sites[" + std::to_string(index - 1) + "]";
    if (!j.is_object() || !j.contains("id") || !j["id"].is_string() || !j.contains("name") || !j["name"].is_string())
      throw CatalogError(where + ": every site needs a string \"id\" and \"name\"");
    Site s;
    s.id = j["id"].get<std::string>();
    s.name = j["name"].get<std::string>();
    if (s.id.empty() || normalizeSiteKey(s.id) != s.id)
      throw CatalogError(where + ": id '" + s.id + "' must be non-empty lower-case kebab-case");
    if (j.contains("parent") && !j["parent"].is_null()) s.parent = j["parent"].get<std::string>();
    s.sided = j.value("sided", false);
    s.region = j.value("region", false);
    s.coarse = j.value("coarse", false);
    s.sex = j.value("sex", std::string{});
    if (j.contains("synonyms")) s.synonyms = j["synonyms"].get<std::vector<std::string>>();
    if (j.contains("covers")) s.covers = j["covers"].get<std::vector<std::string>>();
    if (cat.byId_.count(s.id)) throw CatalogError(where + ": duplicate id '" + s.id + "'");
    cat.byId_.emplace(s.id, cat.sites_.size());
    cat.sites_.push_back(std::move(s));
  }

  // Keys are registered after all ids so that a synonym equal to another site's id is caught.
  for (size_t i = 0; i < cat.sites_.size(); ++i) {
    const Site& s = cat.sites_[i];
    std::vector<std::string> keys{s.id, s.name};
    keys.insert(keys.end(), s.synonyms.begin(), s.synonyms.end());
    for (const std::string& k : keys) {
      const std::string key = normalizeSiteKey(k);
      auto [it, inserted] = cat.byKey_.emplace(key, i);
      if (!inserted && it->second != i)
        throw CatalogError(label + ": '" + k + "' of site '" + s.id + "' already names site '" +
                           cat.sites_[it->second].id + "'");
    }
  }
  for (const Site& s : cat.sites_) {
    if (!s.parent.empty() && !cat.byId_.count(s.parent))
      throw CatalogError(label + ": site '" + s.id + "' has unknown parent '" + s.parent + "'");
    for (const std::string& c : s.covers)
      if (!cat.byId_.count(c)) throw CatalogError(label + ": site '" + s.id + "' covers unknown site '" + c + "'");
    // A cycle would make descendant queries loop forever.
    std::string p = s.parent;
    size_t steps = 0;
    while (!p.empty()) {
      if (++steps > cat.sites_.size()) throw CatalogError(label + ": site '" + s.id + "' is in a parent cycle");
      p = cat.sites_[cat.byId_.at(p)].parent;
    }
  }
  return cat;
}

const Site* SiteCatalog::byId(std::string_view id) const {
  auto it = byId_.find(std::string(id));
  return it == byId_.end() ? nullptr : &sites_[it->second];
}

const Site* SiteCatalog::find(std::string_view text) const {
  auto it = byKey_.find(normalizeSiteKey(text));
  return it == byKey_.end() ? nullptr : &sites_[it->second];
}

bool SiteCatalog::isWithin(std::string_view id, std::string_view ancestorId) const {
  const Site* s = byId(id);
  while (s) {
    if (s->id == ancestorId) return true;
    s = s->parent.empty() ? nullptr : byId(s->parent);
  }
  return false;
}

std::vector<std::string> SiteCatalog::descendantsOf(std::string_view id) const {
  std::vector<std::string> out;
  for (const Site& s : sites_)
    if (isWithin(s.id, id)) out.push_back(s.id);
  return out;
}

std::string SiteCatalog::regionOf(std::string_view id) const {
  const Site* s = byId(id);
  while (s && !s->parent.empty()) s = byId(s->parent);
  return s ? s->id : std::string{};
}

}  // namespace la

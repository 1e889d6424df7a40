#pragma once
// The catalog of skin sites (assets/sites.json): a tree under body regions, with synonyms for
// matching free text and coarse classes for tables that only name a region.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace la {

struct CatalogError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Site {
  std::string id;      // stable kebab-case id, e.g. "great-toe"
  std::string name;    // display name, e.g. "Great toe"
  std::string parent;  // id of the parent site; empty for a top-level region
  bool sided = false;  // takes left/right/bilateral
  bool region = false; // top-level node
  bool coarse = false; // a class of another table ("anterior torso"): drawn as a region, never a point
  std::string sex;     // "M" or "F" when the site exists on one figure only; empty otherwise
  std::vector<std::string> synonyms;
  std::vector<std::string> covers;  // coarse sites: the sites whose surface draws them
};

class SiteCatalog {
 public:
  // Loads and checks a catalog file. Throws CatalogError naming the file and the problem
  // (unreadable, bad JSON, duplicate id or synonym, unknown parent, a cycle).
  static SiteCatalog load(const std::filesystem::path& path);

  // Builds a catalog from JSON text; `label` names the source in error messages.
  static SiteCatalog fromJsonText(std::string_view text, const std::string& label);

  // All sites in file order.
  const std::vector<Site>& sites() const { return sites_; }

  // The site with this exact id, or nullptr.
  const Site* byId(std::string_view id) const;

  // Resolves free text: an id, a display name or a synonym, ignoring case and surrounding blanks
  // and treating '_' like '-'. Returns nullptr when nothing matches.
  const Site* find(std::string_view text) const;

  // True when `id` is `ancestorId` or lies below it in the tree.
  bool isWithin(std::string_view id, std::string_view ancestorId) const;

  // `id` and every site below it.
  std::vector<std::string> descendantsOf(std::string_view id) const;

  // The top-level region containing `id` (the id itself for a region); empty if unknown.
  std::string regionOf(std::string_view id) const;

 private:
  std::vector<Site> sites_;
  std::unordered_map<std::string, size_t> byId_;
  std::unordered_map<std::string, size_t> byKey_;  // normalised id, name and synonyms
};

// Lower-cases ASCII, trims blanks and turns '_' into '-': the key used for matching site text.
std::string normalizeSiteKey(std::string_view text);

}  // namespace la

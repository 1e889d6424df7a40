#pragma once
// The catalog as `sites` prints it; a body (built-in figure or a user mesh with a site map) can
// add per-site anchors through an AnchorsProvider without the core knowing about meshes.
#include <array>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/site_catalog.hpp"

namespace la {

struct SiteAnchor {
  std::string side;  // "left", "right", or "" for an unsided site
  std::array<double, 3> position{};
  std::array<double, 3> normal{};
};

// Returns the anchors of one site on some body (empty when the body does not have the site).
using AnchorsProvider = std::function<std::vector<SiteAnchor>(const Site&)>;

// {"sites":[{"id","name","parent","sided","synonyms","region","coarse","sex","covers"}...]}; with
// `anchors`, every entry also has "anchors": [{"side","position","normal"}...].
nlohmann::json sitesToJson(const SiteCatalog& catalog, const AnchorsProvider* anchors = nullptr);

// One line per site, indented by depth: "  great-toe  Great toe  [sided]  (hallux, big toe, ...)".
std::string sitesToText(const SiteCatalog& catalog, const AnchorsProvider* anchors = nullptr);

}  // namespace la

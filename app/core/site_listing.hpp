#pragma once
// The catalog as `sites` prints it; a body (built-in figure or a user mesh with a site map) can
// add per-site anchors through an AnchorsProvider without the core knowing about meshes.
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/site_catalog.hpp"
#include "core/site_map.hpp"

namespace la {

// Returns the anchors (la::SiteAnchor of core/site_map.hpp: side, position, normal) of one site on
// some body; empty when the body does not have the site. Pointers must outlive the listing call.
using AnchorsProvider = std::function<std::vector<const SiteAnchor*>(const Site&)>;

// {"sites":[{"id","name","parent","sided","synonyms","region","coarse","sex","covers"}...]}; with
// `anchors`, every entry also has "anchors": [{"side","position","normal"}...].
nlohmann::json sitesToJson(const SiteCatalog& catalog, const AnchorsProvider* anchors = nullptr);

// One line per site, indented by depth: "  great-toe  Great toe  [sided]  (hallux, big toe, ...)".
std::string sitesToText(const SiteCatalog& catalog, const AnchorsProvider* anchors = nullptr);

}  // namespace la

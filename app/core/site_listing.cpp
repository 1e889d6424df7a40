#include "core/site_listing.hpp"

#include <fmt/format.h>

namespace la {

nlohmann::json sitesToJson(const SiteCatalog& catalog, const AnchorsProvider* anchors) {
  nlohmann::json list = nlohmann::json::array();
  for (const Site& s : catalog.sites()) {
    nlohmann::json j;
    j["id"] = s.id;
    j["name"] = s.name;
    j["parent"] = s.parent.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.parent);
    j["sided"] = s.sided;
    j["synonyms"] = s.synonyms;
    j["region"] = s.region;
    j["coarse"] = s.coarse;
    j["sex"] = s.sex.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.sex);
    if (!s.covers.empty()) j["covers"] = s.covers;
    if (anchors && *anchors) {
      nlohmann::json arr = nlohmann::json::array();
      for (const SiteAnchor* a : (*anchors)(s))
        arr.push_back({{"side", a->side}, {"position", a->position}, {"normal", a->normal}});
      j["anchors"] = arr;
    }
    list.push_back(std::move(j));
  }
  return {{"sites", list}};
}

std::string sitesToText(const SiteCatalog& catalog, const AnchorsProvider* anchors) {
  std::string out;
  // Depth-first from each region so that the indentation shows the tree.
  std::function<void(const Site&, int)> visit = [&](const Site& s, int depth) {
    std::string flags;
    if (s.sided) flags += " [sided]";
    if (s.coarse) flags += " [coarse]";
    if (!s.sex.empty()) flags += " [" + s.sex + " only]";
    std::string syn;
    for (const auto& x : s.synonyms) syn += (syn.empty() ? "" : ", ") + x;
    out += fmt::format("{:{}}{:<20} {}{}{}\n", "", depth * 2, s.id, s.name, flags, syn.empty() ? "" : "  (" + syn + ")");
    if (anchors && *anchors)
      for (const SiteAnchor* a : (*anchors)(s))
        out += fmt::format("{:{}}  anchor {:<6} at ({:.4f}, {:.4f}, {:.4f}) normal ({:.3f}, {:.3f}, {:.3f})\n", "",
                           depth * 2, a->side, a->position[0], a->position[1], a->position[2], a->normal[0],
                           a->normal[1], a->normal[2]);
    for (const Site& child : catalog.sites())
      if (child.parent == s.id) visit(child, depth + 1);
  };
  for (const Site& s : catalog.sites())
    if (s.parent.empty()) visit(s, 0);
  return out;
}

}  // namespace la

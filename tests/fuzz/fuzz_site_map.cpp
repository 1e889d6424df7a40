// Fuzz target: site maps (core/site_map, assets/bodies/*.sites.json).
#include "core/site_map.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"

using namespace la;
using la::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string label = "fuzz.sites.json";
  SiteMap m;
  try {
    m = SiteMap::fromJsonText(fuzz::asText(data, size), label);
  } catch (const SiteMapError& e) {
    check(fuzz::startsWith(e.what(), label + ":"), std::string("error does not name the file: ") + e.what());
    return 0;
  }
  // What the renderer relies on: patches sorted and inside the mesh, one anchor per site and side.
  for (const SiteAnchor& a : m.anchors) {
    check(std::is_sorted(a.patch.begin(), a.patch.end()), "patch not sorted");
    for (int id : a.patch) check(id >= 0 && (m.vertexCount <= 0 || id < m.vertexCount), "patch vertex out of range");
    check(m.find(a.site, a.side) == &a, "site listed twice");
  }
  // What save() writes, load() reads back unchanged.
  const SiteMap back = SiteMap::fromJsonText(m.toJson().dump(), label);
  check(back.toJson() == m.toJson(), "site map changed on a round trip");
  return 0;
}

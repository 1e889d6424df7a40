#include "core/site_proportions.hpp"

#include <string>
#include <unordered_map>

namespace la {

std::optional<SiteProportion> siteProportion(std::string_view siteId) {
  using F = Facing;
  static const std::unordered_map<std::string, SiteProportion> table{
      {"head-and-neck", {0.92, 0.0, F::Front}},   {"scalp", {0.995, 0.0, F::Top}},
      {"face", {0.915, 0.0, F::Front}},           {"forehead", {0.955, 0.018, F::Front}},
      {"eyebrow", {0.943, 0.02, F::Front}},       {"eyelid", {0.935, 0.02, F::Front}},
      {"nose", {0.915, 0.0, F::Front}},           {"cheek", {0.905, 0.033, F::Front}},
      {"lip", {0.883, 0.0, F::Front}},            {"chin", {0.868, 0.0, F::Front}},
      {"preauricular", {0.92, 0.04, F::Lateral}}, {"ear", {0.925, 0.05, F::Lateral}},
      {"neck", {0.835, 0.0, F::Front}},           {"head-neck-other", {0.93, 0.0, F::Back}},
      {"trunk", {0.68, 0.0, F::Front}},           {"chest", {0.76, 0.04, F::Front}},
      {"breast", {0.72, 0.09, F::Front}},         {"abdomen", {0.62, 0.05, F::Front}},
      {"umbilical-region", {0.6, 0.0, F::Front}}, {"flank", {0.62, 0.1, F::Lateral}},
      {"iliac-region", {0.565, 0.09, F::Front}},  {"inguinal", {0.525, 0.065, F::Front}},
      {"back", {0.7, 0.05, F::Back}},             {"upper-back", {0.76, 0.06, F::Back}},
      {"lower-back", {0.6, 0.04, F::Back}},       {"buttock", {0.5, 0.06, F::Back}},
      {"genital-perineal", {0.48, 0.0, F::Front}}, {"perineum", {0.47, 0.0, F::Bottom}},
      {"scrotum", {0.465, 0.0, F::Front}},        {"penis", {0.485, 0.0, F::Front}},
      {"vulva", {0.475, 0.0, F::Front}},          {"upper-limb", {0.6, 0.17, F::Front}},
      {"shoulder", {0.815, 0.12, F::Top}},        {"axilla", {0.735, 0.1, F::Front}},
      {"upper-arm", {0.68, 0.16, F::Front}},      {"elbow", {0.62, 0.17, F::Back}},
      {"forearm", {0.555, 0.18, F::Front}},       {"wrist", {0.49, 0.19, F::Front}},
      {"hand", {0.445, 0.195, F::Front}},         {"palm", {0.445, 0.195, F::Front}},
      {"dorsum-of-hand", {0.445, 0.195, F::Back}}, {"finger", {0.405, 0.2, F::Front}},
      {"thumb", {0.44, 0.215, F::Front}},         {"lower-limb", {0.3, 0.07, F::Front}},
      {"hip", {0.52, 0.11, F::Lateral}},          {"thigh", {0.4, 0.075, F::Front}},
      {"anterior-thigh", {0.4, 0.075, F::Front}}, {"posterior-thigh", {0.4, 0.075, F::Back}},
      {"medial-thigh", {0.42, 0.04, F::Front}},   {"lateral-thigh", {0.4, 0.11, F::Lateral}},
      {"knee", {0.285, 0.065, F::Front}},         {"leg", {0.18, 0.065, F::Front}},
      {"shin", {0.18, 0.062, F::Front}},          {"calf", {0.2, 0.068, F::Back}},
      {"ankle", {0.045, 0.075, F::Lateral}},      {"foot", {0.025, 0.075, F::Top}},
      {"heel", {0.02, 0.068, F::Back}},           {"dorsum-of-foot", {0.03, 0.075, F::Top}},
      {"sole", {0.0, 0.075, F::Bottom}},          {"toe", {0.012, 0.085, F::Front}},
      {"great-toe", {0.012, 0.058, F::Front}},
  };
  auto it = table.find(std::string(siteId));
  if (it == table.end()) return std::nullopt;
  return it->second;
}

}  // namespace la

#include "ui/filter_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "core/age_bands.hpp"
#include "core/palette.hpp"

namespace la::ui {
namespace {

const Subtype kSubtypes[6] = {Subtype::Dystrophic, Subtype::Metastatic, Subtype::Idiopathic,
                              Subtype::Iatrogenic, Subtype::Calciphylaxis, Subtype::Unspecified};
// General knowledge, short enough for a tooltip; the teaching cards carry sourced text.
const char* kSubtypeTips[6] = {
    "Calcium deposits in damaged tissue; serum calcium and phosphate normal. The most common type.",
    "Deposits in normal tissue because serum calcium and/or phosphate are raised.",
    "No tissue damage and no metabolic cause found.",
    "Caused by treatment, e.g. calcium-containing infusions or injections.",
    "Vascular calcification with skin necrosis, mostly in kidney failure.",
    "The source does not assign a type."};

void tip(const char* t) {
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t);
}

// An empty subtype list means "all"; unticking one of "all" keeps the other five.
bool subtypeBoxes(CaseFilter& f, TeachingCardState* cards) {
  bool changed = false;
  for (int i = 0; i < 6; ++i) {
    if (i % 2) ImGui::SameLine(175);
    const auto c = subtypeColor(kSubtypes[i]);
    ImGui::PushID(i);
    ImGui::ColorButton("##sw", ImVec4(float(c[0]), float(c[1]), float(c[2]), 1.f),
                       ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoBorder, ImVec2(6, ImGui::GetFrameHeight()));
    ImGui::SameLine(0, 3);
    auto& v = f.subtypes;
    bool on = v.empty() || std::find(v.begin(), v.end(), kSubtypes[i]) != v.end();
    if (ImGui::Checkbox(toString(kSubtypes[i]), &on)) {
      if (v.empty()) v.assign(std::begin(kSubtypes), std::end(kSubtypes));
      if (on) v.push_back(kSubtypes[i]);
      else v.erase(std::remove(v.begin(), v.end(), kSubtypes[i]), v.end());
      if (v.size() == 6) v.clear();
      std::sort(v.begin(), v.end());
      changed = true;
    }
    tip(kSubtypeTips[i]);
    if (cards) teachingCardHelpButton(*cards, subtypeCardId(kSubtypes[i]), kSubtypeTips[i]);
    ImGui::PopID();
  }
  if (!f.subtypes.empty() && f.subtypes.size() < 6 && ImGui::SmallButton("all subtypes")) f.subtypes.clear(), changed = true;
  return changed;
}

bool sexAndOssification(CaseFilter& f) {
  bool changed = false;
  int sex = !f.sex ? 0 : (*f.sex == Sex::Female ? 1 : 2);
  const char* sexes[] = {"any sex", "female", "male"};
  ImGui::SetNextItemWidth(110);
  if (ImGui::Combo("##sex", &sex, sexes, 3)) {
    f.sex = sex == 0 ? std::nullopt : std::optional<Sex>(sex == 1 ? Sex::Female : Sex::Male);
    changed = true;
  }
  ImGui::SameLine();
  int oss = !f.ossification ? 0 : (*f.ossification == Ossification::Yes ? 1 : 2);
  const char* names[] = {"ossification: any", "ossification: yes", "ossification: no"};
  ImGui::SetNextItemWidth(-1);
  if (ImGui::Combo("##oss", &oss, names, 3)) {
    f.ossification = oss == 0 ? std::nullopt : std::optional<Ossification>(oss == 1 ? Ossification::Yes : Ossification::No);
    changed = true;
  }
  return changed;
}

bool ageWidgets(CaseFilter& f) {
  bool changed = false;
  bool on = f.age.has_value();
  if (ImGui::Checkbox("Age", &on)) {
    f.age = on ? std::optional<AgeBounds>(AgeBounds{0, 120}) : std::nullopt;
    changed = true;
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(!f.age);
  float lo = f.age ? float(f.age->min) : 0.f, hi = f.age ? float(f.age->max) : 120.f;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::DragFloatRange2("##age", &lo, &hi, 0.25f, 0.f, 120.f, "from %g", "to %g y") && f.age) {
    f.age = AgeBounds{std::clamp(double(std::min(lo, hi)), 0.0, 120.0), std::clamp(double(std::max(lo, hi)), 0.0, 120.0)};
    changed = true;
  }
  ImGui::EndDisabled();
  // Quick choices from the one list of age bands (the last band ends at the filter's 120).
  int i = 0;
  for (const AgeBandInfo& b : ageBands()) {
    if (i++ % 3) ImGui::SameLine();
    if (ImGui::SmallButton(b.id.c_str())) {
      // Bounds are inclusive; a band's upper end is exclusive, so stop just below it.
      f.age = AgeBounds{b.min, std::min(120.0, b.max == b.max && b.max < 1e9 ? b.max - 0.01 : 120.0)};
      if (b.id == "neonate") f.age->max = 0.07;  // under 28 days is 0.0767 years
      changed = true;
    }
    tip(b.label.c_str());
  }
  bool inside = f.ageMode == AgeMode::Inside;
  ImGui::BeginDisabled(!f.age);
  if (ImGui::Checkbox("whole range inside", &inside)) f.ageMode = inside ? AgeMode::Inside : AgeMode::Overlaps, changed = true;
  tip("A series with an age range (e.g. 25-71) matches when the ranges overlap; tick to require it to lie inside.");
  ImGui::SameLine();
  changed |= ImGui::Checkbox("keep unknown", &f.includeUnknownAge);
  tip("Keep cases whose source gives no age in years (including 'infant', 'neonate').");
  ImGui::EndDisabled();
  return changed;
}

// The "?" buttons' width, to keep room for one at the right of a row.
float helpWidth() { return ImGui::CalcTextSize("?").x + ImGui::GetStyle().FramePadding.x * 2 + 2; }

bool variantAndYear(CaseFilter& f, TeachingCardState* cards) {
  bool changed = false;
  std::string current = f.variant.empty() ? "any variant" : f.variant;
  for (const VariantInfo& v : variantList())
    if (v.id == f.variant) current = v.name;
  const bool help = cards && findCard(cards->cards, variantCardId(f.variant));
  ImGui::SetNextItemWidth(help ? -helpWidth() : -1);
  if (ImGui::BeginCombo("##variant", current.c_str())) {
    if (ImGui::Selectable("any variant", f.variant.empty())) f.variant.clear(), changed = true;
    for (const VariantInfo& v : variantList()) {
      ImGui::PushID(v.id);
      // The row stops short of its "?" so that the two never compete for the mouse.
      const bool help = cards && findCard(cards->cards, variantCardId(v.id));
      const float w = ImGui::GetContentRegionAvail().x - (help ? helpWidth() + ImGui::GetStyle().ItemSpacing.x : 0.f);
      if (ImGui::Selectable(v.name, f.variant == v.id, 0, ImVec2(w, 0))) f.variant = v.id, changed = true;
      if (help) teachingCardHelpButton(*cards, variantCardId(v.id), "");
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  tip("Variant as classified from the source's own wording (the case card shows the wording).");
  if (help) teachingCardHelpButton(*cards, variantCardId(f.variant), "");
  bool on = f.year.has_value();
  if (ImGui::Checkbox("Published", &on)) {
    f.year = on ? std::optional<YearBounds>(YearBounds{1950, 2026}) : std::nullopt;
    changed = true;
  }
  tip("Publication year of the source; cases whose source gives no year are left out.");
  ImGui::SameLine();
  ImGui::BeginDisabled(!f.year);
  int lo = f.year ? f.year->min : 1950, hi = f.year ? f.year->max : 2026;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::DragIntRange2("##year", &lo, &hi, 0.3f, 1800, 2100, "from %d", "to %d") && f.year) {
    f.year = YearBounds{std::min(lo, hi), std::max(lo, hi)};
    changed = true;
  }
  ImGui::EndDisabled();
  return changed;
}

bool siteCombo(CaseFilter& f, const SiteCatalog& catalog) {
  bool changed = false;
  const Site* cur = catalog.find(f.site);
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##site", cur ? cur->name.c_str() : (f.site.empty() ? "every site" : f.site.c_str()))) {
    if (ImGui::Selectable("every site", f.site.empty())) f.site.clear(), changed = true;
    for (const Site& site : catalog.sites()) {
      if (site.coarse) continue;  // classes of other tables, not places to pick
      int depth = 0;
      for (const Site* p = &site; p && !p->parent.empty(); p = catalog.byId(p->parent)) ++depth;
      const std::string label = std::string(size_t(depth) * 3, ' ') + site.name;
      if (ImGui::Selectable(label.c_str(), cur == &site)) f.site = site.id, changed = true;
    }
    ImGui::EndCombo();
  }
  tip("A site includes everything below it: 'Foot' finds great-toe and heel lesions.");
  return changed;
}

}  // namespace

bool drawFilterWidgets(CaseFilter& f, const SiteCatalog& catalog, TeachingCardState* cards) {
  bool changed = subtypeBoxes(f, cards);
  changed |= sexAndOssification(f);
  changed |= ageWidgets(f);
  changed |= variantAndYear(f, cards);
  changed |= siteCombo(f, catalog);
  if (ImGui::SmallButton("Clear filters")) f = CaseFilter{}, changed = true;
  return changed;
}

std::string describeFilter(const CaseFilter& f, const SiteCatalog& catalog) {
  std::string out;
  auto add = [&](const std::string& s) { out += (out.empty() ? "" : ", ") + s; };
  for (Subtype s : f.subtypes) add(toString(s));
  if (f.sex) add(*f.sex == Sex::Female ? "female" : "male");
  if (f.age) add("age " + formatAgeBounds(*f.age));
  if (f.year) add("published " + formatYearBounds(*f.year));
  if (!f.variant.empty()) add(f.variant);
  if (!f.site.empty()) {
    const Site* s = catalog.find(f.site);
    add(s ? s->name : f.site);
  }
  if (f.ossification) add(*f.ossification == Ossification::Yes ? "ossified" : "not ossified");
  return out.empty() ? "all cases" : out;
}

}  // namespace la::ui

#include "core/view_model.hpp"

#include <algorithm>

namespace la {
namespace {

// One table of names per enum, so parsing and printing cannot drift apart.
template <class E, size_t N>
std::optional<E> lookup(const std::pair<E, const char*> (&table)[N], std::string_view s) {
  for (const auto& [value, name] : table)
    if (s == name) return value;
  return std::nullopt;
}

template <class E, size_t N>
const char* nameOf(const std::pair<E, const char*> (&table)[N], E e) {
  for (const auto& [value, name] : table)
    if (value == e) return name;
  return "";
}

const std::pair<ViewMode, const char*> kModes[] = {{ViewMode::Markers, "markers"},
                                                    {ViewMode::Choropleth, "choropleth"}};
const std::pair<CountUnit, const char*> kUnits[] = {
    {CountUnit::Cases, "cases"}, {CountUnit::Patients, "patients"}, {CountUnit::Lesions, "lesions"}};
const std::pair<ColorBy, const char*> kColorBy[] = {{ColorBy::Subtype, "subtype"},
                                                     {ColorBy::AgeBand, "age_band"},
                                                     {ColorBy::Sex, "sex"},
                                                     {ColorBy::Variant, "variant"},
                                                     {ColorBy::Category, "category"}};
const std::pair<Figures, const char*> kFigures[] = {{Figures::One, "one"}, {Figures::Both, "both"}};

}  // namespace

const std::vector<std::string>& cameraPresetNames() {
  static const std::vector<std::string> names{"front", "back", "left", "right", "three-quarter", "top"};
  return names;
}

bool isCameraPreset(std::string_view name) {
  const auto& n = cameraPresetNames();
  return std::find(n.begin(), n.end(), name) != n.end();
}

const char* toString(ViewMode m) { return nameOf(kModes, m); }
const char* toString(CountUnit u) { return nameOf(kUnits, u); }
const char* toString(ColorBy c) { return nameOf(kColorBy, c); }
const char* toString(Figures f) { return nameOf(kFigures, f); }
std::optional<ViewMode> parseViewMode(std::string_view s) { return lookup(kModes, s); }
std::optional<CountUnit> parseCountUnit(std::string_view s) { return lookup(kUnits, s); }
std::optional<ColorBy> parseColorBy(std::string_view s) { return lookup(kColorBy, s); }
std::optional<Figures> parseFigures(std::string_view s) { return lookup(kFigures, s); }

bool isBuiltinBody(std::string_view body) { return body == "male" || body == "female" || body == "placeholder"; }

std::vector<const CaseFilter*> viewFilters(const ViewModel& vm) {
  if (vm.compare) return {&(*vm.compare)[0].filter, &(*vm.compare)[1].filter};
  return {&vm.filter};
}

}  // namespace la

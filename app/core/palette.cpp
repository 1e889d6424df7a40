#include "core/palette.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/age_bands.hpp"
#include "core/case_index.hpp"

namespace la {
namespace {

using RGB = std::array<double, 3>;

// Okabe-Ito, without its yellow (too pale on white slides and on skin); black last.
const RGB kOkabeIto[] = {{0.0, 0.447, 0.698}, {0.835, 0.369, 0.0}, {0.0, 0.62, 0.451}, {0.8, 0.475, 0.655},
                         {0.337, 0.706, 0.914}, {0.902, 0.624, 0.0}, {0.1, 0.1, 0.1}};
constexpr size_t kColours = sizeof(kOkabeIto) / sizeof(kOkabeIto[0]);
const MarkerShape kShapes[] = {MarkerShape::Sphere, MarkerShape::Cube, MarkerShape::Diamond, MarkerShape::Cylinder};
const RGB kNotStated{0.55, 0.55, 0.55};

// The i-th of a list: colour and shape both change from one category to the next, so two
// neighbours in a legend differ in both cues, and up to 7 x 4 pairs stay distinct.
Category nth(size_t i, std::string key, std::string label) {
  return {std::move(key), std::move(label), kOkabeIto[i % kColours], kShapes[i % 4]};
}

Category notStated(std::string key = "unknown") { return {std::move(key), "not stated", kNotStated, MarkerShape::Sphere}; }

// Keys present among `cases`, most frequent first (ties by key), "unknown" left out.
// Keys present, most frequent first (ties by key), "unknown" left out, from counts of groups of
// cases with one key each (a group: its first case and its size).
std::vector<std::string> keysByCount(ColorBy by, const std::vector<std::pair<const Case*, size_t>>& groups) {
  std::map<std::string, size_t> n;
  for (const auto& [c, count] : groups)
    if (c) n[categoryKey(by, *c)] += count;
  n.erase("unknown");
  std::vector<std::pair<std::string, size_t>> v(n.begin(), n.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> out;
  for (const auto& [k, c] : v) out.push_back(k);
  return out;
}

// The key is a function of one text field (the variant, or the diagnosis), and an import shares
// a repeated value's characters: cases are grouped by where those are and each group named once
// (at a million cases a key made per case was most of a filter change).
std::vector<std::string> keysByFrequency(ColorBy by, const std::vector<const Case*>& cases) {
  std::unordered_map<const char*, size_t> group;
  std::vector<std::pair<const Case*, size_t>> groups;
  for (const Case* c : cases) {
    const Text& t = by == ColorBy::Variant ? c->variant : c->diagnosis;
    auto [it, fresh] = group.try_emplace(t.data(), groups.size());
    if (fresh) groups.push_back({c, 0});
    ++groups[it->second].second;
  }
  return keysByCount(by, groups);
}

std::string variantName(const std::string& id) {
  for (const VariantInfo& v : variantList())
    if (v.id == id) return v.name;
  return id;
}

}  // namespace

const char* toString(MarkerShape s) {
  switch (s) {
    case MarkerShape::Cube: return "square";
    case MarkerShape::Diamond: return "diamond";
    case MarkerShape::Cylinder: return "disc";
    default: return "round";
  }
}

RGB subtypeColor(const std::optional<Subtype>& s) {
  if (!s) return kNotStated;
  switch (*s) {
    case Subtype::Dystrophic: return {0.0, 0.447, 0.698};     // blue
    case Subtype::Metastatic: return {0.835, 0.369, 0.0};     // vermillion
    case Subtype::Idiopathic: return {0.0, 0.62, 0.451};      // bluish green
    case Subtype::Iatrogenic: return {0.8, 0.475, 0.655};     // reddish purple
    case Subtype::Calciphylaxis: return {0.1, 0.1, 0.1};      // near black
    case Subtype::Unspecified: return {0.55, 0.55, 0.55};     // grey
  }
  return kNotStated;
}

std::string categoryKey(ColorBy by, const Case& c) {
  switch (by) {
    case ColorBy::Subtype: return c.subtype ? toString(*c.subtype) : "unknown";
    case ColorBy::AgeBand: return ageBandOf(c.age);
    case ColorBy::Sex: return c.sex == Sex::Female ? "F" : c.sex == Sex::Male ? "M" : "unknown";
    case ColorBy::Variant: return c.variant.empty() ? "unknown" : c.variant;
    case ColorBy::Category: return c.diagnosis.empty() ? "unknown" : toLower(c.diagnosis);
  }
  return "unknown";
}

namespace {

// The palette for `by`; `keys()` gives the keys present, most frequent first (variants and
// diagnosis classes only).
template <class Keys>
Palette paletteWith(ColorBy by, Keys keys) {
  Palette p;
  p.by = by;
  auto& cats = p.categories;
  switch (by) {
    case ColorBy::Subtype: {
      const Subtype order[] = {Subtype::Idiopathic, Subtype::Dystrophic, Subtype::Metastatic,
                               Subtype::Iatrogenic, Subtype::Calciphylaxis, Subtype::Unspecified};
      for (size_t i = 0; i < 6; ++i)
        cats.push_back({toString(order[i]), toString(order[i]), subtypeColor(order[i]), kShapes[i % 4]});
      cats.push_back({"unknown", "no subtype", kNotStated, MarkerShape::Cylinder});
      return p;
    }
    case ColorBy::AgeBand:
      for (size_t i = 0; i < ageBands().size(); ++i) cats.push_back(nth(i, ageBands()[i].id, ageBands()[i].label));
      cats.push_back({"range-across-bands", "age range across bands", {0.75, 0.75, 0.75}, MarkerShape::Cylinder});
      break;
    case ColorBy::Sex:
      cats = {{"F", "female", kOkabeIto[1], MarkerShape::Sphere}, {"M", "male", kOkabeIto[0], MarkerShape::Cube}};
      break;
    case ColorBy::Variant:
    case ColorBy::Category: {
      const std::vector<std::string> present = keys();
      for (size_t i = 0; i < present.size(); ++i)
        cats.push_back(nth(i, present[i], by == ColorBy::Variant ? variantName(present[i]) : present[i]));
      break;
    }
  }
  cats.push_back(notStated());
  return p;
}

}  // namespace

Palette makePalette(ColorBy by, const std::vector<const Case*>& cases) {
  return paletteWith(by, [&] { return keysByFrequency(by, cases); });
}

Palette makePalette(const Dataset& data, ColorBy by, const std::vector<const Case*>& cases) {
  return paletteWith(by, [&] {
    const CaseIndex& ix = data.index();
    const std::vector<uint16_t>& codes = by == ColorBy::Variant ? ix.variant : ix.diagnosis;
    const Case* first = data.cases.data();
    const Case* last = first + data.cases.size();
    const bool inData = std::all_of(cases.begin(), cases.end(), [&](const Case* c) { return c >= first && c < last; });
    if (codes.empty() || !inData) return keysByFrequency(by, cases);
    // Counted per number; each number named from the first case that has it.
    std::vector<std::pair<const Case*, size_t>> byCode;
    for (const Case* c : cases) {
      const uint16_t code = codes[size_t(c - first)];
      if (byCode.size() <= code) byCode.resize(size_t(code) + 1, {nullptr, 0});
      if (!byCode[code].first) byCode[code].first = c;
      ++byCode[code].second;
    }
    return keysByCount(by, byCode);
  });
}

size_t Palette::categoryOf(const Case& c) const {
  const std::string key = categoryKey(by, c);
  for (size_t i = 0; i < categories.size(); ++i)
    if (categories[i].key == key) return i;
  return categories.size() - 1;  // the last category is "not stated"
}

}  // namespace la

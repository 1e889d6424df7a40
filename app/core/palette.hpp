#pragma once
// Colour-by: which category each case falls in for the view's colouring (subtype, age band, sex,
// variant, or a public table's diagnosis class), and how a category is drawn. Colours come from
// the Okabe-Ito palette (distinguishable with the common colour-vision deficiencies); each
// category also gets a marker shape, a second cue that survives greyscale printing. Subtype
// colours live here and nowhere else.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/view_model.hpp"

namespace la {

enum class MarkerShape { Sphere, Cube, Diamond, Cylinder };
const char* toString(MarkerShape s);

struct Category {
  std::string key;    // "idiopathic", "child", "F", "scrotal", "mel", "unknown", ...
  std::string label;  // for legends: "idiopathic", "child (1-12)", "female", "not stated"
  std::array<double, 3> color{};
  MarkerShape shape = MarkerShape::Sphere;
};

struct Palette {
  ColorBy by = ColorBy::Subtype;
  std::vector<Category> categories;  // legend order
  // Index into categories of a case's category.
  size_t categoryOf(const Case& c) const;
};

// The categories for `by` over `cases` (variants and diagnosis classes: those present, most
// frequent first; subtype, age band and sex: the fixed list). Throws nothing; an unusable choice
// (category on a case table) yields one "not stated" category.
Palette makePalette(ColorBy by, const std::vector<const Case*>& cases);
// The same, for cases of `data`, counted from its index (core/case_index.hpp), as `render` and the
// window do.
Palette makePalette(const Dataset& data, ColorBy by, const std::vector<const Case*>& cases);

// The key of a case under `by` (as in Category::key).
std::string categoryKey(ColorBy by, const Case& c);

std::array<double, 3> subtypeColor(const std::optional<Subtype>& subtype);

}  // namespace la

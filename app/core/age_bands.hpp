#pragma once
// The age bands, defined once: statistics, colouring by age, the band filter and legends all use
// these. Bands are half-open intervals of years; a neonate is under 28 days.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"

namespace la {

struct AgeBandInfo {
  std::string id;     // "neonate", "infant", "child", "adolescent", "adult", "older-adult"
  std::string label;  // "neonate (under 28 days)"
  double min = 0;     // years, inclusive
  double max = 0;     // years, exclusive (infinity for the last band)
};

inline constexpr double kNeonateYears = 28.0 / 365.25;

const std::vector<AgeBandInfo>& ageBands();
const AgeBandInfo* findAgeBand(std::string_view id);

// The band of an age: a band id, "range-across-bands" for a range that spans several bands, or
// "unknown" when the source gives no number (a source's "neonate"/"infant" wording counts).
std::string ageBandOf(const Age& age);
// The same as a position in ageBandKeys() (no string made: statistics count a million cases).
size_t ageBandIndex(const Age& age);

// Ids in display order, with the two extra keys last.
std::vector<std::string> ageBandKeys();

}  // namespace la

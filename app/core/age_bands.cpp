#include "core/age_bands.hpp"

#include <limits>

namespace la {

const std::vector<AgeBandInfo>& ageBands() {
  static const std::vector<AgeBandInfo> bands = {
      {"neonate", "neonate (under 28 days)", 0, kNeonateYears},
      {"infant", "infant (under 1 year)", kNeonateYears, 1},
      {"child", "child (1-12)", 1, 13},
      {"adolescent", "adolescent (13-17)", 13, 18},
      {"adult", "adult (18-64)", 18, 65},
      {"older-adult", "older adult (65 and over)", 65, std::numeric_limits<double>::infinity()},
  };
  return bands;
}

const AgeBandInfo* findAgeBand(std::string_view id) {
  for (const auto& b : ageBands())
    if (b.id == id) return &b;
  return nullptr;
}

namespace {
const AgeBandInfo* bandAt(double years) {
  for (const auto& b : ageBands())
    if (years >= b.min && years < b.max) return &b;
  return nullptr;
}
}  // namespace

size_t ageBandIndex(const Age& a) {
  const size_t acrossBands = ageBands().size(), unknown = acrossBands + 1;
  switch (a.kind) {
    case Age::Kind::Exact: {
      const AgeBandInfo* b = bandAt(a.years);
      return b ? size_t(b - ageBands().data()) : unknown;
    }
    case Age::Kind::Range: {
      const AgeBandInfo* lo = bandAt(a.min);
      const AgeBandInfo* hi = bandAt(a.max);
      if (lo && lo == hi) return size_t(lo - ageBands().data());
      return acrossBands;
    }
    default:
      if (a.ageClass == AgeClass::Neonate) return 0;
      if (a.ageClass == AgeClass::Infant) return 1;
      return unknown;
  }
}

std::string ageBandOf(const Age& a) {
  static const std::vector<std::string> keys = ageBandKeys();
  return keys[ageBandIndex(a)];
}

std::vector<std::string> ageBandKeys() {
  std::vector<std::string> out;
  for (const auto& b : ageBands()) out.push_back(b.id);
  out.push_back("range-across-bands");
  out.push_back("unknown");
  return out;
}

}  // namespace la

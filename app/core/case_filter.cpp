#include "core/case_filter.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/case_index.hpp"

namespace la {
namespace {

bool ageMatches(const Age& a, const CaseFilter& f, const char** how) {
  const AgeBounds& b = *f.age;
  switch (a.kind) {
    case Age::Kind::Exact:
      *how = "exact";
      return a.years >= b.min && a.years <= b.max;
    case Age::Kind::Range: {
      const bool inside = a.min >= b.min && a.max <= b.max;
      const bool overlaps = a.min <= b.max && a.max >= b.min;
      *how = inside ? "inside" : "overlaps";
      return f.ageMode == AgeMode::Inside ? inside : overlaps;
    }
    default:
      *how = "unknown (included)";
      return f.includeUnknownAge;
  }
}

bool variantMatches(const Case& c, const std::string& wanted) {
  const std::string w = toLower(wanted);
  for (const VariantInfo& v : variantList())
    if (w == v.id || w == v.name) return c.variant == v.id;
  return !c.variantVerbatim.empty() && toLower(c.variantVerbatim).find(w) != std::string::npos;
}

bool parseNumber(std::string_view s, double& out) {
  const std::string str(s);
  if (str.empty() || str.find_first_not_of("0123456789.") != std::string::npos) return false;
  char* end = nullptr;
  out = std::strtod(str.c_str(), &end);
  return end == str.c_str() + str.size();
}

// "A-B" or "A" (meaning A-A), non-negative decimal numbers.
bool parseRangeNumbers(std::string_view text, double& lo, double& hi) {
  const size_t dash = text.find('-');
  if (dash == std::string_view::npos) {
    if (!parseNumber(text, lo)) return false;
    hi = lo;
    return true;
  }
  return parseNumber(text.substr(0, dash), lo) && parseNumber(text.substr(dash + 1), hi);
}

}  // namespace

std::string describeAgeMatch(const Age& age, const CaseFilter& filter) {
  if (!filter.age) return {};
  const char* how = "";
  return ageMatches(age, filter, &how) ? how : std::string{};
}

std::optional<std::string> resolvedSite(const CaseFilter& f, const SiteCatalog& catalog) {
  if (f.site.empty()) return std::string();
  const Site* s = catalog.find(f.site);
  if (!s) return std::nullopt;
  return s->id;
}

bool operator==(const CaseFilter& a, const CaseFilter& b) {
  auto ageEq = [](const std::optional<AgeBounds>& x, const std::optional<AgeBounds>& y) {
    return x.has_value() == y.has_value() && (!x || (x->min == y->min && x->max == y->max));
  };
  auto yearEq = [](const std::optional<YearBounds>& x, const std::optional<YearBounds>& y) {
    return x.has_value() == y.has_value() && (!x || (x->min == y->min && x->max == y->max));
  };
  return a.subtypes == b.subtypes && a.variant == b.variant && ageEq(a.age, b.age) && a.ageMode == b.ageMode &&
         a.includeUnknownAge == b.includeUnknownAge && a.sex == b.sex && a.site == b.site &&
         yearEq(a.year, b.year) && a.ossification == b.ossification;
}

namespace {

bool matchesResolved(const Case& c, const CaseFilter& f, const std::string& siteId, const SiteCatalog& catalog) {
  if (!f.subtypes.empty() &&
      (!c.subtype || std::find(f.subtypes.begin(), f.subtypes.end(), *c.subtype) == f.subtypes.end()))
    return false;
  if (!f.variant.empty() && !variantMatches(c, f.variant)) return false;
  if (f.age) {
    const char* how = "";
    if (!ageMatches(c.age, f, &how)) return false;
  }
  if (f.sex && c.sex != *f.sex) return false;
  if (f.ossification && c.ossification != *f.ossification) return false;
  if (f.year && (!c.source.year || *c.source.year < f.year->min || *c.source.year > f.year->max)) return false;
  if (!siteId.empty()) {
    const bool any = std::any_of(c.lesions.begin(), c.lesions.end(),
                                 [&](const Lesion& l) { return catalog.isWithin(l.siteId, siteId); });
    if (!any) return false;
  }
  return true;
}

}  // namespace

bool matchesFilter(const Case& c, const CaseFilter& f, const SiteCatalog& catalog) {
  const auto site = resolvedSite(f, catalog);
  return site && matchesResolved(c, f, *site, catalog);
}

namespace {

// The same tests as matchesResolved, read from the dataset's index (core/case_index.hpp): one
// tight pass over one or two arrays per part of the filter that is set, each clearing `keep` where
// the case fails (only a variant filter, which matches words, reads the cases themselves).
void keepSubtypes(const CaseIndex& ix, const std::vector<Subtype>& subtypes, std::vector<uint8_t>& keep) {
  uint8_t allowed[256] = {};  // by code; kNoSubtype never matches a subtype filter
  for (Subtype s : subtypes) allowed[static_cast<uint8_t>(s)] = 1;
  for (size_t i = 0; i < keep.size(); ++i) keep[i] &= allowed[ix.subtype[i]];
}

void keepAges(const CaseIndex& ix, const CaseFilter& f, std::vector<uint8_t>& keep) {
  const double min = f.age->min, max = f.age->max;
  const bool inside = f.ageMode == AgeMode::Inside;
  const uint8_t unknown = f.includeUnknownAge;
  const auto exact = static_cast<uint8_t>(Age::Kind::Exact), range = static_cast<uint8_t>(Age::Kind::Range);
  for (size_t i = 0; i < keep.size(); ++i) {
    const double lo = ix.ageLo[i], hi = ix.ageHi[i];
    const uint8_t kind = ix.ageKind[i];
    const bool ok = kind == exact   ? lo >= min && lo <= max
                    : kind == range ? (inside ? lo >= min && hi <= max : lo <= max && hi >= min)
                                    : unknown;
    keep[i] &= ok;
  }
}

void keepCode(const std::vector<uint8_t>& codes, uint8_t wanted, std::vector<uint8_t>& keep) {
  for (size_t i = 0; i < keep.size(); ++i) keep[i] &= codes[i] == wanted;
}

void keepYears(const CaseIndex& ix, const YearBounds& y, std::vector<uint8_t>& keep) {
  if (ix.year.empty()) return keep.assign(keep.size(), 0);  // no case has a year
  for (size_t i = 0; i < keep.size(); ++i)
    keep[i] &= (ix.flags[i] & CaseIndex::kHasYear) && ix.year[i] >= y.min && ix.year[i] <= y.max;
}

// Cases with some lesion at or below `siteId`.
void keepSite(const CaseIndex& ix, const std::string& siteId, const SiteCatalog& catalog, std::vector<uint8_t>& keep) {
  std::vector<uint8_t> within(ix.siteIds.size());  // by site code
  for (size_t k = 0; k < within.size(); ++k) within[k] = catalog.isWithin(ix.siteIds[k], siteId);
  for (size_t i = 0; i < keep.size(); ++i) {
    if (!keep[i]) continue;
    uint8_t any = 0;
    for (uint32_t k = ix.lesionBegin[i]; k < ix.lesionBegin[i + 1] && !any; ++k) any = within[ix.lesionSite[k]];
    keep[i] = any;
  }
}

}  // namespace

std::vector<const Case*> applyFilter(const Dataset& data, const CaseFilter& f, const SiteCatalog& catalog) {
  std::vector<const Case*> out;
  const auto site = resolvedSite(f, catalog);  // once, not per case
  if (!site) return out;
  const CaseIndex& ix = data.index();
  std::vector<uint8_t> keep(ix.size(), 1);
  if (!f.subtypes.empty()) keepSubtypes(ix, f.subtypes, keep);
  if (f.age) keepAges(ix, f, keep);
  if (f.sex) keepCode(ix.sex, static_cast<uint8_t>(*f.sex), keep);
  if (f.ossification) keepCode(ix.ossification, static_cast<uint8_t>(*f.ossification), keep);
  if (f.year) keepYears(ix, *f.year, keep);
  if (!site->empty()) keepSite(ix, *site, catalog, keep);
  for (size_t i = 0; i < keep.size(); ++i)
    if (keep[i] && (f.variant.empty() || variantMatches(data.cases[i], f.variant))) out.push_back(&data.cases[i]);
  return out;
}

std::optional<YearBounds> parseYearBounds(std::string_view text, std::string* error) {
  auto fail = [&](const std::string& why) -> std::optional<YearBounds> {
    if (error) *error = why;
    return std::nullopt;
  };
  const std::string t(text);
  double lo = 0, hi = 0;
  if (!parseRangeNumbers(text, lo, hi)) return fail("bad year range '" + t + "' (expected A-B, e.g. 2000-2020)");
  if (lo != double(long(lo)) || hi != double(long(hi))) return fail("year range '" + t + "': years are whole numbers");
  if (lo < 1800 || hi > 2100) return fail("year range '" + t + "' outside 1800-2100");
  if (lo > hi) return fail("year range '" + t + "': first year after last");
  return YearBounds{int(lo), int(hi)};
}

std::string formatAgeBounds(const AgeBounds& b) {
  return b.min == b.max ? formatNumber(b.min) : formatNumber(b.min) + "-" + formatNumber(b.max);
}

std::string formatYearBounds(const YearBounds& b) {
  return b.min == b.max ? std::to_string(b.min) : std::to_string(b.min) + "-" + std::to_string(b.max);
}

std::optional<AgeBounds> parseAgeBounds(std::string_view text, std::string* error) {
  auto fail = [&](const std::string& why) -> std::optional<AgeBounds> {
    if (error) *error = why;
    return std::nullopt;
  };
  AgeBounds b;
  if (!parseRangeNumbers(text, b.min, b.max)) {
    const bool single = text.find('-') == std::string_view::npos;
    return fail(std::string(single ? "bad age '" : "bad age range '") + std::string(text) + "' (expected A-B, e.g. 40-50)");
  }
  if (b.max > 120) return fail("age range '" + std::string(text) + "' outside 0-120");
  if (b.min > b.max) return fail("age range '" + std::string(text) + "': minimum above maximum");
  return b;
}

std::optional<std::vector<Subtype>> parseSubtypeList(std::string_view text, std::string* error) {
  std::vector<Subtype> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    while (!word.empty() && word.front() == ' ') word.remove_prefix(1);
    while (!word.empty() && word.back() == ' ') word.remove_suffix(1);
    start = end + 1;
    if (word.empty()) continue;
    auto s = parseSubtype(word);
    if (!s) {
      if (error)
        *error = "unknown subtype '" + std::string(word) +
                 "' (dystrophic, metastatic, idiopathic, iatrogenic, calciphylaxis, unspecified)";
      return std::nullopt;
    }
    out.push_back(*s);
  }
  return out;
}

}  // namespace la

#include "core/importer_lesions.hpp"

#include <algorithm>

namespace la::import_detail {
namespace {

// Appends `value` to a " / "-joined list unless it is empty or already there. True when it was
// added to a list that already held a different value (the images disagree).
bool joinDistinct(Text& list, const Text& value) {
  if (value.empty()) return false;
  if (list.empty()) {
    list = value;
    return false;
  }
  const std::string_view l = list.view();
  size_t start = 0;
  for (;;) {
    const size_t end = l.find(" / ", start);
    if (l.substr(start, (end == std::string_view::npos ? l.size() : end) - start) == value.view()) return false;
    if (end == std::string_view::npos) break;
    start = end + 3;
  }
  list = list + " / " + value;
  return true;
}

double lowEnd(const Age& a) { return a.kind == Age::Kind::Range ? a.min : a.years; }
double highEnd(const Age& a) { return a.kind == Age::Kind::Range ? a.max : a.years; }

std::string describeSite(const Lesion& l) {
  const std::string side = l.side == Side::None ? "" : std::string(" (") + toString(l.side) + ")";
  return inQuotes(l.token) + side;
}

bool saysNoSite(const Lesion& l) { return l.siteId == kUnspecified && !l.unmatched; }

}  // namespace

void LesionMerger::add(Case&& c, RowReport& rep) {
  if (!c.lesionKey.empty()) {
    // Tables list a lesion's images together: the previous row's lesion is found without a lookup.
    int64_t found = last_ < cases_.size() && cases_[last_].lesionKey == c.lesionKey ? int64_t(last_) : -1;
    if (found < 0)
      found = index_.findOrInsert(c.lesionKey.view(), static_cast<uint32_t>(cases_.size()),
                                  [this](uint32_t i) { return cases_[i].lesionKey.view(); });
    if (found >= 0) {
      last_ = static_cast<size_t>(found);
      merge(cases_[last_], std::move(c), groups_[last_ - base_], rep);
      return;
    }
    last_ = cases_.size();
  }
  cases_.push_back(std::move(c));
  groups_.emplace_back();
}

std::string LesionMerger::lesionLabel(const Case& into, RowReport& rep) const {
  return "lesion " + inQuotes(into.lesionKey) + " (first image on " + rep.where(into.line) + "): ";
}

void LesionMerger::merge(Case& into, Case&& image, Group& g, RowReport& rep) const {
  into.nImages += image.nImages;
  for (Lesion& l : image.lesions) mergeSite(into, std::move(l), rep);
  mergeAge(into, image.age, g, rep);
  mergeSexAndSubtype(into, image, g, rep);
  const Text diagnosis = into.diagnosis;
  if (joinDistinct(into.diagnosis, image.diagnosis) && !g.diagnosisWarned) {
    rep.warn(names_.diagnosis, lesionLabel(into, rep) + "diagnosis " + inQuotes(image.diagnosis) + " differs from " +
                                   inQuotes(diagnosis) + "; the lesion keeps both");
    g.diagnosisWarned = true;
  }
  if (joinDistinct(into.variantVerbatim, image.variantVerbatim)) into.variant = classifyVariant(into.variantVerbatim);
  joinDistinct(into.evidence, image.evidence);
  joinDistinct(into.source.citation, image.source.citation);
  joinDistinct(into.notes, image.notes);
  joinDistinct(into.siteVerbatim, image.siteVerbatim);
}

// A lesion does not move: images of one lesion at two sites contradict each other. Both sites are
// kept (the table states each) and the lesion is counted once at each; the warning says so. An
// image with no site says nothing about where its lesion is: it is kept (so images by site still
// follow the rows) without a warning, and is not a site of the lesion once another image names one.
void LesionMerger::mergeSite(Case& into, Lesion&& l, RowReport& rep) const {
  auto same = std::find_if(into.lesions.begin(), into.lesions.end(),
                           [&](const Lesion& e) { return e.siteId == l.siteId && e.side == l.side; });
  if (same != into.lesions.end()) {
    same->nImages += l.nImages;
    return;
  }
  auto stated = std::find_if(into.lesions.begin(), into.lesions.end(), [](const Lesion& e) { return !saysNoSite(e); });
  if (!saysNoSite(l) && stated != into.lesions.end())
    rep.warn(names_.site, lesionLabel(into, rep) + "site " + describeSite(l) + " differs from " +
                              describeSite(*stated) + "; one lesion, counted at each of its sites");
  into.lesions.push_back(std::move(l));
}

// Images taken at different visits may state different ages: the lesion keeps the range they span.
void LesionMerger::mergeAge(Case& into, const Age& age, Group& g, RowReport& rep) const {
  if (!age.hasNumber()) return;
  if (!into.age.hasNumber()) {
    into.age = age;
    return;
  }
  const double lo = std::min(lowEnd(into.age), lowEnd(age)), hi = std::max(highEnd(into.age), highEnd(age));
  if (lo == lowEnd(into.age) && hi == highEnd(into.age)) return;
  if (!g.ageWarned)
    rep.warn(names_.age, lesionLabel(into, rep) + "age " + formatAge(age) + " differs from " + formatAge(into.age) +
                             "; the lesion's age is the range its images state");
  g.ageWarned = true;
  into.age = Age::range(lo, hi);
}

// Two sexes (or subtypes) for one lesion: the table contradicts itself, so the lesion states none.
void LesionMerger::mergeSexAndSubtype(Case& into, const Case& image, Group& g, RowReport& rep) const {
  if (image.sex != Sex::Unknown && !g.sexConflict) {
    if (into.sex == Sex::Unknown) {
      into.sex = image.sex;
    } else if (into.sex != image.sex) {
      rep.warn(names_.sex, lesionLabel(into, rep) + "sex " + toString(image.sex) + " differs from " +
                               toString(into.sex) + "; the lesion's sex is not stated");
      into.sex = Sex::Unknown;
      g.sexConflict = true;
    }
  }
  if (image.subtype && !g.subtypeConflict) {
    if (!into.subtype) {
      into.subtype = image.subtype;
    } else if (*into.subtype != *image.subtype) {
      rep.warn(names_.subtype, lesionLabel(into, rep) + "subtype " + toString(*image.subtype) + " differs from " +
                                   toString(*into.subtype) + "; the lesion's subtype is unspecified");
      into.subtype = Subtype::Unspecified;
      g.subtypeConflict = true;
    }
  }
}

}  // namespace la::import_detail

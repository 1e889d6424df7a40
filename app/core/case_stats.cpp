#include "core/case_stats.hpp"

#include "core/age_bands.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace la {
namespace {

const char* const kNoSite = "unspecified";  // the catalog's id for a location not stated

// Counts by site id while counting; bySite is filled once at the end. Site ids read by one import
// share their characters (core/text.hpp), so the tally is keyed by where the characters are and
// merged by their words at the end: at a million cases a string-keyed map lookup per lesion was
// most of the time.
class SiteTally {
 public:
  size_t& operator[](const Text& id) {
    const std::string_view v = id.view();
    if (last_ && last_->first.data() == v.data() && last_->first.size() == v.size()) return last_->second;
    auto [it, fresh] = byPlace_.try_emplace(v.data(), v, 0);
    if (!fresh && it->second.first.size() != v.size()) return other_[std::string(v)];  // not expected
    last_ = &it->second;
    return it->second.second;
  }
  void addTo(std::map<std::string, size_t>& bySite) const {
    for (const auto& [place, entry] : byPlace_) bySite[std::string(entry.first)] += entry.second;
    for (const auto& [id, n] : other_) bySite[id] += n;
  }

 private:
  std::unordered_map<const char*, std::pair<std::string_view, size_t>> byPlace_;
  std::map<std::string, size_t> other_;
  std::pair<std::string_view, size_t>* last_ = nullptr;
};

// Adds one case to the site tally in the stats' site unit.
void countSites(const Case& c, CountUnit unit, SiteTally& bySite) {
  if (unit == CountUnit::Images) {
    for (const Lesion& l : c.lesions) bySite[l.siteId] += l.nImages;
    return;
  }
  if (unit == CountUnit::Lesions && c.lesionKey.empty()) {
    for (const Lesion& l : c.lesions) ++bySite[l.siteId];  // the built-in layout lists each lesion
    return;
  }
  // One lesion (or one case) at each of its sites, once even when it has entries on both sides.
  // An image of a lesion with no site stated adds no site when another of its images names one.
  auto noSite = [](const Lesion& l) { return l.siteId == kNoSite && !l.unmatched; };
  const bool named = !c.lesionKey.empty() && !std::all_of(c.lesions.begin(), c.lesions.end(), noSite);
  const Lesion* counted[8];
  size_t nCounted = 0;
  std::set<std::string_view> many;  // only for a case with more distinct sites than `counted` holds
  for (const Lesion& l : c.lesions) {
    if (named && noSite(l)) continue;
    const auto same = [&l](const Lesion* e) { return e->siteId == l.siteId; };
    if (std::any_of(counted, counted + nCounted, same) || many.count(l.siteId.view())) continue;
    if (nCounted < std::size(counted)) counted[nCounted++] = &l;
    else many.insert(l.siteId.view());
    ++bySite[l.siteId];
  }
}

// How many people the case adds to the person breakdowns: its patients not yet counted (when
// they are the unit), else the case itself.
size_t personWeight(const Case& c, const CaseStats& s, std::unordered_set<std::string>& seenPatients) {
  if (s.personUnit == CountUnit::Cases) return 1;
  if (c.patientKey.empty()) return static_cast<size_t>(c.nPatients);
  // A patient id only means something inside its own table.
  return seenPatients.insert(std::to_string(c.table) + '\n' + c.patientKey).second ? 1 : 0;
}

}  // namespace

std::string unitName(CountUnit unit, size_t n, bool capital) {
  std::string w;
  switch (unit) {
    case CountUnit::Cases: w = "case"; break;
    case CountUnit::Patients: w = "patient"; break;
    case CountUnit::Lesions: w = "lesion"; break;
    case CountUnit::Images: w = "image"; break;
  }
  if (n != 1) w += 's';
  if (capital) w[0] = static_cast<char>(w[0] - 'a' + 'A');
  return w;
}

std::string formatCount(std::optional<size_t> n, CountUnit unit) {
  if (!n) return unitName(unit) + " not stated";
  return std::to_string(*n) + " " + unitName(unit, *n);
}

std::string ageBand(const Age& age) { return ageBandOf(age); }

CaseStats computeStats(const std::vector<const Case*>& cases) {
  CaseStats s;
  auto all = [&cases](bool Case::*flag) {
    return std::all_of(cases.begin(), cases.end(), [flag](const Case* c) { return c->*flag; });
  };
  const bool patients = all(&Case::statesPatients), lesions = all(&Case::statesLesions),
             images = all(&Case::statesImages);
  s.siteUnit = lesions ? CountUnit::Lesions : images ? CountUnit::Images : CountUnit::Cases;
  s.personUnit = patients ? CountUnit::Patients : CountUnit::Cases;
  size_t nPatients = 0, nLesions = 0, nImages = 0;
  std::unordered_set<std::string> seenPatients;
  // Person breakdowns by position (subtype, then "none"; sex; age band), named at the end.
  constexpr size_t kSubtypes = 6, kSexes = 3;
  const size_t nBands = ageBandKeys().size();
  std::vector<size_t> bySubtype(kSubtypes + 1), bySex(kSexes), byBand(nBands);
  SiteTally bySite;
  for (const Case* c : cases) {
    ++s.cases;
    nLesions += c->lesionCount();
    nImages += c->nImages;
    countSites(*c, s.siteUnit, bySite);
    const size_t n = personWeight(*c, s, seenPatients);
    if (n == 0) continue;
    if (s.personUnit == CountUnit::Patients) nPatients += n;
    bySubtype[c->subtype ? static_cast<size_t>(*c->subtype) : kSubtypes] += n;
    bySex[static_cast<size_t>(c->sex)] += n;
    byBand[ageBandIndex(c->age)] += n;
  }
  bySite.addTo(s.bySite);
  // A key is present when some case added to it (every weight here is at least one).
  for (size_t i = 0; i <= kSubtypes; ++i)
    if (bySubtype[i]) s.bySubtype[i < kSubtypes ? toString(static_cast<Subtype>(i)) : "none"] = bySubtype[i];
  for (Sex x : {Sex::Unknown, Sex::Female, Sex::Male})
    if (bySex[static_cast<size_t>(x)]) s.bySex[toString(x)] = bySex[static_cast<size_t>(x)];
  const auto bandKeys = ageBandKeys();
  for (size_t i = 0; i < nBands; ++i)
    if (byBand[i]) s.byAgeBand[bandKeys[i]] = byBand[i];
  if (patients) s.patients = nPatients;
  if (lesions) s.lesions = nLesions;
  if (images) s.images = nImages;
  return s;
}

std::string describeCounts(const CaseStats& s) {
  return formatCount(s.cases, CountUnit::Cases) + ", " + formatCount(s.patients, CountUnit::Patients) + ", " +
         formatCount(s.lesions, CountUnit::Lesions) + ", " + formatCount(s.images, CountUnit::Images);
}

nlohmann::json statsToJson(const CaseStats& s) {
  auto count = [](std::optional<size_t> n) { return n ? nlohmann::json(*n) : nlohmann::json(nullptr); };
  nlohmann::json j;
  j["cases"] = s.cases;
  j["patients"] = count(s.patients);
  j["lesions"] = count(s.lesions);
  j["images"] = count(s.images);
  j["by_site"] = s.bySite;
  j["by_subtype"] = s.bySubtype;
  j["by_sex"] = s.bySex;
  j["by_age_band"] = s.byAgeBand;
  const std::string person = unitName(s.personUnit);
  j["units"] = {{"by_site", unitName(s.siteUnit)}, {"by_subtype", person}, {"by_sex", person}, {"by_age_band", person}};
  return j;
}

}  // namespace la

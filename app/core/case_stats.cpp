#include "core/case_stats.hpp"

#include "core/age_bands.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_set>

namespace la {
namespace {

const char* const kNoSite = "unspecified";  // the catalog's id for a location not stated

// Adds one case to bySite in the stats' site unit.
void countSites(const Case& c, CaseStats& s) {
  if (s.siteUnit == CountUnit::Images) {
    for (const Lesion& l : c.lesions) s.bySite[l.siteId] += l.nImages;
    return;
  }
  if (s.siteUnit == CountUnit::Lesions && c.lesionKey.empty()) {
    for (const Lesion& l : c.lesions) ++s.bySite[l.siteId];  // the built-in layout lists each lesion
    return;
  }
  // One lesion (or one case) at each of its sites, once even when it has entries on both sides.
  // An image of a lesion with no site stated adds no site when another of its images names one.
  auto noSite = [](const Lesion& l) { return l.siteId == kNoSite && !l.unmatched; };
  const bool named = !c.lesionKey.empty() && !std::all_of(c.lesions.begin(), c.lesions.end(), noSite);
  std::set<std::string> sites;
  for (const Lesion& l : c.lesions)
    if (!named || !noSite(l)) sites.insert(l.siteId);
  for (const std::string& id : sites) ++s.bySite[id];
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
  for (const Case* c : cases) {
    ++s.cases;
    nLesions += c->lesionCount();
    nImages += c->nImages;
    countSites(*c, s);
    const size_t n = personWeight(*c, s, seenPatients);
    if (n == 0) continue;
    if (s.personUnit == CountUnit::Patients) nPatients += n;
    s.bySubtype[c->subtype ? toString(*c->subtype) : "none"] += n;
    s.bySex[toString(c->sex)] += n;
    s.byAgeBand[ageBand(c->age)] += n;
  }
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

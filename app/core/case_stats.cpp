#include "core/case_stats.hpp"

#include "core/age_bands.hpp"

#include <algorithm>
#include <cstdint>

#include "core/case_index.hpp"

namespace la {
namespace {

const char* const kNoSite = "unspecified";  // the catalog's id for a location not stated

// Counts a selection from the index (core/case_index.hpp): `row(k)` is the index row of the k-th
// selected case, in selection order (the first case of a patient carries the patient's subtype,
// sex and age band).
template <class Row>
class Counter {
 public:
  Counter(const CaseIndex& ix, size_t n, Row row) : ix_(ix), n_(n), row_(row) {
    for (size_t k = 0; k < ix.siteIds.size(); ++k)
      if (ix.siteIds[k] == kNoSite) noSite_ = static_cast<uint32_t>(k);
  }

  CaseStats run() {
    CaseStats s;
    auto all = [this](uint8_t flag) {
      for (size_t k = 0; k < n_; ++k)
        if (!(ix_.flags[row_(k)] & flag)) return false;
      return true;
    };
    const bool patients = all(CaseIndex::kStatesPatients), lesions = all(CaseIndex::kStatesLesions),
               images = all(CaseIndex::kStatesImages);
    s.siteUnit = lesions ? CountUnit::Lesions : images ? CountUnit::Images : CountUnit::Cases;
    s.personUnit = patients ? CountUnit::Patients : CountUnit::Cases;
    bySite_.assign(ix_.siteIds.size(), 0);
    touched_.assign(ix_.siteIds.size(), 0);
    lastCase_.assign(ix_.siteIds.size(), SIZE_MAX);
    seenPatients_.assign(s.personUnit == CountUnit::Patients ? ix_.patientCount : 0, 0);
    size_t nPatients = 0, nLesions = 0, nImages = 0;
    for (size_t k = 0; k < n_; ++k) {
      const size_t i = row_(k);
      const uint32_t b = ix_.lesionBegin[i], e = ix_.lesionBegin[i + 1];
      ++s.cases;
      nLesions += ix_.flags[i] & CaseIndex::kHasLesionKey ? 1 : e - b;
      nImages += ix_.nImages[i];
      countSites(k, i, s.siteUnit);
      const size_t w = personWeight(i, s.personUnit);
      if (w == 0) continue;
      if (s.personUnit == CountUnit::Patients) nPatients += w;
      bySubtype_[ix_.subtype[i]] += w;
      bySex_[ix_.sex[i]] += w;
      byBand_[ix_.ageBand[i]] += w;
    }
    name(s);
    if (patients) s.patients = nPatients;
    if (lesions) s.lesions = nLesions;
    if (images) s.images = nImages;
    return s;
  }

 private:
  void add(uint32_t site, size_t n) {
    bySite_[site] += n;
    touched_[site] = 1;
  }

  // Adds the k-th selected case (index row i) to the site counts in the stats' site unit.
  void countSites(size_t k, size_t i, CountUnit unit) {
    const uint32_t b = ix_.lesionBegin[i], e = ix_.lesionBegin[i + 1];
    const bool lesionKey = ix_.flags[i] & CaseIndex::kHasLesionKey;
    if (unit == CountUnit::Images) {
      for (uint32_t l = b; l < e; ++l) add(ix_.lesionSite[l], ix_.lesionImages[l]);
      return;
    }
    if (unit == CountUnit::Lesions && !lesionKey) {
      for (uint32_t l = b; l < e; ++l) add(ix_.lesionSite[l], 1);  // the built-in layout lists each lesion
      return;
    }
    // One lesion (or one case) at each of its sites, once even when it has entries on both sides.
    // An image of a lesion with no site stated adds no site when another of its images names one.
    auto noSite = [this](uint32_t l) { return ix_.lesionSite[l] == noSite_ && !ix_.unmatched(l); };
    bool named = false;
    for (uint32_t l = b; l < e && lesionKey && !named; ++l) named = !noSite(l);
    for (uint32_t l = b; l < e; ++l) {
      if (named && noSite(l)) continue;
      const uint32_t site = ix_.lesionSite[l];
      if (lastCase_[site] == k) continue;
      lastCase_[site] = k;
      add(site, 1);
    }
  }

  // How many people the case adds to the person breakdowns: its patients not yet counted (when
  // they are the unit), else the case itself.
  size_t personWeight(size_t i, CountUnit unit) {
    if (unit == CountUnit::Cases) return 1;
    const uint32_t p = ix_.patientOf(i);
    if (p == CaseIndex::kNoPatient) return static_cast<size_t>(ix_.nPatients[i]);
    if (seenPatients_[p]) return 0;
    seenPatients_[p] = 1;
    return 1;
  }

  // Names the breakdowns; a key is present when some case added to it.
  void name(CaseStats& s) const {
    for (size_t k = 0; k < bySite_.size(); ++k)
      if (touched_[k]) s.bySite[ix_.siteIds[k]] += bySite_[k];
    for (size_t i = 0; i <= CaseIndex::kNoSubtype; ++i)
      if (bySubtype_[i])
        s.bySubtype[i < CaseIndex::kNoSubtype ? toString(static_cast<Subtype>(i)) : "none"] = bySubtype_[i];
    for (Sex x : {Sex::Unknown, Sex::Female, Sex::Male})
      if (bySex_[static_cast<size_t>(x)]) s.bySex[toString(x)] = bySex_[static_cast<size_t>(x)];
    const auto bandKeys = ageBandKeys();
    for (size_t i = 0; i < bandKeys.size(); ++i)
      if (byBand_[i]) s.byAgeBand[bandKeys[i]] = byBand_[i];
  }

  const CaseIndex& ix_;
  size_t n_;
  Row row_;
  uint32_t noSite_ = UINT32_MAX;  // the code of "unspecified"; none matches when no lesion has it
  std::vector<size_t> bySite_;
  std::vector<char> touched_;
  std::vector<size_t> lastCase_;  // per site: the last selected case counted there
  std::vector<char> seenPatients_;
  size_t bySubtype_[CaseIndex::kNoSubtype + 1] = {}, bySex_[3] = {}, byBand_[256] = {};
};

template <class Row>
CaseStats count(const CaseIndex& ix, size_t n, Row row) {
  return Counter<Row>(ix, n, row).run();
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
  const CaseIndex ix = CaseIndex::build(cases);
  return count(ix, cases.size(), [](size_t k) { return k; });
}

CaseStats computeStats(const Dataset& data, const std::vector<const Case*>& cases) {
  const Case* first = data.cases.data();
  const Case* last = first + data.cases.size();
  const bool inData = std::all_of(cases.begin(), cases.end(), [&](const Case* c) { return c >= first && c < last; });
  if (!inData) return computeStats(cases);
  const CaseIndex& ix = data.index();
  return count(ix, cases.size(), [&cases, first](size_t k) { return size_t(cases[k] - first); });
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

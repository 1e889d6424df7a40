#include "core/case_stats.hpp"

#include <cmath>
#include <unordered_set>

namespace la {
namespace {

int bandIndex(double years) {
  if (years < 1) return -1;
  if (years >= 90) return 9;
  return static_cast<int>(std::floor(years / 10));
}

std::string bandName(int i) {
  if (i < 0) return "under-1";
  if (i == 0) return "1-9";
  if (i >= 9) return "90+";
  return std::to_string(i * 10) + "-" + std::to_string(i * 10 + 9);
}

}  // namespace

std::string ageBand(const Age& age) {
  switch (age.kind) {
    case Age::Kind::Exact: return bandName(bandIndex(age.years));
    case Age::Kind::Range: {
      const int lo = bandIndex(age.min), hi = bandIndex(age.max);
      return lo == hi ? bandName(lo) : "range-across-bands";
    }
    default: return "unknown";
  }
}

CaseStats computeStats(const std::vector<const Case*>& cases) {
  CaseStats s;
  // A patient id only means something inside its own table.
  std::unordered_set<std::string> seenPatients;
  for (const Case* c : cases) {
    ++s.cases;
    for (const Lesion& l : c->lesions) {
      ++s.bySite[l.siteId];
      ++s.lesions;
    }
    size_t n = static_cast<size_t>(c->nPatients);
    if (!c->patientKey.empty()) {
      const std::string key = std::to_string(c->table) + '\n' + c->patientKey;
      n = seenPatients.insert(key).second ? 1 : 0;
    }
    if (n == 0) continue;
    s.patients += n;
    s.bySubtype[c->subtype ? toString(*c->subtype) : "none"] += n;
    s.bySex[toString(c->sex)] += n;
    s.byAgeBand[ageBand(c->age)] += n;
  }
  return s;
}

nlohmann::json statsToJson(const CaseStats& s) {
  nlohmann::json j;
  j["cases"] = s.cases;
  j["patients"] = s.patients;
  j["lesions"] = s.lesions;
  j["by_site"] = s.bySite;
  j["by_subtype"] = s.bySubtype;
  j["by_sex"] = s.bySex;
  j["by_age_band"] = s.byAgeBand;
  return j;
}

}  // namespace la

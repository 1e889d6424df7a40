#include "core/case_index.hpp"

#include <unordered_map>

#include "core/age_bands.hpp"

namespace la {
namespace {

// Fills a CaseIndex one case at a time. Site ids read by one import share their characters, so
// the last few are recognised by address before the id's words are hashed.
class Builder {
 public:
  explicit Builder(CaseIndex& ix) : ix_(ix) {}

  void reserve(size_t cases) {
    for (auto* v : {&ix_.sex, &ix_.subtype, &ix_.ossification, &ix_.ageKind, &ix_.ageBand, &ix_.flags}) v->reserve(cases);
    ix_.diagnosis.reserve(cases);
    ix_.variant.reserve(cases);
    ix_.ageLo.reserve(cases);
    ix_.ageHi.reserve(cases);
    ix_.year.reserve(cases);
    ix_.nPatients.reserve(cases);
    ix_.nImages.reserve(cases);
    ix_.patient.reserve(cases);
    ix_.lesionBegin.reserve(cases + 1);
  }

  void add(const Case& c) {
    ix_.sex.push_back(static_cast<uint8_t>(c.sex));
    ix_.subtype.push_back(c.subtype ? static_cast<uint8_t>(*c.subtype) : CaseIndex::kNoSubtype);
    ix_.ossification.push_back(static_cast<uint8_t>(c.ossification));
    ix_.ageKind.push_back(static_cast<uint8_t>(c.age.kind));
    ix_.ageBand.push_back(static_cast<uint8_t>(ageBandIndex(c.age)));
    const bool range = c.age.kind == Age::Kind::Range, exact = c.age.kind == Age::Kind::Exact;
    ix_.ageLo.push_back(range ? c.age.min : exact ? c.age.years : 0);
    ix_.ageHi.push_back(range ? c.age.max : exact ? c.age.years : 0);
    uint8_t f = 0;
    if (c.statesPatients) f |= CaseIndex::kStatesPatients;
    if (c.statesLesions) f |= CaseIndex::kStatesLesions;
    if (c.statesImages) f |= CaseIndex::kStatesImages;
    if (!c.lesionKey.empty()) f |= CaseIndex::kHasLesionKey;
    if (c.source.year) f |= CaseIndex::kHasYear;
    ix_.flags.push_back(f);
    // Filled in only once some case has a value (most large tables have no year and no patient id).
    const size_t i = ix_.sex.size() - 1;
    if (c.source.year) fill(ix_.year, i, 0) = *c.source.year;
    ix_.nPatients.push_back(c.nPatients);
    ix_.nImages.push_back(narrow(c.nImages));
    if (!c.patientKey.empty()) fill(ix_.patient, i, CaseIndex::kNoPatient) = patientCode(c);
    ix_.lesionBegin.push_back(static_cast<uint32_t>(ix_.lesionSite.size()));
    diagnoses_.add(ix_.diagnosis, c.diagnosis);
    variants_.add(ix_.variant, c.variant);
    for (const Lesion& l : c.lesions) {
      ix_.lesionSite.push_back(siteCode(l.siteId));
      ix_.lesionSide.push_back(static_cast<uint8_t>(static_cast<uint8_t>(l.side) | (l.unmatched ? CaseIndex::kUnmatched : 0)));
      ix_.lesionImages.push_back(narrow(l.nImages));
    }
  }

  void finish() {
    ix_.lesionBegin.push_back(static_cast<uint32_t>(ix_.lesionSite.size()));
    if (diagnoses_.full) ix_.diagnosis = {};
    if (variants_.full) ix_.variant = {};
    ix_.patientCount = patients_.size();
    const size_t n = ix_.sex.size();
    if (!ix_.year.empty()) ix_.year.resize(n, 0);
    if (!ix_.patient.empty()) ix_.patient.resize(n, CaseIndex::kNoPatient);
  }

 private:
  // The element for case `i` of an array kept empty until a case has a value for it.
  template <class T>
  static T& fill(std::vector<T>& v, size_t i, T none) {
    if (v.size() <= i) v.resize(i + 1, none);
    return v[i];
  }

  static uint32_t narrow(size_t images) {
    if (images > 0xFFFFFFFFu) throw std::length_error("a case of more than 2^32 - 1 images");
    return static_cast<uint32_t>(images);
  }

  uint16_t siteCode(const Text& id) {
    const std::string_view v = id.view();
    for (const auto& [data, code] : recent_)
      if (data == v.data() && ix_.siteIds[code].size() == v.size()) return code;
    if (ix_.siteIds.size() > 0xFFFF && !codes_.count(std::string(v)))
      throw std::length_error("more than 65536 distinct site ids");
    auto [it, fresh] = codes_.try_emplace(std::string(v), static_cast<uint16_t>(ix_.siteIds.size()));
    if (fresh) ix_.siteIds.emplace_back(v);
    recent_[next_++ % kRecent] = {v.data(), it->second};
    return it->second;
  }

  // A patient id only means something inside its own table.
  uint32_t patientCode(const Case& c) {
    auto [it, fresh] = patients_.try_emplace(std::to_string(c.table) + '\n' + c.patientKey.str(),
                                             static_cast<uint32_t>(patients_.size()));
    (void)fresh;
    return it->second;
  }

  // Numbers distinct texts of one field; gives up (`full`) past 65536 of them.
  struct Codes {
    std::unordered_map<std::string, uint16_t> codes;
    const char* lastData = nullptr;
    uint16_t lastCode = 0;
    bool full = false;
    void add(std::vector<uint16_t>& out, const Text& t) {
      if (full) return;
      if (t.data() != lastData) {
        auto [it, fresh] = codes.try_emplace(t.str(), static_cast<uint16_t>(codes.size()));
        if (fresh && codes.size() > 0x10000) {
          full = true;
          return;
        }
        lastData = t.data();
        lastCode = it->second;
      }
      out.push_back(lastCode);
    }
  };

  static constexpr size_t kRecent = 8;
  CaseIndex& ix_;
  Codes diagnoses_, variants_;
  std::unordered_map<std::string, uint16_t> codes_;
  std::unordered_map<std::string, uint32_t> patients_;
  std::pair<const char*, uint16_t> recent_[kRecent] = {};
  size_t next_ = 0;
};

}  // namespace

CaseIndex CaseIndex::build(const std::vector<const Case*>& cases) {
  CaseIndex ix;
  Builder b(ix);
  b.reserve(cases.size());
  for (const Case* c : cases) b.add(*c);
  b.finish();
  return ix;
}

CaseIndex CaseIndex::build(const Dataset& data) {
  CaseIndex ix;
  Builder b(ix);
  b.reserve(data.cases.size());
  for (const Case& c : data.cases) b.add(c);
  b.finish();
  ix.source = data.cases.data();
  return ix;
}

}  // namespace la

#pragma once
// A compact copy of what the filter, the counts and the marker layout read from each case, one
// array per field (small integer codes, the ages, the counts, each lesion's site as a number).
// A Case is some 300 bytes with its lesions and keys elsewhere on the heap, so at a million cases
// a filter change that read the cases themselves was a cache miss or two per case and took about
// 100 ms; these arrays are a few tens of bytes a case, read front to back.
//
// The index is derived, never edited: Dataset::index() builds it from the cases when first asked
// and again when the cases were replaced, grown or shrunk. Every value is the case's own (no
// rounding, no merging of counts), so counting from the index gives what counting the cases gives.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/dataset.hpp"

namespace la {

struct CaseIndex {
  // Bits of `flags`.
  static constexpr uint8_t kStatesPatients = 1, kStatesLesions = 2, kStatesImages = 4, kHasLesionKey = 8,
                           kHasYear = 16;
  static constexpr uint8_t kNoSubtype = 6;            // `subtype` of a case whose table has none
  static constexpr uint32_t kNoPatient = 0xFFFFFFFFu;  // `patient` of a case without a patient key

  // Per case, in the order the index was built from.
  std::vector<uint8_t> sex;           // static_cast<uint8_t>(Sex)
  std::vector<uint8_t> subtype;       // static_cast<uint8_t>(Subtype), or kNoSubtype
  std::vector<uint8_t> ossification;  // static_cast<uint8_t>(Ossification)
  std::vector<uint8_t> ageKind;       // static_cast<uint8_t>(Age::Kind)
  std::vector<uint8_t> ageBand;       // ageBandIndex(age)
  std::vector<uint8_t> flags;
  std::vector<double> ageLo, ageHi;   // exact age: both the age; range: its ends; unknown: 0
  std::vector<int32_t> year;          // publication year when kHasYear; empty when no case has one
  std::vector<int32_t> nPatients;
  std::vector<uint32_t> nImages;      // (a table of at most 1 GiB has fewer rows)
  std::vector<uint32_t> patient;      // per distinct (table, patient key); empty when no case has a key
  std::vector<uint32_t> lesionBegin;  // the case's lesions are [lesionBegin[i], lesionBegin[i + 1])
  // The case's diagnosis and variant as numbers, one per distinct text (what colouring by them
  // reads); empty when a table has more than 65536 distinct ones (then the cases are read).
  std::vector<uint16_t> diagnosis, variant;

  // Per lesion, in case order and each case's lesion order.
  std::vector<uint16_t> lesionSite;   // into siteIds (the catalog's ids and a few more)
  std::vector<uint8_t> lesionSide;    // static_cast<uint8_t>(Side), kUnmatched added
  std::vector<uint32_t> lesionImages;
  static constexpr uint8_t kUnmatched = 0x80;

  std::vector<std::string> siteIds;   // distinct site ids as the lesions state them (code -> id)
  size_t patientCount = 0;            // distinct (table, patient key) pairs

  // What it was built from (Dataset::index() compares these to see whether it is still current).
  const Case* source = nullptr;

  size_t size() const { return sex.size(); }
  uint32_t patientOf(size_t i) const { return patient.empty() ? kNoPatient : patient[i]; }
  Side sideOf(size_t lesion) const { return static_cast<Side>(lesionSide[lesion] & ~kUnmatched); }
  bool unmatched(size_t lesion) const { return lesionSide[lesion] & kUnmatched; }
  size_t lesionCount() const { return lesionSite.size(); }

  // The index of `cases`, in this order. Throws std::length_error for what no importer makes: a
  // case or lesion of more than 2^32 - 1 images, more than 65536 distinct site ids.
  static CaseIndex build(const std::vector<const Case*>& cases);
  // The index of every case of `data`.
  static CaseIndex build(const Dataset& data);
};

}  // namespace la

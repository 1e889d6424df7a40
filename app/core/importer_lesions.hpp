#pragma once
// Internal to the importer: gathers the images of one lesion (rows sharing a lesion id) into one
// case. Not part of the core's public API.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/dataset.hpp"
#include "core/importer_detail.hpp"
#include "core/key_index.hpp"

namespace la::import_detail {

// The table's column names for the roles whose disagreements are reported.
struct RoleNames {
  std::string site, age, sex, subtype, diagnosis;
};

class LesionMerger {
 public:
  LesionMerger(std::vector<Case>& cases, RoleNames names, size_t expected)
      : cases_(cases), names_(std::move(names)), base_(cases.size()), index_(expected) {}

  // Appends `c` as a new case; or, when a case with the same lesionKey exists, adds `c` to it as
  // one more image, with a warning in `rep` where this image disagrees with the earlier ones.
  void add(Case&& c, RowReport& rep);

 private:
  // Which disagreements were reported for a lesion already read (each once).
  struct Group {
    bool ageWarned = false, sexConflict = false, subtypeConflict = false, diagnosisWarned = false;
  };
  void merge(Case& into, Case&& image, Group& g, RowReport& rep) const;
  void mergeSite(Case& into, Lesion&& l, RowReport& rep) const;
  void mergeAge(Case& into, const Age& age, Group& g, RowReport& rep) const;
  void mergeSexAndSubtype(Case& into, const Case& image, Group& g, RowReport& rep) const;
  std::string lesionLabel(const Case& into, RowReport& rep) const;

  std::vector<Case>& cases_;
  RoleNames names_;
  size_t base_;                // cases_ before this table's
  KeyIndex index_;             // lesionKey -> case number
  std::vector<Group> groups_;  // per case of this table, from base_
  size_t last_ = SIZE_MAX;     // the case of the previous row's lesion
};

}  // namespace la::import_detail

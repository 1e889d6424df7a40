#pragma once
// Internal to the importer: gathers the images of one lesion (rows sharing a lesion id) into one
// case. Not part of the core's public API.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/dataset.hpp"
#include "core/importer_detail.hpp"

namespace la::import_detail {

// The table's column names for the roles whose disagreements are reported.
struct RoleNames {
  std::string site, age, sex, subtype, diagnosis;
};

class LesionMerger {
 public:
  LesionMerger(std::vector<Case>& cases, RoleNames names) : cases_(cases), names_(std::move(names)) {}

  // Appends `c` as a new case; or, when a case with the same lesionKey exists, adds `c` to it as
  // one more image, with a warning in `rep` where this image disagrees with the earlier ones.
  void add(Case&& c, RowReport& rep);

 private:
  // A lesion already read: its case, and which disagreements were reported (each once).
  struct Group {
    size_t index = 0;
    bool ageWarned = false, sexConflict = false, subtypeConflict = false, diagnosisWarned = false;
  };
  void merge(Case& into, Case&& image, Group& g, RowReport& rep) const;
  void mergeSite(Case& into, Lesion&& l, RowReport& rep) const;
  void mergeAge(Case& into, const Age& age, Group& g, RowReport& rep) const;
  void mergeSexAndSubtype(Case& into, const Case& image, Group& g, RowReport& rep) const;
  std::string lesionLabel(const Case& into, RowReport& rep) const;

  std::vector<Case>& cases_;
  RoleNames names_;
  std::unordered_map<std::string_view, Group> groups_;
};

}  // namespace la::import_detail

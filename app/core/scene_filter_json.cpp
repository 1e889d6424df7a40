#include "core/scene_filter_json.hpp"

#include "core/scene_file.hpp"

using nlohmann::json;

namespace la {
namespace {

struct FilterReader {
  const json& j;
  const std::string& origin;
  const std::string& field;

  [[noreturn]] void fail(const std::string& key, const std::string& why) const {
    throw SceneError(origin + ": " + field + "." + key + ": " + why);
  }
  std::string text(const char* key) const {
    if (!j.contains(key)) return {};
    if (!j[key].is_string()) fail(key, "expected a string");
    return j[key].get<std::string>();
  }
  bool flag(const char* key) const {
    if (!j.contains(key)) return false;
    if (!j[key].is_boolean()) fail(key, "expected true or false");
    return j[key].get<bool>();
  }
};

void readSubtypes(const FilterReader& r, CaseFilter& f) {
  if (!r.j.contains("subtypes")) return;
  const json& a = r.j["subtypes"];
  if (!a.is_array()) r.fail("subtypes", "expected an array of subtype names");
  for (const auto& e : a) {
    if (!e.is_string()) r.fail("subtypes", "expected an array of subtype names");
    const auto st = parseSubtype(e.get<std::string>());
    if (!st) r.fail("subtypes", "unknown subtype '" + e.get<std::string>() + "'");
    f.subtypes.push_back(*st);
  }
}

void readAges(const FilterReader& r, CaseFilter& f) {
  std::string err;
  if (const std::string age = r.text("age"); !age.empty()) {
    f.age = parseAgeBounds(age, &err);
    if (!f.age) r.fail("age", err);
  }
  if (const std::string mode = r.text("age_mode"); !mode.empty()) {
    if (mode != "overlaps" && mode != "inside") r.fail("age_mode", "expected \"overlaps\" or \"inside\"");
    f.ageMode = mode == "inside" ? AgeMode::Inside : AgeMode::Overlaps;
  }
  f.includeUnknownAge = r.flag("include_unknown_age");
  if (const std::string year = r.text("year"); !year.empty()) {
    f.year = parseYearBounds(year, &err);
    if (!f.year) r.fail("year", err);
  }
}

}  // namespace

CaseFilter filterFromJson(const json& j, const std::string& origin, const std::string& field) {
  if (!j.is_object()) throw SceneError(origin + ": " + field + ": expected an object");
  FilterReader r{j, origin, field};
  static const char* known[] = {"subtypes", "sex", "age", "age_mode", "include_unknown_age",
                                "site", "ossification", "variant", "year"};
  for (const auto& [key, value] : j.items()) {
    bool ok = false;
    for (const char* k : known) ok = ok || key == k;
    if (!ok) r.fail(key, "unknown key (expected one of subtypes, sex, age, age_mode, include_unknown_age, site, "
                         "ossification, variant, year)");
  }
  CaseFilter f;
  readSubtypes(r, f);
  const std::string sex = r.text("sex");
  if (sex == "F") f.sex = Sex::Female;
  else if (sex == "M") f.sex = Sex::Male;
  else if (!sex.empty()) r.fail("sex", "expected \"F\" or \"M\", got '" + sex + "'");
  readAges(r, f);
  f.site = r.text("site");
  const std::string oss = r.text("ossification");
  if (oss == "yes") f.ossification = Ossification::Yes;
  else if (oss == "no") f.ossification = Ossification::No;
  else if (!oss.empty()) r.fail("ossification", "expected \"yes\" or \"no\"");
  f.variant = r.text("variant");
  return f;
}

json filterToJson(const CaseFilter& f) {
  json j = json::object();
  if (!f.subtypes.empty()) {
    json a = json::array();
    for (Subtype s : f.subtypes) a.push_back(toString(s));
    j["subtypes"] = a;
  }
  if (f.sex) j["sex"] = *f.sex == Sex::Female ? "F" : "M";
  if (f.age) j["age"] = formatAgeBounds(*f.age);
  if (f.age || f.ageMode == AgeMode::Inside) j["age_mode"] = f.ageMode == AgeMode::Inside ? "inside" : "overlaps";
  if (f.includeUnknownAge) j["include_unknown_age"] = true;
  if (f.year) j["year"] = formatYearBounds(*f.year);
  if (!f.site.empty()) j["site"] = f.site;
  if (f.ossification) j["ossification"] = *f.ossification == Ossification::Yes ? "yes" : "no";
  if (!f.variant.empty()) j["variant"] = f.variant;
  return j;
}

}  // namespace la

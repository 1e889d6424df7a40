#include "core/case_export.hpp"

#include <cmath>
#include <set>

#include "core/csv_reader.hpp"
#include "core/importer.hpp"

namespace la {
namespace {

// Whole numbers print as integers ("55", not "55.0"), as the source wrote them.
nlohmann::json number(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return static_cast<long long>(v);
  return v;
}

nlohmann::json ageJson(const Age& a) {
  switch (a.kind) {
    case Age::Kind::Exact: return number(a.years);
    case Age::Kind::Range: return {{"min", number(a.min)}, {"max", number(a.max)}};
    default: return nullptr;
  }
}

nlohmann::json orNull(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

std::string sitesToken(const Case& c) {
  std::string out;
  for (const Lesion& l : c.lesions) {
    if (!out.empty()) out += ';';
    out += l.siteId;
    if (l.side != Side::None) out += std::string(":") + toString(l.side);
  }
  return out;
}

}  // namespace

nlohmann::json caseToJson(const Case& c, const Dataset& data, const SiteCatalog& catalog, const CaseFilter* filter) {
  const TableInfo* t = c.table < data.tables.size() ? &data.tables[c.table] : nullptr;
  nlohmann::json j;
  j["id"] = c.id;
  j["table"] = t ? t->name : "";
  j["age"] = ageJson(c.age);
  j["age_class"] = c.age.ageClass == AgeClass::None ? nlohmann::json(nullptr) : nlohmann::json(toString(c.age.ageClass));
  if (filter && filter->age) j["age_match"] = describeAgeMatch(c.age, *filter);
  j["sex"] = toString(c.sex);
  j["subtype"] = c.subtype ? nlohmann::json(toString(*c.subtype)) : nlohmann::json(nullptr);
  j["variant"] = orNull(c.variant);
  j["variant_wording"] = orNull(c.variantVerbatim);
  nlohmann::json sites = nlohmann::json::array();
  for (const Lesion& l : c.lesions) {
    const Site* s = catalog.byId(l.siteId);
    sites.push_back({{"site", l.siteId},
                     {"name", s ? s->name : l.siteId.str()},
                     {"side", l.side == Side::None ? nlohmann::json(nullptr) : nlohmann::json(toString(l.side))},
                     {"token", l.token},
                     {"wording", orNull(l.wording)},
                     {"unmatched", l.unmatched}});
  }
  j["sites"] = sites;
  j["n_patients"] = c.nPatients;
  j["citation"] = orNull(c.source.citation);
  j["doi"] = orNull(c.source.doi);
  j["pmid"] = orNull(c.source.pmid);
  j["url"] = orNull(c.source.url);
  j["year"] = c.source.year ? nlohmann::json(*c.source.year) : nlohmann::json(nullptr);
  j["ossification"] = toString(c.ossification);
  j["size_cm"] = orNull(c.size);
  j["durations"] = c.durations;
  j["associated_condition"] = orNull(c.associatedCondition);
  j["evidence"] = orNull(c.evidence);
  if (!c.diagnosis.empty()) j["diagnosis"] = c.diagnosis;
  if (!c.patientKey.empty()) j["patient"] = c.patientKey;
  if (t && !t->mappingId.empty()) {
    j["licence"] = t->licence;
    j["attribution"] = t->attribution;
  }
  return j;
}

nlohmann::json casesToJson(const std::vector<const Case*>& cases, const Dataset& data, const SiteCatalog& catalog,
                           const CaseFilter* filter) {
  nlohmann::json arr = nlohmann::json::array();
  for (const Case* c : cases) arr.push_back(caseToJson(*c, data, catalog, filter));
  return arr;
}

std::string casesToCsv(const std::vector<const Case*>& cases, const Dataset& data, const CaseFilter* filter) {
  std::string out =
      "id,table,age,age_class,age_match,sex,subtype,variant,variant_wording,sites,n_patients,citation,doi,pmid,"
      "licence\r\n";
  for (const Case* c : cases) {
    const TableInfo* t = c->table < data.tables.size() ? &data.tables[c->table] : nullptr;
    const std::vector<std::string> f = {
        c->id,
        t ? t->name : "",
        c->age.hasNumber() ? formatAge(c->age) : "",
        toString(c->age.ageClass),
        filter ? describeAgeMatch(c->age, *filter) : "",
        c->sex == Sex::Unknown ? "" : toString(c->sex),
        c->subtype ? toString(*c->subtype) : "",
        c->variant,
        c->variantVerbatim,
        sitesToken(*c),
        std::to_string(c->nPatients),
        c->source.citation,
        c->source.doi,
        c->source.pmid,
        t ? t->licence : ""};
    for (size_t i = 0; i < f.size(); ++i) out += (i ? "," : "") + csvQuote(f[i]);
    out += "\r\n";
  }
  return out;
}

std::string describeLesions(const Case& c, const SiteCatalog& catalog) {
  std::string out;
  for (const Lesion& l : c.lesions) {
    if (!out.empty()) out += "; ";
    const Site* s = catalog.byId(l.siteId);
    out += s ? s->name : l.siteId.str();
    if (l.side != Side::None) out += std::string(" (") + toString(l.side) + ")";
    if (l.unmatched) out += " [unmatched: " + l.token + "]";
  }
  return out;
}

std::vector<const TableInfo*> tablesOf(const std::vector<const Case*>& cases, const Dataset& data) {
  std::set<size_t> seen;
  std::vector<const TableInfo*> out;
  for (const Case* c : cases)
    if (c->table < data.tables.size() && seen.insert(c->table).second) out.push_back(&data.tables[c->table]);
  return out;
}

}  // namespace la

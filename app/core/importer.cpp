#include "core/importer.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/atomic_file.hpp"
#include "core/csv_reader.hpp"
#include "core/paths.hpp"

namespace la {
namespace {

// CSV and JSON both become this before any column is interpreted, so the two formats share
// one set of rules and one set of messages.
struct RawTable {
  std::vector<std::string> header;
  int headerLine = 1;
  CsvTable rows;  // records only; `header` above is the authority on columns
  bool json = false;
};

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return s.substr(b, e - b);
}

bool parseDouble(std::string_view text, double& out) {
  const std::string s(trim(text));
  if (s.empty()) return false;
  errno = 0;
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return errno == 0 && end == s.c_str() + s.size();
}

bool parseInt(std::string_view text, long& out) {
  const std::string s(trim(text));
  if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 9) return false;
  out = std::strtol(s.c_str(), nullptr, 10);
  return true;
}

bool readCsv(std::string_view text, const std::string& label, RawTable& raw, ImportResult& res) {
  CsvTable t = parseCsv(text);
  if (t.header.empty()) {
    if (!t.issues.empty()) res.problems.push_back({label, t.issues[0].line, "(header)", t.issues[0].reason, Severity::Error});
    else res.problems.push_back({label, 0, "(file)", "empty file: no header row", Severity::Error});
    return false;
  }
  raw.header = t.header;
  raw.headerLine = t.headerLine;
  for (const CsvIssue& is : t.issues) {
    const bool inHeader = is.line == raw.headerLine;
    std::string field = is.column >= 0 && is.column < static_cast<int>(raw.header.size())
                            ? raw.header[static_cast<size_t>(is.column)]
                            : (is.column >= 0 ? "field " + std::to_string(is.column + 1) : "(record)");
    if (inHeader) field = "(header)";
    res.problems.push_back({label, is.line, field, is.reason, Severity::Error});
    if (inHeader) return false;
    ++res.skipped;
  }
  raw.rows = std::move(t);
  return true;
}

std::string jsonScalarText(const nlohmann::json& v) {
  if (v.is_null()) return {};
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number()) return formatNumber(v.get<double>());
  return v.dump();
}

bool readJson(std::string_view text, const std::string& label, RawTable& raw, ImportResult& res) {
  raw.json = true;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    res.problems.push_back({label, 0, "(file)", std::string("not valid JSON: ") + e.what(), Severity::Error});
    return false;
  }
  const nlohmann::json* arr = &doc;
  if (doc.is_object()) {
    for (const char* key : {"records", "rows", "cases"})
      if (doc.contains(key)) arr = &doc[key];
  }
  if (!arr->is_array()) {
    res.problems.push_back({label, 0, "(file)",
                            "expected an array of records (or an object with a \"records\" array)", Severity::Error});
    return false;
  }
  std::unordered_map<std::string, size_t> index;
  for (const auto& rec : *arr) {
    if (!rec.is_object()) continue;
    for (const auto& [k, v] : rec.items()) {
      (void)v;
      if (!index.count(k)) {
        index.emplace(k, raw.header.size());
        raw.header.push_back(k);
      }
    }
  }
  raw.rows.header = raw.header;
  std::vector<std::string> fields;
  int n = 0;
  for (const auto& rec : *arr) {
    ++n;
    if (!rec.is_object()) {
      Problem p{label, n, "(record)", "expected an object", Severity::Error};
      p.lineIsRecord = true;
      res.problems.push_back(p);
      ++res.skipped;
      continue;
    }
    fields.assign(raw.header.size(), std::string{});
    for (const auto& [k, v] : rec.items()) fields[index[k]] = jsonScalarText(v);
    raw.rows.addRecord(fields, n);
  }
  return true;
}

// Collects the problems of one record; an error means the record is skipped.
class RowReport {
 public:
  RowReport(const std::string& label, int line, bool json, std::vector<Problem>& out)
      : label_(label), line_(line), json_(json), out_(out) {}
  void error(const std::string& field, std::string reason) { add(field, std::move(reason), Severity::Error); }
  void warn(const std::string& field, std::string reason) { add(field, std::move(reason), Severity::Warning); }
  bool failed() const { return failed_; }

 private:
  void add(const std::string& field, std::string reason, Severity s) {
    Problem p{label_, line_, field, std::move(reason), s};
    p.lineIsRecord = json_;
    out_.push_back(std::move(p));
    if (s == Severity::Error) failed_ = true;
  }
  const std::string& label_;
  int line_;
  bool json_;
  std::vector<Problem>& out_;
  bool failed_ = false;
};

std::string inQuotes(std::string_view v) { return "'" + std::string(v) + "'"; }

// An age cell: empty is "not stated"; anything else must be a number in 0-120.
bool readAge(std::string_view cell, const std::string& field, RowReport& rep, std::optional<double>& out) {
  if (trim(cell).empty()) return true;
  double v = 0;
  if (!parseDouble(cell, v)) {
    rep.error(field, "bad number " + inQuotes(cell));
    return false;
  }
  if (v < 0 || v > 120) {
    rep.error(field, "age " + inQuotes(trim(cell)) + " outside 0-120");
    return false;
  }
  out = v;
  return true;
}

void readAgeFields(std::string_view exact, std::string_view lo, std::string_view hi, const std::string& exactName,
                   const std::string& loName, const std::string& hiName, RowReport& rep, Age& age) {
  std::optional<double> e, mn, mx;
  bool ok = readAge(exact, exactName, rep, e);
  ok = readAge(lo, loName, rep, mn) && ok;
  ok = readAge(hi, hiName, rep, mx) && ok;
  if (!ok) return;
  if (mn.has_value() != mx.has_value()) {
    rep.error(mn ? loName : hiName,
              (mn ? loName + " given without " + hiName : hiName + " given without " + loName) +
                  " (a range needs both ends)");
    return;
  }
  if (mn && *mn > *mx) {
    rep.error(loName, loName + " " + formatNumber(*mn) + " above " + hiName + " " + formatNumber(*mx));
    return;
  }
  if (e && mn) {
    rep.error(exactName, "both " + exactName + " and " + loName + "/" + hiName + " given; keep one");
    return;
  }
  if (e) age = Age::exact(*e);
  else if (mn) age = Age::range(*mn, *mx);
}

// Only age wording the source itself uses: a case with no number keeps "neonate"/"infant" from its
// quote, so an age filter can leave it out without a number being invented for it.
AgeClass ageClassFromEvidence(std::string_view evidence) {
  const std::string e = toLower(evidence);
  if (e.find("neonat") != std::string::npos || e.find("newborn") != std::string::npos) return AgeClass::Neonate;
  if (e.find("infant") != std::string::npos) return AgeClass::Infant;
  return AgeClass::None;
}

bool readNCases(std::string_view cell, const std::string& field, RowReport& rep, int& out) {
  if (trim(cell).empty()) return true;  // the layout's documented default: a single case
  long v = 0;
  if (!parseInt(cell, v) || v < 1) {
    rep.error(field, "n_cases " + inQuotes(cell) + " is not an integer of at least 1");
    return false;
  }
  out = static_cast<int>(v);
  return true;
}

std::unordered_map<std::string, size_t> columnIndex(const RawTable& raw, const std::string& label,
                                                    ImportResult& res, bool& ok) {
  std::unordered_map<std::string, size_t> idx;
  for (size_t i = 0; i < raw.header.size(); ++i) {
    if (!idx.emplace(raw.header[i], i).second) {
      Problem p{label, raw.headerLine, raw.header[i], "column appears twice in the header", Severity::Error};
      res.problems.push_back(p);
      ok = false;
    }
  }
  return idx;
}

// ---------------------------------------------------------------- built-in layout

const char* kUnspecified = "unspecified";

Lesion makeLesion(const SiteCatalog& cat, std::string_view siteText, Side side, std::string token,
                  const std::string& wording, const std::string& field, RowReport& rep) {
  Lesion l;
  l.side = side;
  l.token = std::move(token);
  l.wording = wording;
  if (const Site* s = cat.find(siteText)) {
    l.siteId = s->id;
    if (!s->sided && (side == Side::Left || side == Side::Right || side == Side::Bilateral))
      rep.warn(field, "site '" + s->id + "' has no sides; side '" + toString(side) + "' kept as written");
  } else {
    l.siteId = kUnspecified;
    l.unmatched = true;
    rep.warn(field, "unknown site " + inQuotes(siteText) + "; kept as unspecified");
  }
  return l;
}

// Slots of builtinColumns(), in the same order.
enum class C {
  case_id, citation, doi, pmid, source_url, year, age_years, age_min, age_max, sex, site_verbatim, site_normalized,
  laterality, sites, sites_note, subtype, variant, ossification, lesion_size_cm, duration, associated_condition,
  evidence, n_cases, provenance_note, age_class, histology, authors, title, journal
};

void importBuiltin(RawTable& raw, const std::string& label, const SiteCatalog& cat, ImportResult& res) {
  bool ok = true;
  auto idx = columnIndex(raw, label, res, ok);
  auto fatal = [&](const std::string& field, const std::string& reason) {
    res.problems.push_back({label, raw.headerLine, field, reason, Severity::Error});
    ok = false;
  };
  for (const char* required : {"case_id", "citation"})
    if (!idx.count(required)) fatal(required, "missing required column");
  if (!idx.count("sites") && !idx.count("site_normalized") && !idx.count("site_verbatim"))
    fatal("sites", "missing required column (the layout needs one of sites, site_normalized, site_verbatim)");
  if (!cat.byId(kUnspecified)) fatal("(catalog)", "the site catalog has no 'unspecified' site");
  const auto& known = builtinColumns();
  for (const std::string& h : raw.header)
    if (std::find(known.begin(), known.end(), h) == known.end())
      res.problems.push_back({label, raw.headerLine, h, "unknown column; ignored", Severity::Warning});
  if (!idx.count("evidence"))
    res.problems.push_back({label, raw.headerLine, "evidence",
                            "missing column: cases will have no verbatim quote from their source", Severity::Warning});
  if (!ok) return;

  TableInfo info;
  info.name = "calcinosis cutis cases";
  info.file = label;
  info.attribution = "Published case reports and series; each case cites its source.";
  res.data.tables.push_back(info);

  // Column positions are looked up once, not per row: at 100k rows the lookups would dominate.
  const auto& layout = builtinColumns();
  std::vector<int> pos(layout.size(), -1);
  for (size_t k = 0; k < layout.size(); ++k)
    if (auto it = idx.find(layout[k]); it != idx.end()) pos[k] = static_cast<int>(it->second);
  // Keys are views into the table's own text, which outlives this loop: no copy per id.
  std::unordered_map<std::string_view, int> seen;
  const size_t nRows = raw.rows.recordCount();
  seen.reserve(nRows);
  res.data.cases.reserve(nRows);
  for (size_t r = 0; r < nRows; ++r) {
    const int line = raw.rows.line(r);
    auto get = [&](C col) -> std::string_view {
      const int i = pos[static_cast<size_t>(col)];
      return i < 0 ? std::string_view{} : raw.rows.field(r, static_cast<size_t>(i));
    };
    auto take = [&](C col) { return std::string(get(col)); };
    RowReport rep(label, line, raw.json, res.problems);
    // Built in place: at 100k rows a second copy of each case costs more than reading it.
    Case& c = res.data.cases.emplace_back();
    c.line = line;
    c.id = std::string(trim(get(C::case_id)));
    if (c.id.empty()) rep.error("case_id", "empty: every case needs an id");
    else if (auto [it, inserted] = seen.emplace(trim(get(C::case_id)), line); !inserted)
      rep.error("case_id", "duplicate id " + inQuotes(c.id) + " (first on line " + std::to_string(it->second) + ")");

    c.source.citation = take(C::citation);
    if (trim(c.source.citation).empty()) rep.error("citation", "empty: every case needs its source");
    c.source.doi = take(C::doi);
    c.source.pmid = get(C::pmid);
    if (!trim(c.source.pmid).empty() && trim(c.source.pmid).find_first_not_of("0123456789") != std::string_view::npos)
      rep.error("pmid", "bad number " + inQuotes(c.source.pmid) + " (a PMID is digits only)");
    c.source.url = take(C::source_url);
    c.source.authors = take(C::authors);
    c.source.title = take(C::title);
    c.source.journal = take(C::journal);
    if (std::string_view y = get(C::year); !trim(y).empty()) {
      long v = 0;
      if (!parseInt(y, v)) rep.error("year", "bad number " + inQuotes(y));
      else c.source.year = static_cast<int>(v);
    }

    readAgeFields(get(C::age_years), get(C::age_min), get(C::age_max), "age_years", "age_min", "age_max", rep, c.age);
    c.evidence = take(C::evidence);
    // The dataset's rule: every case carries a verbatim quote from its source. Kept as a warning
    // (the case still loads) so that `validate` flags it for the curator.
    if (idx.count("evidence") && trim(c.evidence).empty())
      rep.warn("evidence", "empty: every case needs a verbatim quote from its source");
    if (idx.count("age_class")) {
      const std::string v = toLower(trim(get(C::age_class)));
      if (v == "neonate") c.age.ageClass = AgeClass::Neonate;
      else if (v == "infant") c.age.ageClass = AgeClass::Infant;
      else if (!v.empty()) rep.error("age_class", "unknown age class " + inQuotes(v) + " (neonate, infant or empty)");
    } else if (!c.age.hasNumber()) {
      c.age.ageClass = ageClassFromEvidence(c.evidence);
    }

    if (auto s = parseSex(trim(get(C::sex)))) c.sex = *s;
    else rep.error("sex", "unknown sex " + inQuotes(get(C::sex)) + " (F, M or empty)");

    if (std::string_view st = get(C::subtype); !trim(st).empty()) {
      if (auto s = parseSubtype(trim(st))) c.subtype = *s;
      else
        rep.error("subtype", "unknown subtype " + inQuotes(st) +
                                 " (dystrophic, metastatic, idiopathic, iatrogenic, calciphylaxis, unspecified)");
    }
    c.variantVerbatim = take(C::variant);
    c.variant = classifyVariant(c.variantVerbatim);
    if (auto o = parseOssification(trim(get(C::ossification)))) c.ossification = *o;
    else rep.error("ossification", "unknown value " + inQuotes(get(C::ossification)) + " (yes, no or empty)");
    readNCases(get(C::n_cases), "n_cases", rep, c.nPatients);

    c.size = take(C::lesion_size_cm);
    splitDurations(get(C::duration), c.durations, c.durationNote);
    c.associatedCondition = take(C::associated_condition);
    c.histology = take(C::histology);
    c.notes = take(C::sites_note);
    c.provenanceNote = take(C::provenance_note);
    c.siteVerbatim = get(C::site_verbatim);
    c.siteNormalized = get(C::site_normalized);
    if (auto s = parseSide(trim(get(C::laterality)))) c.laterality = *s;
    else rep.error("laterality", "unknown side " + inQuotes(get(C::laterality)) + " (left, right, bilateral, midline)");

    // Lesions: the `sites` list when there is one; otherwise the row's single normalised site,
    // then its verbatim wording; a row that names no place at all is kept as unspecified.
    const std::string_view sites = get(C::sites);
    if (!trim(sites).empty()) {
      size_t start = 0;
      while (start <= sites.size()) {
        size_t end = sites.find(';', start);
        if (end == std::string::npos) end = sites.size();
        const std::string_view token = trim(sites.substr(start, end - start));
        start = end + 1;
        if (token.empty()) {
          rep.warn("sites", "empty entry in " + inQuotes(sites) + "; ignored");
          continue;
        }
        std::string_view siteText = token, sideText;
        if (size_t colon = token.find(':'); colon != std::string_view::npos) {
          siteText = trim(token.substr(0, colon));
          sideText = trim(token.substr(colon + 1));
        }
        auto side = parseSide(sideText);
        if (!side) {
          rep.error("sites", "unknown side " + inQuotes(sideText) + " in " + inQuotes(token) +
                                 " (left, right, bilateral, midline)");
          continue;
        }
        c.lesions.push_back(makeLesion(cat, siteText, *side, std::string(token), c.siteVerbatim, "sites", rep));
      }
    } else if (const std::string norm(trim(c.siteNormalized)); !norm.empty() && norm != "multiple") {
      c.lesions.push_back(makeLesion(cat, norm, c.laterality, norm, c.siteVerbatim, "site_normalized", rep));
    } else if (!trim(c.siteVerbatim).empty()) {
      c.lesions.push_back(
          makeLesion(cat, c.siteVerbatim, c.laterality, c.siteVerbatim, c.siteVerbatim, "site_verbatim", rep));
    } else {
      Lesion l;
      l.siteId = kUnspecified;
      c.lesions.push_back(l);
      rep.warn("sites", "no site given; kept as unspecified");
    }
    if (c.lesions.empty() && !rep.failed()) rep.error("sites", "no usable site in " + inQuotes(sites));

    if (rep.failed()) {
      res.data.cases.pop_back();
      ++res.skipped;
      continue;
    }
    ++res.loaded;
  }
}

// ---------------------------------------------------------------- mapped tables

void importMapped(RawTable& raw, const std::string& label, const ColumnMapping& m, const SiteCatalog& cat,
                  ImportResult& res) {
  bool ok = true;
  auto idx = columnIndex(raw, label, res, ok);
  std::map<std::string, size_t> role;
  for (const auto& [r, candidates] : m.columns) {
    bool found = false;
    for (const std::string& col : candidates) {
      if (auto it = idx.find(col); it != idx.end()) {
        role[r] = it->second;
        found = true;
        break;
      }
    }
    if (!found) {
      std::string names;
      for (const auto& col : candidates) names += (names.empty() ? "" : " or ") + col;
      const bool required = r == "id" || r == "site";
      res.problems.push_back({label, raw.headerLine, names,
                              std::string(required ? "missing required column" : "missing column") + " (mapping '" +
                                  m.id + "', role '" + r + "')" + (required ? "" : "; ignored"),
                              required ? Severity::Error : Severity::Warning});
      if (required) ok = false;
    }
  }
  if (auto it = m.values.find("site"); it != m.values.end()) {
    for (const auto& [from, to] : it->second) {
      if (!cat.byId(to)) {
        res.problems.push_back({label, 0, "(mapping)",
                                "mapping '" + m.id + "' maps site '" + from + "' to unknown catalog id '" + to + "'",
                                Severity::Error});
        ok = false;
      }
    }
  }
  if (!cat.byId(kUnspecified)) {
    res.problems.push_back({label, 0, "(catalog)", "the site catalog has no 'unspecified' site", Severity::Error});
    ok = false;
  }
  if (!ok) return;

  TableInfo info;
  info.name = m.name;
  info.file = label;
  info.mappingId = m.id;
  info.licence = m.licence;
  info.attribution = m.attribution;
  info.nonCommercial = m.nonCommercial;
  res.data.tables.push_back(info);

  auto colName = [&](const std::string& r) { return raw.header[role.at(r)]; };
  // Keys are views into the table's own text, which outlives this loop: no copy per id.
  std::unordered_map<std::string_view, int> seen;
  // Role columns are looked up once, not per row.
  const auto& roles = mappingRoles();
  std::vector<int> rolePos(roles.size(), -1);
  for (size_t k = 0; k < roles.size(); ++k)
    if (auto it = role.find(roles[k]); it != role.end()) rolePos[k] = static_cast<int>(it->second);
  auto slot = [&roles](const char* name) {
    return static_cast<size_t>(std::find(roles.begin(), roles.end(), name) - roles.begin());
  };
  const size_t sId = slot("id"), sAge = slot("age"), sAgeMin = slot("age_min"), sAgeMax = slot("age_max"),
               sSex = slot("sex"), sSubtype = slot("subtype"), sVariant = slot("variant"), sNCases = slot("n_cases"),
               sPatient = slot("patient"), sDiagnosis = slot("diagnosis"), sEvidence = slot("evidence"),
               sCitation = slot("citation"), sNotes = slot("notes"), sSide = slot("side"), sSite = slot("site");
  const size_t nRows = raw.rows.recordCount();
  seen.reserve(nRows);
  res.data.cases.reserve(nRows);
  for (size_t r = 0; r < nRows; ++r) {
    const int line = raw.rows.line(r);
    auto get = [&](size_t roleSlot) -> std::string_view {
      const int i = rolePos[roleSlot];
      return i < 0 ? std::string_view{} : raw.rows.field(r, static_cast<size_t>(i));
    };
    RowReport rep(label, line, raw.json, res.problems);
    // Built in place: at 100k rows a second copy of each case costs more than reading it.
    Case& c = res.data.cases.emplace_back();
    c.line = line;
    c.id = std::string(trim(get(sId)));
    if (c.id.empty()) rep.error(colName("id"), "empty: every record needs an id");
    else if (auto [it, inserted] = seen.emplace(trim(get(sId)), line); !inserted)
      rep.error(colName("id"), "duplicate id " + inQuotes(c.id) + " (first on " + (raw.json ? "record #" : "line ") +
                                   std::to_string(it->second) + ")");

    static const std::string none;
    readAgeFields(get(sAge), get(sAgeMin), get(sAgeMax), role.count("age") ? colName("age") : none,
                  role.count("age_min") ? colName("age_min") : none, role.count("age_max") ? colName("age_max") : none,
                  rep, c.age);

    if (role.count("sex")) {
      const std::string_view raw_sex = get(sSex);
      const std::string* t = m.translate("sex", trim(raw_sex));
      if (auto s = parseSex(trim(t ? *t : raw_sex))) c.sex = *s;
      else rep.error(colName("sex"), "unknown sex " + inQuotes(raw_sex) + " (not in the mapping's sex values)");
    }
    if (role.count("subtype")) {
      const std::string_view st = get(sSubtype);
      const std::string* t = m.translate("subtype", trim(st));
      const std::string v(trim(t ? *t : st));
      if (!v.empty()) {
        if (auto s = parseSubtype(v)) c.subtype = *s;
        else rep.error(colName("subtype"), "unknown subtype " + inQuotes(st));
      }
    }
    if (role.count("variant")) {
      c.variantVerbatim = get(sVariant);
      c.variant = classifyVariant(c.variantVerbatim);
    }
    if (role.count("n_cases")) readNCases(get(sNCases), colName("n_cases"), rep, c.nPatients);
    c.patientKey = std::string(trim(get(sPatient)));
    c.diagnosis = get(sDiagnosis);
    c.evidence = get(sEvidence);
    c.source.citation = get(sCitation);
    c.notes = get(sNotes);

    Side side = Side::None;
    if (role.count("side")) {
      const std::string_view sd = get(sSide);
      const std::string* t = m.translate("side", trim(sd));
      if (auto s = parseSide(trim(t ? *t : sd))) side = *s;
      else rep.error(colName("side"), "unknown side " + inQuotes(sd) + " (left, right, bilateral, midline)");
    }
    const std::string_view siteText = get(sSite);
    c.siteVerbatim = siteText;
    Lesion l;
    l.side = side;
    l.token = siteText;
    l.wording = siteText;
    if (const std::string* t = m.translate("site", trim(siteText))) {
      l.siteId = *t;
    } else if (const Site* s = trim(siteText).empty() ? nullptr : cat.find(siteText)) {
      l.siteId = s->id;
    } else {
      l.siteId = kUnspecified;
      l.unmatched = !trim(siteText).empty();
      rep.warn(colName("site"), trim(siteText).empty() ? std::string("empty site; kept as unspecified")
                                                       : "unknown site " + inQuotes(siteText) + "; kept as unspecified");
    }
    c.lesions.push_back(std::move(l));

    if (rep.failed()) {
      res.data.cases.pop_back();
      ++res.skipped;
      continue;
    }
    ++res.loaded;
  }
}

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && toLower(s.substr(s.size() - suffix.size())) == suffix;
}

}  // namespace

const std::vector<std::string>& builtinColumns() {
  static const std::vector<std::string> cols = {
      "case_id",  "citation",     "doi",        "pmid",           "source_url",     "year",
      "age_years", "age_min",     "age_max",    "sex",            "site_verbatim",  "site_normalized",
      "laterality", "sites",      "sites_note", "subtype",        "variant",        "ossification",
      "lesion_size_cm", "duration", "associated_condition", "evidence", "n_cases", "provenance_note",
      // optional columns a curator may add
      "age_class", "histology", "authors", "title", "journal"};
  return cols;
}

void splitDurations(std::string_view field, std::vector<std::string>& durations, std::string& note) {
  durations.clear();
  note.clear();
  if (field.empty()) return;
  static constexpr std::string_view kSep = " / ";
  if (field.find(kSep) == std::string_view::npos) {
    durations.emplace_back(field);
    return;
  }
  size_t start = 0;
  for (;;) {
    size_t end = field.find(kSep, start);
    if (end == std::string_view::npos) {
      std::string_view last = field.substr(start);
      // A remark after the last value ("...(case presentation): the report contradicts itself")
      // is the curator's, not a duration.
      if (size_t p = last.rfind("): "); p != std::string_view::npos) {
        note = std::string(last.substr(p + 3));
        last = last.substr(0, p + 1);
      }
      durations.emplace_back(last);
      break;
    }
    durations.emplace_back(field.substr(start, end - start));
    start = end + kSep.size();
  }
}

std::string joinDurations(const std::vector<std::string>& durations, const std::string& note) {
  std::string out;
  for (size_t i = 0; i < durations.size(); ++i) out += (i ? " / " : "") + durations[i];
  if (!note.empty()) out += ": " + note;
  return out;
}

ImportResult importText(std::string_view text, const std::string& label, bool json, const ColumnMapping* mapping,
                        const SiteCatalog& catalog, const ImportOptions& options) {
  ImportResult res;
  RawTable raw;
  const bool readOk = json ? readJson(text, label, raw, res) : readCsv(text, label, raw, res);
  if (!readOk) {
    res.data = Dataset{};
    return res;
  }
  if (mapping) importMapped(raw, label, *mapping, catalog, res);
  else importBuiltin(raw, label, catalog, res);
  res.ok = !res.data.tables.empty();
  if (options.strict && countProblems(res.problems, Severity::Error) > 0) res.ok = false;
  if (!res.ok) {
    res.data = Dataset{};
    res.skipped += res.loaded;
    res.loaded = 0;
  }
  return res;
}

ImportResult importFile(const std::filesystem::path& path, const ColumnMapping* mapping, const SiteCatalog& catalog,
                        const ImportOptions& options) {
  std::string text;
  try {
    text = readFile(path);
  } catch (const IoError& e) {
    ImportResult res;
    std::string reason = e.what();
    const std::string prefix = path.string() + ": ";
    if (reason.rfind(prefix, 0) == 0) reason = reason.substr(prefix.size());
    res.problems.push_back({path.string(), 0, "(file)", reason, Severity::Error});
    return res;
  }
  const bool json = mapping && !mapping->format.empty() ? mapping->format == "json" : endsWith(path.string(), ".json");
  return importText(text, path.string(), json, mapping, catalog, options);
}

bool mergeImport(Dataset& target, ImportResult&& result) {
  if (!result.ok) return false;
  target.append(std::move(result.data));
  return true;
}

ImportResult importBuiltinDataset(const SiteCatalog& catalog) {
  return importFile(assetPath("data/calcinosis_cases.csv"), nullptr, catalog);
}

ImportResult importTable(const std::filesystem::path& path, const std::string& mappingArg, const SiteCatalog& catalog) {
  if (mappingArg.empty()) return importFile(path, nullptr, catalog);
  ColumnMapping mapping;
  try {
    mapping = ColumnMapping::load(resolveMappingPath(mappingArg));
  } catch (const MappingError& e) {
    ImportResult r;
    r.problems.push_back({path.string(), 0, "(mapping)", e.what(), Severity::Error});
    return r;
  }
  return importFile(path, &mapping, catalog);
}

}  // namespace la

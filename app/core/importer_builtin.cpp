// The built-in layout: the columns of assets/data/calcinosis_cases.csv. One row is one case (a
// patient, or a series of n_cases patients) with the lesions its `sites` list names.
#include <algorithm>
#include <unordered_map>

#include "core/importer_detail.hpp"
#include "core/huge_pages.hpp"
#include "core/key_index.hpp"

namespace la {

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

namespace import_detail {
namespace {

// Slots of builtinColumns(), in the same order.
enum class C {
  case_id, citation, doi, pmid, source_url, year, age_years, age_min, age_max, sex, site_verbatim, site_normalized,
  laterality, sites, sites_note, subtype, variant, ossification, lesion_size_cm, duration, associated_condition,
  evidence, n_cases, provenance_note, age_class, histology, authors, title, journal
};

// One record, its columns found through positions looked up once per table: at 100k rows a
// lookup by name per field would dominate.
struct Row {
  const RawTable& raw;
  const std::vector<int>& pos;
  size_t r;
  TextPool& pool;
  std::string_view get(C col) const {
    const int i = pos[static_cast<size_t>(col)];
    return i < 0 ? std::string_view{} : raw.rows.field(r, static_cast<size_t>(i));
  }
  Text take(C col) const { return Text(get(col)); }
  // For columns whose values repeat from row to row: shared between rows.
  Text shared(C col) const { return pool.get(get(col)); }
};

// Only age wording the source itself uses: a case with no number keeps "neonate"/"infant" from its
// quote, so an age filter can leave it out without a number being invented for it.
AgeClass ageClassFromEvidence(std::string_view evidence) {
  const std::string e = toLower(evidence);
  if (e.find("neonat") != std::string::npos || e.find("newborn") != std::string::npos) return AgeClass::Neonate;
  if (e.find("infant") != std::string::npos) return AgeClass::Infant;
  return AgeClass::None;
}

Lesion makeLesion(const SiteCatalog& cat, TextPool& pool, std::string_view siteText, Side side, Text token,
                  const Text& wording, const std::string& field, RowReport& rep) {
  Lesion l;
  l.side = side;
  l.token = std::move(token);
  l.wording = wording;
  if (const Site* s = cat.find(siteText)) {
    l.siteId = pool.get(s->id);
    if (!s->sided && (side == Side::Left || side == Side::Right || side == Side::Bilateral))
      rep.warn(field, "site '" + s->id + "' has no sides; side '" + toString(side) + "' kept as written");
  } else {
    l.siteId = pool.get(kUnspecified);
    l.unmatched = true;
    rep.warn(field, "unknown site " + inQuotes(siteText) + "; kept as unspecified");
  }
  return l;
}

// Header checks; false when the file cannot be read in this layout.
bool checkHeader(const RawTable& raw, const std::unordered_map<std::string, size_t>& idx, const std::string& label,
                 const SiteCatalog& cat, ImportResult& res) {
  bool ok = true;
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
  for (size_t i = 0; i < raw.header.size(); ++i)
    if (std::find(known.begin(), known.end(), raw.header[i]) == known.end())
      res.problems.push_back({label, raw.headerLine, columnName(raw, i), "unknown column; ignored", Severity::Warning});
  if (!idx.count("evidence"))
    res.problems.push_back({label, raw.headerLine, "evidence",
                            "missing column: cases will have no verbatim quote from their source", Severity::Warning});
  return ok;
}

void readSource(const Row& row, Case& c, RowReport& rep) {
  c.source.citation = row.shared(C::citation);
  if (trim(c.source.citation).empty()) rep.error("citation", "empty: every case needs its source");
  c.source.doi = row.take(C::doi);
  c.source.pmid = row.get(C::pmid);
  if (!trim(c.source.pmid).empty() && trim(c.source.pmid).find_first_not_of("0123456789") != std::string_view::npos)
    rep.error("pmid", "bad number " + inQuotes(c.source.pmid) + " (a PMID is digits only)");
  c.source.url = row.take(C::source_url);
  c.source.authors = row.take(C::authors);
  c.source.title = row.take(C::title);
  c.source.journal = row.shared(C::journal);
  if (std::string_view y = row.get(C::year); !trim(y).empty()) {
    long v = 0;
    if (!parseInt(y, v)) rep.error("year", "bad number " + inQuotes(y));
    else c.source.year = static_cast<int>(v);
  }
}

// Age, evidence and the age class it may give.
void readAgeAndEvidence(const Row& row, bool hasEvidence, bool hasAgeClass, Case& c, RowReport& rep) {
  readAgeFields(row.get(C::age_years), row.get(C::age_min), row.get(C::age_max), "age_years", "age_min", "age_max",
                rep, c.age);
  c.evidence = row.take(C::evidence);
  // The dataset's rule: every case carries a verbatim quote from its source. Kept as a warning
  // (the case still loads) so that `validate` flags it for the curator.
  if (hasEvidence && trim(c.evidence).empty())
    rep.warn("evidence", "empty: every case needs a verbatim quote from its source");
  if (hasAgeClass) {
    const std::string v = toLower(trim(row.get(C::age_class)));
    if (v == "neonate") c.age.ageClass = AgeClass::Neonate;
    else if (v == "infant") c.age.ageClass = AgeClass::Infant;
    else if (!v.empty()) rep.error("age_class", "unknown age class " + inQuotes(v) + " (neonate, infant or empty)");
  } else if (!c.age.hasNumber()) {
    c.age.ageClass = ageClassFromEvidence(c.evidence);
  }
}

void readClinical(const Row& row, Case& c, RowReport& rep) {
  if (auto s = parseSex(trim(row.get(C::sex)))) c.sex = *s;
  else rep.error("sex", "unknown sex " + inQuotes(row.get(C::sex)) + " (F, M or empty)");
  if (std::string_view st = row.get(C::subtype); !trim(st).empty()) {
    if (auto s = parseSubtype(trim(st))) c.subtype = *s;
    else
      rep.error("subtype", "unknown subtype " + inQuotes(st) +
                               " (dystrophic, metastatic, idiopathic, iatrogenic, calciphylaxis, unspecified)");
  }
  c.variantVerbatim = row.shared(C::variant);
  c.variant = row.pool.get(classifyVariant(c.variantVerbatim));
  if (auto o = parseOssification(trim(row.get(C::ossification)))) c.ossification = *o;
  else rep.error("ossification", "unknown value " + inQuotes(row.get(C::ossification)) + " (yes, no or empty)");
  readNCases(row.get(C::n_cases), "n_cases", rep, c.nPatients);
  c.size = row.take(C::lesion_size_cm);
  std::string durationNote;
  splitDurations(row.get(C::duration), c.durations, durationNote);
  c.durationNote = std::move(durationNote);
  c.associatedCondition = row.shared(C::associated_condition);
  c.histology = row.take(C::histology);
  c.notes = row.take(C::sites_note);
  c.provenanceNote = row.take(C::provenance_note);
  c.siteVerbatim = row.shared(C::site_verbatim);
  c.siteNormalized = row.shared(C::site_normalized);
  if (auto s = parseSide(trim(row.get(C::laterality)))) c.laterality = *s;
  else rep.error("laterality", "unknown side " + inQuotes(row.get(C::laterality)) + " (left, right, bilateral, midline)");
}

// The `sites` list: "site[:side]; ...".
void readSiteList(std::string_view sites, const SiteCatalog& cat, TextPool& pool, Case& c, RowReport& rep) {
  c.lesions.reserve(static_cast<size_t>(std::count(sites.begin(), sites.end(), ';')) + 1);  // one block, not 1, 2, 4
  size_t start = 0;
  while (start <= sites.size()) {
    size_t end = sites.find(';', start);
    if (end == std::string_view::npos) end = sites.size();
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
    c.lesions.push_back(makeLesion(cat, pool, siteText, *side, pool.get(token), c.siteVerbatim, "sites", rep));
  }
}

// Lesions: the `sites` list when there is one; otherwise the row's single normalised site,
// then its verbatim wording; a row that names no place at all is kept as unspecified.
void readLesions(const Row& row, const SiteCatalog& cat, Case& c, RowReport& rep) {
  const std::string_view sites = row.get(C::sites);
  if (!trim(sites).empty()) {
    readSiteList(sites, cat, row.pool, c, rep);
  } else if (const std::string_view norm = trim(c.siteNormalized); !norm.empty() && norm != "multiple") {
    c.lesions.push_back(
        makeLesion(cat, row.pool, norm, c.laterality, row.pool.get(norm), c.siteVerbatim, "site_normalized", rep));
  } else if (!trim(c.siteVerbatim).empty()) {
    c.lesions.push_back(
        makeLesion(cat, row.pool, c.siteVerbatim, c.laterality, c.siteVerbatim, c.siteVerbatim, "site_verbatim", rep));
  } else {
    Lesion l;
    l.siteId = row.pool.get(kUnspecified);
    c.lesions.push_back(l);
    rep.warn("sites", "no site given; kept as unspecified");
  }
  if (c.lesions.empty() && !rep.failed()) rep.error("sites", "no usable site in " + inQuotes(sites));
}

}  // namespace

void importBuiltin(const RawTable& raw, const std::string& label, const SiteCatalog& cat, ImportResult& res) {
  bool ok = true;
  const auto idx = columnIndex(raw, label, res, ok);
  ok = checkHeader(raw, idx, label, cat, res) && ok;
  if (!ok) return;

  TableInfo info;
  info.name = "calcinosis cutis cases";
  info.file = label;
  info.attribution = "Published case reports and series; each case cites its source.";
  res.data.tables.push_back(info);

  const auto& layout = builtinColumns();
  std::vector<int> pos(layout.size(), -1);
  for (size_t k = 0; k < layout.size(); ++k)
    if (auto it = idx.find(layout[k]); it != idx.end()) pos[k] = static_cast<int>(it->second);
  const bool hasEvidence = idx.count("evidence") > 0, hasAgeClass = idx.count("age_class") > 0;
  // Rows with an id so far; their ids are read back from the table's own text: no copy per id.
  const size_t nRows = raw.rows.recordCount();
  KeyIndex seen(nRows);
  TextPool pool;
  const size_t idCol = static_cast<size_t>(pos[static_cast<size_t>(C::case_id)]);
  auto idOf = [&raw, idCol](uint32_t r) { return trim(raw.rows.field(r, idCol)); };
  res.data.cases.reserve(nRows);
  adviseHugePages(res.data.cases.data(), res.data.cases.capacity() * sizeof(Case));
  for (size_t r = 0; r < nRows; ++r) {
    const Row row{raw, pos, r, pool};
    const int line = raw.rows.line(r);
    RowReport rep(label, line, raw.json, res.problems);
    // Built in place: at 100k rows a second copy of each case costs more than reading it.
    Case& c = res.data.cases.emplace_back();
    c.line = line;
    c.id = Text(trim(row.get(C::case_id)));
    if (c.id.empty()) rep.error("case_id", "empty: every case needs an id");
    else if (const int64_t first = seen.findOrInsert(c.id.view(), static_cast<uint32_t>(r), idOf); first >= 0)
      rep.error("case_id", "duplicate id " + inQuotes(c.id) + " (first on line " +
                               std::to_string(raw.rows.line(static_cast<size_t>(first))) + ")");
    readSource(row, c, rep);
    readAgeAndEvidence(row, hasEvidence, hasAgeClass, c, rep);
    readClinical(row, c, rep);
    readLesions(row, cat, c, rep);
    if (rep.failed()) {
      res.data.cases.pop_back();
      ++res.skipped;
      continue;
    }
    ++res.loaded;
  }
}

}  // namespace import_detail
}  // namespace la

// Tables read through a ColumnMapping: public lesion tables (HAM10000, PAD-UFES-20, ISIC) and case
// tables in another layout. The identifying columns decide what a case is and what is counted:
// with a lesion column a case is one lesion with all its images (rows sharing the lesion id, which
// is taken with the patient id where the table has one); without it a case is one row. Patients,
// lesions and images are stated only when their column exists (docs/DATA.md, "Mapping files").
#include <iterator>
#include <unordered_map>

#include "core/importer_detail.hpp"
#include "core/huge_pages.hpp"
#include "core/importer_lesions.hpp"
#include "core/key_index.hpp"

namespace la::import_detail {
namespace {

// The roles the reader knows (mappingRoles() lists the same names); kRoleNames is in this order.
enum class R {
  id, site, patient, lesion, image, age, age_min, age_max, sex, side, diagnosis, subtype, variant, evidence, citation,
  notes, n_cases
};
constexpr const char* kRoleNames[] = {"id",  "site",      "patient", "lesion",  "image",    "age",
                                      "age_min", "age_max", "sex",   "side",    "diagnosis", "subtype",
                                      "variant", "evidence", "citation", "notes", "n_cases"};
constexpr size_t kRoleCount = std::size(kRoleNames);

// Positions of the mapping's roles in one table, looked up once, not per row.
struct Columns {
  std::vector<int> pos = std::vector<int>(kRoleCount, -1);
  std::vector<std::string> name = std::vector<std::string>(kRoleCount);
  bool has(R r) const { return pos[static_cast<size_t>(r)] >= 0; }
  const std::string& nameOf(R r) const { return name[static_cast<size_t>(r)]; }
};

struct MappedRow {
  const RawTable& raw;
  const Columns& cols;
  size_t r;
  TextPool& pool;
  std::string_view get(R role) const {
    const int i = cols.pos[static_cast<size_t>(role)];
    return i < 0 ? std::string_view{} : raw.rows.field(r, static_cast<size_t>(i));
  }
};

// Roles whose column must exist when the mapping names it: the site, and what identifies a record.
bool requiredRole(const ColumnMapping& m, const std::string& role) {
  if (role == "site" || role == "id" || role == "image") return true;
  return role == "lesion" && !m.has("id") && !m.has("image");
}

Columns findColumns(const RawTable& raw, const std::unordered_map<std::string, size_t>& idx, const std::string& label,
                    const ColumnMapping& m, ImportResult& res, bool& ok) {
  Columns cols;
  for (size_t k = 0; k < kRoleCount; ++k) {
    auto it = m.columns.find(kRoleNames[k]);
    if (it == m.columns.end()) continue;
    std::string names;
    for (const std::string& col : it->second) {
      if (auto f = idx.find(col); f != idx.end()) {
        cols.pos[k] = static_cast<int>(f->second);
        cols.name[k] = col;
        break;
      }
      names += (names.empty() ? "" : " or ") + col;
    }
    if (cols.pos[k] >= 0) continue;
    const bool required = requiredRole(m, it->first);
    res.problems.push_back({label, raw.headerLine, names,
                            std::string(required ? "missing required column" : "missing column") + " (mapping '" +
                                m.id + "', role '" + it->first + "')" + (required ? "" : "; ignored"),
                            required ? Severity::Error : Severity::Warning});
    if (required) ok = false;
  }
  return cols;
}

bool checkSiteValues(const std::string& label, const ColumnMapping& m, const SiteCatalog& cat, ImportResult& res) {
  bool ok = true;
  if (auto it = m.values.find("site"); it != m.values.end()) {
    for (const auto& [from, to] : it->second) {
      if (cat.byId(to)) continue;
      res.problems.push_back({label, 0, "(mapping)",
                              "mapping '" + m.id + "' maps site '" + from + "' to unknown catalog id '" + to + "'",
                              Severity::Error});
      ok = false;
    }
  }
  if (!cat.byId(kUnspecified)) {
    res.problems.push_back({label, 0, "(catalog)", "the site catalog has no 'unspecified' site", Severity::Error});
    ok = false;
  }
  return ok;
}

// A value through the mapping's value map for `role`, else as written.
std::string_view translated(const ColumnMapping& m, const char* role, std::string_view cell) {
  const std::string* t = m.translate(role, trim(cell));
  return trim(t ? std::string_view(*t) : cell);
}

void readPerson(const MappedRow& row, const ColumnMapping& m, Case& c, RowReport& rep) {
  const Columns& cols = row.cols;
  readAgeFields(row.get(R::age), row.get(R::age_min), row.get(R::age_max), cols.nameOf(R::age),
                cols.nameOf(R::age_min), cols.nameOf(R::age_max), rep, c.age);
  if (cols.has(R::sex)) {
    if (auto s = parseSex(translated(m, "sex", row.get(R::sex)))) c.sex = *s;
    else
      rep.error(cols.nameOf(R::sex), "unknown sex " + inQuotes(row.get(R::sex)) + " (not in the mapping's sex values)");
  }
  if (cols.has(R::subtype)) {
    const std::string v(translated(m, "subtype", row.get(R::subtype)));
    if (!v.empty()) {
      if (auto s = parseSubtype(v)) c.subtype = *s;
      else rep.error(cols.nameOf(R::subtype), "unknown subtype " + inQuotes(row.get(R::subtype)));
    }
  }
  if (cols.has(R::variant)) {
    c.variantVerbatim = row.pool.get(row.get(R::variant));
    c.variant = row.pool.get(classifyVariant(c.variantVerbatim));
  }
  if (cols.has(R::n_cases)) readNCases(row.get(R::n_cases), cols.nameOf(R::n_cases), rep, c.nPatients);
  c.diagnosis = row.pool.get(row.get(R::diagnosis));
  c.evidence = row.pool.get(row.get(R::evidence));
  c.source.citation = row.pool.get(row.get(R::citation));
  c.notes = row.pool.get(row.get(R::notes));
}

// The row's one lesion at its site.
void readSite(const MappedRow& row, const ColumnMapping& m, const SiteCatalog& cat, Case& c, RowReport& rep) {
  const Columns& cols = row.cols;
  Side side = Side::None;
  if (cols.has(R::side)) {
    if (auto s = parseSide(translated(m, "side", row.get(R::side)))) side = *s;
    else
      rep.error(cols.nameOf(R::side),
                "unknown side " + inQuotes(row.get(R::side)) + " (left, right, bilateral, midline)");
  }
  const std::string_view siteText = row.get(R::site);
  c.siteVerbatim = row.pool.get(siteText);
  Lesion l;
  l.side = side;
  l.token = c.siteVerbatim;
  l.wording = c.siteVerbatim;
  l.nImages = cols.has(R::image) ? 1 : 0;
  if (const std::string* t = m.translate("site", trim(siteText))) {
    l.siteId = row.pool.get(*t);
  } else if (const Site* s = trim(siteText).empty() ? nullptr : cat.find(siteText)) {
    l.siteId = row.pool.get(s->id);
  } else {
    l.siteId = row.pool.get(kUnspecified);
    l.unmatched = !trim(siteText).empty();
    rep.warn(cols.nameOf(R::site), trim(siteText).empty()
                                       ? std::string("empty site; kept as unspecified")
                                       : "unknown site " + inQuotes(siteText) + "; kept as unspecified");
  }
  c.lesions.push_back(std::move(l));
}

// The column that identifies a record (the image where there is one), or -1.
int idColumn(const Columns& cols) { return cols.pos[static_cast<size_t>(cols.has(R::image) ? R::image : R::id)]; }

// For each record, the first earlier record with the same id (kNoEarlier when none), found before
// any case is made: the id index is then freed before the cases grow, and the table's text can be
// given back behind the reader (the ids are read from the text, not copied).
constexpr uint32_t kNoEarlier = 0xFFFFFFFFu;
std::vector<uint32_t> earlierIds(const RawTable& raw, const Columns& cols) {
  const int col = idColumn(cols);
  const size_t nRows = raw.rows.recordCount();
  std::vector<uint32_t> earlier(col < 0 ? 0 : nRows, kNoEarlier);
  if (col < 0) return earlier;
  KeyIndex seen(nRows);
  auto idOf = [&raw, col](uint32_t r) { return trim(raw.rows.field(r, static_cast<size_t>(col))); };
  for (size_t r = 0; r < nRows; ++r) {
    const std::string_view id = idOf(static_cast<uint32_t>(r));
    if (id.empty()) continue;
    if (const int64_t first = seen.findOrInsert(id, static_cast<uint32_t>(r), idOf); first >= 0)
      earlier[r] = static_cast<uint32_t>(first);
  }
  return earlier;
}

// What the row identifies, and so which counts its case states. `earlier` is earlierIds().
void identify(const MappedRow& row, const std::vector<uint32_t>& earlier, Case& c, RowReport& rep) {
  const Columns& cols = row.cols;
  const R idRole = cols.has(R::image) ? R::image : R::id;
  std::string_view rowId;
  if (cols.has(idRole)) {
    const std::string_view id = trim(row.get(idRole));
    rowId = id;
    if (id.empty()) rep.error(cols.nameOf(idRole), "empty: every record needs an id");
    else if (const uint32_t first = earlier[row.r]; first != kNoEarlier)
      rep.error(cols.nameOf(idRole), "duplicate id " + inQuotes(id) + " (first on " +
                                         rep.where(row.raw.rows.line(first)) + ")");
  }
  c.statesImages = cols.has(R::image);
  c.nImages = c.statesImages ? 1 : 0;
  if (cols.has(R::patient)) {
    c.patientKey = row.pool.get(trim(row.get(R::patient)));
    c.statesPatients = !c.patientKey.empty();
  } else {
    c.statesPatients = cols.has(R::n_cases);  // a case table that states its patients per record
  }
  const std::string_view lesion = trim(row.get(R::lesion));
  if (!lesion.empty())
    c.lesionKey = c.patientKey.empty() ? Text(lesion) : Text(c.patientKey + "/" + std::string(lesion));
  else if (!cols.has(idRole)) rep.error(cols.nameOf(R::lesion), "empty: every record needs a lesion id");
  c.statesLesions = !c.lesionKey.empty();
  c.id = c.statesLesions ? c.lesionKey : Text(rowId);
}

TableInfo tableInfo(const std::string& label, const ColumnMapping& m) {
  TableInfo info;
  info.name = m.name;
  info.file = label;
  info.mappingId = m.id;
  info.licence = m.licence;
  info.attribution = m.attribution;
  info.nonCommercial = m.nonCommercial;
  return info;
}

}  // namespace

// Rows between two gifts of the text behind the reader (a few MiB of a large table).
constexpr size_t kReleaseEvery = 1 << 15;

void importMapped(RawTable& raw, const std::string& label, const ColumnMapping& m, const SiteCatalog& cat,
                  ImportResult& res) {
  bool ok = true;
  const auto idx = columnIndex(raw, label, res, ok);
  const Columns cols = findColumns(raw, idx, label, m, res, ok);
  ok = checkSiteValues(label, m, cat, res) && ok;
  if (!ok) return;
  res.data.tables.push_back(tableInfo(label, m));

  const size_t nRows = raw.rows.recordCount();
  const std::vector<uint32_t> earlier = earlierIds(raw, cols);
  TextPool pool;
  LesionMerger lesions(res.data.cases,
                       {cols.nameOf(R::site), cols.nameOf(R::age), cols.nameOf(R::sex), cols.nameOf(R::subtype),
                        cols.nameOf(R::diagnosis)},
                       nRows);
  res.data.cases.reserve(nRows);
  adviseHugePages(res.data.cases.data(), res.data.cases.capacity() * sizeof(Case));
  for (size_t r = 0; r < nRows; ++r) {
    // Every field of the rows read so far is in the cases now (a lesion's later images find it
    // through the cases, not the text).
    if (r % kReleaseEvery == 0) raw.rows.releaseBefore(r);
    const MappedRow row{raw, cols, r, pool};
    RowReport rep(label, raw.rows.line(r), raw.json, res.problems);
    Case c;
    c.line = raw.rows.line(r);
    identify(row, earlier, c, rep);
    readPerson(row, m, c, rep);
    readSite(row, m, cat, c, rep);
    if (rep.failed()) {
      ++res.skipped;
      continue;
    }
    ++res.loaded;
    lesions.add(std::move(c), rep);
  }
}

}  // namespace la::import_detail

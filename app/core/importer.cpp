#include "core/importer.hpp"

#include <algorithm>

#include <cerrno>
#include <cmath>
#include <optional>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/importer_detail.hpp"
#include "core/input_limits.hpp"
#include "core/json_text.hpp"
#include "core/paths.hpp"

// The shared half of import: reading CSV or JSON into a RawTable, the field readers both layouts
// use, and the public entry points. The layouts themselves are in importer_builtin.cpp (the
// calcinosis case table) and importer_mapped.cpp (tables read through a ColumnMapping).
namespace la {
namespace import_detail {

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
  // strtod also reads "nan" and "inf", which no range check catches (NaN compares false).
  return errno == 0 && end == s.c_str() + s.size() && std::isfinite(out);
}

bool parseInt(std::string_view text, long& out) {
  const std::string s(trim(text));
  if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 9) return false;
  out = std::strtol(s.c_str(), nullptr, 10);
  return true;
}

std::string inQuotes(std::string_view v) { return "'" + std::string(v) + "'"; }

namespace {

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

}  // namespace

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

std::string columnName(const RawTable& raw, size_t i) {
  return raw.header[i].empty() ? "(column " + std::to_string(i + 1) + ", unnamed)" : raw.header[i];
}

std::unordered_map<std::string, size_t> columnIndex(const RawTable& raw, const std::string& label,
                                                    ImportResult& res, bool& ok) {
  std::unordered_map<std::string, size_t> idx;
  for (size_t i = 0; i < raw.header.size(); ++i) {
    if (!idx.emplace(raw.header[i], i).second) {
      Problem p{label, raw.headerLine, columnName(raw, i), "column appears twice in the header", Severity::Error};
      res.problems.push_back(p);
      ok = false;
    }
  }
  return idx;
}

}  // namespace import_detail

namespace {

using import_detail::RawTable;

bool readCsv(std::string&& text, const std::string& label, RawTable& raw, ImportResult& res) {
  CsvTable t = parseCsvInPlace(std::move(text));
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
                            ? import_detail::columnName(raw, static_cast<size_t>(is.column))
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
  if (v.is_number_unsigned()) return std::to_string(v.get<unsigned long long>());  // may exceed long long
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number()) return formatNumber(v.get<double>());
  return v.dump();
}

// The union of the records' keys becomes the columns, and every record gets a cell per column:
// refused, before any cell is made, when the columns or the cells would pass the limits.
bool jsonColumns(const nlohmann::json& arr, const std::string& label, std::unordered_map<std::string, size_t>& index,
                 RawTable& raw, ImportResult& res) {
  int n = 0;
  for (const auto& rec : arr) {
    ++n;
    if (!rec.is_object()) continue;
    for (const auto& [k, v] : rec.items()) {
      (void)v;
      if (index.count(k)) continue;
      if (raw.header.size() == limits::kTableColumns) {
        Problem p{label, n, import_detail::inQuotes(k),
                  "this key would make column " + std::to_string(limits::kTableColumns + 1) +
                      ": the records' keys are the table's columns, and a table has at most " +
                      std::to_string(limits::kTableColumns) + " (docs/DATA.md, \"Size limits\"); not read",
                  Severity::Error};
        p.lineIsRecord = true;
        res.problems.push_back(p);
        return false;
      }
      index.emplace(k, raw.header.size());
      raw.header.push_back(k);
    }
  }
  if (arr.size() * raw.header.size() > limits::kTableCells) {
    res.problems.push_back({label, 0, "(file)",
                            std::to_string(arr.size()) + " records with " + std::to_string(raw.header.size()) +
                                " distinct keys would make " + std::to_string(arr.size() * raw.header.size()) +
                                " cells, over the limit of " + std::to_string(limits::kTableCells) +
                                " (docs/DATA.md, \"Size limits\"); not read",
                            Severity::Error});
    return false;
  }
  return true;
}

bool readJson(std::string_view text, const std::string& label, RawTable& raw, ImportResult& res) {
  raw.json = true;
  // A nested cell is kept as its JSON text, and dump() recurses: refuse absurd nesting up front.
  if (const int line = jsonLineTooDeep(text)) {
    res.problems.push_back({label, line, "(file)",
                            "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep (a table needs a few)",
                            Severity::Error});
    return false;
  }
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    res.problems.push_back(
        {label, lineAtByte(text, e.byte), "(file)", std::string("not valid JSON: ") + e.what(), Severity::Error});
    return false;
  } catch (const nlohmann::json::exception& e) {  // e.g. a number too large for a double: no position
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
  if (!jsonColumns(*arr, label, index, raw, res)) return false;
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

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && toLower(s.substr(s.size() - suffix.size())) == suffix;
}

bool tableIsJson(const std::filesystem::path& path, const ColumnMapping* mapping) {
  return mapping && !mapping->format.empty() ? mapping->format == "json" : endsWith(path.string(), ".json");
}

}  // namespace

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

namespace {

// The text is handed over: a CSV table is read in its own buffer (no second copy of a large file),
// which the cases are built from and which is freed when they are.
ImportResult importOwned(std::string&& text, const std::string& label, bool json, const ColumnMapping* mapping,
                         const SiteCatalog& catalog, const ImportOptions& options) {
  ImportResult res;
  import_detail::RawTable raw;
  const bool readOk = json ? readJson(text, label, raw, res) : readCsv(std::move(text), label, raw, res);
  if (!readOk) {
    res.data = Dataset{};
    return res;
  }
  if (mapping) import_detail::importMapped(raw, label, *mapping, catalog, res);
  else import_detail::importBuiltin(raw, label, catalog, res);
  res.ok = !res.data.tables.empty();
  if (options.strict && countProblems(res.problems, Severity::Error) > 0) res.ok = false;
  if (!res.ok) {
    res.data = Dataset{};
    res.skipped += res.loaded;
    res.loaded = 0;
  }
  return res;
}

}  // namespace

ImportResult importText(std::string_view text, const std::string& label, bool json, const ColumnMapping* mapping,
                        const SiteCatalog& catalog, const ImportOptions& options) {
  return importOwned(std::string(text), label, json, mapping, catalog, options);
}

ImportResult importFile(const std::filesystem::path& path, const ColumnMapping* mapping, const SiteCatalog& catalog,
                        const ImportOptions& options) {
  std::string text;
  try {
    text = readFile(path, tableIsJson(path, mapping) ? limits::kJsonTableBytes : limits::kCsvTableBytes);
  } catch (const IoError& e) {
    ImportResult res;
    std::string reason = e.what();
    const std::string prefix = path.string() + ": ";
    if (reason.rfind(prefix, 0) == 0) reason = reason.substr(prefix.size());
    res.problems.push_back({path.string(), 0, "(file)", reason, Severity::Error});
    return res;
  }
  const bool json = tableIsJson(path, mapping);
  ImportResult r = importOwned(std::move(text), path.string(), json, mapping, catalog, options);
  // Problems are found in passes (records, then fields); a reader of the list expects file order.
  std::stable_sort(r.problems.begin(), r.problems.end(), [](const Problem& a, const Problem& b) { return a.line < b.line; });
  return r;
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

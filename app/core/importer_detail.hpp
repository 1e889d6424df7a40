#pragma once
// Internal to the importer (importer*.cpp): what the built-in layout reader and the mapped-table
// reader share. Not part of the core's public API; include core/importer.hpp instead.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/csv_reader.hpp"
#include "core/importer.hpp"

namespace la::import_detail {

// CSV and JSON both become this before any column is interpreted, so the two formats share
// one set of rules and one set of messages.
struct RawTable {
  std::vector<std::string> header;
  int headerLine = 1;
  CsvTable rows;  // records only; `header` above is the authority on columns
  bool json = false;
};

inline constexpr const char* kUnspecified = "unspecified";

// Shares repeated cell values between the cases of one import (a site id, a diagnosis, a table's
// wording of a site): one allocation for every row that states the same words. Bounded: past
// kMaxValues distinct values new ones are not kept, so a column of ids costs no pool.
class TextPool {
 public:
  Text get(std::string_view s) {
    if (s.empty()) return {};
    if (auto it = map_.find(s); it != map_.end()) return it->second;
    Text t(s);
    // The key views the pooled Text's own characters, which live as long as the map holds it.
    if (map_.size() < kMaxValues) map_.emplace(t.view(), t);
    return t;
  }

 private:
  static constexpr size_t kMaxValues = 4096;
  std::unordered_map<std::string_view, Text> map_;
};

std::string_view trim(std::string_view s);
bool parseDouble(std::string_view text, double& out);
bool parseInt(std::string_view text, long& out);
std::string inQuotes(std::string_view v);

// Collects the problems of one record; an error means the record is skipped.
class RowReport {
 public:
  RowReport(const std::string& label, int line, bool json, std::vector<Problem>& out)
      : label_(label), line_(line), json_(json), out_(out) {}
  void error(const std::string& field, std::string reason) { add(field, std::move(reason), Severity::Error); }
  void warn(const std::string& field, std::string reason) { add(field, std::move(reason), Severity::Warning); }
  bool failed() const { return failed_; }
  // "line 12" or, for JSON, "record #12": how a message names another record.
  std::string where(int line) const { return (json_ ? "record #" : "line ") + std::to_string(line); }

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

// An exact age or a min/max range from three cells (any may be absent: pass an empty view);
// errors name the given column names.
void readAgeFields(std::string_view exact, std::string_view lo, std::string_view hi, const std::string& exactName,
                   const std::string& loName, const std::string& hiName, RowReport& rep, Age& age);

// An n_cases cell: empty keeps `out` (the layout's default of one patient).
bool readNCases(std::string_view cell, const std::string& field, RowReport& rep, int& out);

// How a message names column `i`: its header name, or its position when the header leaves the name
// empty (a table exported with an unnamed index column has one).
std::string columnName(const RawTable& raw, size_t i);

// Column name -> position; a name that appears twice is a file-level error (`ok` set false).
std::unordered_map<std::string, size_t> columnIndex(const RawTable& raw, const std::string& label, ImportResult& res,
                                                    bool& ok);

// The two readers. Each adds its table to res.data (or a file-level error to res.problems).
// importMapped gives the table's memory back as it reads (CsvTable::releaseBefore): `raw` is
// spent afterwards.
void importBuiltin(const RawTable& raw, const std::string& label, const SiteCatalog& cat, ImportResult& res);
void importMapped(RawTable& raw, const std::string& label, const ColumnMapping& m, const SiteCatalog& cat,
                  ImportResult& res);

}  // namespace la::import_detail

// Fuzz target: the CSV reader (core/csv_reader) and the built-in and mapped import on top of it.
#include "core/csv_reader.hpp"
#include "fuzz_support.hpp"

using namespace la;
using la::fuzz::check;

namespace {

// What parseCsv promises: records have the header's width, valid UTF-8 and ordered lines inside
// the text; every issue has a line and a reason.
void checkTable(const CsvTable& t, std::string_view text) {
  const int lines = fuzz::lineCount(text);
  int last = t.headerLine;
  for (size_t r = 0; r < t.recordCount(); ++r) {
    check(t.line(r) > last && t.line(r) <= lines, "record line out of order or range");
    last = t.line(r);
    for (size_t c = 0; c < t.header.size(); ++c) check(isValidUtf8(t.field(r, c)), "record with invalid UTF-8 kept");
  }
  for (const CsvIssue& is : t.issues) {
    check(is.line >= 1 && is.line <= lines, "issue line out of range");
    check(is.column >= -1, "issue column out of range");
    check(!is.reason.empty(), "issue without a reason");
  }
}

// Writing the table back with csvQuote and reading it again gives the same table. One-column
// tables are left out: a record of one empty field is written as a blank line, which is skipped.
void checkRoundTrip(const CsvTable& t) {
  if (t.header.size() < 2) return;
  std::string out = "\xEF\xBB\xBF";  // the reader drops one BOM; a header starting with one keeps it
  auto line = [&out](const std::vector<std::string>& fields) {
    for (size_t c = 0; c < fields.size(); ++c) out += (c ? "," : "") + csvQuote(fields[c]);
    out += "\n";
  };
  line(t.header);
  for (size_t r = 0; r < t.recordCount(); ++r) line(t.record(r));
  const CsvTable back = parseCsv(out);
  check(back.header == t.header, "header changed on a round trip");
  check(back.recordCount() == t.recordCount(), "record count changed on a round trip");
  for (size_t r = 0; r < t.recordCount(); ++r) check(back.record(r) == t.record(r), "record changed on a round trip");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::asText(data, size);
  const CsvTable t = parseCsv(text);
  checkTable(t, text);
  checkRoundTrip(t);
  const std::string label = "fuzz.csv";
  fuzz::checkImport(importText(text, label, false, nullptr, fuzz::catalog()), label, text);
  fuzz::checkImport(importText(text, label, false, &fuzz::shippedMapping(), fuzz::catalog()), label, text);
  return 0;
}

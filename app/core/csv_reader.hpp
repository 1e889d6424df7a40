#pragma once
// RFC 4180 CSV reading: quoted fields with embedded commas, quotes ("") and line breaks,
// UTF-8 with or without a byte-order mark, CRLF or LF line ends, with or without a final line end.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace la {

struct CsvIssue {
  int line = 0;     // line where the offending record starts
  int column = -1;  // 0-based field index, -1 when the record as a whole is at fault
  std::string reason;
};

// A parsed table. Field text is stored once, unescaped, in one buffer (the input's own, when it is
// handed over with parseCsvInPlace): a table of a million rows is then a few large allocations
// instead of millions of small strings, and 4 bytes of index per cell.
class CsvTable {
 public:
  std::vector<std::string> header;  // first record (empty when the text is empty)
  int headerLine = 1;
  std::vector<CsvIssue> issues;     // records that were dropped, and why

  // Well-formed records after the header; each has exactly header.size() fields.
  size_t recordCount() const { return lines_.size(); }
  // 1-based line on which record `r` starts (a quoted line break makes a record span lines).
  int line(size_t r) const { return lines_[r]; }
  // Field `c` of record `r`; valid while the table lives.
  std::string_view field(size_t r, size_t c) const {
    // Fields are stored one after another, so a field ends where the next one starts.
    const size_t k = r * header.size() + c;
    return std::string_view(buffer_.data() + starts_[k], starts_[k + 1] - starts_[k]);
  }
  // All fields of record `r`, copied.
  std::vector<std::string> record(size_t r) const;

  // Gives the memory of the records before `record` back to the system; their fields must not be
  // read again (line() stays valid for every record). An importer that turns records into cases
  // front to back calls it as it goes, so a large table's text is not held beside all its cases.
  void releaseBefore(size_t record);

  // For builders of tables from other formats (JSON): appends one record of header.size() fields.
  void addRecord(const std::vector<std::string>& fields, int line);

  // Offsets are 32-bit; the reader refuses a larger text (tables are limited to 1 GiB anyway).
  static constexpr size_t kMaxBytes = 0xFFFFFFFFu;

 private:
  friend CsvTable parseCsvInPlace(std::string&& text);
  std::string buffer_;
  std::vector<uint32_t> starts_ = {0};  // where each cell starts, and where the last one ends
  std::vector<int> lines_;
  size_t releasedCells_ = 0;  // cells before this one were given back (releaseBefore)
};

// Parses `text` as CSV with a header record. A record with malformed quoting, invalid UTF-8 or a
// field count different from the header's is reported in `issues` and left out of `records`;
// reading resumes at the next line, so one bad record never hides the rest of the file.
// Blank lines between records are skipped.
CsvTable parseCsv(std::string_view text);
// The same, reading `text` in place: its buffer becomes the table's, so no copy of the text is made.
CsvTable parseCsvInPlace(std::string&& text);

// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
// On failure, `*badOffset` (if given) receives the byte offset of the first bad sequence.
bool isValidUtf8(std::string_view s, size_t* badOffset = nullptr);

// Quotes a field for CSV output when it needs it (comma, quote, CR or LF inside).
std::string csvQuote(std::string_view field);

}  // namespace la

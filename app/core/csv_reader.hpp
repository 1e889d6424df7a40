#pragma once
// RFC 4180 CSV reading: quoted fields with embedded commas, quotes ("") and line breaks,
// UTF-8 with or without a byte-order mark, CRLF or LF line ends, with or without a final line end.
#include <string>
#include <string_view>
#include <vector>

namespace la {

struct CsvRecord {
  std::vector<std::string> fields;
  int line = 0;  // 1-based line on which the record starts (a quoted line break spans lines)
};

struct CsvIssue {
  int line = 0;     // line where the offending record starts
  int column = -1;  // 0-based field index, -1 when the record as a whole is at fault
  std::string reason;
};

struct CsvTable {
  std::vector<std::string> header;  // first record (empty when the text is empty)
  int headerLine = 1;
  std::vector<CsvRecord> records;   // every well-formed record after the header
  std::vector<CsvIssue> issues;     // records that were dropped, and why
};

// Parses `text` as CSV with a header record. A record with malformed quoting, invalid UTF-8 or a
// field count different from the header's is reported in `issues` and left out of `records`;
// reading resumes at the next line, so one bad record never hides the rest of the file.
// Blank lines between records are skipped.
CsvTable parseCsv(std::string_view text);

// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
// On failure, `*badOffset` (if given) receives the byte offset of the first bad sequence.
bool isValidUtf8(std::string_view s, size_t* badOffset = nullptr);

// Quotes a field for CSV output when it needs it (comma, quote, CR or LF inside).
std::string csvQuote(std::string_view field);

}  // namespace la

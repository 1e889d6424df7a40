#include "core/csv_reader.hpp"
#include "core/huge_pages.hpp"

#include <algorithm>
#include <cstring>
#include <string>

namespace la {

bool isValidUtf8(std::string_view s, size_t* badOffset) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    unsigned cp = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      if (badOffset) *badOffset = i;
      return false;
    }
    if (i + len > n) {
      if (badOffset) *badOffset = i;
      return false;
    }
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) {
        if (badOffset) *badOffset = i;
        return false;
      }
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      if (badOffset) *badOffset = i;
      return false;
    }
    i += len;
  }
  return true;
}

namespace {

struct FieldSpan {
  size_t offset, length;
};

// One pass over the text; keeps the position and line count so that issues can name the line
// where the record began, which is what an editor shows the user. Unescaped field text is written
// at `w`, which never passes the read position (unescaping only shortens), so the output may be
// the input's own buffer: a table then costs no second copy of its text.
class Parser {
 public:
  Parser(std::string_view text, char* out) : t_(text), out_(out) {
    if (t_.size() >= 3 && static_cast<unsigned char>(t_[0]) == 0xEF &&
        static_cast<unsigned char>(t_[1]) == 0xBB && static_cast<unsigned char>(t_[2]) == 0xBF)
      pos_ = 3;
  }

  size_t written() const { return w_; }
  void rewind(size_t mark) { w_ = mark; }
  std::string_view output(size_t offset, size_t length) const { return std::string_view(out_ + offset, length); }

  // Skips blank lines; returns false at end of input.
  bool skipBlankLines() {
    while (pos_ < t_.size()) {
      if (t_[pos_] == '\n') {
        ++pos_;
        ++line_;
      } else if (t_[pos_] == '\r') {
        ++pos_;
        if (pos_ < t_.size() && t_[pos_] == '\n') ++pos_;
        ++line_;
      } else {
        return true;
      }
    }
    return false;
  }

  // Reads one record, writing the unescaped text of its fields to the output and their places to
  // `fields`. On malformed quoting fills `error`, skips to the end of the physical line and
  // returns false.
  bool readRecord(std::vector<FieldSpan>& fields, int& startLine, std::string& error) {
    fields.clear();
    startLine = line_;
    for (;;) {
      const size_t begin = w_;
      if (pos_ < t_.size() && t_[pos_] == '"') {
        if (!readQuoted(fields.size(), error)) return false;
      } else if (!readPlain(fields.size(), error)) {
        return false;
      }
      fields.push_back({begin, w_ - begin});
      if (pos_ >= t_.size()) return true;
      const char c = t_[pos_];
      if (c == ',') {
        ++pos_;
        continue;
      }
      // end of line
      ++pos_;
      if (c == '\r' && pos_ < t_.size() && t_[pos_] == '\n') ++pos_;
      ++line_;
      return true;
    }
  }

 private:
  void put(const char* p, size_t n) {
    if (out_ + w_ != p) std::memmove(out_ + w_, p, n);
    w_ += n;
  }

  bool readQuoted(size_t index, std::string& error) {
    ++pos_;
    for (;;) {
      // Copy everything up to the next quote in one go; count the line breaks it holds.
      const size_t q = t_.find('"', pos_);
      if (q == std::string_view::npos) {
        error = "unterminated quoted field (a \" opened here is never closed)";
        pos_ = t_.size();
        return false;
      }
      const std::string_view chunk = t_.substr(pos_, q - pos_);
      for (size_t k = 0; k < chunk.size(); ++k) {
        if (chunk[k] == '\n') ++line_;
        else if (chunk[k] == '\r' && !(k + 1 < chunk.size() && chunk[k + 1] == '\n')) ++line_;
      }
      put(chunk.data(), chunk.size());
      pos_ = q + 1;
      if (pos_ < t_.size() && t_[pos_] == '"') {
        put(t_.data() + pos_, 1);
        ++pos_;
        continue;
      }
      break;
    }
    if (pos_ < t_.size() && t_[pos_] != ',' && t_[pos_] != '\n' && t_[pos_] != '\r') {
      error = "malformed quoting: text after the closing quote of field " + std::to_string(index + 1);
      skipRestOfLine();
      return false;
    }
    return true;
  }

  bool readPlain(size_t index, std::string& error) {
    const size_t start = pos_;
    while (pos_ < t_.size()) {
      const char c = t_[pos_];
      if (c == ',' || c == '\n' || c == '\r') break;
      if (c == '"') {
        error = "malformed quoting: a quote inside unquoted field " + std::to_string(index + 1) +
                " (quote the whole field and double the quote)";
        skipRestOfLine();
        return false;
      }
      ++pos_;
    }
    put(t_.data() + start, pos_ - start);
    return true;
  }

  void skipRestOfLine() {
    while (pos_ < t_.size() && t_[pos_] != '\n' && t_[pos_] != '\r') ++pos_;
    if (pos_ < t_.size()) {
      const char c = t_[pos_++];
      if (c == '\r' && pos_ < t_.size() && t_[pos_] == '\n') ++pos_;
      ++line_;
    }
  }

  std::string_view t_;
  char* out_;
  size_t pos_ = 0, w_ = 0;
  int line_ = 1;
};

}  // namespace

std::vector<std::string> CsvTable::record(size_t r) const {
  std::vector<std::string> out;
  out.reserve(header.size());
  for (size_t c = 0; c < header.size(); ++c) out.emplace_back(field(r, c));
  return out;
}

void CsvTable::addRecord(const std::vector<std::string>& fields, int line) {
  for (size_t c = 0; c < header.size(); ++c) {
    if (c < fields.size()) buffer_ += fields[c];
    starts_.push_back(static_cast<uint32_t>(buffer_.size()));  // this cell's end, the next one's start
  }
  lines_.push_back(line);
}

void CsvTable::releaseBefore(size_t record) {
  const size_t cell = std::min(record, recordCount()) * header.size();
  if (cell <= releasedCells_) return;
  // From the start each time: a block that straddled the previous end is whole now. starts_[cell]
  // itself (where the next record's first field begins) is still needed.
  releaseWholePages(buffer_.data(), starts_[cell]);
  releaseWholePages(starts_.data(), cell * sizeof(uint32_t));
  releasedCells_ = cell;
}

CsvTable parseCsv(std::string_view text) { return parseCsvInPlace(std::string(text)); }

CsvTable parseCsvInPlace(std::string&& text) {
  CsvTable table;
  if (text.size() > CsvTable::kMaxBytes) {
    table.issues.push_back({1, -1, "table of " + std::to_string(text.size()) + " bytes: over the " +
                                       std::to_string(CsvTable::kMaxBytes) + " bytes a table may have"});
    return table;
  }
  table.buffer_ = std::move(text);
  const std::string_view in(table.buffer_);
  Parser parser(in, table.buffer_.data());
  std::vector<FieldSpan> fields;
  std::string error;
  bool haveHeader = false;
  while (parser.skipBlankLines()) {
    int line = 0;
    error.clear();
    const size_t mark = parser.written();
    const bool ok = parser.readRecord(fields, line, error);
    auto view = [&](const FieldSpan& f) { return parser.output(f.offset, f.length); };
    auto drop = [&] { parser.rewind(mark); };
    if (!ok) {
      table.issues.push_back({line, -1, error});
      drop();
      // Without its header the file has no columns: reading on would take a data row for it.
      if (!haveHeader) break;
      continue;
    }
    int badColumn = -1;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (!isValidUtf8(view(fields[i]))) {
        badColumn = static_cast<int>(i);
        break;
      }
    }
    if (badColumn >= 0) {
      table.issues.push_back({line, badColumn, "invalid UTF-8"});
      // A header with bad bytes still defines the columns; dropping it would misread every row.
      if (haveHeader) {
        drop();
        continue;
      }
    }
    if (!haveHeader) {
      for (const FieldSpan& f : fields) table.header.emplace_back(view(f));
      table.headerLine = line;
      haveHeader = true;
      drop();
      // Growing the cell index by doubling would copy it ~log2(n) times; a line count bounds the
      // number of records (quoted line breaks only make it an overestimate).
      const size_t lines = static_cast<size_t>(std::count(in.begin(), in.end(), '\n')) + 1;
      table.lines_.reserve(lines);
      // Every kept field takes at least one byte of the text (its comma or line end), so the text's
      // size bounds it too: a wide header over many blank lines must not reserve gigabytes.
      table.starts_.reserve(std::min(lines * table.header.size(), in.size() + 1) + 1);
      adviseHugePages(table.starts_.data(), table.starts_.capacity() * sizeof(uint32_t));
      continue;
    }
    if (fields.size() != table.header.size()) {
      table.issues.push_back({line, -1,
                              "expected " + std::to_string(table.header.size()) + " fields as in the header, found " +
                                  std::to_string(fields.size())});
      drop();
      continue;
    }
    // A kept record's fields follow the previous kept record's directly (a dropped record's text
    // is overwritten), so recording where each field ends is enough.
    for (const FieldSpan& f : fields) table.starts_.push_back(static_cast<uint32_t>(f.offset + f.length));
    table.lines_.push_back(line);
  }
  // Only the unescaped text stays; what follows it is the input's tail, already read.
  table.buffer_.resize(parser.written());
  return table;
}

std::string csvQuote(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace la

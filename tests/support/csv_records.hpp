#pragma once
// A deliberately tiny, independent RFC 4180 reader for tests. Tests that need the size or a
// column total of the shipped table count it with this instead of the project's importer, so a
// bug in the importer cannot also hide in the expectation, and a new curation round needs no
// code change.
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace la::test {

using CsvRow = std::map<std::string, std::string>;

inline std::vector<std::vector<std::string>> csvFields(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch != '"') rows.back().back() += ch;
      else if (i + 1 < text.size() && text[i + 1] == '"') rows.back().back() += text[++i];
      else quoted = false;
    } else if (ch == '"') quoted = true;
    else if (ch == ',') rows.back().emplace_back();
    else if (ch == '\n') rows.emplace_back(1);
    else if (ch != '\r') rows.back().back() += ch;
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

// Records of a CSV file with a header line, each as column -> value.
inline std::vector<CsvRow> csvRecords(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const auto rows = csvFields(ss.str());
  std::vector<CsvRow> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    CsvRow row;
    for (size_t c = 0; c < rows[0].size() && c < rows[r].size(); ++c) row[rows[0][c]] = rows[r][c];
    out.push_back(std::move(row));
  }
  return out;
}

// Sum of the n_cases column: the patients the table stands for.
inline int csvPatients(const std::vector<CsvRow>& rows) {
  int n = 0;
  for (const auto& r : rows) n += std::stoi(r.at("n_cases"));
  return n;
}

}  // namespace la::test

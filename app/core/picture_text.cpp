#include "core/picture_text.hpp"

#include <set>

#include "core/case_stats.hpp"
#include "core/paths.hpp"

namespace la {

bool isCaseData(const Dataset& data) {
  for (const TableInfo& t : data.tables)
    if (!t.mappingId.empty()) return false;
  return true;
}

std::string dataName(const Dataset& data) {
  if (data.tables.empty() || isCaseData(data)) return "Calcinosis cutis";
  std::string names;
  for (const TableInfo& t : data.tables)
    if (!t.mappingId.empty() && names.find(t.name) == std::string::npos) names += (names.empty() ? "" : " + ") + t.name;
  return names;
}

std::string defaultTitle(const ViewModel& vm, const Dataset& data) {
  const bool cases = isCaseData(data);
  std::string what;
  if (vm.mode == ViewMode::Choropleth)
    what = std::string(toString(cases ? vm.count : CountUnit::Lesions)) + " per site";
  else
    what = cases ? "reported cases by site" : "lesions by site";
  std::string title = dataName(data) + ": " + what;
  if (vm.compare) {
    const auto& c = *vm.compare;
    title += ", " + (c[0].label.empty() ? std::string("A") : c[0].label) + " and " +
             (c[1].label.empty() ? std::string("B") : c[1].label) + " compared";
  }
  if (vm.figures == Figures::Both) title += ", both figures";
  return title;
}

std::string countLine(const std::vector<const Case*>& cases, const Dataset& data) {
  const CaseStats s = computeStats(data, cases);
  if (isCaseData(data))
    return formatCount(s.cases, CountUnit::Cases) + " (" + formatCount(s.patients, CountUnit::Patients) + ", " +
           formatCount(s.lesions, CountUnit::Lesions) + ")";
  // Public tables: what the table identifies, and what it cannot tell said as "not stated".
  return describeCounts(s);
}

std::string dataLine(const Dataset& data, const std::vector<std::string>& versions) {
  std::string out;
  for (size_t i = 0; i < data.tables.size(); ++i) {
    const TableInfo& t = data.tables[i];
    size_t rows = 0;
    for (const Case& c : data.cases) rows += c.table == i;
    std::string item = t.name + " (" + std::to_string(rows) + " rows";
    if (i < versions.size() && versions[i].size() >= 12) item += ", sha256 " + versions[i].substr(0, 12);
    item += ")";
    if (!t.attribution.empty()) item += ": " + t.attribution;
    if (!t.licence.empty() && item.find(t.licence) == std::string::npos) item += " (" + t.licence + ")";
    out += (out.empty() ? "Data: " : "; ") + item;
  }
  if (isCaseData(data)) {
    if (!out.empty() && out.back() != '.') out += '.';
    out += (out.empty() ? "" : " ") + std::string("Published cases, not incidence.");
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> pictureMetadata(const std::string& title, const Dataset& data,
                                                                 const std::vector<std::string>& versions) {
  std::string dataset;
  for (size_t i = 0; i < data.tables.size(); ++i) {
    size_t rows = 0;
    for (const Case& c : data.cases) rows += c.table == i;
    dataset += (dataset.empty() ? "" : "; ") + data.tables[i].name + ", " + std::to_string(rows) + " rows";
    if (i < versions.size() && !versions[i].empty()) dataset += ", sha256 " + versions[i];
  }
  return {{"Title", title},
          {"Software", std::string("lesion-atlas ") + versionString()},
          {"Dataset version", dataset},
          {"Source", dataLine(data, versions)}};
}

std::string wrapLines(const std::string& text, size_t width) {
  std::string out, line;
  auto flushLine = [&] {
    out += (out.empty() ? "" : "\n") + line;
    line.clear();
  };
  size_t start = 0;
  while (start <= text.size()) {
    const size_t nl = text.find('\n', start);
    const std::string para = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    size_t pos = 0;
    while (pos < para.size()) {
      const size_t sp = para.find(' ', pos);
      const std::string word = para.substr(pos, sp == std::string::npos ? std::string::npos : sp - pos);
      if (!line.empty() && line.size() + 1 + word.size() > width) flushLine();
      line += (line.empty() ? "" : " ") + word;
      if (sp == std::string::npos) break;
      pos = sp + 1;
    }
    flushLine();
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

}  // namespace la

#include "core/references.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/atomic_file.hpp"
#include "core/paths.hpp"

namespace fs = std::filesystem;

namespace la {
namespace {

struct SourceGroup {
  const Source* source = nullptr;
  std::vector<std::string> caseIds;
};

// Cases are grouped by what identifies a source: its citation, DOI and PMID as the table gives them.
std::vector<SourceGroup> groupSources(const std::vector<const Case*>& cases) {
  std::vector<SourceGroup> groups;
  std::map<std::string, size_t> index;
  for (const Case* c : cases) {
    const Source& s = c->source;
    if (s.citation.empty() && s.doi.empty() && s.pmid.empty()) continue;  // the table's credit covers it
    const std::string key = s.citation + "\x1f" + s.doi + "\x1f" + s.pmid;
    auto [it, added] = index.emplace(key, groups.size());
    if (added) groups.push_back({&s, {}});
    groups[it->second].caseIds.push_back(c->id);
  }
  return groups;
}

std::string caseList(const std::vector<std::string>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size() && i < 20; ++i) out += (i ? ", " : "") + ids[i];
  if (ids.size() > 20) out += " and " + std::to_string(ids.size() - 20) + " more";
  return out;
}

bool isUrl(const std::string& s) { return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0; }

// BibTeX field text: braces balanced and LaTeX's special characters escaped.
std::string bibEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '{': out += "\\{"; break;
      case '}': out += "\\}"; break;
      case '\\': out += "\\textbackslash{}"; break;
      case '%': case '&': case '#': case '_': case '$': out += '\\', out += c; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '^': out += "\\textasciicircum{}"; break;
      default: out += c;
    }
  }
  return out;
}

std::string bibKey(const std::string& id, std::set<std::string>& used) {
  std::string key;
  for (char c : id) key += std::isalnum((unsigned char)c) || c == '-' || c == '_' ? c : '_';
  if (key.empty()) key = "ref";
  std::string k = key;
  for (int n = 2; !used.insert(k).second; ++n) k = key + "_" + std::to_string(n);
  return k;
}

std::string bibEntry(const SourceGroup& g, std::set<std::string>& used) {
  const Source& s = *g.source;
  const bool article = !s.authors.empty() && !s.title.empty() && !s.journal.empty();
  std::string e = std::string(article ? "@article{" : "@misc{") + bibKey(g.caseIds.front(), used) + ",\n";
  // doi, pmid and url are verbatim fields (biblatex, the url package): only prose is escaped.
  auto field = [&](const char* name, const std::string& v, bool verbatim = false) {
    if (v.empty()) return;
    std::string text = verbatim ? v : bibEscape(v);
    if (verbatim) text.erase(std::remove_if(text.begin(), text.end(), [](char c) { return c == '{' || c == '}'; }), text.end());
    e += std::string("  ") + name + " = {" + text + "},\n";
  };
  if (article) {
    field("author", s.authors);
    field("title", s.title);
    field("journal", s.journal);
  }
  if (s.year) field("year", std::to_string(*s.year));
  field("doi", s.doi, true);
  field("pmid", s.pmid, true);
  if (isUrl(s.url) && s.url.find(' ') == std::string::npos) field("url", s.url, true);
  // The citation exactly as the curator wrote it (it may mark missing parts in brackets).
  field("note", s.citation + (g.caseIds.empty() ? "" : ". lesion-atlas cases: " + caseList(g.caseIds)));
  e += "}\n";
  return e;
}

std::string textEntry(size_t n, const SourceGroup& g) {
  const Source& s = *g.source;
  std::string e = "[" + std::to_string(n) + "] " + (s.citation.empty() ? "(no citation given)" : s.citation);
  if (!e.empty() && e.back() != '.') e += '.';
  if (!s.doi.empty()) e += " doi:" + s.doi + ".";
  if (!s.pmid.empty()) e += " PMID: " + s.pmid + ".";
  if (!s.url.empty()) e += " URL: " + s.url + ".";
  e += " Cases: " + caseList(g.caseIds) + ".\n";
  return e;
}

}  // namespace

ReferenceText formatReferences(const std::vector<const Case*>& cases, const Dataset& data, const std::string& heading,
                               const std::vector<std::string>& versions) {
  ReferenceText out;
  const std::vector<SourceGroup> groups = groupSources(cases);
  out.sources = groups.size();
  std::string& t = out.text;
  t += "References" + (heading.empty() ? std::string() : " for \"" + heading + "\"") + "\n";
  t += "lesion-atlas " + std::string(versionString()) + "; " + std::to_string(cases.size()) +
       (cases.size() == 1 ? " record" : " records") + " shown";
  if (!groups.empty()) t += ", from " + std::to_string(groups.size()) + (groups.size() == 1 ? " source" : " sources");
  t += ".\n\n";
  for (size_t i = 0; i < groups.size(); ++i) t += textEntry(i + 1, groups[i]);
  // Every table a shown record comes from, with its terms: non-commercial tables require it.
  std::set<size_t> tables;
  for (const Case* c : cases) tables.insert(c->table);
  if (!tables.empty()) t += std::string(groups.empty() ? "" : "\n") + "Tables:\n";
  std::string bibTables;
  for (size_t ti : tables) {
    if (ti >= data.tables.size()) continue;
    const TableInfo& tab = data.tables[ti];
    t += "- " + tab.name;
    if (ti < versions.size() && !versions[ti].empty()) t += " (sha256 " + versions[ti] + ")";
    if (!tab.licence.empty()) t += "; licence: " + tab.licence + (tab.nonCommercial ? " (non-commercial use only)" : "");
    if (!tab.attribution.empty()) t += "; attribution: " + tab.attribution;
    t += "\n";
    if (!tab.mappingId.empty())
      bibTables += "@misc{table_" + bibEscape(tab.mappingId) + ",\n  title = {" + bibEscape(tab.name) + "},\n" +
                   (tab.licence.empty() ? "" : "  note = {Licence: " + bibEscape(tab.licence) + ". " +
                                                   bibEscape(tab.attribution) + "},\n") +
                   "}\n";
  }
  std::set<std::string> used;
  for (const SourceGroup& g : groups) out.bibtex += bibEntry(g, used) + "\n";
  out.bibtex += bibTables;
  return out;
}

std::pair<fs::path, fs::path> referencePaths(const fs::path& picture) {
  std::error_code ec;
  const std::string s = picture.string();
  if ((!s.empty() && s.back() == '/') || fs::is_directory(picture, ec))
    return {picture / "references.txt", picture / "references.bib"};
  fs::path txt = picture, bib = picture;
  return {txt.replace_extension(".txt"), bib.replace_extension(".bib")};
}

std::pair<fs::path, fs::path> writeReferences(const std::vector<const Case*>& cases, const Dataset& data,
                                              const fs::path& picture, const std::string& heading,
                                              const std::vector<std::string>& versions) {
  const ReferenceText r = formatReferences(cases, data, heading, versions);
  const auto paths = referencePaths(picture);
  writeFileAtomically(paths.first, r.text);
  writeFileAtomically(paths.second, r.bibtex);
  return paths;
}

}  // namespace la

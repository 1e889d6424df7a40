#include "core/references.hpp"

#include <cctype>
#include <map>

namespace la {
namespace {

struct Ref {
  const Source* source = nullptr;
  std::vector<std::string> caseIds;
};

// What makes two cases cite the same source: the DOI, else the PMID, else the citation text.
std::string sourceKey(const Source& s) {
  if (!s.doi.empty()) return "doi:" + toLower(s.doi);
  if (!s.pmid.empty()) return "pmid:" + s.pmid;
  return "cite:" + s.citation;
}

std::vector<Ref> collect(const std::vector<const Case*>& cases) {
  std::vector<Ref> refs;
  std::map<std::string, size_t> index;
  for (const Case* c : cases) {
    if (c->source.citation.empty() && c->source.doi.empty() && c->source.pmid.empty() && c->source.url.empty()) continue;
    const std::string key = sourceKey(c->source);
    auto [it, fresh] = index.emplace(key, refs.size());
    if (fresh) refs.push_back({&c->source, {}});
    refs[it->second].caseIds.push_back(c->id);
  }
  return refs;
}

std::string joinIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

// BibTeX braces must balance and a backslash would start a command: both are escaped.
std::string bib(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '{' || ch == '}' || ch == '\\' || ch == '%' || ch == '&' || ch == '#' || ch == '_') out += '\\';
    out += ch;
  }
  return out;
}

std::string bibKey(const std::string& id) {
  std::string k = "la-";
  for (char ch : id) k += (std::isalnum((unsigned char)ch) || ch == '-') ? ch : '-';
  return k;
}

}  // namespace

std::string referencesText(const std::vector<const Case*>& cases, const Dataset& data) {
  std::string out;
  size_t n = 0;
  for (const Ref& r : collect(cases)) {
    const Source& s = *r.source;
    out += "[" + std::to_string(++n) + "] " + (s.citation.empty() ? std::string("(no citation given)") : s.citation);
    if (!s.doi.empty()) out += " doi:" + s.doi;
    if (!s.pmid.empty()) out += " PMID:" + s.pmid;
    if (s.doi.empty() && s.pmid.empty() && !s.url.empty()) out += " " + s.url;
    out += " (" + std::string(r.caseIds.size() == 1 ? "case " : "cases ") + joinIds(r.caseIds) + ")\n";
  }
  // Public tables are cited through their terms of use.
  std::map<size_t, bool> tables;
  for (const Case* c : cases) tables[c->table] = true;
  for (const auto& [t, used] : tables)
    if (t < data.tables.size() && !data.tables[t].mappingId.empty()) {
      const TableInfo& ti = data.tables[t];
      out += "[" + std::to_string(++n) + "] " + ti.name + (ti.attribution.empty() ? "" : ". " + ti.attribution) +
             (ti.licence.empty() ? "" : " Licence: " + ti.licence + ".") + "\n";
    }
  return out;
}

std::string referencesBibtex(const std::vector<const Case*>& cases, const Dataset&) {
  std::string out;
  for (const Ref& r : collect(cases)) {
    const Source& s = *r.source;
    const bool article = !s.journal.empty();
    out += std::string(article ? "@article{" : "@misc{") + bibKey(r.caseIds.front()) + ",\n";
    auto field = [&](const char* name, const std::string& v) {
      if (!v.empty()) out += "  " + std::string(name) + " = {" + bib(v) + "},\n";
    };
    field("author", s.authors);
    field("title", s.title);
    field("journal", s.journal);
    if (s.year) out += "  year = {" + std::to_string(*s.year) + "},\n";
    field("doi", s.doi);
    field("pmid", s.pmid);
    if (s.doi.empty()) field("url", s.url.substr(0, s.url.find(" ; ")));
    // The curator's citation as written, never split into guessed parts.
    field("note", s.citation + (s.citation.empty() ? "" : ". ") + (r.caseIds.size() == 1 ? "Case " : "Cases ") +
                      joinIds(r.caseIds));
    out += "}\n";
  }
  return out;
}

}  // namespace la

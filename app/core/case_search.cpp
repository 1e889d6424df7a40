#include "core/case_search.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <tuple>

#include "core/case_export.hpp"

namespace la {
namespace {

void add(std::string& out, const std::string& s) {
  if (s.empty()) return;
  out += toLower(s);
  out += '\n';  // a word never runs across two fields
}

std::string variantName(const Case& c) {
  for (const VariantInfo& v : variantList())
    if (c.variant == v.id) return v.name;
  return c.variant;
}

// "CC9" < "CC10": runs of digits compare by value, everything else by lower-cased character.
bool naturalLess(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const bool da = std::isdigit((unsigned char)a[i]), db = std::isdigit((unsigned char)b[j]);
    if (da && db) {
      size_t ie = i, je = j;
      while (ie < a.size() && std::isdigit((unsigned char)a[ie])) ++ie;
      while (je < b.size() && std::isdigit((unsigned char)b[je])) ++je;
      // Without leading zeros the longer run is the larger number.
      size_t ia = i, jb = j;
      while (ia + 1 < ie && a[ia] == '0') ++ia;
      while (jb + 1 < je && b[jb] == '0') ++jb;
      if (ie - ia != je - jb) return ie - ia < je - jb;
      const int cmp = a.compare(ia, ie - ia, b, jb, je - jb);
      if (cmp != 0) return cmp < 0;
      i = ie, j = je;
      continue;
    }
    const char ca = char(std::tolower((unsigned char)a[i])), cb = char(std::tolower((unsigned char)b[j]));
    if (ca != cb) return ca < cb;
    ++i, ++j;
  }
  return a.size() - i < b.size() - j;
}

// A column's value for ordering: absent when the source does not state it.
struct Key {
  std::optional<std::tuple<double, double>> number;
  std::optional<std::string> text;
};

Key keyOf(const Case& c, CaseColumn col, const SiteCatalog& catalog) {
  Key k;
  switch (col) {
    case CaseColumn::Id: k.text = c.id; break;
    case CaseColumn::Age:
      if (c.age.kind == Age::Kind::Exact) k.number = std::make_tuple(c.age.years, c.age.years);
      else if (c.age.kind == Age::Kind::Range) k.number = std::make_tuple(c.age.min, c.age.max);
      break;
    case CaseColumn::Sex:
      if (c.sex != Sex::Unknown) k.text = toString(c.sex);
      break;
    case CaseColumn::Subtype:
      if (c.subtype) k.text = toString(*c.subtype);
      break;
    case CaseColumn::Sites:
      if (!c.lesions.empty()) k.text = toLower(describeLesions(c, catalog));
      break;
    case CaseColumn::Variant:
      if (!c.variant.empty()) k.text = toLower(variantName(c));
      break;
    case CaseColumn::Year:
      if (c.source.year) k.number = std::make_tuple(double(*c.source.year), 0.0);
      break;
    case CaseColumn::Citation:
      if (!c.source.citation.empty()) k.text = toLower(c.source.citation);
      break;
  }
  return k;
}

bool stated(const Key& k) { return k.number || k.text; }

bool keyLess(const Key& a, const Key& b, CaseColumn col) {
  if (a.number) return *a.number < *b.number;
  if (col == CaseColumn::Id) return naturalLess(*a.text, *b.text);
  return *a.text < *b.text;
}

}  // namespace

const char* columnName(CaseColumn c) {
  switch (c) {
    case CaseColumn::Id: return "id";
    case CaseColumn::Age: return "age";
    case CaseColumn::Sex: return "sex";
    case CaseColumn::Subtype: return "subtype";
    case CaseColumn::Sites: return "sites";
    case CaseColumn::Variant: return "variant";
    case CaseColumn::Year: return "year";
    case CaseColumn::Citation: return "citation";
  }
  return "";
}

std::string searchableText(const Case& c, const SiteCatalog& catalog) {
  std::string out;
  add(out, c.id);
  add(out, c.source.citation);
  add(out, c.source.authors);
  add(out, c.source.title);
  add(out, c.source.journal);
  add(out, c.source.doi);
  add(out, c.source.pmid);
  for (const Lesion& l : c.lesions) {
    const Site* s = catalog.byId(l.siteId);
    add(out, s ? s->name : l.siteId.str());
    if (s)
      for (const std::string& syn : s->synonyms) add(out, syn);  // "hallux" finds the great toe
    add(out, l.token);
    add(out, l.wording);
  }
  add(out, c.siteVerbatim);
  if (!c.variant.empty()) add(out, variantName(c));
  add(out, c.variantVerbatim);
  add(out, c.evidence);
  return out;
}

bool caseMatchesText(const Case& c, std::string_view query, const SiteCatalog& catalog) {
  const std::string q = toLower(query);
  std::string text;  // built only when there is a word to look for
  size_t i = 0;
  while (i < q.size()) {
    while (i < q.size() && std::isspace((unsigned char)q[i])) ++i;
    size_t e = i;
    while (e < q.size() && !std::isspace((unsigned char)q[e])) ++e;
    if (e > i) {
      if (text.empty()) text = searchableText(c, catalog);
      if (text.find(q.substr(i, e - i)) == std::string::npos) return false;
    }
    i = e;
  }
  return true;
}

std::vector<const Case*> searchCases(const std::vector<const Case*>& cases, std::string_view query,
                                     const SiteCatalog& catalog) {
  std::vector<const Case*> out;
  out.reserve(cases.size());
  for (const Case* c : cases)
    if (caseMatchesText(*c, query, catalog)) out.push_back(c);
  return out;
}

void sortCases(std::vector<const Case*>& cases, const CaseSort& sort, const SiteCatalog& catalog) {
  std::vector<std::pair<Key, const Case*>> keyed;
  keyed.reserve(cases.size());
  for (const Case* c : cases) keyed.push_back({keyOf(*c, sort.column, catalog), c});
  std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
    const bool sa = stated(a.first), sb = stated(b.first);
    if (sa != sb) return sa;  // unstated values last in both directions
    if (!sa) return false;
    return sort.descending ? keyLess(b.first, a.first, sort.column) : keyLess(a.first, b.first, sort.column);
  });
  for (size_t i = 0; i < cases.size(); ++i) cases[i] = keyed[i].second;
}

std::string shownLine(size_t shown, size_t total) {
  return std::to_string(shown) + " of " + std::to_string(total) + (total == 1 ? " case" : " cases") + " shown";
}

}  // namespace la

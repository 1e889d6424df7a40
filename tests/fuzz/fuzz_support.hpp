#pragma once
// Shared by the fuzz targets (tests/fuzz/README.md): the shipped site catalog and mapping, and
// the checks every reader promises whatever its input: an error names the file, its field and a
// reason; nothing escapes but the reader's own exception type.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/column_mapping.hpp"
#include "core/importer.hpp"
#include "core/paths.hpp"
#include "core/site_catalog.hpp"

namespace la::fuzz {

inline std::string_view asText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A broken promise aborts, so libFuzzer keeps the input and a replay test fails on it.
[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz: property violated: %s\n", what.c_str());
  std::abort();
}
inline void check(bool ok, const std::string& what) {
  if (!ok) fail(what);
}

inline bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

inline const SiteCatalog& catalog() {
  static const SiteCatalog c = SiteCatalog::load(assetPath("sites.json"));
  return c;
}

// A shipped mapping, so mapped import runs on fuzzed tables too.
inline const ColumnMapping& shippedMapping() {
  static const ColumnMapping m = ColumnMapping::load(assetPath("mappings/ham10000.json"));
  return m;
}

// Lines as an editor counts them (LF, CRLF and a lone CR each end one).
inline int lineCount(std::string_view text) {
  int n = 1;
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++n;
  return n;
}

// What importText promises about any result: every problem names the file, a field and a
// reason; line numbers stay inside the text; counts add up.
inline void checkImport(const ImportResult& r, const std::string& label, std::string_view text) {
  const int lines = lineCount(text);
  for (const Problem& p : r.problems) {
    // Tested first, formatted only on failure: a fuzzed table can hold thousands of problems.
    const bool good = p.file == label && !p.field.empty() && !p.reason.empty() && p.line >= 0 &&
                      (p.lineIsRecord || p.line <= lines);
    if (!good) fail("problem without its file, field, reason or a line inside the text: " + p.format());
  }
  for (const Case& c : r.data.cases) {
    // Ages are numbers a person can have; NaN or infinity must never get through.
    const Age& a = c.age;
    if (a.kind == Age::Kind::Exact) check(a.years >= 0 && a.years <= 120, "case " + c.id + ": age outside 0-120");
    if (a.kind == Age::Kind::Range)
      check(a.min >= 0 && a.min <= a.max && a.max <= 120, "case " + c.id + ": age range outside 0-120");
    for (const Lesion& l : c.lesions) check(catalog().byId(l.siteId) != nullptr, "case " + c.id + ": unknown site id");
  }
  if (r.ok) {
    check(r.data.cases.size() == r.loaded, "loaded count differs from the cases kept");
    check(!r.data.tables.empty(), "ok import without a table");
  } else {
    check(r.data.cases.empty() && r.loaded == 0, "failed import kept cases");
    check(countProblems(r.problems, Severity::Error) > 0, "failed import without an error");
  }
}

}  // namespace la::fuzz

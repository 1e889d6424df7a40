#pragma once
// A problem found while reading a data file: the unit of every error report in the core.
#include <string>
#include <vector>

namespace la {

enum class Severity {
  Error,    // the record (or, for a file-level problem, the whole file) was not loaded
  Warning,  // the record was loaded, but something was kept in a weaker form (e.g. an unknown site)
};

struct Problem {
  std::string file;    // as given by the caller (path or label)
  int line = 0;        // 1-based line where the record starts; 0 for the file as a whole
  std::string field;   // column name, or "(file)", "(header)", "(record)"
  std::string reason;  // human-readable, names the offending value
  Severity severity = Severity::Error;
  bool lineIsRecord = false;  // JSON input: `line` is the 1-based record index, printed as "#N"

  // "file:line: field: reason" (JSON input: "file:#N: field: reason").
  std::string format() const;
  // The same, led by its severity: "error: ..." or "warning: ...", as the CLI and the window show it.
  std::string describe() const;
};

// Number of problems with the given severity.
size_t countProblems(const std::vector<Problem>& problems, Severity severity);

}  // namespace la

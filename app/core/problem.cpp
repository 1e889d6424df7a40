#include "core/problem.hpp"

#include <algorithm>

namespace la {

std::string Problem::format() const {
  std::string out = file;
  out += ':';
  if (lineIsRecord) out += '#';
  out += std::to_string(line);
  out += ": ";
  out += field;
  out += ": ";
  out += reason;
  return out;
}

std::string Problem::describe() const {
  return (severity == Severity::Warning ? "warning: " : "error: ") + format();
}

size_t countProblems(const std::vector<Problem>& problems, Severity severity) {
  return static_cast<size_t>(std::count_if(problems.begin(), problems.end(),
                                           [&](const Problem& p) { return p.severity == severity; }));
}

}  // namespace la

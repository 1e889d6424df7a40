#include "core/json_text.hpp"

namespace la {

int jsonLineTooDeep(std::string_view text, int maxDepth) {
  int depth = 0, line = 1;
  bool inString = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (inString) {
      if (c == '\\') ++i;  // an escaped quote does not end the string
      else if (c == '"') inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > maxDepth) return line;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return 0;
}

int lineAtByte(std::string_view text, std::size_t offset) {
  int line = 1;
  // Bytes before the failing one; a newline that is itself the failing byte ends the line it is on.
  for (std::size_t i = 0; i + 1 < offset && i < text.size(); ++i)
    if (text[i] == '\n') ++line;
  return line;
}

}  // namespace la

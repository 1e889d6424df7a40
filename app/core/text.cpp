#include "core/text.hpp"

#include <ostream>

#include <nlohmann/json.hpp>

namespace la {

const std::string& Text::emptyString() {
  static const std::string empty;
  return empty;
}

std::ostream& operator<<(std::ostream& out, const Text& t) { return out << t.str(); }

void to_json(nlohmann::json& j, const Text& t) { j = t.str(); }

void from_json(const nlohmann::json& j, Text& t) { t = j.get<std::string>(); }

}  // namespace la

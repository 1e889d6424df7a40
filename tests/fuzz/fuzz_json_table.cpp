// Fuzz target: JSON case tables (core/importer: an array of records, or an object with a
// "records"/"rows"/"cases" array), read with the built-in layout and with a shipped mapping.
#include "fuzz_support.hpp"

using namespace la;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::asText(data, size);
  const std::string label = "fuzz.json";
  fuzz::checkImport(importText(text, label, true, nullptr, fuzz::catalog()), label, text);
  fuzz::checkImport(importText(text, label, true, &fuzz::shippedMapping(), fuzz::catalog()), label, text);
  return 0;
}

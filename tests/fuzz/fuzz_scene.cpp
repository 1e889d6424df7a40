// Fuzz target: scene files (core/scene_file, scenes/*.json). The parser under test is the one
// function parse() below: when the scene format changes, point it (and serialize) at the new one.
#include "core/scene_file.hpp"

#include "fuzz_support.hpp"

using namespace la;
using la::fuzz::check;

namespace {
ViewModel parse(const std::string& text, const std::string& label) { return parseScene(text, label); }
std::string serialize(const ViewModel& s) { return serializeScene(s); }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string label = "fuzz.scene.json";
  ViewModel s;
  try {
    s = parse(std::string(fuzz::asText(data, size)), label);
  } catch (const SceneError& e) {
    check(fuzz::startsWith(e.what(), label + ":"), std::string("error does not name the file: ") + e.what());
    return 0;
  }
  // A scene that loads is saved and loaded again unchanged (what the window's Save does).
  const std::string once = serialize(s);
  ViewModel back;
  try {
    back = parse(once, label);
  } catch (const SceneError& e) {
    fuzz::fail(std::string("a saved scene does not load: ") + e.what());
  }
  check(serialize(back) == once, "scene changed on a round trip");
  return 0;
}

#include "core/scene_file.hpp"

#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/input_limits.hpp"
#include "core/paths.hpp"
#include "core/scene_filter_json.hpp"

using nlohmann::json;

namespace la {
namespace {

// Reads one scene object; every failure names the origin and the field.
struct Reader {
  const json& j;
  const std::string& origin;

  [[noreturn]] void fail(const std::string& field, const std::string& why) const {
    throw SceneError(origin + ": " + field + ": " + why);
  }
  std::array<double, 3> vec3(const json& v, const std::string& field) const {
    if (!v.is_array() || v.size() != 3) fail(field, "expected an array of 3 numbers");
    std::array<double, 3> out{};
    for (size_t i = 0; i < 3; ++i) {
      if (!v[i].is_number()) fail(field, "element " + std::to_string(i) + " is not a number");
      out[i] = v[i].get<double>();
    }
    return out;
  }
  std::array<double, 3> color(const json& v, const std::string& field) const {
    const auto c = vec3(v, field);
    for (double x : c)
      if (!(x >= 0 && x <= 1)) fail(field, "colour components must be within 0..1");
    return c;
  }
  std::string text(const json& v, const std::string& field) const {
    if (!v.is_string()) fail(field, "expected a string");
    return v.get<std::string>();
  }
  bool flag(const json& v, const std::string& field) const {
    if (!v.is_boolean()) fail(field, "expected true or false");
    return v.get<bool>();
  }
  std::vector<std::string> strings(const json& v, const std::string& field) const {
    if (!v.is_array()) fail(field, "expected an array of strings");
    std::vector<std::string> out;
    for (const auto& e : v) out.push_back(text(e, field));
    return out;
  }
  template <class E, class Parse>
  E word(const char* key, Parse parse, const char* choices) const {
    const std::string w = text(j[key], key);
    const auto v = parse(w);
    if (!v) fail(key, "unknown value '" + w + "' (expected " + choices + ")");
    return *v;
  }
};

void readCamera(const Reader& r, const json& c, CameraSpec& cam) {
  if (!c.is_object()) r.fail("camera", "expected an object");
  if (c.contains("preset")) {
    cam.preset = r.text(c["preset"], "camera.preset");
    if (!isCameraPreset(cam.preset))
      r.fail("camera.preset", "unknown view '" + cam.preset + "' (front, back, left, right, three-quarter, top)");
  }
  if (c.contains("position")) cam.position = r.vec3(c["position"], "camera.position");
  if (c.contains("focal_point")) cam.focalPoint = r.vec3(c["focal_point"], "camera.focal_point");
  if (c.contains("view_up")) cam.viewUp = r.vec3(c["view_up"], "camera.view_up");
  if (cam.position.has_value() != cam.focalPoint.has_value())
    r.fail("camera", "position and focal_point must be given together");
  if (c.contains("view_angle")) {
    if (!c["view_angle"].is_number()) r.fail("camera.view_angle", "expected a number");
    cam.viewAngle = c["view_angle"].get<double>();
    if (!(cam.viewAngle > 1 && cam.viewAngle < 170)) r.fail("camera.view_angle", "must be between 1 and 170 degrees");
  }
  if (c.contains("zoom")) {
    if (!c["zoom"].is_number() || !(c["zoom"].get<double>() > 0 && c["zoom"].get<double>() < 1000))
      r.fail("camera.zoom", "expected a positive number below 1000");
    cam.zoom = c["zoom"].get<double>();
  }
}

void readTables(const Reader& r, const json& t, ViewModel& vm) {
  if (!t.is_array()) r.fail("tables", "expected an array of {\"path\", \"mapping\", \"sha256\"}");
  for (size_t i = 0; i < t.size(); ++i) {
    const std::string f = "tables[" + std::to_string(i) + "]";
    if (!t[i].is_object() || !t[i].contains("path")) r.fail(f, "expected an object with a \"path\"");
    TableRef ref;
    ref.path = r.text(t[i]["path"], f + ".path");
    if (ref.path.empty()) r.fail(f + ".path", "empty path");
    if (t[i].contains("mapping")) ref.mapping = r.text(t[i]["mapping"], f + ".mapping");
    if (t[i].contains("sha256")) ref.sha256 = r.text(t[i]["sha256"], f + ".sha256");
    vm.tables.push_back(ref);
  }
}

void readCompare(const Reader& r, const json& c, ViewModel& vm) {
  if (!c.is_object()) r.fail("compare", "expected an object with \"a\" and \"b\"");
  std::array<ComparePane, 2> panes;
  const char* keys[2] = {"a", "b"};
  for (int i = 0; i < 2; ++i) {
    const std::string f = std::string("compare.") + keys[i];
    if (!c.contains(keys[i])) r.fail(f, "missing: a comparison needs both \"a\" and \"b\"");
    const json& p = c[keys[i]];
    if (!p.is_object()) r.fail(f, "expected an object with \"label\" and \"filter\"");
    if (p.contains("label")) panes[size_t(i)].label = r.text(p["label"], f + ".label");
    if (p.contains("filter")) panes[size_t(i)].filter = filterFromJson(p["filter"], r.origin, f + ".filter");
  }
  vm.compare = panes;
}

void readLooks(const Reader& r, ViewModel& vm) {
  const json& j = r.j;
  if (j.contains("background")) {
    if (j["background"].is_string()) {
      if (j["background"].get<std::string>() != "transparent")
        r.fail("background", "expected [r,g,b] or \"transparent\"");
      vm.transparentBackground = true;
    } else {
      vm.background = r.color(j["background"], "background");
    }
  }
  if (j.contains("skin_color")) vm.skinColor = r.color(j["skin_color"], "skin_color");
  if (j.contains("title")) vm.title = r.text(j["title"], "title");
  if (j.contains("caption")) vm.caption = r.text(j["caption"], "caption");
  if (j.contains("legend")) vm.showLegend = r.flag(j["legend"], "legend");
  if (j.contains("markers")) vm.showMarkers = r.flag(j["markers"], "markers");
  if (j.contains("highlight")) vm.highlight = r.text(j["highlight"], "highlight");
}

void readModes(const Reader& r, ViewModel& vm) {
  const json& j = r.j;
  if (j.contains("mode")) vm.mode = r.word<ViewMode>("mode", parseViewMode, "\"markers\" or \"choropleth\"");
  if (j.contains("count"))
    vm.count = r.word<CountUnit>("count", parseCountUnit, "\"cases\", \"patients\" or \"lesions\"");
  if (j.contains("color_by"))
    vm.colorBy = r.word<ColorBy>("color_by", parseColorBy, "subtype, age_band, sex, variant or category");
  if (j.contains("figures")) vm.figures = r.word<Figures>("figures", parseFigures, "\"one\" or \"both\"");
  if (j.contains("rare_max")) {
    if (!j["rare_max"].is_number_integer() || j["rare_max"].get<long long>() < 0 ||
        j["rare_max"].get<long long>() > 1000000)
      r.fail("rare_max", "expected a whole number from 0 to 1000000");
    vm.rareMax = j["rare_max"].get<int>();
  }
}

const char* const kKeys[] = {"version", "tables", "body", "figures", "mesh_include", "mesh_exclude", "filter",
                             "compare", "mode", "count", "color_by", "rare_max", "camera", "background",
                             "skin_color", "title", "caption", "legend", "markers", "highlight"};

ViewModel readScene(const Reader& r) {
  const json& j = r.j;
  for (const auto& [key, value] : j.items()) {
    bool ok = false;
    for (const char* k : kKeys) ok = ok || key == k;
    if (!ok) r.fail(key, "unknown key");
  }
  if (j.contains("version")) {
    if (!j["version"].is_number_integer()) r.fail("version", "expected an integer");
    const long long v = j["version"].get<long long>();
    if (v > ViewModel::kFormatVersion)
      r.fail("version", std::to_string(v) + " is newer than this program reads (" +
                            std::to_string(ViewModel::kFormatVersion) + ")");
    if (v < 1) r.fail("version", "expected 1 or 2");
  }
  ViewModel vm;
  if (j.contains("tables")) readTables(r, j["tables"], vm);
  if (j.contains("body")) {
    vm.body = r.text(j["body"], "body");
    if (vm.body.empty()) r.fail("body", "expected \"male\", \"female\" or a mesh file path");
  }
  if (j.contains("mesh_include")) vm.meshInclude = r.strings(j["mesh_include"], "mesh_include");
  if (j.contains("mesh_exclude")) vm.meshExclude = r.strings(j["mesh_exclude"], "mesh_exclude");
  if (j.contains("filter")) vm.filter = filterFromJson(j["filter"], r.origin, "filter");
  if (j.contains("compare")) readCompare(r, j["compare"], vm);
  readModes(r, vm);
  if (vm.compare && vm.figures == Figures::Both)
    r.fail("compare", "a comparison cannot also show both figures (drop \"figures\": \"both\" or \"compare\")");
  if (j.contains("camera")) readCamera(r, j["camera"], vm.camera);
  readLooks(r, vm);
  return vm;
}

json cameraToJson(const CameraSpec& c) {
  json j;
  j["preset"] = c.preset;
  if (c.position) j["position"] = *c.position;
  if (c.focalPoint) j["focal_point"] = *c.focalPoint;
  if (c.viewUp) j["view_up"] = *c.viewUp;
  j["view_angle"] = c.viewAngle;
  j["zoom"] = c.zoom;
  return j;
}

}  // namespace

ViewModel parseScene(const std::string& text, const std::string& origin) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    // nlohmann reports a byte offset; turn it into the line a person can find.
    size_t line = 1;
    for (size_t i = 0; i < e.byte && i < text.size(); ++i)
      if (text[i] == '\n') ++line;
    throw SceneError(origin + ":" + std::to_string(line) + ": not valid JSON: " + e.what());
  } catch (const json::exception& e) {
    // A number too large for a double (1e400) is out_of_range, not parse_error, and has no offset.
    throw SceneError(origin + ": not valid JSON: " + e.what());
  }
  if (!j.is_object()) throw SceneError(origin + ": the scene must be a JSON object");
  try {
    return readScene(Reader{j, origin});
  } catch (const json::exception& e) {
    throw SceneError(origin + ": " + e.what());
  }
}

ViewModel loadScene(const std::filesystem::path& path) {
  std::string text;
  try {
    text = readFile(path, limits::kSceneBytes);
  } catch (const IoError& e) {
    throw SceneError(e.what());
  }
  return parseScene(text, path.string());
}

std::string serializeScene(const ViewModel& vm) {
  json j;
  j["version"] = ViewModel::kFormatVersion;
  if (!vm.tables.empty()) {
    json t = json::array();
    for (const TableRef& r : vm.tables) {
      json e{{"path", r.path}};
      if (!r.mapping.empty()) e["mapping"] = r.mapping;
      if (!r.sha256.empty()) e["sha256"] = r.sha256;
      t.push_back(e);
    }
    j["tables"] = t;
  }
  j["body"] = vm.body;
  j["figures"] = toString(vm.figures);
  if (!vm.meshInclude.empty()) j["mesh_include"] = vm.meshInclude;
  if (!vm.meshExclude.empty()) j["mesh_exclude"] = vm.meshExclude;
  j["filter"] = filterToJson(vm.filter);
  if (vm.compare) {
    json c;
    const char* keys[2] = {"a", "b"};
    for (size_t i = 0; i < 2; ++i)
      c[keys[i]] = json{{"label", (*vm.compare)[i].label}, {"filter", filterToJson((*vm.compare)[i].filter)}};
    j["compare"] = c;
  }
  j["mode"] = toString(vm.mode);
  j["count"] = toString(vm.count);
  j["color_by"] = toString(vm.colorBy);
  j["rare_max"] = vm.rareMax;
  j["camera"] = cameraToJson(vm.camera);
  if (vm.transparentBackground) j["background"] = "transparent";
  else j["background"] = vm.background;
  j["skin_color"] = vm.skinColor;
  if (!vm.title.empty()) j["title"] = vm.title;
  if (!vm.caption.empty()) j["caption"] = vm.caption;
  j["legend"] = vm.showLegend;
  j["markers"] = vm.showMarkers;
  if (!vm.highlight.empty()) j["highlight"] = vm.highlight;
  return j.dump(2) + "\n";
}

void saveScene(const ViewModel& vm, const std::filesystem::path& path) { writeFileAtomically(path, serializeScene(vm)); }

void validateScene(const ViewModel& vm, const SiteCatalog& catalog, const std::string& origin) {
  auto check = [&](const CaseFilter& f, const std::string& field) {
    if (!resolvedSite(f, catalog))
      throw SceneError(origin + ": " + field + ".site: unknown site '" + f.site + "' (see `lesion-atlas sites`)");
  };
  check(vm.filter, "filter");
  if (vm.compare) {
    check((*vm.compare)[0].filter, "compare.a.filter");
    check((*vm.compare)[1].filter, "compare.b.filter");
  }
}

std::filesystem::path resolveBodyPath(const std::string& body, const std::filesystem::path& sceneDir) {
  if (body == "male" || body == "female") return assetPath("bodies/" + body + ".glb");
  // A crude stand-in figure used by tests of the proportional placement; it still goes through Assimp.
  if (body == "placeholder") return assetPath("bodies/placeholder.obj");
  std::filesystem::path p(body);
  if (p.is_relative() && !sceneDir.empty()) p = sceneDir / p;
  return p;
}

}  // namespace la

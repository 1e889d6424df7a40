#include "core/scene.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/paths.hpp"

using nlohmann::json;

namespace la {
namespace {

std::array<double, 3> vec3(const json& j, const std::string& field, const std::string& origin) {
  if (!j.is_array() || j.size() != 3)
    throw SceneError(origin + ": " + field + ": expected an array of 3 numbers");
  std::array<double, 3> v{};
  for (size_t i = 0; i < 3; ++i) {
    if (!j[i].is_number()) throw SceneError(origin + ": " + field + ": element " + std::to_string(i) + " is not a number");
    v[i] = j[i].get<double>();
  }
  return v;
}

std::array<double, 3> color(const json& j, const std::string& field, const std::string& origin) {
  auto c = vec3(j, field, origin);
  for (double x : c)
    if (x < 0 || x > 1) throw SceneError(origin + ": " + field + ": colour components must be within 0..1");
  return c;
}

std::vector<std::string> strings(const json& j, const std::string& field, const std::string& origin) {
  if (!j.is_array()) throw SceneError(origin + ": " + field + ": expected an array of strings");
  std::vector<std::string> out;
  for (const auto& e : j) {
    if (!e.is_string()) throw SceneError(origin + ": " + field + ": expected an array of strings");
    out.push_back(e.get<std::string>());
  }
  return out;
}

}  // namespace

const std::vector<std::string>& cameraPresetNames() {
  static const std::vector<std::string> names{"front", "back", "left", "right", "top", "three-quarter"};
  return names;
}

Scene parseScene(const std::string& text, const std::string& origin) {
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
  Scene s;
  if (j.contains("version")) {
    if (!j["version"].is_number_integer()) throw SceneError(origin + ": version: expected an integer");
    int v = j["version"].get<int>();
    if (v > Scene::kFormatVersion)
      throw SceneError(origin + ": version: " + std::to_string(v) + " is newer than this program reads (" +
                       std::to_string(Scene::kFormatVersion) + ")");
  }
  try {
    if (j.contains("body")) {
      if (!j["body"].is_string() || j["body"].get<std::string>().empty())
        throw SceneError(origin + ": body: expected \"male\", \"female\" or a mesh file path");
      s.body = j["body"].get<std::string>();
    }
    if (j.contains("mesh_include")) s.meshInclude = strings(j["mesh_include"], "mesh_include", origin);
    if (j.contains("mesh_exclude")) s.meshExclude = strings(j["mesh_exclude"], "mesh_exclude", origin);
    if (j.contains("camera")) {
      const json& c = j["camera"];
      if (!c.is_object()) throw SceneError(origin + ": camera: expected an object");
      if (c.contains("preset")) {
        if (!c["preset"].is_string()) throw SceneError(origin + ": camera.preset: expected a string");
        s.camera.preset = c["preset"].get<std::string>();
        const auto& presets = cameraPresetNames();
        if (std::find(presets.begin(), presets.end(), s.camera.preset) == presets.end())
          throw SceneError(origin + ": camera.preset: unknown view '" + s.camera.preset +
                           "' (front, back, left, right, top, three-quarter)");
      }
      if (c.contains("position")) s.camera.position = vec3(c["position"], "camera.position", origin);
      if (c.contains("focal_point")) s.camera.focalPoint = vec3(c["focal_point"], "camera.focal_point", origin);
      if (c.contains("view_up")) s.camera.viewUp = vec3(c["view_up"], "camera.view_up", origin);
      if (s.camera.position.has_value() != s.camera.focalPoint.has_value())
        throw SceneError(origin + ": camera: position and focal_point must be given together");
      if (c.contains("view_angle")) {
        if (!c["view_angle"].is_number()) throw SceneError(origin + ": camera.view_angle: expected a number");
        s.camera.viewAngle = c["view_angle"].get<double>();
        if (!(s.camera.viewAngle > 1 && s.camera.viewAngle < 170))
          throw SceneError(origin + ": camera.view_angle: must be between 1 and 170 degrees");
      }
      if (c.contains("zoom")) {
        if (!c["zoom"].is_number() || c["zoom"].get<double>() <= 0)
          throw SceneError(origin + ": camera.zoom: expected a positive number");
        s.camera.zoom = c["zoom"].get<double>();
      }
    }
    if (j.contains("background")) {
      if (j["background"].is_string()) {
        if (j["background"].get<std::string>() != "transparent")
          throw SceneError(origin + ": background: expected [r,g,b] or \"transparent\"");
        s.transparentBackground = true;
      } else {
        s.background = color(j["background"], "background", origin);
      }
    }
    if (j.contains("skin_color")) s.skinColor = color(j["skin_color"], "skin_color", origin);
    if (j.contains("title")) {
      if (!j["title"].is_string()) throw SceneError(origin + ": title: expected a string");
      s.title = j["title"].get<std::string>();
    }
    if (j.contains("markers")) {
      if (!j["markers"].is_boolean()) throw SceneError(origin + ": markers: expected true or false");
      s.showMarkers = j["markers"].get<bool>();
    }
    if (j.contains("filter")) {
      const json& f = j["filter"];
      if (!f.is_object()) throw SceneError(origin + ": filter: expected an object");
      auto text = [&](const char* key) -> std::string {
        if (!f.contains(key)) return {};
        if (!f[key].is_string()) throw SceneError(origin + ": filter." + key + ": expected a string");
        return f[key].get<std::string>();
      };
      if (f.contains("subtypes")) s.filter.subtypes = strings(f["subtypes"], "filter.subtypes", origin);
      s.filter.sex = text("sex");
      s.filter.age = text("age");
      if (f.contains("age_mode")) s.filter.ageMode = text("age_mode");
      s.filter.site = text("site");
      s.filter.ossification = text("ossification");
      s.filter.variant = text("variant");
      if (f.contains("include_unknown_age")) {
        if (!f["include_unknown_age"].is_boolean())
          throw SceneError(origin + ": filter.include_unknown_age: expected true or false");
        s.filter.includeUnknownAge = f["include_unknown_age"].get<bool>();
      }
      // Everything but the site is checked now; the site needs the catalog (toCaseFilter).
      for (const auto& st : s.filter.subtypes)
        if (!parseSubtype(st)) throw SceneError(origin + ": filter.subtypes: unknown subtype '" + st + "'");
      if (!s.filter.sex.empty() && s.filter.sex != "F" && s.filter.sex != "M")
        throw SceneError(origin + ": filter.sex: expected \"F\" or \"M\", got '" + s.filter.sex + "'");
      if (!s.filter.age.empty()) {
        std::string err;
        if (!parseAgeBounds(s.filter.age, &err)) throw SceneError(origin + ": filter.age: " + err);
      }
      if (s.filter.ageMode != "overlaps" && s.filter.ageMode != "inside")
        throw SceneError(origin + ": filter.age_mode: expected \"overlaps\" or \"inside\"");
      if (!s.filter.ossification.empty() && s.filter.ossification != "yes" && s.filter.ossification != "no")
        throw SceneError(origin + ": filter.ossification: expected \"yes\" or \"no\"");
    }
    if (j.contains("highlight")) {
      if (!j["highlight"].is_string()) throw SceneError(origin + ": highlight: expected a case id string");
      s.highlight = j["highlight"].get<std::string>();
    }
    if (j.contains("legend")) {
      if (!j["legend"].is_boolean()) throw SceneError(origin + ": legend: expected true or false");
      s.showLegend = j["legend"].get<bool>();
    }
  } catch (const json::exception& e) {
    throw SceneError(origin + ": " + e.what());
  }
  return s;
}

Scene loadScene(const std::filesystem::path& path) {
  std::string text;
  try {
    text = readFile(path);
  } catch (const IoError& e) {
    throw SceneError(e.what());
  }
  return parseScene(text, path.string());
}

std::string serializeScene(const Scene& s) {
  json j;
  j["version"] = Scene::kFormatVersion;
  j["body"] = s.body;
  if (!s.meshInclude.empty()) j["mesh_include"] = s.meshInclude;
  if (!s.meshExclude.empty()) j["mesh_exclude"] = s.meshExclude;
  json c;
  c["preset"] = s.camera.preset;
  if (s.camera.position) c["position"] = *s.camera.position;
  if (s.camera.focalPoint) c["focal_point"] = *s.camera.focalPoint;
  if (s.camera.viewUp) c["view_up"] = *s.camera.viewUp;
  c["view_angle"] = s.camera.viewAngle;
  c["zoom"] = s.camera.zoom;
  j["camera"] = c;
  if (s.transparentBackground)
    j["background"] = "transparent";
  else
    j["background"] = s.background;
  j["skin_color"] = s.skinColor;
  if (!s.title.empty()) j["title"] = s.title;
  j["legend"] = s.showLegend;
  j["markers"] = s.showMarkers;
  if (!s.highlight.empty()) j["highlight"] = s.highlight;
  if (!s.filter.empty() || s.filter.includeUnknownAge) {
    json f = json::object();
    if (!s.filter.subtypes.empty()) f["subtypes"] = s.filter.subtypes;
    if (!s.filter.sex.empty()) f["sex"] = s.filter.sex;
    if (!s.filter.age.empty()) {
      f["age"] = s.filter.age;
      f["age_mode"] = s.filter.ageMode;
    }
    if (s.filter.includeUnknownAge) f["include_unknown_age"] = true;
    if (!s.filter.site.empty()) f["site"] = s.filter.site;
    if (!s.filter.ossification.empty()) f["ossification"] = s.filter.ossification;
    if (!s.filter.variant.empty()) f["variant"] = s.filter.variant;
    j["filter"] = f;
  }
  return j.dump(2) + "\n";
}

void saveScene(const Scene& scene, const std::filesystem::path& path) {
  writeFileAtomically(path, serializeScene(scene));
}

CaseFilter toCaseFilter(const SceneFilter& f, const SiteCatalog& catalog, const std::string& origin) {
  CaseFilter c;
  for (const auto& st : f.subtypes) {
    auto v = parseSubtype(st);
    if (!v) throw SceneError(origin + ": filter.subtypes: unknown subtype '" + st + "'");
    c.subtypes.push_back(*v);
  }
  if (f.sex == "F") c.sex = Sex::Female;
  if (f.sex == "M") c.sex = Sex::Male;
  if (!f.age.empty()) {
    std::string err;
    c.age = parseAgeBounds(f.age, &err);
    if (!c.age) throw SceneError(origin + ": filter.age: " + err);
  }
  c.ageMode = f.ageMode == "inside" ? AgeMode::Inside : AgeMode::Overlaps;
  c.includeUnknownAge = f.includeUnknownAge;
  if (!f.site.empty()) {
    const Site* site = catalog.find(f.site);
    if (!site) throw SceneError(origin + ": filter.site: unknown site '" + f.site + "' (see `lesion-atlas sites`)");
    c.siteId = site->id;
  }
  if (f.ossification == "yes") c.ossification = Ossification::Yes;
  if (f.ossification == "no") c.ossification = Ossification::No;
  c.variant = f.variant;
  return c;
}

SceneFilter fromCaseFilter(const CaseFilter& c) {
  SceneFilter f;
  for (Subtype st : c.subtypes) f.subtypes.push_back(toString(st));
  if (c.sex) f.sex = *c.sex == Sex::Female ? "F" : (*c.sex == Sex::Male ? "M" : "");
  if (c.age) f.age = formatNumber(c.age->min) + "-" + formatNumber(c.age->max);
  f.ageMode = c.ageMode == AgeMode::Inside ? "inside" : "overlaps";
  f.includeUnknownAge = c.includeUnknownAge;
  f.site = c.siteId;
  if (c.ossification) f.ossification = *c.ossification == Ossification::Yes ? "yes" : (*c.ossification == Ossification::No ? "no" : "");
  f.variant = c.variant;
  return f;
}

std::filesystem::path resolveBodyPath(const std::string& body, const std::filesystem::path& sceneDir) {
  if (body == "male" || body == "female") return assetPath("bodies/" + body + ".glb");
  // A crude stand-in figure used until the built-in bodies exist; it still goes through Assimp.
  if (body == "placeholder") return assetPath("bodies/placeholder.obj");
  std::filesystem::path p(body);
  if (p.is_relative() && !sceneDir.empty()) p = sceneDir / p;
  return p;
}

}  // namespace la

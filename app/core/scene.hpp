#pragma once
// A scene file: everything needed to redraw a view of the atlas (which body, camera, background,
// title), saved as JSON so an educator can reopen a slide next year or re-render it headlessly.
#include <array>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/case_filter.hpp"
#include "core/site_catalog.hpp"

namespace la {

struct SceneError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct CameraSpec {
  // A named view ("front", "back", "left", "right", "top", "three-quarter") framed on the body,
  // used when no explicit position is stored.
  std::string preset = "front";
  std::optional<std::array<double, 3>> position, focalPoint, viewUp;
  double viewAngle = 30.0;  // degrees, vertical
  double zoom = 1.0;        // applied after framing a preset
};

// Which cases a scene shows, as written in the file (the same words as `query` options).
struct SceneFilter {
  std::vector<std::string> subtypes;  // empty: all
  std::string sex;                    // "", "F", "M"
  std::string age;                    // "", "A-B"
  std::string ageMode = "overlaps";   // or "inside"
  bool includeUnknownAge = false;
  std::string site;                   // catalog id, name or synonym; "" = every site
  std::string ossification;           // "", "yes", "no"
  std::string variant;
  bool empty() const {
    return subtypes.empty() && sex.empty() && age.empty() && site.empty() && ossification.empty() && variant.empty();
  }
};

struct Scene {
  static constexpr int kFormatVersion = 1;

  // "male", "female" (built-in figures) or a mesh file path; relative paths are resolved
  // against the scene file's folder.
  std::string body = "male";
  std::vector<std::string> meshInclude, meshExclude;  // see render::MeshLoadOptions
  CameraSpec camera;
  std::array<double, 3> background{1.0, 1.0, 1.0};  // RGB 0..1; plain and uniform by default
  bool transparentBackground = false;
  std::array<double, 3> skinColor{0.87, 0.74, 0.66};
  std::string title;
  bool showLegend = true;
  bool showMarkers = true;
  SceneFilter filter;
  std::string highlight;  // a case id whose markers are ringed (e.g. the index case)
};

// The camera presets a scene (or `render --view`) may name.
const std::vector<std::string>& cameraPresetNames();

// Parses a scene from JSON text; `origin` names the file in error messages.
// Throws SceneError("<origin>: <field>: <reason>").
Scene parseScene(const std::string& jsonText, const std::string& origin);
Scene loadScene(const std::filesystem::path& path);  // throws SceneError (also for I/O)
std::string serializeScene(const Scene& scene);
void saveScene(const Scene& scene, const std::filesystem::path& path);  // atomic; throws IoError

// Turns a scene's filter into the core filter, resolving the site through the catalog.
// Throws SceneError("<origin>: filter.<field>: <reason>").
CaseFilter toCaseFilter(const SceneFilter& f, const SiteCatalog& catalog, const std::string& origin);
// The inverse, for saving what the user set in the window.
SceneFilter fromCaseFilter(const CaseFilter& f);

// Resolves scene.body to a mesh file: built-in names map to assets/bodies/<name>.glb.
std::filesystem::path resolveBodyPath(const std::string& body, const std::filesystem::path& sceneDir);

}  // namespace la

#pragma once
// The view model: everything one picture of the atlas needs, and nothing else. The window's
// widgets edit it, the scene file is its JSON form (core/scene_file.hpp), and render::compose
// turns it into a picture for the window, its export, `render`, `slides` and later turntables
// and presentations. Data (tables, catalog, meshes) is named here, never held.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/case_filter.hpp"
#include "core/count_unit.hpp"

namespace la {

struct CameraSpec {
  // A named view (see cameraPresetNames()) framed on the figure(s), used when no explicit
  // position is stored.
  std::string preset = "front";
  std::optional<std::array<double, 3>> position, focalPoint, viewUp;
  double viewAngle = 30.0;  // degrees, vertical
  double zoom = 1.0;        // applied after framing a preset
};

// A table shown instead of the built-in dataset: the file, how to read it, and the SHA-256 of the
// file when the view was saved (so a reopened view can say that its table changed).
struct TableRef {
  std::string path;     // as written; relative paths resolve against the scene file's folder
  std::string mapping;  // shipped mapping id or mapping file; empty = the built-in case layout
  std::string sha256;   // lower-case hex; empty when unknown
};

enum class ViewMode { Markers, Choropleth };
enum class ColorBy { Subtype, AgeBand, Sex, Variant, Category };
enum class Figures { One, Both };

// One side of a comparison: its own label and filter, drawn with the scene's mode and colouring.
struct ComparePane {
  std::string label;
  CaseFilter filter;
};

struct ViewModel {
  static constexpr int kFormatVersion = 2;

  std::vector<TableRef> tables;  // empty: the built-in dataset
  // "male", "female" (built-in figures) or a mesh file path (relative to the scene's folder).
  // With Figures::Both the built-in male and female figures are drawn side by side instead.
  std::string body = "male";
  Figures figures = Figures::One;
  std::vector<std::string> meshInclude, meshExclude;  // see render::MeshLoadOptions
  CaseFilter filter;
  std::optional<std::array<ComparePane, 2>> compare;  // two filters side by side (then `filter` is unused)
  ViewMode mode = ViewMode::Markers;
  CountUnit count = CountUnit::Cases;  // what a choropleth counts (cases, patients or lesions)
  ColorBy colorBy = ColorBy::Subtype;
  int rareMax = 2;                     // sites with at most this many cases are marked rare
  CameraSpec camera;
  std::array<double, 3> background{1.0, 1.0, 1.0};  // RGB 0..1; plain and uniform by default
  bool transparentBackground = false;
  std::array<double, 3> skinColor{0.87, 0.74, 0.66};
  std::string title;    // empty: a title made from the data and the mode (defaultTitle)
  std::string caption;  // extra text put before the generated caption lines
  bool showLegend = true;
  bool showMarkers = true;
  std::string highlight;  // a case id whose markers are ringed (e.g. the index case)
};

// The one list of camera presets, in keyboard order (keys 1..6).
const std::vector<std::string>& cameraPresetNames();
bool isCameraPreset(std::string_view name);

// Names as written in scene files and on the command line, and their inverses.
const char* toString(ViewMode m);
const char* toString(CountUnit u);
const char* toString(ColorBy c);
const char* toString(Figures f);
std::optional<ViewMode> parseViewMode(std::string_view s);
std::optional<CountUnit> parseCountUnit(std::string_view s);
std::optional<ColorBy> parseColorBy(std::string_view s);
std::optional<Figures> parseFigures(std::string_view s);  // "one" or "both"

// True for the built-in figures ("male", "female", "placeholder").
bool isBuiltinBody(std::string_view body);

// The filters a view draws: one, or the two of a comparison.
std::vector<const CaseFilter*> viewFilters(const ViewModel& vm);

}  // namespace la

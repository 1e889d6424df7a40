#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "cli/data_loading.hpp"
#include "render/offscreen.hpp"

namespace la::cli {

// One headless picture: a scene (file or the default), optional overrides, an output PNG.
struct RenderJob {
  std::string scenePath;  // empty: scenes/default.json
  std::string body;       // empty: the scene's body
  std::vector<std::string> include, exclude;
  std::string view;       // empty: the scene's camera
  double zoom = 0;        // 0: the scene's
  std::string highlight;  // a case id whose markers get a halo
  std::vector<DataSpec> data;  // tables to show instead of the built-in dataset
  render::ImageOptions image;
  std::filesystem::path out;
};

// Starts a private Xvfb when there is no display, loads, renders, writes. Prints errors naming
// the file and reason to stderr. Returns an exit code (0 ok, 1 bad input).
int runRenderJob(const RenderJob& job);

// Prints the comparison; a missing reference is a failure that tells how to accept the image.
int compareWithReference(const std::filesystem::path& image, const std::filesystem::path& reference,
                         double threshold);

// Renders every *.json scene in `folder` (sorted by name) to `outDir`/<name>.png, printing
// progress; a broken scene is reported and the others still render. Returns 0, or 1 if any failed.
int renderSlides(const std::filesystem::path& folder, const std::filesystem::path& outDir, int width, int height);

bool parseSize(const std::string& text, int& w, int& h);

}  // namespace la::cli

#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cli/data_loading.hpp"
#include "core/view_model.hpp"
#include "render/compose.hpp"
#include "render/offscreen.hpp"

namespace la::cli {

// One headless picture: a scene (file or the default), command-line overrides, an output PNG.
// Overrides are a layer over the scene (defaults, then the file, then flags), applied by
// applyOverrides, so `render` and the window read the same view model.
struct RenderJob {
  std::string scenePath;  // empty: scenes/default.json
  std::string body;       // empty: the scene's body
  std::vector<std::string> include, exclude;
  std::string view;       // empty: the scene's camera
  double zoom = 0;        // 0: the scene's
  std::string highlight;  // a case id whose markers get a halo
  std::string mode, figures, colorBy, count;  // empty: the scene's
  std::vector<DataSpec> data;  // tables to show instead of the scene's
  render::ImageOptions image;
  std::filesystem::path out;
  bool references = false;  // also write <out>.txt and <out>.bib (core/references.hpp)
  bool verbose = false;     // print where the time went (load, render, read-back, encode, write)
};

// Reads the job's scene and applies its flags. Returns kOk, or kBadInput/kUsage after saying why.
int resolveView(const RenderJob& job, ViewModel& vm, std::filesystem::path& sceneDir, std::string& origin);

// Starts a private Xvfb when there is no display, loads, renders, writes. Prints errors naming
// the file and reason to stderr. Returns an exit code (0 ok, 1 bad input, 2 usage).
int runRenderJob(const RenderJob& job);

// Loads once what many pictures share (catalog, bodies, tables, one offscreen GL window), so a
// batch of slides does not pay for them again and again.
class RenderSession {
 public:
  RenderSession();
  ~RenderSession();
  // Loads what `vm` needs (once per session) and composes it into `picture`; returns an exit code
  // after printing warnings and errors (naming `origin`). A table that is gone is an error here.
  int compose(const ViewModel& vm, const std::filesystem::path& sceneDir, const std::string& origin,
              const render::ComposeOptions& options, render::Picture& picture, render::Composition& out);
  // Renders one view; returns an exit code after printing any error (naming `origin`). With
  // `references`, the references of the cases shown are written beside the picture.
  int render(const ViewModel& vm, const std::filesystem::path& sceneDir, const std::string& origin,
             const render::ImageOptions& image, const std::filesystem::path& out, bool references = false);
  // The references of what the last compose() showed, beside `picture`; an exit code.
  int writeReferences(const render::Composition& shown, const std::filesystem::path& picture);
  // The offscreen GL window every picture of the session is drawn in.
  render::OffscreenTarget& target();
  // Print, for every picture, where its time went (stderr): compose, render, read-back, encode, write.
  void setVerbose(bool verbose);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Prints the comparison; a missing reference is a failure that tells how to accept the image.
int compareWithReference(const std::filesystem::path& image, const std::filesystem::path& reference,
                         double threshold);

// Renders every *.json scene in `folder` (sorted by name) to `outDir`/<name>.png, printing
// progress; a broken scene is reported and the others still render. Returns 0, or 1 if any failed.
int renderSlides(const std::filesystem::path& folder, const std::filesystem::path& outDir, int width, int height,
                 bool references = false, bool verbose = false);

bool parseSize(const std::string& text, int& w, int& h);

}  // namespace la::cli

#include "cli/render_job.hpp"

#include <algorithm>
#include <iostream>
#include <vector>

#include <vtkPolyData.h>

#include "cli/commands.hpp"
#include "cli/xvfb.hpp"
#include "core/case_filter.hpp"
#include "core/importer.hpp"
#include "core/paths.hpp"
#include "core/site_catalog.hpp"
#include "core/scene.hpp"
#include "render/atlas_overlay.hpp"
#include "render/image_compare.hpp"
#include "render/site_placement.hpp"
#include "render/mesh_io.hpp"
#include "render/scene_loader.hpp"
#include "render/scene_view.hpp"

namespace fs = std::filesystem;

namespace la::cli {

int runRenderJob(const RenderJob& job) {
  Scene scene;
  fs::path sceneDir = fs::current_path();
  const fs::path scenePath = job.scenePath.empty() ? scenesDir() / "default.json" : fs::path(job.scenePath);
  try {
    scene = loadScene(scenePath);
    if (!job.scenePath.empty()) sceneDir = fs::absolute(scenePath).parent_path();
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  }
  if (!job.body.empty()) {
    scene.body = job.body;
    // A body given on the command line is relative to where the command runs, not to the scene.
    sceneDir = fs::current_path();
  }
  if (!job.include.empty()) scene.meshInclude = job.include;
  if (!job.exclude.empty()) scene.meshExclude = job.exclude;
  if (!job.view.empty()) {
    scene.camera = CameraSpec{};
    scene.camera.preset = job.view;
    const auto& presets = cameraPresetNames();
    if (std::find(presets.begin(), presets.end(), job.view) == presets.end()) {
      std::cerr << "error: --view: unknown view '" << job.view << "' (front, back, left, right, top, three-quarter)\n";
      return kUsage;
    }
  }
  if (job.image.transparent) scene.transparentBackground = true;
  if (job.zoom > 0) scene.camera.zoom = job.zoom;
  // The cases to draw: the built-in dataset through the scene's filter.
  SiteCatalog catalog;
  Dataset data;
  CaseFilter filter;
  try {
    catalog = SiteCatalog::load(assetPath("sites.json"));
    filter = toCaseFilter(scene.filter, catalog, scenePath.string());
    if (!loadData(job.data, catalog, data)) return kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  }
  const bool builtinBody = scene.body == "male" || scene.body == "female" || scene.body == "placeholder";
  const std::string bodyLabel =
      builtinBody ? "built-in " + scene.body : fs::path(scene.body).filename().string();
  try {
    PrivateDisplay display;
    render::SceneView view;
    vtkSmartPointer<vtkPolyData> body = render::loadSceneBody(scene, sceneDir);
    view.setBody(body);
    view.applyAppearance(scene);
    const SiteMap map = render::siteMapForBody(body, resolveBodyPath(scene.body, sceneDir), catalog);
    const render::Overlay overlay =
        render::buildOverlay(data, applyFilter(data, filter, catalog), catalog, map, body, bodyLabel);
    render::applyOverlay(view, overlay);
    const std::string highlight = job.highlight.empty() ? scene.highlight : job.highlight;
    if (!highlight.empty()) {
      auto it = std::find_if(data.cases.begin(), data.cases.end(), [&](const Case& c) { return c.id == highlight; });
      if (it == data.cases.end()) {
        std::cerr << "error: " << (job.highlight.empty() ? scenePath.string() + ": highlight" : std::string("--highlight"))
                  << ": no case with id " << highlight << "\n";
        return kBadInput;
      }
      view.setHighlightedCase(size_t(it - data.cases.begin()));
    }
    if (!scene.showMarkers) view.setMarkers({}, overlay.radius);
    if (!scene.showLegend) view.setLegend({});
    view.applyCamera(scene.camera, double(job.image.width) / job.image.height);
    render::renderToPng(view, job.image, job.out);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  }
  std::cout << job.out.string() << "\n";
  return kOk;
}

int renderSlides(const fs::path& folder, const fs::path& outDir, int width, int height) {
  std::vector<fs::path> scenes;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(folder, ec))
    if (e.is_regular_file() && e.path().extension() == ".json") scenes.push_back(e.path());
  if (ec) {
    std::cerr << "error: " << folder.string() << ": " << ec.message() << "\n";
    return kBadInput;
  }
  std::sort(scenes.begin(), scenes.end());
  if (scenes.empty()) {
    std::cerr << "error: " << folder.string() << ": no scene files (*.json)\n";
    return kBadInput;
  }
  fs::create_directories(outDir, ec);
  if (ec) {
    std::cerr << "error: " << outDir.string() << ": cannot create folder: " << ec.message() << "\n";
    return kBadInput;
  }
  try {
    PrivateDisplay display;  // one server for the whole batch
    size_t failed = 0;
    for (size_t i = 0; i < scenes.size(); ++i) {
      RenderJob job;
      job.scenePath = scenes[i].string();
      job.image.width = width;
      job.image.height = height;
      job.out = outDir / (scenes[i].stem().string() + ".png");
      std::cerr << "[" << i + 1 << "/" << scenes.size() << "] " << scenes[i].filename().string() << "\n";
      if (runRenderJob(job) != kOk) ++failed;
    }
    std::cerr << scenes.size() - failed << " of " << scenes.size() << " slides rendered\n";
    return failed ? kBadInput : kOk;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  }
}

int compareWithReference(const fs::path& image, const fs::path& reference, double threshold) {
  std::error_code ec;
  if (!fs::exists(reference, ec)) {
    std::cerr << "error: no baseline " << reference.string() << "; look at " << image.string()
              << " and, if it is right, copy it there\n";
    return kBadInput;
  }
  try {
    render::ImageComparison c = render::compareImages(image, reference);
    const bool ok = c.sizesMatch && c.error <= threshold;
    (ok ? std::cout : std::cerr) << (ok ? "match: " : "error: differs from baseline: ") << image.string()
                                 << " vs " << reference.string() << ": " << c.detail << " (threshold "
                                 << threshold << ")\n";
    return ok ? kOk : kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  }
}

}  // namespace la::cli

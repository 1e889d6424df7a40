// `lesion-atlas render`: the 3D view without panels, drawn offscreen at the requested size.
// `lesion-atlas compare`: the image comparison render tests use.
#include <filesystem>
#include <iostream>
#include <regex>

#include <vtkPolyData.h>

#include "cli/commands.hpp"
#include "cli/render_job.hpp"
#include "cli/xvfb.hpp"
#include "core/paths.hpp"
#include "core/scene_file.hpp"
#include "core/site_catalog.hpp"
#include "render/image_compare.hpp"

namespace fs = std::filesystem;

namespace la::cli {

bool parseSize(const std::string& text, int& w, int& h) {
  std::smatch m;
  static const std::regex re(R"(^\s*(\d{1,5})\s*[xX]\s*(\d{1,5})\s*$)");
  if (!std::regex_match(text, m, re)) return false;
  w = std::stoi(m[1]);
  h = std::stoi(m[2]);
  return w > 0 && h > 0;
}

namespace {

// `lesion-atlas scene FILE`: validates (syntax, values, sites against the catalog) and prints the
// canonical form, so printing that print again gives the same bytes.
int printScene(const std::string& file) {
  try {
    const ViewModel vm = loadScene(file);
    validateScene(vm, SiteCatalog::load(assetPath("sites.json")), file);
    std::cout << serializeScene(vm);
    return kOk;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  }
}

}  // namespace

void registerRenderCommand(CLI::App& app, int& exitCode) {
  struct Opts {
    std::string scene, body, size = "1920x1080", out, view, reference, highlight, mode, figures, colorBy, count;
    double zoom = 0;
    std::vector<std::string> include, exclude, dataFiles, mappings;
    CLI::Option* dataOpt = nullptr;
    CLI::Option* mappingOpt = nullptr;
    bool transparent = false, references = false, verbose = false;
    double threshold = render::kDefaultImageThreshold;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* r = app.add_subcommand("render", "Render the 3D view (no panels) to a PNG, headless");
  r->add_option("scene", o->scene, "Scene file (JSON) to render; default: the built-in default view");
  r->add_option("--body", o->body, "male, female, placeholder or a mesh file (overrides the scene)");
  r->add_option("--include", o->include, "Keep only meshes whose names match (glob, repeatable)");
  r->add_option("--exclude", o->exclude, "Drop meshes whose names match (glob, repeatable)");
  r->add_option("--size", o->size, "Image size WxH in pixels (default 1920x1080)");
  r->add_option("--view", o->view, "Camera preset: front, back, left, right, three-quarter, top");
  r->add_option("--zoom", o->zoom, "Magnify the framed view (e.g. 2 for a close-up)")->check(CLI::PositiveNumber);
  r->add_option("--highlight", o->highlight, "Draw a halo around the markers of this case (e.g. CC000)");
  r->add_flag("--transparent", o->transparent, "Transparent background (PNG alpha)");
  r->add_flag("--references", o->references,
              "Also write the references of the cases shown beside the picture (slide.txt, slide.bib)");
  r->add_option("--mode", o->mode, "markers (one marker per lesion) or choropleth (sites shaded by their count)");
  r->add_option("--figures", o->figures, "one (the scene's body) or both (male and female side by side)");
  r->add_option("--color-by", o->colorBy, "subtype, age_band, sex, variant, or category (a public table's diagnosis)");
  r->add_option("--count", o->count, "What a choropleth counts: cases, patients or lesions");
  o->dataOpt = r->add_option("--data", o->dataFiles, "Show cases from this table instead of the built-in dataset (repeatable)");
  o->mappingOpt = r->add_option("--mapping", o->mappings, "Column mapping (file or shipped id) for the --data before it");
  r->add_option("-o,--output", o->out, "Output PNG")->required();
  r->add_option("--reference", o->reference,
                "Compare with this baseline PNG; exit 1 when it differs (a missing baseline fails too)");
  r->add_option("--threshold", o->threshold, "Allowed comparison error (default 0.15)");
  r->add_flag("--verbose", o->verbose, "Print where the time went: load and compose, render, read-back, PNG encode, write");
  r->callback([o, r, &exitCode] {
    RenderJob job;
    if (!pairDataSpecs(r, o->dataOpt, o->dataFiles, o->mappingOpt, o->mappings, job.data)) {
      exitCode = kUsage;
      return;
    }
    if (!parseSize(o->size, job.image.width, job.image.height)) {
      std::cerr << "error: --size: expected WxH such as 1920x1080, got '" << o->size << "'\n";
      exitCode = kUsage;
      return;
    }
    job.image.transparent = o->transparent;
    job.scenePath = o->scene;
    job.body = o->body;
    job.include = o->include;
    job.exclude = o->exclude;
    job.view = o->view;
    job.zoom = o->zoom;
    job.highlight = o->highlight;
    job.mode = o->mode;
    job.figures = o->figures;
    job.colorBy = o->colorBy;
    job.count = o->count;
    job.out = o->out;
    job.references = o->references;
    job.verbose = o->verbose;
    exitCode = runRenderJob(job);
    if (exitCode != kOk || o->reference.empty()) return;
    exitCode = compareWithReference(o->out, o->reference, o->threshold);
  });

  auto sl = std::make_shared<Opts>();
  CLI::App* slides = app.add_subcommand("slides", "Re-render every scene (*.json) in a folder to PNGs, headless");
  slides->add_option("folder", sl->scene, "Folder of scene files")->required()->check(CLI::ExistingDirectory);
  slides->add_option("-o,--output", sl->out, "Folder for the pictures (created if missing)")->required();
  slides->add_option("--size", sl->size, "Image size WxH (default 1920x1080)");
  slides->add_flag("--references", sl->references, "Also write each slide's references (NAME.txt, NAME.bib)");
  slides->add_flag("--verbose", sl->verbose, "Print where each slide's time went (load and compose, render, read-back, encode, write)");
  slides->callback([sl, &exitCode] {
    int w, h;
    if (!parseSize(sl->size, w, h)) {
      std::cerr << "error: --size: expected WxH such as 1920x1080, got '" << sl->size << "'\n";
      exitCode = kUsage;
      return;
    }
    exitCode = renderSlides(sl->scene, sl->out, w, h, sl->references, sl->verbose);
  });

  auto sc = std::make_shared<Opts>();
  CLI::App* scene = app.add_subcommand("scene", "Check a scene file and print it as the atlas saves it (JSON only)");
  scene->add_option("file", sc->scene, "Scene file")->required();
  scene->callback([sc, &exitCode] { exitCode = printScene(sc->scene); });

  auto c = std::make_shared<Opts>();
  CLI::App* cmp = app.add_subcommand("compare", "Compare a PNG with a reference PNG (render tests)");
  cmp->add_option("image", c->out, "Image")->required();
  cmp->add_option("reference", c->reference, "Reference image")->required();
  cmp->add_option("--threshold", c->threshold, "Allowed error (default 0.15)");
  cmp->callback([c, &exitCode] { exitCode = compareWithReference(c->out, c->reference, c->threshold); });
}

}  // namespace la::cli

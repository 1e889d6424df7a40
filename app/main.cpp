// lesion-atlas: an interactive 3D atlas of where published lesions occur on the human body.
// With no sub-command the window opens; sub-commands work headless (see --help).
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/data_loading.hpp"
#include "cli/render_job.hpp"
#include "cli/xvfb.hpp"
#include "core/allocator_tuning.hpp"
#include "core/paths.hpp"
#include "core/scene_file.hpp"
#include "window/atlas_window.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  const auto launched = std::chrono::steady_clock::now();
  la::prepareAllocator();  // before anything big is allocated (core/allocator_tuning.hpp)
  CLI::App app{"lesion-atlas " + std::string(la::versionString()) +
               ": a 3D atlas of where published cases of calcinosis cutis occur on the body.\n"
               "Without a sub-command the atlas window opens (on a machine without a display it\n"
               "renders the default view to lesion-atlas-default.png instead).\n"
               "Exit codes: 0 ok, 1 bad input (missing or unreadable file, invalid data), 2 usage."};
  // The data folder is part of the answer: an installed or unpacked copy says which data it runs on.
  app.set_version_flag("--version", std::string("lesion-atlas ") + la::versionString() + "\ndata: " +
                                        la::assetsDir().string());
  std::string scenePath, body, screenshot, openCase;
  std::vector<std::string> dataFiles, mappings, include, exclude;
  app.add_option("--scene", scenePath, "Open this scene file (JSON) in the window");
  app.add_option("--body", body, "Body to show: male, female, placeholder or a mesh file");
  app.add_option("--include", include, "With --body FILE: keep only meshes whose names match (glob, repeatable)");
  app.add_option("--exclude", exclude, "With --body FILE: drop meshes whose names match (glob, repeatable)");
  app.add_option("--case", openCase, "Open the window on this case (e.g. CC000)");
  std::string view;
  bool verbose = false;
  app.add_flag("--verbose", verbose, "Print timings (e.g. launch to the first complete frame of the window)");
  app.add_option("--view", view, "Open the window with this camera preset (front, back, left, right, three-quarter, top)");
  CLI::Option* dataOpt = app.add_option("--data", dataFiles, "Show cases from this table instead of the built-in dataset (repeatable)");
  CLI::Option* mappingOpt = app.add_option("--mapping", mappings, "Column mapping (file or shipped id) for the --data before it");
  app.add_option("--screenshot", screenshot, "Window mode: save the window (with panel) to this PNG and quit")
      ->group("");  // for docs and smoke tests, not for everyday use
  std::string exportPicture, exportSize = "3840x2160";
  app.add_option("--export-picture", exportPicture, "Window mode: export the picture as Ctrl+E does, then quit")->group("");
  app.add_option("--export-size", exportSize, "Size for --export-picture and --record-turntable (WxH)")->group("");
  std::string recordTurntable;
  int turntableFrames = 72;
  app.add_option("--record-turntable", recordTurntable, "Window mode: record a turntable as its button does, then quit")
      ->group("");
  app.add_option("--turntable-frames", turntableFrames, "Frames for --record-turntable")->group("");
  std::string selectCase, hoverCase, hoverAt;
  bool withConfig = false;
  std::string keys;
  app.add_option("--keys", keys, "Window mode: press these keys, one per frame (e.g. Ctrl+T,F1,Escape; test hook)")->group("");
  app.add_option("--select", selectCase, "Window mode: select this case's row as a click would (test hook)")->group("");
  app.add_option("--hover-case", hoverCase, "Window mode: hover this case's marker, print the tooltip (test hook)")->group("");
  app.add_option("--hover", hoverAt, "Window mode: hover display pixel X,Y (origin bottom-left), print the tooltip")->group("");
  app.add_flag("--with-config", withConfig, "Test runs: read and write the settings file all the same")->group("");
  std::string openCard, teachingCards;
  app.add_option("--open-card", openCard, "Window mode: open this teaching card, e.g. subtype-idiopathic (test hook)")
      ->group("");
  app.add_option("--teaching-cards", teachingCards, "Window mode: read the teaching cards from this file (test hook)")
      ->group("");

  int exitCode = la::cli::kOk;
  la::cli::registerRenderCommand(app, exitCode);
  la::cli::registerDataCommands(app, exitCode);
  la::cli::registerSitesCommand(app, exitCode);
  la::cli::registerTurntableCommand(app, exitCode);
  la::cli::registerPresentCommand(app, exitCode);
  la::cli::registerExport3dCommand(app, exitCode);
  app.require_subcommand(0, 1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return la::cli::kUsage;
  }
  if (!app.get_subcommands().empty()) return exitCode;

  // No sub-command: the window.
  la::window::GuiOptions gui;
  try {
    const fs::path sp = scenePath.empty() ? la::scenesDir() / "default.json" : fs::path(scenePath);
    gui.scene = la::loadScene(sp);
    gui.sceneDir = scenePath.empty() ? fs::current_path() : fs::absolute(sp).parent_path();
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return la::cli::kBadInput;
  }
  if (!body.empty()) gui.scene.body = la::isBuiltinBody(body) ? body : fs::absolute(body).string();
  if (!view.empty()) {
    if (!la::isCameraPreset(view)) {
      std::cerr << "error: --view: unknown view '" << view << "' (front, back, left, right, three-quarter, top)\n";
      return la::cli::kUsage;
    }
    gui.scene.camera = la::CameraSpec{};
    gui.scene.camera.preset = view;
  }
  if (!include.empty()) gui.scene.meshInclude = include;
  if (!exclude.empty()) gui.scene.meshExclude = exclude;
  std::vector<la::cli::DataSpec> specs;
  if (!la::cli::pairDataSpecs(&app, dataOpt, dataFiles, mappingOpt, mappings, specs)) return la::cli::kUsage;
  if (!specs.empty()) gui.scene.tables.clear();
  for (const auto& sp : specs) gui.scene.tables.push_back({fs::absolute(sp.file).string(), sp.mapping, ""});
  if (!la::cli::haveDisplay() && screenshot.empty() && exportPicture.empty() && recordTurntable.empty()) {
    // A server or a container: show what the atlas would show, as a picture, instead of failing.
    la::cli::RenderJob job;
    job.scenePath = scenePath;
    job.body = body;
    job.include = include;
    job.exclude = exclude;
    job.out = fs::current_path() / "lesion-atlas-default.png";
    job.data = specs;
    std::cerr << "lesion-atlas: no display; rendering the default view to a PNG instead\n";
    return la::cli::runRenderJob(job);
  }
  gui.screenshot = screenshot;
  gui.verbose = verbose;
  gui.launched = launched;
  gui.exportPicture = exportPicture;
  gui.recordTurntable = recordTurntable;
  gui.turntableFrames = turntableFrames;
  if (!la::cli::parseSize(exportSize, gui.exportWidth, gui.exportHeight)) {
    std::cerr << "error: --export-size: expected WxH, got '" << exportSize << "'\n";
    return la::cli::kUsage;
  }
  gui.openCase = openCase;
  gui.selectCase = selectCase;
  gui.hoverCase = hoverCase;
  gui.openCard = openCard;
  gui.teachingCards = teachingCards;
  if (!hoverAt.empty()) {
    int hx = 0, hy = 0;
    if (std::sscanf(hoverAt.c_str(), "%d,%d", &hx, &hy) != 2) {
      std::cerr << "error: --hover: expected X,Y, got '" << hoverAt << "'\n";
      return la::cli::kUsage;
    }
    gui.hoverAt = std::make_pair(hx, hy);
  }
  if (!keys.empty()) {
    std::string error;
    if (!la::window::parseKeys(keys, gui.keys, &error)) {
      std::cerr << "error: --keys: " << error << "\n";
      return la::cli::kUsage;
    }
  }
  // Settings (size, layout, last view) belong to people, not to test runs that save a picture.
  gui.useConfig = withConfig || (screenshot.empty() && exportPicture.empty());
  gui.sceneGiven = !scenePath.empty() || !specs.empty() || !body.empty() || !view.empty() || !include.empty() ||
                   !exclude.empty();
  try {
    la::cli::PrivateDisplay display;  // only for --screenshot without a display
    return la::window::runGui(gui);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return la::cli::kBadInput;
  }
}

// `lesion-atlas present PLAYLIST`: the scenes of a playlist as a full-screen presentation
// (window/presentation.hpp). The playlist and every scene in it are checked before a window opens.
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/xvfb.hpp"
#include "core/paths.hpp"
#include "core/playlist.hpp"
#include "core/scene_file.hpp"
#include "window/atlas_window.hpp"

namespace fs = std::filesystem;

namespace la::cli {
namespace {

struct PresentOpts {
  std::string playlist, keys, screenshot;
  bool windowed = false, check = false;
};

int present(const PresentOpts& o) {
  try {
    const Playlist pl = loadPlaylist(o.playlist);
    const auto vms = loadPlaylistScenes(pl, SiteCatalog::load(assetPath("sites.json")), o.playlist);
    if (o.check) {
      std::cout << o.playlist << ": \"" << pl.title << "\", " << vms.size() << " slides\n";
      for (size_t i = 0; i < vms.size(); ++i)
        std::cout << "  " << i + 1 << ". " << (vms[i].title.empty() ? "(title from the data)" : vms[i].title) << "  ["
                  << pl.slides[i].scene.lexically_normal().string() << "]\n";
      return kOk;
    }
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  }
  window::GuiOptions gui;
  try {
    gui.scene = loadScene(scenesDir() / "default.json");
    gui.sceneDir = scenesDir();
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  }
  gui.present = fs::absolute(o.playlist);
  gui.presentWindowed = o.windowed;
  gui.screenshot = o.screenshot;
  std::stringstream keys(o.keys);
  for (std::string k; std::getline(keys, k, ',');)
    if (!k.empty()) gui.presentKeys.push_back(k);
  if (!haveDisplay() && o.screenshot.empty()) {
    std::cerr << "error: present needs a display (use `lesion-atlas slides` for pictures on a server)\n";
    return kBadInput;
  }
  try {
    PrivateDisplay display;  // only for scripted runs (tests) without a display
    return window::runGui(gui);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  }
}

}  // namespace

void registerPresentCommand(CLI::App& app, int& exitCode) {
  auto o = std::make_shared<PresentOpts>();
  CLI::App* p = app.add_subcommand("present", "Show a playlist of scenes full screen (Right/Left, Home/End, C: teaching card, Esc)");
  p->add_option("playlist", o->playlist, "Playlist file (JSON), e.g. scenes/playlists/calcinosis-cutis.json")->required();
  p->add_flag("--windowed", o->windowed, "In a window instead of full screen");
  p->add_flag("--check", o->check, "Only check the playlist and its scenes and list the slides");
  p->add_option("--keys", o->keys, "Press these keys one by one (right,left,space,home,end,esc,c,up,down), then quit")->group("");
  p->add_option("--screenshot", o->screenshot, "With --keys: save the window after the last key")->group("");
  p->callback([o, &exitCode] { exitCode = present(*o); });
}

}  // namespace la::cli

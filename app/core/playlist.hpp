#pragma once
// Playlists: a list of scene files shown one after another in presentation mode
// (`lesion-atlas present`), each with an optional title for its slide. They live in
// scenes/playlists/; scene paths are relative to the playlist file. Checked like scenes: JSON
// errors name the line, bad values name the field, and every scene is loaded and validated.
//
//   {"version": 1, "title": "Calcinosis cutis: where it occurs",
//    "slides": [{"scene": "../default.json", "title": "All published cases"}, {"scene": "../index-case.json"}]}
#include <filesystem>
#include <string>
#include <vector>

#include "core/site_catalog.hpp"
#include "core/view_model.hpp"

namespace la {

struct PlaylistSlide {
  std::filesystem::path scene;  // resolved against the playlist's folder
  std::string title;            // empty: the scene's own title
};

struct Playlist {
  static constexpr int kFormatVersion = 1;
  std::string title;
  std::vector<PlaylistSlide> slides;
};

// Throws SceneError ("<origin>:<line>: not valid JSON", "<origin>: slides[2].scene: ...").
Playlist parsePlaylist(const std::string& jsonText, const std::string& origin, const std::filesystem::path& dir);
Playlist loadPlaylist(const std::filesystem::path& path);

// Loads and validates every slide's scene; throws SceneError naming the playlist, the slide and
// the scene's own message. Returns the view models in slide order (titles applied).
std::vector<ViewModel> loadPlaylistScenes(const Playlist& playlist, const SiteCatalog& catalog,
                                          const std::string& origin);

}  // namespace la

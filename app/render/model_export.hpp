#pragma once
// The 3D model of a composed picture for slides (PowerPoint's 3D models, web glTF viewers): each
// pane's body as drawn (skin colour, or the choropleth's colours per vertex) and its markers, one
// mesh per palette category (and per "side not stated", drawn translucent as on screen), so a
// viewer can hide a category. Two panes (both figures, compare views) stand side by side. Written
// as one glTF binary through Assimp (render/mesh_io.hpp).
#include <filesystem>
#include <string>
#include <vector>

#include "render/compose.hpp"
#include "render/picture.hpp"

namespace la::render {

struct ModelSummary {
  size_t meshes = 0;
  size_t markers = 0;
  std::vector<std::string> names;  // mesh names in the file
};

// Mesh name of a category's markers: "markers: <label>" (+ " (side not stated)"), a pane prefix
// ("A: ", "B: ") when there are two panes.
std::string markerMeshName(const std::string& paneLabel, const std::string& category, bool sideUnstated);

// Throws MeshLoadError naming the file.
ModelSummary exportModel(const Picture& picture, const Composition& shown, const std::filesystem::path& out);

}  // namespace la::render

#pragma once
// Loads the body a scene names, through the one Assimp loader, applying the scene's mesh filters.
#include <filesystem>

#include <vtkPolyData.h>
#include <vtkSmartPointer.h>

#include "core/scene.hpp"

namespace la::render {

// Throws MeshLoadError naming the file and the reason.
vtkSmartPointer<vtkPolyData> loadSceneBody(const Scene& scene, const std::filesystem::path& sceneDir);

}  // namespace la::render

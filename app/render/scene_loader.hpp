#pragma once
// Loads the body a view names, through the one Assimp loader, applying the view's mesh filters.
#include <filesystem>
#include <vtkPolyData.h>
#include <vtkSmartPointer.h>
#include "core/scene_file.hpp"
#include "render/mesh_io.hpp"

namespace la::render {

// `body` is "male", "female", "placeholder" or a mesh path relative to `baseDir`.
// Throws MeshLoadError naming the file and the reason.
vtkSmartPointer<vtkPolyData> loadBodyMesh(const std::string& body, const std::filesystem::path& baseDir,
                                          const MeshLoadOptions& options);
vtkSmartPointer<vtkPolyData> loadSceneBody(const ViewModel& scene, const std::filesystem::path& sceneDir);

}  // namespace la::render

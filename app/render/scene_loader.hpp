#pragma once
// Loads the body a view names, applying the view's mesh filters: the built-in figures in
// process from their prepared files (loadPreparedMesh), the placeholder in process (the
// project's own OBJ), any other mesh in the mesh reader child process (loadMeshIsolated).
#include <filesystem>
#include <string>

#include <vtkPolyData.h>
#include <vtkSmartPointer.h>

#include "core/scene_file.hpp"
#include "render/mesh_io.hpp"

namespace la::render {

// `body` as a view gives it: "male", "female", "placeholder" or a mesh file (relative to
// `baseDir`). Throws MeshLoadError naming the file and the reason.
vtkSmartPointer<vtkPolyData> loadBodyMesh(const std::string& body, const std::filesystem::path& baseDir,
                                          const MeshLoadOptions& options = {});
vtkSmartPointer<vtkPolyData> loadSceneBody(const ViewModel& scene, const std::filesystem::path& sceneDir);

}  // namespace la::render

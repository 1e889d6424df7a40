#include "render/scene_loader.hpp"

namespace fs = std::filesystem;

namespace la::render {

vtkSmartPointer<vtkPolyData> loadBodyMesh(const std::string& body, const fs::path& baseDir,
                                          const MeshLoadOptions& options) {
  return loadMesh(resolveBodyPath(body, baseDir), options);
}

vtkSmartPointer<vtkPolyData> loadSceneBody(const ViewModel& scene, const fs::path& sceneDir) {
  MeshLoadOptions opts;
  opts.include = scene.meshInclude;
  opts.exclude = scene.meshExclude;
  return loadBodyMesh(scene.body, sceneDir, opts);
}

}  // namespace la::render

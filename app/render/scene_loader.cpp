#include "render/scene_loader.hpp"

#include "render/mesh_isolation.hpp"

namespace fs = std::filesystem;

namespace la::render {

vtkSmartPointer<vtkPolyData> loadBodyMesh(const std::string& body, const fs::path& baseDir,
                                          const MeshLoadOptions& options) {
  const fs::path file = resolveBodyPath(body, baseDir);
  if (body == "male" || body == "female") return loadPreparedMesh(file, options);
  if (body == "placeholder") return loadMesh(file, options);
  return loadMeshIsolated(file, options);
}

vtkSmartPointer<vtkPolyData> loadSceneBody(const ViewModel& scene, const fs::path& sceneDir) {
  MeshLoadOptions opts;
  opts.include = scene.meshInclude;
  opts.exclude = scene.meshExclude;
  return loadBodyMesh(scene.body, sceneDir, opts);
}

}  // namespace la::render

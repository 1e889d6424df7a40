#include "render/scene_loader.hpp"

#include "render/mesh_io.hpp"

namespace fs = std::filesystem;

namespace la::render {

vtkSmartPointer<vtkPolyData> loadSceneBody(const Scene& scene, const fs::path& sceneDir) {
  MeshLoadOptions opts;
  opts.include = scene.meshInclude;
  opts.exclude = scene.meshExclude;
  return loadMesh(resolveBodyPath(scene.body, sceneDir), opts);
}

}  // namespace la::render

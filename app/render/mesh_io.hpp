#pragma once
// Mesh import/export. This is the only place in lesion-atlas that includes Assimp: every body
// comes in through loadMesh() or loadPreparedMesh(), and the body generator writes through
// saveMeshGlb(). A user's mesh is read by loadMesh() in a child process (render/mesh_isolation:
// lesion-atlas-mesh-reader), so an importer crash or hang cannot take the atlas down; the
// built-in figures are the project's own files and are read in-process by loadPreparedMesh().
// The 3D model for slides (render/model_export.hpp) is written through saveModelGlb().
#include <vtkPolyData.h>
#include <vtkSmartPointer.h>

#include <array>
#include <filesystem>
#include <stdexcept>
#include <utility>
#include <string>
#include <vector>

namespace la::render {

struct MeshLoadError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Which meshes of a multi-mesh file form the skin. Patterns are shell globs (fnmatch) on the
// mesh name (OBJ `g`/`o`, glTF mesh/node names). A mesh is kept when it matches an include
// pattern (or `include` is empty) and no exclude pattern. Example for a rigged character that
// carries proxy and joint geometry: include {"body"} or exclude {"helper-*", "joint-*"}.
struct MeshLoadOptions {
  std::vector<std::string> include;
  std::vector<std::string> exclude;
};

// Point-data array that carries per-vertex anatomical site labels through a file (as texture
// coordinate channel 1, u = label). Absent when the file has no such channel.
inline constexpr const char* kSiteLabelArray = "SiteLabel";

// Loads any format Assimp reads (glTF/GLB, OBJ, FBX, DAE, PLY, STL, ...) as one triangle
// surface in the file's units with coincident vertices merged and point normals ("Normals").
// Throws MeshLoadError with a message naming the file and the reason (unreadable, no mesh left
// after filtering, no triangles, NaN/inf coordinates).
vtkSmartPointer<vtkPolyData> loadMesh(const std::filesystem::path& path,
                                      const MeshLoadOptions& options = {});
// The same, also giving the names of all meshes in the file (for include/exclude choices).
vtkSmartPointer<vtkPolyData> loadMesh(const std::filesystem::path& path, const MeshLoadOptions& options,
                                      std::vector<std::string>* names);

// The repair loadMesh applies to what it read: exact duplicate points merged, which also numbers
// the vertices in order of first use by the triangles (vtkCleanPolyData), and consistent smooth
// point normals ("Normals", vtkPolyDataNormals). The body generator applies it last, so that its
// files are already in this form.
vtkSmartPointer<vtkPolyData> weldAndNormals(vtkPolyData* mesh);

// Loads a file that is already in final form, as the built-in figures are (app/bodygen writes
// them welded, in canonical vertex order, with point normals and the label channel): read
// through Assimp with no post-processing, no welding and no normal recomputation, the file's
// normals kept as "Normals". For such a file the result equals loadMesh()'s (same points, ids,
// triangles and labels; normals to float precision): tests/mesh checks this for the committed
// bodies, so it is not checked at every start. Throws MeshLoadError like loadMesh, and when a
// kept mesh has no normals.
vtkSmartPointer<vtkPolyData> loadPreparedMesh(const std::filesystem::path& path,
                                              const MeshLoadOptions& options = {});

// Writes a triangle surface as glTF 2.0 binary with normals and, when present, the
// kSiteLabelArray point array. The file is written atomically. Throws MeshLoadError.
void saveMeshGlb(vtkPolyData* mesh, const std::filesystem::path& path);

// One part of a model for slides: a named triangle surface (point normals; optional "SkinColors"
// RGB 0..255 as vertex colours) with one colour, placed at `offset`.
struct MeshPart {
  std::string name;
  vtkSmartPointer<vtkPolyData> mesh;
  std::array<double, 3> color{1, 1, 1};
  double opacity = 1;
  std::array<double, 3> offset{0, 0, 0};
};
// Writes the parts as one glTF binary, one node, mesh and material per part (atomic). Empty parts
// are left out. Throws MeshLoadError naming the file.
void saveModelGlb(const std::vector<MeshPart>& parts, const std::filesystem::path& path);
// Each mesh in a file as Assimp reads it back: (name, vertices). Throws MeshLoadError.
std::vector<std::pair<std::string, size_t>> readMeshVertexCounts(const std::filesystem::path& path);

// Names of the meshes in a file (for a UI listing include/exclude choices). Throws MeshLoadError.
// In process: for a user's file take the names loadMeshIsolated returns instead.
std::vector<std::string> listMeshNames(const std::filesystem::path& path);

}  // namespace la::render

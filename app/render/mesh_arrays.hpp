#pragma once
// A loaded mesh as the plain arrays the core works with: the mesh reader's reply
// (core/mesh_reply.hpp) and the fingerprint a site map records (core/site_map.hpp).
#include <vtkPolyData.h>
#include <vtkSmartPointer.h>

#include "core/mesh_reply.hpp"
#include "core/site_map.hpp"

namespace la::render {

// Points as float, the point normals, triangles (a mesh as the loaders return it has no other
// cells), and the kSiteLabelArray labels when present. `names` is left empty.
MeshArrays toMeshArrays(vtkPolyData* mesh);

// The inverse: float points, "Normals" as the active normals, kSiteLabelArray when labels are given.
vtkSmartPointer<vtkPolyData> fromMeshArrays(MeshArrays&& arrays);

// Vertex count, triangle count and geometry hash of a loaded mesh (la::meshFingerprint over its
// float points and its triangles' vertex ids).
MeshFingerprint meshFingerprint(vtkPolyData* mesh);

}  // namespace la::render

#pragma once
// Turns the implicit body into a closed triangle surface: narrow-band sampling on a fine grid,
// vtkFlyingEdges3D, windowed-sinc smoothing, quadric decimation, point normals.
#include "bodygen/body_model.hpp"

#include <vtkPolyData.h>
#include <vtkSmartPointer.h>

#include <string>

namespace la::bodygen {

struct GenerateOptions {
  double voxel = 0.0018;          // metres; 2.2 mm left fingertips faceted, gaps need >= 2 voxels
  int targetTriangles = 200000;
  int threads = 2;
  bool verbose = false;
};

struct GenerateStats {
  double sampleSeconds = 0, contourSeconds = 0, smoothSeconds = 0, decimateSeconds = 0, totalSeconds = 0;
  long long gridPoints = 0, nearPoints = 0;
  long long rawTriangles = 0, triangles = 0, points = 0;
};

// Surface of the model in final form: float points numbered in the order la::render::loadMesh
// gives (first use by the triangles) and the normals it computes ("Normals"), so the GLB written
// from it loads as the same mesh whether read as it is (loadPreparedMesh) or repaired (loadMesh).
vtkSmartPointer<vtkPolyData> generateSurface(const Model& model, const GenerateOptions& opt,
                                             GenerateStats* stats = nullptr);

}  // namespace la::bodygen

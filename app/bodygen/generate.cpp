#include "bodygen/generate.hpp"

#include "render/mesh_io.hpp"

#include <vtkCleanPolyData.h>
#include <vtkFlyingEdges3D.h>
#include <vtkFloatArray.h>
#include <vtkImageData.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyDataConnectivityFilter.h>
#include <vtkPolyDataNormals.h>
#include <vtkQuadricDecimation.h>
#include <vtkTriangleFilter.h>
#include <vtkWindowedSincPolyDataFilter.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>
#include <vector>

namespace la::bodygen {

namespace {
using Clock = std::chrono::steady_clock;
double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
}  // namespace

vtkSmartPointer<vtkPolyData> generateSurface(const Model& model, const GenerateOptions& opt,
                                             GenerateStats* statsOut) {
  GenerateStats st;
  const auto t0 = Clock::now();
  const double h = opt.voxel;
  const double s = model.skel.height / 1.75;
  // Grid symmetric about x = 0 (odd count, a sample plane on the midline) so the mirrored
  // halves of the field are sampled identically.
  const double xHalf = std::abs(model.skel.wrist.x) + 0.125 * s;
  const int nx = 2 * static_cast<int>(std::ceil(xHalf / h)) + 1;
  const double x0 = -(nx - 1) / 2 * h;
  const double y0 = -0.006, y1 = model.skel.height + 0.006;
  const double z0 = -0.19 * s, z1 = 0.25 * s;
  const int ny = static_cast<int>(std::ceil((y1 - y0) / h)) + 1;
  const int nz = static_cast<int>(std::ceil((z1 - z0) / h)) + 1;
  st.gridPoints = static_cast<long long>(nx) * ny * nz;

  auto image = vtkSmartPointer<vtkImageData>::New();
  image->SetDimensions(nx, ny, nz);
  image->SetOrigin(x0, y0, z0);
  image->SetSpacing(h, h, h);
  auto scalars = vtkSmartPointer<vtkFloatArray>::New();
  scalars->SetName("sdf");
  scalars->SetNumberOfTuples(st.gridPoints);
  float* field = scalars->GetPointer(0);

  // Narrow band: a block whose centre is farther from the surface than its own extent (with a
  // safety factor for the approximate ellipsoid distances) cannot contain the surface, so it is
  // filled with the centre value; only blocks near the surface are sampled voxel by voxel, with
  // the primitives that can reach them.
  constexpr int B = 8;
  const int bx = (nx + B - 1) / B, by = (ny + B - 1) / B, bz = (nz + B - 1) / B;
  const long long nBlocks = static_cast<long long>(bx) * by * bz;
  const double R = 0.5 * B * h * std::sqrt(3.0);
  const int nNodes = static_cast<int>(model.nodes.size());
  // A node far from the surface still matters if a later node blends with what it left behind,
  // so its reach is the largest blend radius from it to the end of the list.
  std::vector<double> suffixK(nNodes + 1, 0.0);
  for (int n = nNodes - 1; n >= 0; --n) suffixK[n] = std::max(suffixK[n + 1], model.nodes[n].k);
  std::vector<long long> nearCount(opt.threads, 0);
  auto worker = [&](int tid) {
    std::vector<double> d(nNodes);
    std::vector<int> subset;
    subset.reserve(nNodes);
    for (long long b = tid; b < nBlocks; b += opt.threads) {
      const int ib = static_cast<int>(b % bx), jb = static_cast<int>((b / bx) % by),
                kb = static_cast<int>(b / (static_cast<long long>(bx) * by));
      const int i0 = ib * B, j0 = jb * B, k0 = kb * B;
      const int i1 = std::min(i0 + B, nx), j1 = std::min(j0 + B, ny), k1 = std::min(k0 + B, nz);
      const Vec3 c{x0 + (i0 + B * 0.5 - 0.5) * h, y0 + (j0 + B * 0.5 - 0.5) * h, z0 + (k0 + B * 0.5 - 0.5) * h};
      const double fc = model.eval(c);
      if (std::abs(fc) > 2.0 * R + 2 * h) {
        for (int kk = k0; kk < k1; ++kk)
          for (int jj = j0; jj < j1; ++jj)
            for (int ii = i0; ii < i1; ++ii)
              field[(static_cast<long long>(kk) * ny + jj) * nx + ii] = static_cast<float>(fc);
        continue;
      }
      double dmin = 1e9;
      for (int n = 0; n < nNodes; ++n) {
        d[n] = model.nodes[n].evalPrim(c);
        if (!model.nodes[n].carve) dmin = std::min(dmin, d[n]);
      }
      subset.clear();
      // A node can change the field at a voxel only within its blend radius of the current
      // minimum; distances move by at most the block radius (1.5x for ellipsoid estimates).
      const double reach = 3.0 * R + 4 * h;
      for (int n = 0; n < nNodes; ++n) {
        const double kn = 1.25 * suffixK[n];
        const bool keep = model.nodes[n].carve ? d[n] <= reach + kn + std::abs(fc) : d[n] <= dmin + reach + kn;
        if (keep) subset.push_back(n);
      }
      for (int kk = k0; kk < k1; ++kk)
        for (int jj = j0; jj < j1; ++jj)
          for (int ii = i0; ii < i1; ++ii) {
            const Vec3 p{x0 + ii * h, y0 + jj * h, z0 + kk * h};
            field[(static_cast<long long>(kk) * ny + jj) * nx + ii] =
                static_cast<float>(model.evalSubset(p, subset.data(), static_cast<int>(subset.size())));
          }
      nearCount[tid] += static_cast<long long>(i1 - i0) * (j1 - j0) * (k1 - k0);
    }
  };
  {
    std::vector<std::thread> pool;
    for (int t = 1; t < opt.threads; ++t) pool.emplace_back(worker, t);
    worker(0);
    for (auto& th : pool) th.join();
  }
  for (auto c : nearCount) st.nearPoints += c;
  image->GetPointData()->SetScalars(scalars);
  st.sampleSeconds = since(t0);

  auto t1 = Clock::now();
  auto fe = vtkSmartPointer<vtkFlyingEdges3D>::New();
  fe->SetInputData(image);
  fe->SetValue(0, 0.0);
  fe->ComputeNormalsOff();
  fe->ComputeGradientsOff();
  fe->ComputeScalarsOff();
  fe->InterpolateAttributesOff();
  // Keep only the body (a stray sliver from a far primitive would break the genus check).
  auto conn = vtkSmartPointer<vtkPolyDataConnectivityFilter>::New();
  conn->SetInputConnection(fe->GetOutputPort());
  conn->SetExtractionModeToLargestRegion();
  auto clean0 = vtkSmartPointer<vtkCleanPolyData>::New();
  clean0->SetInputConnection(conn->GetOutputPort());
  clean0->SetTolerance(0.0);
  clean0->Update();
  st.rawTriangles = clean0->GetOutput()->GetNumberOfPolys();
  st.contourSeconds = since(t1);

  t1 = Clock::now();
  auto smooth = vtkSmartPointer<vtkWindowedSincPolyDataFilter>::New();
  smooth->SetInputConnection(clean0->GetOutputPort());
  // Pass band low enough to remove the voxel staircase on fingers and toes, high enough not to
  // pinch fingertips (0.025 dented them); windowed sinc barely shrinks thin parts.
  smooth->SetNumberOfIterations(25);
  smooth->SetPassBand(0.05);
  smooth->NormalizeCoordinatesOn();
  smooth->FeatureEdgeSmoothingOff();
  smooth->BoundarySmoothingOff();
  smooth->NonManifoldSmoothingOff();
  smooth->Update();
  st.smoothSeconds = since(t1);

  t1 = Clock::now();
  vtkSmartPointer<vtkPolyData> dec = smooth->GetOutput();
  if (st.rawTriangles > opt.targetTriangles) {
    auto qd = vtkSmartPointer<vtkQuadricDecimation>::New();
    qd->SetInputData(smooth->GetOutput());
    qd->SetTargetReduction(1.0 - static_cast<double>(opt.targetTriangles) / st.rawTriangles);
    qd->VolumePreservationOn();
    qd->Update();
    dec = qd->GetOutput();
  }
  st.decimateSeconds = since(t1);

  // Float points (what the GLB stores), then the canonical clean so a round trip keeps ids.
  auto pts = vtkSmartPointer<vtkPoints>::New();
  pts->SetDataTypeToFloat();
  pts->DeepCopy(dec->GetPoints());
  auto fl = vtkSmartPointer<vtkPolyData>::New();
  fl->SetPoints(pts);
  fl->SetPolys(dec->GetPolys());
  auto clean = vtkSmartPointer<vtkCleanPolyData>::New();
  clean->SetInputData(fl);
  clean->SetTolerance(0.0);
  clean->PointMergingOn();
  clean->SetOutputPointsPrecision(vtkAlgorithm::SINGLE_PRECISION);
  auto normals = vtkSmartPointer<vtkPolyDataNormals>::New();
  normals->SetInputConnection(clean->GetOutputPort());
  normals->SplittingOff();
  normals->ConsistencyOn();
  normals->AutoOrientNormalsOn();
  normals->ComputePointNormalsOn();
  normals->ComputeCellNormalsOff();
  normals->Update();
  // Final form: orienting the normals outward reverses triangles, which changes the order of first
  // use; the loader's own repair, applied once more, gives the vertex order and normals that
  // la::render::loadMesh would produce from the file, so the atlas can read the committed GLB as it
  // is (la::render::loadPreparedMesh) and get the same mesh, bit for bit.
  vtkSmartPointer<vtkPolyData> out = la::render::weldAndNormals(normals->GetOutput());
  st.triangles = out->GetNumberOfPolys();
  st.points = out->GetNumberOfPoints();
  st.totalSeconds = since(t0);
  if (opt.verbose)
    std::fprintf(stderr,
                 "grid %dx%dx%d (%.1f M points, %.1f M sampled): %.2f s; contour %lld tris %.2f s; smooth %.2f s; "
                 "decimate -> %lld tris %.2f s; total %.2f s\n",
                 nx, ny, nz, st.gridPoints / 1e6, st.nearPoints / 1e6, st.sampleSeconds, st.rawTriangles,
                 st.contourSeconds, st.smoothSeconds, st.triangles, st.decimateSeconds, st.totalSeconds);
  if (statsOut) *statsOut = st;
  return out;
}

}  // namespace la::bodygen

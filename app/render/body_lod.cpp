#include "render/body_lod.hpp"

#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkPolyDataNormals.h>
#include <vtkQuadricClustering.h>
#include <vtkStaticPointLocator.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>

namespace la::render {
namespace {

// Bins of 1/200 of the body's longest side: a 1.8 m figure gets 9 mm bins, finer than a marker.
constexpr double kBinsAlongLongestSide = 200;

void copyNearestColors(vtkPolyData* from, vtkPolyData* to) {
  auto* colors = vtkUnsignedCharArray::SafeDownCast(from->GetPointData()->GetArray("SkinColors"));
  if (!colors) return;
  auto locator = vtkSmartPointer<vtkStaticPointLocator>::New();
  locator->SetDataSet(from);
  locator->BuildLocator();
  auto out = vtkSmartPointer<vtkUnsignedCharArray>::New();
  out->SetName("SkinColors");
  out->SetNumberOfComponents(3);
  out->SetNumberOfTuples(to->GetNumberOfPoints());
  double p[3];
  for (vtkIdType i = 0; i < to->GetNumberOfPoints(); ++i) {
    to->GetPoint(i, p);
    out->SetTypedTuple(i, colors->GetPointer(3 * locator->FindClosestPoint(p)));
  }
  to->GetPointData()->AddArray(out);
}

}  // namespace

vtkSmartPointer<vtkPolyData> makeMovingStandIn(vtkPolyData* shown) {
  if (!shown || shown->GetNumberOfPolys() == 0) return nullptr;
  double b[6];
  shown->GetBounds(b);
  const double longest = std::max({b[1] - b[0], b[3] - b[2], b[5] - b[4]});
  const double bin = longest > 0 ? longest / kBinsAlongLongestSide : 1;
  auto cluster = vtkSmartPointer<vtkQuadricClustering>::New();
  cluster->SetInputData(shown);
  cluster->SetNumberOfDivisions(std::max(1, int((b[1] - b[0]) / bin) + 1), std::max(1, int((b[3] - b[2]) / bin) + 1),
                                std::max(1, int((b[5] - b[4]) / bin) + 1));
  cluster->AutoAdjustNumberOfDivisionsOff();
  // Smooth shading needs normals; the clustered surface has none of its own.
  auto normals = vtkSmartPointer<vtkPolyDataNormals>::New();
  normals->SetInputConnection(cluster->GetOutputPort());
  normals->SplittingOff();
  normals->ConsistencyOff();
  normals->Update();
  vtkSmartPointer<vtkPolyData> out = normals->GetOutput();
  copyNearestColors(shown, out);
  return out;
}

}  // namespace la::render

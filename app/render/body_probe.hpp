#pragma once
// Ray questions about one body surface, answered on the CPU with a cell locator built once per
// body: the first skin point along a segment (what the cursor is over, whether a marker is hidden
// behind the body), and whether a point lies inside the body (the camera's flight must not).
#include <vtkPolyData.h>
#include <vtkSmartPointer.h>
#include <vtkType.h>

#include "core/fly_path.hpp"

class vtkCellLocator;
class vtkStaticCellLocator;

namespace la::render {

class BodyProbe {
 public:
  BodyProbe();
  ~BodyProbe();
  // Forgets the locator when the body changes; it is rebuilt on the first question.
  void setBody(vtkPolyData* body);
  vtkPolyData* body() const { return body_.Get(); }

  struct Hit {
    double t = 0;      // 0..1 along the segment
    Vec3 position{};
    vtkIdType cell = -1;
    vtkIdType vertex = -1;  // the cell's vertex nearest the hit
    Vec3 normal{};     // the cell's geometric normal (outward for a consistently oriented mesh)
  };
  // The first surface point on the segment a -> b.
  bool firstHit(const Vec3& a, const Vec3& b, Hit& hit) const;
  // True when p lies inside the closed surface: the first surface met in an arbitrary direction
  // is seen from its back side.
  bool inside(const Vec3& p) const;
  // The surface point nearest p and its cell.
  bool closest(const Vec3& p, Vec3& point, vtkIdType& cell) const;
  // True when the segment a -> b crosses the surface.
  bool crosses(const Vec3& a, const Vec3& b) const;
  // Builds the locators now (otherwise the first question pays for them).
  void prepare() const;

 private:
  vtkSmartPointer<vtkPolyData> body_;  // held: a probe shared by a view may outlive its figure
  mutable vtkSmartPointer<vtkStaticCellLocator> locator_;  // rays: fast to build, fast to cast
  // Closest points: vtkCellLocator, whose answers (the cell chosen where two triangles tie) the
  // marker layout and its baseline pictures were made with.
  mutable vtkSmartPointer<vtkCellLocator> nearest_;
  void prepareNearest() const;
};

}  // namespace la::render

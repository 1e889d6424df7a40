#include "bodygen/snapshots.hpp"

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkDataArray.h>
#include <vtkLight.h>
#include <vtkLightKit.h>
#include <vtkPointData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "render/offscreen.hpp"
#include "render/png_io.hpp"

namespace la::bodygen {

namespace {

struct View {
  const char* name;
  Vec3 focus;
  Vec3 dir;     // from focus toward the camera
  double span;  // visible height in metres
  int size;
};

vtkSmartPointer<vtkUnsignedCharArray> labelColours(vtkPolyData* mesh) {
  vtkDataArray* lab = mesh->GetPointData()->GetArray("SiteLabel");
  if (!lab) return nullptr;
  auto c = vtkSmartPointer<vtkUnsignedCharArray>::New();
  c->SetNumberOfComponents(3);
  c->SetNumberOfTuples(mesh->GetNumberOfPoints());
  for (vtkIdType i = 0; i < mesh->GetNumberOfPoints(); ++i) {
    // Hash the code to a stable, well-spread colour; side flips brightness a little.
    std::uint32_t v = static_cast<std::uint32_t>(lab->GetTuple1(i)) * 2654435761u;
    v ^= v >> 15;
    unsigned char r = 60 + (v & 0xff) % 190, g = 60 + ((v >> 8) & 0xff) % 190, b = 60 + ((v >> 16) & 0xff) % 190;
    c->SetTuple3(i, r, g, b);
  }
  c->SetName("colours");
  return c;
}

}  // namespace

std::vector<std::filesystem::path> renderSnapshots(vtkPolyData* mesh, const Skeleton& k,
                                                   const std::filesystem::path& dir, const std::string& prefix,
                                                   const SnapshotOptions& options) {
  const bool colourLabels = options.colourLabels;
  std::vector<std::filesystem::path> written;
  std::filesystem::create_directories(dir);
  const double H = k.height;
  const Vec3 handCentre = k.wrist + k.hand.ay * (0.095 * H / 1.75);
  const Vec3 footCentre = k.ankle + k.foot.ay * (0.07 * H / 1.75) + Vec3{0, -0.03, 0};
  const View views[] = {
      {"front", {0, H / 2, 0}, {0, 0, 1}, H * 1.06, 1600},
      {"back", {0, H / 2, 0}, {0, 0, -1}, H * 1.06, 1600},
      {"left", {0, H / 2, 0}, {1, 0, 0}, H * 1.06, 1600},
      {"right", {0, H / 2, 0}, {-1, 0, 0}, H * 1.06, 1600},
      {"three-quarter", {0, H / 2, 0}, normalize(Vec3{0.7, 0.12, 1}), H * 1.06, 1600},
      {"head", {0, k.eyeY - 0.03, 0.0}, normalize(Vec3{0.45, 0.05, 1}), 0.32, 800},
      {"head-side", {0, k.eyeY - 0.03, 0.0}, {1, 0, 0}, 0.32, 800},
      {"foot-side", footCentre + Vec3{0.05, 0, 0}, normalize(Vec3{1, 0.15, 0.1}), 0.30, 800},
      {"hand", handCentre, normalize(Vec3{0.15, 0.0, 1}), 0.25, 800},
      {"hand-back", handCentre, normalize(Vec3{0.15, 0.0, -1}), 0.25, 800},
      {"foot", footCentre, normalize(Vec3{0.55, 0.55, 1}), 0.26, 800},
      {"pelvis", {0, k.pubisY - 0.03, 0.0}, normalize(Vec3{0.25, 0.05, 1}), 0.40, 800},
      {"pelvis-back", {0, k.pubisY, 0.0}, normalize(Vec3{0.25, 0.05, -1}), 0.45, 800},
  };

  auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
  auto coloured = vtkSmartPointer<vtkPolyData>::New();
  coloured->ShallowCopy(mesh);
  if (colourLabels) {
    if (auto c = labelColours(mesh)) {
      coloured->GetPointData()->AddArray(c);
      mapper->SetScalarModeToUsePointFieldData();
      mapper->SelectColorArray("colours");
      mapper->SetColorModeToDirectScalars();
      mapper->ScalarVisibilityOn();
    }
  } else {
    mapper->ScalarVisibilityOff();
  }
  mapper->SetInputData(coloured);
  auto actor = vtkSmartPointer<vtkActor>::New();
  actor->SetMapper(mapper);
  actor->GetProperty()->SetColor(0.86, 0.72, 0.64);
  actor->GetProperty()->SetSpecular(0.12);
  actor->GetProperty()->SetSpecularPower(18);
  actor->GetProperty()->SetDiffuse(0.85);
  actor->GetProperty()->SetAmbient(0.12);
  actor->GetProperty()->SetInterpolationToPhong();

  auto ren = vtkSmartPointer<vtkRenderer>::New();
  ren->AddActor(actor);
  ren->SetBackground(0.93, 0.94, 0.96);
  ren->SetBackground2(0.78, 0.80, 0.84);
  ren->GradientBackgroundOn();
  // The atlas's own offscreen window (render/offscreen): the same GL setup and read-back as slides.
  la::render::OffscreenTarget target;
  vtkRenderWindow* win = target.window();
  win->AddRenderer(ren);
  std::vector<unsigned char> rgb;

  for (const View& v : views) {
    if (!options.views.empty() &&
        std::find(options.views.begin(), options.views.end(), std::string(v.name)) == options.views.end())
      continue;
    const int size = options.size > 0 ? options.size : v.size;
    win->SetSize(size, size);
    ren->RemoveAllLights();
    auto kit = vtkSmartPointer<vtkLightKit>::New();
    kit->SetKeyLightIntensity(0.85);
    auto* cam = ren->GetActiveCamera();
    const double angle = 20.0;
    const double dist = 0.5 * v.span / std::tan(angle * 0.5 * 3.14159265358979 / 180.0);
    cam->SetViewAngle(angle);
    cam->SetFocalPoint(v.focus.x, v.focus.y, v.focus.z);
    const Vec3 eye = v.focus + v.dir * dist;
    cam->SetPosition(eye.x, eye.y, eye.z);
    cam->SetViewUp(0, 1, 0);
    ren->ResetCameraClippingRange();
    kit->AddLightsToRenderer(ren);
    la::render::renderToRgb(target, size, size, rgb);
    const std::filesystem::path file = dir / (prefix + "-" + v.name + ".png");
    la::render::writeRgbPngTopDown(rgb.data(), size, size, file);
    written.push_back(file);
  }
  return written;
}

}  // namespace la::bodygen

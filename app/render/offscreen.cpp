#include "render/offscreen.hpp"

#include <vtkImageData.h>
#include <vtkPNGWriter.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkWindowToImageFilter.h>

#include <system_error>

#include "render/png_io.hpp"
#include "render/scene_view.hpp"

namespace fs = std::filesystem;

namespace la::render {

int maxImageSize() { return 16384; }

void renderToPng(SceneView& view, const ImageOptions& o, const fs::path& out) {
  if (o.width < 16 || o.height < 16 || o.width > maxImageSize() || o.height > maxImageSize())
    throw RenderError(out.string() + ": image size " + std::to_string(o.width) + "x" + std::to_string(o.height) +
                      " is outside 16.." + std::to_string(maxImageSize()));
  auto win = vtkSmartPointer<vtkRenderWindow>::New();
  win->SetOffScreenRendering(1);
  win->SetMultiSamples(0);
  win->SetAlphaBitPlanes(o.transparent ? 1 : 0);
  win->SetSize(o.width, o.height);
  view.setImageSize(o.width, o.height);
  vtkRenderer* ren = view.renderer();
  const double oldAlpha = ren->GetBackgroundAlpha();
  ren->SetBackgroundAlpha(o.transparent ? 0.0 : 1.0);
  win->AddRenderer(ren);
  win->Render();

  auto grab = vtkSmartPointer<vtkWindowToImageFilter>::New();
  grab->SetInput(win);
  grab->SetInputBufferType(o.transparent ? VTK_RGBA : VTK_RGB);
  grab->ReadFrontBufferOff();
  grab->Update();
  vtkImageData* img = grab->GetOutput();
  int dims[3];
  img->GetDimensions(dims);
  win->RemoveRenderer(ren);
  ren->SetBackgroundAlpha(oldAlpha);
  win->Finalize();
  if (dims[0] != o.width || dims[1] != o.height)
    throw RenderError(out.string() + ": the GL driver produced " + std::to_string(dims[0]) + "x" +
                      std::to_string(dims[1]) + " instead of the requested size");

  writePng(img, out);
}

}  // namespace la::render

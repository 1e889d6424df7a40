#include "render/offscreen.hpp"

#include <vtkImageData.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkWindowToImageFilter.h>

#include "render/picture.hpp"
#include "render/png_io.hpp"

namespace fs = std::filesystem;

namespace la::render {

struct OffscreenTarget::Impl {
  vtkSmartPointer<vtkRenderWindow> win = vtkSmartPointer<vtkRenderWindow>::New();
};

OffscreenTarget::OffscreenTarget() : impl_(std::make_unique<Impl>()) {
  impl_->win->SetOffScreenRendering(1);
  impl_->win->SetMultiSamples(0);
  impl_->win->SetAlphaBitPlanes(1);
}

OffscreenTarget::~OffscreenTarget() { impl_->win->Finalize(); }

vtkRenderWindow* OffscreenTarget::window() const { return impl_->win; }

int maxImageSize() { return 16384; }

void checkImageSize(const ImageOptions& o, const fs::path& out) {
  if (o.width < 16 || o.height < 16 || o.width > maxImageSize() || o.height > maxImageSize())
    throw RenderError(out.string() + ": image size " + std::to_string(o.width) + "x" + std::to_string(o.height) +
                      " is outside 16.." + std::to_string(maxImageSize()));
}

void renderToPng(Picture& picture, const ImageOptions& o, const fs::path& out, OffscreenTarget* target) {
  checkImageSize(o, out);
  std::unique_ptr<OffscreenTarget> own;
  if (!target) own = std::make_unique<OffscreenTarget>(), target = own.get();
  vtkRenderWindow* win = target->window();
  win->SetSize(o.width, o.height);
  picture.setImageSize(o.width, o.height);
  picture.attach(win);
  win->Render();

  auto grab = vtkSmartPointer<vtkWindowToImageFilter>::New();
  grab->SetInput(win);
  grab->SetInputBufferType(o.transparent ? VTK_RGBA : VTK_RGB);
  grab->ReadFrontBufferOff();
  grab->Update();
  vtkImageData* img = grab->GetOutput();
  int dims[3];
  img->GetDimensions(dims);
  picture.detach(win);
  if (dims[0] != o.width || dims[1] != o.height)
    throw RenderError(out.string() + ": the GL driver produced " + std::to_string(dims[0]) + "x" +
                      std::to_string(dims[1]) + " instead of the requested size");
  writePng(img, out);
}

}  // namespace la::render

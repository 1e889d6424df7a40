#include "render/offscreen.hpp"

#include <vtkImageData.h>
#include <vtkOpenGLRenderWindow.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkUnsignedCharArray.h>
#include <vtkWindowToImageFilter.h>

#include <chrono>
#include <cstring>

#include "core/allocator_tuning.hpp"
#include "render/display_framebuffer.hpp"
#include "render/picture.hpp"
#include "render/png_io.hpp"

namespace fs = std::filesystem;

namespace la::render {

struct OffscreenTarget::Impl {
  vtkSmartPointer<vtkRenderWindow> win = vtkSmartPointer<vtkRenderWindow>::New();
  vtkSmartPointer<vtkUnsignedCharArray> pixels = vtkSmartPointer<vtkUnsignedCharArray>::New();
};

OffscreenTarget::OffscreenTarget() : impl_(std::make_unique<Impl>()) {
  prepareAllocator();  // for tests and benchmarks that draw without main(); see the header
  impl_->win->SetOffScreenRendering(1);
  impl_->win->SetMultiSamples(0);
  impl_->win->SetAlphaBitPlanes(1);
  // The GL context now, so that the display framebuffer can be made mono before the first render.
  if (auto* gl = vtkOpenGLRenderWindow::SafeDownCast(impl_->win)) gl->Initialize();
  prepareDisplayFramebuffer(impl_->win);
}

OffscreenTarget::~OffscreenTarget() { impl_->win->Finalize(); }

vtkRenderWindow* OffscreenTarget::window() const { return impl_->win; }
vtkUnsignedCharArray* OffscreenTarget::pixels() const { return impl_->pixels; }

int maxImageSize() { return 16384; }

void checkImageSize(const ImageOptions& o, const fs::path& out) {
  if (o.width < 16 || o.height < 16 || o.width > maxImageSize() || o.height > maxImageSize())
    throw RenderError(out.string() + ": image size " + std::to_string(o.width) + "x" + std::to_string(o.height) +
                      " is outside 16.." + std::to_string(maxImageSize()));
}

namespace {

double msSince(std::chrono::steady_clock::time_point& t) {
  const auto now = std::chrono::steady_clock::now();
  const double ms = std::chrono::duration<double, std::milli>(now - t).count();
  t = now;
  return ms;
}

}  // namespace

void renderToPng(Picture& picture, const ImageOptions& o, const fs::path& out, OffscreenTarget* target,
                 PngTimes* times) {
  checkImageSize(o, out);
  std::unique_ptr<OffscreenTarget> own;
  if (!target) own = std::make_unique<OffscreenTarget>(), target = own.get();
  PngTimes t;
  auto clock = std::chrono::steady_clock::now();
  vtkRenderWindow* win = target->window();
  win->SetSize(o.width, o.height);
  picture.setImageSize(o.width, o.height);
  picture.attach(win);
  win->Render();
  win->WaitForCompletion();  // so the read-back below times only the read-back
  t.renderMs = msSince(clock);

  auto grab = vtkSmartPointer<vtkWindowToImageFilter>::New();
  grab->SetInput(win);
  grab->SetInputBufferType(o.transparent ? VTK_RGBA : VTK_RGB);
  grab->ReadFrontBufferOff();
  grab->ShouldRerenderOff();  // the frame was just drawn; by default the filter draws it again
  grab->Update();
  vtkImageData* img = grab->GetOutput();
  int dims[3];
  img->GetDimensions(dims);
  picture.detach(win);
  t.readBackMs = msSince(clock);
  if (dims[0] != o.width || dims[1] != o.height)
    throw RenderError(out.string() + ": the GL driver produced " + std::to_string(dims[0]) + "x" +
                      std::to_string(dims[1]) + " instead of the requested size");
  const std::string png = encodePng(img, o.text, out);
  t.encodeMs = msSince(clock);
  writePngBytes(png, out);
  t.writeMs = msSince(clock);
  t.bytes = png.size();
  if (times) *times = t;
}

void renderToRgb(OffscreenTarget& target, int width, int height, std::vector<unsigned char>& rgb) {
  vtkRenderWindow* win = target.window();
  win->Render();
  // Read straight from the offscreen buffer (no image filter): bottom row first, flipped for
  // encoders that want the top row first.
  vtkUnsignedCharArray* bottomUp = target.pixels();
  if (win->GetPixelData(0, 0, width - 1, height - 1, 0, bottomUp, 0) == 0 ||
      bottomUp->GetNumberOfValues() != vtkIdType(width) * height * 3)
    throw RenderError("cannot read the rendered frame back from the GL driver");
  rgb.resize(size_t(width) * size_t(height) * 3);
  const size_t row = size_t(width) * 3;
  const unsigned char* src = bottomUp->GetPointer(0);
  for (int y = 0; y < height; ++y) std::memcpy(rgb.data() + size_t(y) * row, src + size_t(height - 1 - y) * row, row);
}

}  // namespace la::render

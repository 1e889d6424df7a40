// The window draws its 3D picture again only when render::redrawStamp changed since its last
// render (atlas_window.cpp, drawPicture). A change the stamp misses leaves a stale picture on
// screen; a render that moves the stamp by itself would redraw every frame. Both are checked here
// on a real picture drawn offscreen.
#include <catch2/catch.hpp>

#include <vtkActor.h>
#include <vtkActorCollection.h>
#include <vtkCamera.h>
#include <vtkOpenGLFramebufferObject.h>
#include <vtkOpenGLRenderWindow.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkUnsignedCharArray.h>

#include "cli/xvfb.hpp"
#include "core/paths.hpp"
#include "render/mesh_io.hpp"
#include "render/offscreen.hpp"
#include "render/picture.hpp"

namespace {

struct Drawn {
  la::cli::PrivateDisplay display;  // starts Xvfb only when there is no DISPLAY
  la::render::Picture picture;
  la::render::OffscreenTarget target;
  Drawn() {
    la::render::SceneView& view = picture.pane(0);
    view.setBody(la::render::loadMesh(la::assetPath("bodies/placeholder.obj")));
    view.applyCamera(la::CameraSpec{}, 1.0);
    target.window()->SetSize(160, 120);
    picture.setImageSize(160, 120);
    picture.attach(target.window());
  }
  ~Drawn() { picture.detach(target.window()); }
  unsigned long long render() {
    target.window()->Render();
    return la::render::redrawStamp(target.window());
  }
};

}  // namespace

TEST_CASE("redraw stamp: steady while nothing changes, moved by what changes the picture", "[render][redraw]") {
  Drawn d;
  vtkRenderWindow* win = d.target.window();
  const auto first = d.render();
  CHECK(la::render::redrawStamp(win) == first);
  CHECK(d.render() == first);  // drawing again changes nothing by itself

  SECTION("the camera turns") {
    d.picture.camera()->Azimuth(3);
    CHECK(la::render::redrawStamp(win) != first);
  }
  SECTION("a prop is hidden") {
    vtkActorCollection* actors = d.picture.pane(0).renderer()->GetActors();
    actors->InitTraversal();
    actors->GetNextActor()->VisibilityOff();
    CHECK(la::render::redrawStamp(win) != first);
  }
  SECTION("the skin colour changes") {
    d.picture.pane(0).setColors({1, 1, 1}, {0.5, 0.4, 0.3});
    CHECK(la::render::redrawStamp(win) != first);
  }
  SECTION("edge smoothing is switched") {
    vtkRenderer* r = d.picture.pane(0).renderer();
    r->SetUseFXAA(!r->GetUseFXAA());
    CHECK(la::render::redrawStamp(win) != first);
  }
  SECTION("the window is resized") {
    win->SetSize(200, 120);
    CHECK(la::render::redrawStamp(win) != first);
  }
}

// render/display_framebuffer: VTK's display framebuffer holds one colour buffer and no depth, and
// still receives the picture (read back from the front, i.e. from that framebuffer).
TEST_CASE("display framebuffer: one colour buffer, no depth, and the picture in it", "[redraw]") {
  Drawn d;
  d.render();
  auto* gl = vtkOpenGLRenderWindow::SafeDownCast(d.target.window());
  REQUIRE(gl);
  vtkOpenGLFramebufferObject* display = gl->GetDisplayFramebuffer();
  CHECK(display->GetNumberOfColorAttachments() == 1);
  CHECK(display->GetDepthAttachmentAsTextureObject() == nullptr);
  int* size = display->GetLastSize();
  CHECK(size[0] == 160);
  CHECK(size[1] == 120);
  // The body in the middle of the picture differs from the white background at the corner.
  auto px = vtkSmartPointer<vtkUnsignedCharArray>::New();
  gl->GetRGBACharPixelData(0, 0, 159, 119, 1, px);
  const auto at = [&](int x, int y) { return px->GetValue(4 * (y * 160 + x)); };
  CHECK(at(80, 60) != at(2, 2));
}

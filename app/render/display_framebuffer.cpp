#include "render/display_framebuffer.hpp"

#include <vtkOpenGLFramebufferObject.h>
#include <vtkOpenGLRenderWindow.h>
#include <vtkOpenGLState.h>

#include <algorithm>

namespace la::render {

void prepareDisplayFramebuffer(vtkRenderWindow* window) {
  auto* gl = vtkOpenGLRenderWindow::SafeDownCast(window);
  if (!gl || !gl->GetDisplayFramebuffer() || gl->GetDisplayFramebuffer()->GetFBOIndex()) return;
  gl->MakeCurrent();
  const int* size = gl->GetSize();
  vtkOpenGLState* state = gl->GetState();
  state->PushFramebufferBindings();
  gl->GetDisplayFramebuffer()->PopulateFramebuffer(std::max(1, size[0]), std::max(1, size[1]), true, 1,
                                                   VTK_UNSIGNED_CHAR, false, 0, 0, false);
  state->PopFramebufferBindings();
}

}  // namespace la::render

#pragma once
// VTK 9.1 gives every OpenGL window a "display" framebuffer with two colour buffers (for stereo)
// and a depth buffer, and after each frame copies colour and depth into it from the framebuffer
// it drew in. Pictures here are mono and nothing reads that depth (picking and hover ask the CPU
// probes; exports read colour), so the display framebuffer is made with one colour buffer only:
// on a software renderer that is two window-sized buffers fewer to allocate and clear at the
// first frame, a depth copy fewer every frame, and one blit shader fewer to compile.
class vtkRenderWindow;

namespace la::render {

// Call once the window's GL context exists and before its first render (VTK makes its own
// display framebuffer only when none exists, and afterwards only resizes it). Does nothing for a
// window that is not OpenGL or already has one.
void prepareDisplayFramebuffer(vtkRenderWindow* window);

}  // namespace la::render

#pragma once
// Drawing with a software renderer (llvmpipe) allocates big buffers: VTK keeps render, display and
// resolve framebuffers, llvmpipe clears each as it allocates it, and every frame allocates and
// frees vertex and bin buffers of several MB. With glibc's defaults each block above 128 KiB is
// mapped from the kernel and unmapped on free, and filled 4 KiB page fault by page fault; on a
// virtual machine those faults were a third of a slide's time and halved the frame rate of a
// process's first window. So, before drawing:
//   - blocks up to 32 MiB (a 3840x2160 RGBA buffer is just under) come from the heap, and freed
//     memory stays in the process (up to 512 MiB) to be reused by the next frame;
//   - where the kernel's transparent huge pages are in "madvise" mode, the heap is grown by
//     256 MiB of address space (not memory) and that range is advised to use 2 MiB pages, so a
//     framebuffer is filled with a few hundred faults instead of thousands.
// Not done under a sanitizer (its allocator replaces glibc's) or with LESION_ATLAS_HUGE_PAGES=0
// (which keeps the first part and skips the advice).
namespace la {

// Idempotent; call before the first frame or picture.
void prepareAllocatorForDrawing();

// Whether this process's heap was advised to use huge pages (for --verbose).
bool hugePagesAdvised();

}  // namespace la

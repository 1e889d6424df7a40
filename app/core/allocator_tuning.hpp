#pragma once
// The program works with big blocks of memory: a table's text and cells when it imports, and when
// it draws with a software renderer (llvmpipe) framebuffers (VTK keeps render, display and
// resolve framebuffers, llvmpipe clears each as it allocates it) and vertex and bin buffers of
// several MB allocated and freed every frame. With glibc's defaults each block above 128 KiB is
// mapped from the kernel and unmapped on free, and filled 4 KiB page fault by page fault; on a
// virtual machine those faults were a third of a slide's time, halved the frame rate of a
// process's first window, and made an import's time swing with how the heap grew and shrank. So,
// at the start of the program (and of any test or benchmark that draws):
//   - blocks up to 32 MiB (a 3840x2160 RGBA buffer is just under) come from the heap, and freed
//     memory stays in the process (up to 512 MiB) to be reused;
//   - where the kernel's transparent huge pages are in "madvise" mode, the heap is grown by
//     256 MiB of address space (not memory) and that range is advised to use 2 MiB pages, so a
//     framebuffer is filled with a few hundred faults instead of thousands.
// Not done under a sanitizer (its allocator replaces glibc's); LESION_ATLAS_HUGE_PAGES=0 keeps the
// first part and skips the advice.
#include <cstddef>
#include <thread>

namespace la {

// Idempotent; call before the big work starts.
void prepareAllocator();

// Whether this process's heap was advised to use huge pages (for --verbose).
bool hugePagesAdvised();

// Faults in the first `bytes` of the advised heap on a second thread (the kernel adds pages without
// changing what is there), so that a start whose main thread is busy compiling shaders and filling
// buffers finds the memory of its first frame already in place: on a virtual machine that returns
// freed memory to its host, every new page costs a trip to the host. Returns the thread, to be
// joined; it is not joinable when nothing was started: no advised heap, a single CPU, or a kernel
// before 5.14.
std::thread prefaultHeap(std::size_t bytes);

}  // namespace la

#pragma once
// Rendering allocates a handful of full-size buffers per picture (VTK keeps render, display and
// resolve framebuffers, llvmpipe clears each as it allocates it, the PNG encoder its rows): about
// 60 MB at 1920x1080 and 250 MB at 3840x2160. On a virtual machine the 4 KiB page faults that fill
// them cost a third of a slide's time. glibc's malloc backs large blocks with 2 MiB transparent huge
// pages when told so, but it reads that setting (the `glibc.malloc.hugetlb` tunable) only when a
// process starts. So the program restarts itself once, at the top of main, with the tunable added.
// It does so only where it helps and nothing else changes: glibc 2.35 or later, the kernel's
// transparent huge pages in "madvise" mode, no sanitizer (its allocator ignores the tunable), and the
// variable LESION_ATLAS_HUGE_PAGES not set to 0. The process keeps its id, arguments and
// environment; if the restart fails the program simply runs as it is.
#include <chrono>
#include <string>

namespace la {

// GLIBC_TUNABLES with the huge-page setting added to what the user set; empty where the user already
// chose a value for it (theirs stands).
std::string tunablesWithHugePages(const char* existing);

// Restarts the process with the setting (does not return on success); returns where it does not apply.
void restartWithHugePagesIfUseful(char** argv);

// Whether this process runs with the setting (for --verbose).
bool hugePagesAdvised();

// When the user launched the program: before the restart, if there was one (the monotonic clock is
// shared by the two images of the process).
std::chrono::steady_clock::time_point launchTime();

}  // namespace la

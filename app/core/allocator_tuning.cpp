#include "core/allocator_tuning.hpp"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#if defined(__GLIBC__)
#include <malloc.h>
#include <unistd.h>
#define LA_GLIBC_MALLOC 1
#endif

#include "core/huge_pages.hpp"

namespace la {

namespace {

bool gAdvised = false;

bool sanitized() {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer)
  return true;
#else
  return false;
#endif
#else
  return false;
#endif
}

// "always" needs no advice and "never" refuses it; only "madvise" mode gains from it.
bool kernelWantsAdvice() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string line;
  return std::getline(in, line) && line.find("[madvise]") != std::string::npos;
}

#if defined(LA_GLIBC_MALLOC)
// Grows the heap once (the top pad makes the growth 256 MiB of address space) and advises the new
// range. Memory is only used where it is later touched.
bool adviseHeapGrowth() {
  const auto before = static_cast<char*>(sbrk(0));
  // More than a trimmed heap's top holds, so the heap grows (volatile: the compiler may otherwise
  // drop an unused malloc and free pair).
  void* volatile probe = std::malloc(8u << 20);
  const auto after = static_cast<char*>(sbrk(0));
  std::free(probe);
  if (before == reinterpret_cast<char*>(-1) || after <= before) return false;  // no brk heap, or it did not grow
  return adviseHugePages(before, std::size_t(after - before));
}
#endif

}  // namespace

void prepareAllocator() {
#if defined(LA_GLIBC_MALLOC)
  static const bool done = [] {
    if (sanitized()) return true;
    mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest allowed value
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    const char* optOut = std::getenv("LESION_ATLAS_HUGE_PAGES");
    if ((optOut && std::strcmp(optOut, "0") == 0) || !kernelWantsAdvice()) return true;
    malloc_trim(0);  // a short top, so that the probe below grows the heap
    mallopt(M_TOP_PAD, 256 << 20);
    gAdvised = adviseHeapGrowth();
    return true;
  }();
  (void)done;
#endif
}

bool hugePagesAdvised() { return gAdvised; }

}  // namespace la

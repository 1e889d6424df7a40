#include "core/allocator_tuning.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#define LA_GLIBC_MALLOC 1
#endif

#include "core/huge_pages.hpp"

namespace la {

namespace {

bool gAdvised = false;
char* gHeapBegin = nullptr;
std::size_t gHeapBytes = 0;

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
  gHeapBegin = before;
  gHeapBytes = std::size_t(after - before);
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

std::thread prefaultHeap(std::size_t bytes) {
#if defined(LA_GLIBC_MALLOC) && defined(MADV_POPULATE_WRITE)
  if (!gHeapBegin || std::thread::hardware_concurrency() < 2) return {};
  const auto kPage = std::uintptr_t(sysconf(_SC_PAGESIZE));
  const auto first = reinterpret_cast<std::uintptr_t>(gHeapBegin);
  const auto begin = reinterpret_cast<char*>((first + kPage - 1) & ~(kPage - 1));
  const std::size_t n = std::min(bytes, gHeapBytes - std::size_t(begin - gHeapBegin)) & ~std::size_t(kPage - 1);
  if (madvise(begin, 0, MADV_POPULATE_WRITE) != 0) return {};  // a kernel older than 5.14
  return std::thread([begin, n] {
    // 2 MiB at a time: each call holds the address-space lock, which the main thread needs to map
    // libraries and the JIT's code.
    constexpr std::size_t kStep = std::size_t(2) << 20;
    for (std::size_t at = 0; at < n; at += kStep)
      if (madvise(begin + at, std::min(kStep, n - at), MADV_POPULATE_WRITE) != 0) return;
  });
#else
  (void)bytes;
  return {};
#endif
}

}  // namespace la

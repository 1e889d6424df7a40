#include "core/huge_pages.hpp"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace la {

namespace {

// The whole 2 MiB pages inside [data, data + bytes); false when there is none.
bool wholeHugePages(const void* data, std::size_t bytes, std::uintptr_t& begin, std::uintptr_t& end) {
  constexpr std::uintptr_t kHuge = std::uintptr_t(2) << 20;
  if (!data) return false;
  const auto first = reinterpret_cast<std::uintptr_t>(data);
  begin = (first + kHuge - 1) & ~(kHuge - 1);
  end = (first + bytes) & ~(kHuge - 1);
  return end > begin;
}

}  // namespace

bool adviseHugePages(const void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  std::uintptr_t begin = 0, end = 0;
  if (bytes < (std::size_t(4) << 20)) return false;  // too small to hold a whole huge page worth advising
  if (!wholeHugePages(data, bytes, begin, end)) return false;
  return madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE) == 0;
#else
  (void)data;
  (void)bytes;
  return false;
#endif
}

void releaseWholePages(const void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_DONTNEED)
  std::uintptr_t begin = 0, end = 0;
  if (wholeHugePages(data, bytes, begin, end)) (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
#else
  (void)data;
  (void)bytes;
#endif
}

}  // namespace la

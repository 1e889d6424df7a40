// The allocator preparation (core/allocator_tuning.hpp), checked against what the kernel
// reports for this process in /proc/self/smaps: a framebuffer-sized block comes from the heap, and
// where the kernel's transparent huge pages are in "madvise" mode that heap is advised ("hg").
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "core/allocator_tuning.hpp"

namespace {

struct Mapping {
  std::uintptr_t begin = 0, end = 0;
  std::string name, flags;
};

// The mapping of this process that holds `p`, with its name and VmFlags.
Mapping mappingOf(const void* p) {
  const auto a = reinterpret_cast<std::uintptr_t>(p);
  std::ifstream in("/proc/self/smaps");
  std::string line;
  Mapping m;
  bool found = false;
  while (std::getline(in, line)) {
    unsigned long b = 0, e = 0;
    char dash = 0;
    std::istringstream head(line);
    if (line.find("VmFlags:") == 0) {
      if (found) {
        m.flags = line;
        return m;
      }
      continue;
    }
    if (!(head >> std::hex >> b >> dash >> e) || dash != '-') continue;
    found = a >= b && a < e;
    if (found) {
      m.begin = b, m.end = e;
      std::string perms, offset, dev, inode;
      head >> perms >> offset >> dev >> inode;
      std::getline(head >> std::ws, m.name);
    }
  }
  return m;
}

bool thpMadviseMode() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string s;
  return std::getline(in, s) && s.find("[madvise]") != std::string::npos;
}

}  // namespace

TEST_CASE("a framebuffer-sized block comes from the advised heap after preparing the allocator", "[allocator]") {
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
  la::prepareAllocator();
  // 1920x1080 RGBA: glibc's default would map it on its own and unmap it on free.
  void* block = std::malloc(1920 * 1080 * 4);
  REQUIRE(block);
  // The block may start in the last unadvised 2 MiB below the advised range: look at its end.
  const Mapping m = mappingOf(static_cast<char*>(block) + 1920 * 1080 * 4 - 1);
  CHECK(m.name == "[heap]");
  if (thpMadviseMode() && !std::getenv("LESION_ATLAS_HUGE_PAGES")) {
    CHECK(la::hugePagesAdvised());
    CHECK(m.flags.find(" hg") != std::string::npos);
  }
  std::free(block);
#else
  WARN("glibc's allocator is not in use here (sanitizer or another C library): nothing to check");
#endif
}

namespace {

// Resident kB of the heap (the "Rss:" lines of the [heap] mappings in /proc/self/smaps; the huge
// page advice splits it in two).
long heapResidentKb() {
  std::ifstream in("/proc/self/smaps");
  std::string line;
  bool inHeap = false;
  long kb = 0;
  while (std::getline(in, line)) {
    unsigned long b = 0, e = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> b >> dash >> e && dash == '-') inHeap = line.size() >= 6 && line.compare(line.size() - 6, 6, "[heap]") == 0;
    if (inHeap && line.rfind("Rss:", 0) == 0) kb += std::stol(line.substr(4));
  }
  return kb;
}

}  // namespace

TEST_CASE("prefaultHeap makes the heap resident on a second thread and changes nothing in it", "[allocator]") {
  la::prepareAllocator();
  const long before = heapResidentKb();
  std::thread t = la::prefaultHeap(std::size_t(48) << 20);
  if (!t.joinable()) {
    // No advised heap (sanitizer, LESION_ATLAS_HUGE_PAGES=0, THP not in "madvise" mode), one CPU,
    // or an old kernel: nothing was started, and nothing is left to check.
    const bool couldStart = la::hugePagesAdvised() && std::thread::hardware_concurrency() >= 2;
    CHECK_FALSE(couldStart);
    return;
  }
  // A block in use while the pages around it are filled keeps what it holds.
  const size_t n = size_t(8) << 20;
  auto* block = static_cast<unsigned char*>(std::malloc(n));
  REQUIRE(block);
  for (size_t i = 0; i < n; ++i) block[i] = static_cast<unsigned char>(i * 7 + 3);
  t.join();
  // The block is written whole; the rest of the 48 MiB only by the second thread.
  CHECK(heapResidentKb() - before >= 48 * 1024);
  size_t changed = 0;
  for (size_t i = 0; i < n; ++i) changed += block[i] != static_cast<unsigned char>(i * 7 + 3);
  CHECK(changed == 0);
  std::free(block);
}

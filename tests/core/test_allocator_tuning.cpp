// The allocator setting the program restarts itself with (core/allocator_tuning.hpp): what it does to
// a GLIBC_TUNABLES the user already set. The restart itself is checked on the real executable by
// tests/render/huge_pages.cmake.
#include <catch2/catch.hpp>

#include "core/allocator_tuning.hpp"

TEST_CASE("huge pages are added to the user's glibc tunables, never over them", "[allocator]") {
  CHECK(la::tunablesWithHugePages(nullptr) == "glibc.malloc.hugetlb=1");
  CHECK(la::tunablesWithHugePages("") == "glibc.malloc.hugetlb=1");
  // Tunables are colon-separated; the user's stay in front, unchanged.
  CHECK(la::tunablesWithHugePages("glibc.malloc.arena_max=2") == "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1");
  // A value the user chose, including "off", stands: empty means "do not restart".
  CHECK(la::tunablesWithHugePages("glibc.malloc.hugetlb=0").empty());
  CHECK(la::tunablesWithHugePages("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2").empty());
}

TEST_CASE("the launch time is stable within one process", "[allocator]") {
  const auto a = la::launchTime();
  const auto b = la::launchTime();
  CHECK(a == b);
  CHECK(a <= std::chrono::steady_clock::now());
}

// Test helper for "a kill in the middle of a write leaves the old file intact"
// (tests/core/test_atomic_kill.cpp): rewrites FILE through la::writeFileAtomically, the one
// function every file the atlas writes goes through, generation after generation until killed.
// Generation g is SIZE bytes of the letter 'a' + g % 26, so a reader can tell a whole file
// (one letter throughout, full size) from a torn one.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/atomic_file.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: atomic_writer FILE SIZE\n");
    return 2;
  }
  const size_t size = std::strtoull(argv[2], nullptr, 10);
  for (unsigned g = 1;; ++g) la::writeFileAtomically(argv[1], std::string(size, char('a' + g % 26)));
}

// Issue 10, point 7: a process killed (SIGKILL, no chance to clean up) in the middle of writing
// a file leaves the old file whole. The writer is tests/tools/atomic_writer, which rewrites one
// file through la::writeFileAtomically (PNG, GLB, scenes, site maps, CSV and references all go
// through it; tests/atomic_writes.cmake fails when app code writes a file any other way).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "core/atomic_file.hpp"

namespace fs = std::filesystem;

namespace {

constexpr size_t kSize = size_t(48) << 20;  // big enough that writing it takes many milliseconds

// The temporary file the writer is filling now, if it has some bytes but not all.
bool partialTemporaryExists(const fs::path& dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(".target.bin.", 0) != 0) continue;
    const auto size = fs::file_size(e.path(), ec);
    if (!ec && size > 0 && size < kSize) return true;
  }
  return false;
}

// True when the file is one whole generation: full size, a single letter throughout.
bool isWholeGeneration(const fs::path& file) {
  const std::string bytes = la::readFile(file);
  if (bytes.size() != kSize) return false;
  return bytes.find_first_not_of(bytes[0]) == std::string::npos && bytes[0] >= 'a' && bytes[0] <= 'z';
}

}  // namespace

TEST_CASE("a writer killed in the middle of a write leaves the old file whole", "[io]") {
  const fs::path dir = fs::path(LA_TEST_BINARY_DIR) / "atomic-kill";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path target = dir / "target.bin";
  la::writeFileAtomically(target, std::string(kSize, 'z'));

  for (int round = 0; round < 3; ++round) {
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      const std::string size = std::to_string(kSize);
      execl(LA_ATOMIC_WRITER, LA_ATOMIC_WRITER, target.c_str(), size.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    // Kill only when a temporary file is caught half-filled: the kill lands mid-write.
    bool caught = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!caught && std::chrono::steady_clock::now() < deadline) {
      caught = partialTemporaryExists(dir);
      if (!caught) std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    INFO("round " << round);
    REQUIRE(caught);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);
    CHECK(isWholeGeneration(target));
  }
  fs::remove_all(dir);
}

TEST_CASE("a file over its size limit is refused before it is read", "[io]") {
  const fs::path dir = fs::path(LA_TEST_BINARY_DIR) / "size-limit";
  fs::create_directories(dir);
  const fs::path file = dir / "big.json";
  la::writeFileAtomically(file, std::string(2000, ' '));
  CHECK(la::readFile(file, 2000).size() == 2000);
  try {
    la::readFile(file, 1999);
    FAIL("a file over the limit was read");
  } catch (const la::IoError& e) {
    CHECK_THAT(e.what(), Catch::Contains(file.string()) && Catch::Contains("larger than the limit"));
  }
  // A device has no size to check first: it is read up to the limit and refused there.
  CHECK_THROWS_WITH(la::readFile("/dev/zero", 1 << 20), Catch::Contains("/dev/zero") && Catch::Contains("does not end"));
  fs::remove_all(dir);
}

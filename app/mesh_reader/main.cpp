// lesion-atlas-mesh-reader [--include PATTERN]... [--exclude PATTERN]... [--] FILE
// The child process that reads a user's mesh for the atlas (render/mesh_isolation.hpp): loads
// FILE with la::render::loadMesh and writes one binary reply (core/mesh_reply.hpp) to standard
// output, the mesh or the reason it could not be loaded. The importer runs here, not in the
// atlas, so that a crash or a hang on a hostile file costs only this process.
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <exception>
#include <new>
#include <string>
#include <vector>

#include "core/mesh_reply.hpp"
#include "render/mesh_arrays.hpp"
#include "render/mesh_io.hpp"

#ifdef LA_MESH_READER_TEST_HOOKS
#include <cstdlib>
#include <fstream>
#include <thread>
#endif

namespace {

int writeAll(const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(1, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return 1;  // the atlas stopped listening
    done += size_t(n);
  }
  return 0;
}

int usage(const char* why) {
  std::fprintf(stderr, "lesion-atlas-mesh-reader: %s\nusage: lesion-atlas-mesh-reader [--include PATTERN]... "
               "[--exclude PATTERN]... [--] FILE\n(run by lesion-atlas; its output is binary)\n", why);
  return 2;
}

// What a reply may carry (core/mesh_reply.hpp limits): clean text of bounded length.
std::string cleanName(const std::string& n) { return la::cleanText(n.substr(0, 1024), false); }

#ifdef LA_MESH_READER_TEST_HOOKS
// Test builds only (tests/mesh builds this file a second time with the hooks on). A file whose
// first line is "# lesion-atlas-test: WHAT" makes the reader misbehave in one of the ways an
// importer could on a hostile file, so the tests can check that the atlas survives it:
// abort, segfault, hang (sleeps), flood (writes without end), garbage (a malformed reply),
// exit (exit code 3, no reply).
void testHook(const std::string& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  const std::string tag = "# lesion-atlas-test: ";
  if (line.compare(0, tag.size(), tag) != 0) return;
  const std::string what = line.substr(tag.size());
  std::fprintf(stderr, "test hook: %s\n", what.c_str());
  std::fflush(stderr);
  // Default dispositions first: under the sanitizers (LA_SANITIZE) their handlers would turn the
  // signal into an exit code.
  if (what == "abort") {
    ::signal(SIGABRT, SIG_DFL);
    std::abort();
  }
  if (what == "segfault") {
    ::signal(SIGSEGV, SIG_DFL);
    ::raise(SIGSEGV);
  }
  if (what == "hang")
    for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
  if (what == "flood") {
    const std::string chunk(1 << 20, 'x');
    while (writeAll(chunk) == 0) {
    }
    std::exit(1);
  }
  if (what == "garbage") {
    std::string g("LAMR\x01\0\0\0\x01\0\0\0", 12);  // a valid start: magic, version 1, kind mesh
    std::exit(writeAll(g + "and then no mesh"));
  }
  if (what == "exit") std::exit(3);
}
#endif

}  // namespace

int main(int argc, char** argv) {
  // Die with the atlas instead of lingering if it goes away; a crash here is reported by the
  // atlas, so no core file is wanted.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  const rlimit noCore{0, 0};
  ::setrlimit(RLIMIT_CORE, &noCore);

  la::render::MeshLoadOptions options;
  std::string file;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if ((a == "--include" || a == "--exclude") && i + 1 < argc) {
      (a == "--include" ? options.include : options.exclude).push_back(argv[++i]);
    } else if (a == "--" && i + 2 == argc) {
      file = argv[++i];
    } else if (a.empty() || a[0] == '-' || i + 1 != argc) {
      return usage(("unexpected argument: " + a).c_str());
    } else {
      file = a;
    }
  }
  if (file.empty()) return usage("no FILE");
  if (::isatty(1)) return usage("standard output is a terminal");
#ifdef LA_MESH_READER_TEST_HOOKS
  testHook(file);
#endif
  try {
    std::vector<std::string> names;
    auto mesh = la::render::loadMesh(file, options, &names);
    la::MeshArrays arrays = la::render::toMeshArrays(mesh);
    mesh = nullptr;
    for (size_t i = 0; i < names.size() && i < la::MeshReplyLimits{}.maxNames; ++i)
      arrays.names.push_back(cleanName(names[i]));
    return writeAll(la::encodeMeshReply(arrays));
  } catch (const std::bad_alloc&) {
    return writeAll(la::encodeMeshError(la::cleanText(file, false) + ": out of memory while reading the mesh"));
  } catch (const std::exception& e) {
    return writeAll(la::encodeMeshError(la::cleanText(std::string(e.what()).substr(0, 16384), true)));
  }
}

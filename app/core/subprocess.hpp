#pragma once
// Runs a helper program as a child process (posix_spawn, no shell) and collects its standard
// output under a time limit and a size limit. Whatever the child does (crash, hang, endless
// output) the caller gets a result saying so; the child is killed when a limit is hit.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace la {

struct ChildLimits {
  std::chrono::milliseconds timeout{60000};  // wall clock, from start to exit
  std::size_t maxOutputBytes = std::size_t(512) << 20;
  std::size_t keepErrorBytes = 8192;  // the last bytes of its standard error are kept
};

struct ChildResult {
  enum class End {
    Exited,          // exitCode is set
    Signalled,       // killed by signal `signal` (a crash: SIGSEGV, SIGABRT, ...)
    TimedOut,        // still running at the time limit; killed
    OutputTooLarge,  // wrote more than maxOutputBytes; killed
    StartFailed,     // could not be started; `error` says why
  };
  End end = End::StartFailed;
  int exitCode = -1;
  int signal = 0;
  std::string output;     // standard output (complete only when end == Exited)
  std::string errorTail;  // the end of its standard error
  std::string error;      // StartFailed: the reason
  std::chrono::milliseconds elapsed{0};
};

// Starts `program` with `args` (argv[1..]), standard input from /dev/null, and waits for it
// within `limits`.
ChildResult runChild(const std::filesystem::path& program, const std::vector<std::string>& args,
                     const ChildLimits& limits);

// "signal 11 (Segmentation fault)".
std::string describeSignal(int signal);

}  // namespace la

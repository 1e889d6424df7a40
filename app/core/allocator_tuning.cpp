#include "core/allocator_tuning.hpp"

#include <cstdlib>
#include <cstring>
#include <fstream>

#if defined(__linux__)
#include <unistd.h>
#endif

namespace la {

namespace {

constexpr const char* kTunable = "glibc.malloc.hugetlb";
constexpr const char* kLaunchVar = "LESION_ATLAS_LAUNCHED_NS";

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

bool glibcHasTunable() {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 35))
  return true;
#else
  return false;
#endif
}

// "always" needs no advice and "never" refuses it; only "madvise" mode gains from the tunable.
bool kernelWantsAdvice() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string line;
  return std::getline(in, line) && line.find("[madvise]") != std::string::npos;
}

long long nowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::string tunablesWithHugePages(const char* existing) {
  const std::string setting = std::string(kTunable) + "=1";
  if (!existing || !*existing) return setting;
  if (std::strstr(existing, kTunable)) return {};
  return std::string(existing) + ":" + setting;
}

void restartWithHugePagesIfUseful(char** argv) {
#if defined(__linux__)
  const char* optOut = std::getenv("LESION_ATLAS_HUGE_PAGES");
  if (optOut && std::strcmp(optOut, "0") == 0) return;
  if (sanitized() || !glibcHasTunable() || !kernelWantsAdvice()) return;
  const std::string tunables = tunablesWithHugePages(std::getenv("GLIBC_TUNABLES"));
  if (tunables.empty()) return;  // already running with it (or the user chose otherwise)
  setenv("GLIBC_TUNABLES", tunables.c_str(), 1);
  setenv(kLaunchVar, std::to_string(nowNs()).c_str(), 1);
  execv("/proc/self/exe", argv);
  unsetenv(kLaunchVar);  // exec failed: carry on in this process, as it is
#else
  (void)argv;
#endif
}

bool hugePagesAdvised() {
  const char* t = std::getenv("GLIBC_TUNABLES");
  return glibcHasTunable() && !sanitized() && t && std::strstr(t, "glibc.malloc.hugetlb=1");
}

std::chrono::steady_clock::time_point launchTime() {
  static const std::chrono::steady_clock::time_point launched = [] {
    const auto now = std::chrono::steady_clock::now();
    const char* v = std::getenv(kLaunchVar);
    if (!v) return now;
    char* end = nullptr;
    const long long ns = std::strtoll(v, &end, 10);
    const bool parsed = end && *end == '\0';
    unsetenv(kLaunchVar);  // not for processes this one starts
    const auto then = std::chrono::steady_clock::time_point(std::chrono::nanoseconds(ns));
    // Only a value from this boot's clock, earlier than now, is a launch time.
    return (parsed && ns > 0 && then <= now) ? then : now;
  }();
  return launched;
}

}  // namespace la

// Default options read by the sanitizer runtimes at start-up (LA_SANITIZE builds only).
// Compiled into every executable so that tests need no environment set up; the environment
// variables ASAN_OPTIONS, UBSAN_OPTIONS and LSAN_OPTIONS are parsed after these and win.

#include <dlfcn.h>

extern "C" {

// An UB report fails the program (a test), instead of scrolling past in the log.
const char* __ubsan_default_options() { return "print_stacktrace=1:halt_on_error=1"; }

// Leaks inside the system's GL/X11 stack are not ours to fix; see lsan.supp.
const char* __lsan_default_options() { return "suppressions=" LA_LSAN_SUPPRESSIONS; }

// Leaks and stack-use-after-return are reported; the exit code of a failing run is 1 by
// default in ASan, which a CLI test expecting exit 1 would take for success: use 23 instead.
const char* __asan_default_options() { return "detect_stack_use_after_return=1:exitcode=23"; }

}  // extern "C"

#ifdef LA_DRI_DRIVER
namespace {
// Mesa unloads its DRI driver (llvmpipe: swrast_dri.so, with libdrm and friends) when the last GL
// context goes away, before the leak check at exit. What it leaked is then reported from
// "<unknown module>", which no suppression can name. Loading the driver once more with
// RTLD_NODELETE keeps it (and what it loaded) mapped, so lsan.supp matches it by name. Only a
// process that links GL (libGLX is loaded) does this.
__attribute__((constructor)) void keepDriDriverLoaded() {
  if (dlopen("libGLX.so.0", RTLD_LAZY | RTLD_NOLOAD)) dlopen(LA_DRI_DRIVER, RTLD_LAZY | RTLD_NODELETE);
}
}  // namespace
#endif

// Default options read by the sanitizer runtimes at start-up (LA_SANITIZE builds only).
// Compiled into every executable so that tests need no environment set up; the environment
// variables ASAN_OPTIONS, UBSAN_OPTIONS and LSAN_OPTIONS are parsed after these and win.

extern "C" {

// An UB report fails the program (a test), instead of scrolling past in the log.
const char* __ubsan_default_options() { return "print_stacktrace=1:halt_on_error=1"; }

// Leaks inside the system's GL/X11 stack are not ours to fix; see lsan.supp.
const char* __lsan_default_options() { return "suppressions=" LA_LSAN_SUPPRESSIONS; }

// Leaks and stack-use-after-return are reported; the exit code of a failing run is 1 by
// default in ASan, which a CLI test expecting exit 1 would take for success: use 23 instead.
const char* __asan_default_options() { return "detect_stack_use_after_return=1:exitcode=23"; }

}  // extern "C"

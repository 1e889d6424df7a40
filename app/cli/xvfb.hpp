#pragma once
// Debian's VTK 9.1 renders only through X (its GLEW is built for GLX, so EGL fails). On a server
// or in CI with no DISPLAY, rendering commands start a private Xvfb for their own lifetime.
#include <string>
#include <sys/types.h>

namespace la::cli {

class PrivateDisplay {
 public:
  // Starts Xvfb when DISPLAY is unset or empty; otherwise does nothing.
  // Throws std::runtime_error when Xvfb is needed but cannot start.
  PrivateDisplay();
  ~PrivateDisplay();  // stops the Xvfb it started
  PrivateDisplay(const PrivateDisplay&) = delete;
  PrivateDisplay& operator=(const PrivateDisplay&) = delete;
  bool started() const { return pid_ > 0; }

 private:
  pid_t pid_ = -1;
};

bool haveDisplay();

}  // namespace la::cli

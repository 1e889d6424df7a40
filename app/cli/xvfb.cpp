#include "cli/xvfb.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace la::cli {

bool haveDisplay() {
  const char* d = std::getenv("DISPLAY");
  return d && *d;
}

PrivateDisplay::PrivateDisplay() {
  if (haveDisplay()) return;
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error(std::string("cannot start Xvfb: pipe: ") + std::strerror(errno));
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error(std::string("cannot start Xvfb: fork: ") + std::strerror(errno));
  if (pid_ == 0) {
    // A command killed by a signal (e.g. SIGPIPE from `| head`) never runs the destructor: the
    // server then goes with it instead of lingering.
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    ::close(fds[0]);
    int devnull = ::open("/dev/null", O_RDWR);
    if (devnull >= 0) {
      ::dup2(devnull, 0);
      ::dup2(devnull, 1);
      ::dup2(devnull, 2);
    }
    // -displayfd lets the server pick a free display number and report it, so parallel runs
    // (ctest -j) never collide.
    const std::string fd = std::to_string(fds[1]);
    ::execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1280x1024x24", "-nolisten", "tcp",
             "-noreset", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[1]);
  std::string number;
  pollfd p{fds[0], POLLIN, 0};
  // Wait up to 10 s for the display number line.
  for (int waited = 0; waited < 10000;) {
    int r = ::poll(&p, 1, 200);
    waited += 200;
    if (r > 0) {
      char buf[32];
      ssize_t n = ::read(fds[0], buf, sizeof buf);
      if (n <= 0) break;
      number.append(buf, size_t(n));
      if (number.find('\n') != std::string::npos) break;
    }
    int status;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      ::close(fds[0]);
      throw std::runtime_error(WIFEXITED(status) && WEXITSTATUS(status) == 127
                                   ? "no DISPLAY and Xvfb is not installed (apt-get install xvfb)"
                                   : "no DISPLAY and the private Xvfb exited at start");
    }
  }
  ::close(fds[0]);
  while (!number.empty() && (number.back() == '\n' || number.back() == ' ')) number.pop_back();
  if (number.empty()) {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
    throw std::runtime_error("no DISPLAY and the private Xvfb did not report a display in 10 s");
  }
  ::setenv("DISPLAY", (":" + number).c_str(), 1);
}

PrivateDisplay::~PrivateDisplay() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  ::waitpid(pid_, nullptr, 0);
  ::unsetenv("DISPLAY");
}

}  // namespace la::cli

#include "core/subprocess.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

extern char** environ;

namespace la {
namespace {

using Clock = std::chrono::steady_clock;

struct Pipe {
  int fd[2] = {-1, -1};
  ~Pipe() { closeBoth(); }
  void closeEnd(int i) {
    if (fd[i] >= 0) ::close(fd[i]);
    fd[i] = -1;
  }
  void closeBoth() { closeEnd(0), closeEnd(1); }
};

// Spawns with the three standard descriptors replaced; the pipes are close-on-exec, so the child
// inherits nothing else of ours. Signal dispositions and mask are reset: the parent may ignore
// SIGPIPE or block signals, the child should not.
int spawn(pid_t& pid, const std::filesystem::path& program, const std::vector<std::string>& args, int out, int err) {
  std::vector<std::string> argvStore{program.string()};
  argvStore.insert(argvStore.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argvStore) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t fa;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&fa);
  posix_spawnattr_init(&attr);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&fa, out, 1);
  posix_spawn_file_actions_adddup2(&fa, err, 2);
  sigset_t all, none;
  sigfillset(&all);
  sigemptyset(&none);
  posix_spawnattr_setsigdefault(&attr, &all);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  const int rc = ::posix_spawn(&pid, program.c_str(), &fa, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  return rc;
}

void killAndReap(pid_t pid) {
  ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
}

// Reads what is there; false at end of file or on an error.
bool drain(int fd, std::string& into) {
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
      into.append(buf, size_t(n));
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    return false;
  }
}

}  // namespace

std::string describeSignal(int signal) {
  const char* name = ::strsignal(signal);
  return "signal " + std::to_string(signal) + (name ? std::string(" (") + name + ")" : std::string());
}

ChildResult runChild(const std::filesystem::path& program, const std::vector<std::string>& args,
                     const ChildLimits& limits) {
  ChildResult r;
  const auto start = Clock::now();
  const auto deadline = start + limits.timeout;
  auto finish = [&](ChildResult::End end) {
    r.end = end;
    r.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    return r;
  };
  Pipe out, err;
  if (::pipe2(out.fd, O_CLOEXEC) != 0 || ::pipe2(err.fd, O_CLOEXEC) != 0) {
    r.error = std::string("cannot create a pipe: ") + std::strerror(errno);
    return finish(ChildResult::End::StartFailed);
  }
  pid_t pid = -1;
  if (const int rc = spawn(pid, program, args, out.fd[1], err.fd[1]); rc != 0) {
    r.error = "cannot start " + program.string() + ": " + std::strerror(rc);
    return finish(ChildResult::End::StartFailed);
  }
  out.closeEnd(1);
  err.closeEnd(1);

  std::string errors;
  while (out.fd[0] >= 0 || err.fd[0] >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) {
      killAndReap(pid);
      r.errorTail = errors;
      return finish(ChildResult::End::TimedOut);
    }
    pollfd fds[2];
    int n = 0;
    for (Pipe* p : {&out, &err})
      if (p->fd[0] >= 0) fds[n++] = {p->fd[0], POLLIN, 0};
    const int ready = ::poll(fds, nfds_t(n), int(std::min<long long>(left, 1000)));
    if (ready <= 0) continue;  // timeout (checked above) or EINTR
    for (int i = 0; i < n; ++i) {
      if (!fds[i].revents) continue;
      Pipe& p = fds[i].fd == out.fd[0] ? out : err;
      std::string& into = &p == &out ? r.output : errors;
      if (!drain(p.fd[0], into)) p.closeEnd(0);
      if (errors.size() > 2 * limits.keepErrorBytes) errors.erase(0, errors.size() - limits.keepErrorBytes);
      if (r.output.size() > limits.maxOutputBytes) {
        killAndReap(pid);
        r.errorTail = errors;
        return finish(ChildResult::End::OutputTooLarge);
      }
    }
  }
  if (errors.size() > limits.keepErrorBytes) errors.erase(0, errors.size() - limits.keepErrorBytes);
  r.errorTail = errors;
  // Both pipes are closed; the child should be exiting.
  for (;;) {
    int status = 0;
    const pid_t w = ::waitpid(pid, &status, WNOHANG);
    if (w == pid) {
      if (WIFSIGNALED(status)) {
        r.signal = WTERMSIG(status);
        return finish(ChildResult::End::Signalled);
      }
      r.exitCode = WEXITSTATUS(status);
      return finish(ChildResult::End::Exited);
    }
    if (w < 0 && errno != EINTR) {
      r.error = std::string("lost track of the child: ") + std::strerror(errno);
      return finish(ChildResult::End::StartFailed);
    }
    if (Clock::now() >= deadline) {
      killAndReap(pid);
      return finish(ChildResult::End::TimedOut);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

}  // namespace la

#include "core/video_encoder.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

extern char** environ;

namespace fs = std::filesystem;

namespace la {

fs::path findFfmpeg() {
  if (const char* env = std::getenv("LA_FFMPEG"); env && *env)
    return ::access(env, X_OK) == 0 ? fs::path(env) : fs::path();
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (dir.empty()) continue;
    const fs::path candidate = fs::path(dir) / "ffmpeg";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

std::string ffmpegMissingMessage() {
  return "ffmpeg is not installed, so MP4 and GIF cannot be written: install it with "
         "`sudo apt-get install ffmpeg` (Debian/Ubuntu; or run scripts/install-deps.sh), "
         "or write numbered PNG frames instead with -o FOLDER/";
}

std::vector<std::string> ffmpegArguments(VideoFormat format, int width, int height, double fps, const fs::path& out) {
  if (format == VideoFormat::Mp4 && (width % 2 || height % 2))
    throw EncoderError(out.string() + ": H.264 (yuv420p) needs even dimensions, got " + std::to_string(width) + "x" +
                       std::to_string(height));
  char rate[32];
  std::snprintf(rate, sizeof rate, "%g", fps);
  std::vector<std::string> a = {"-hide_banner", "-loglevel", "error", "-y",
                                "-f", "rawvideo", "-pix_fmt", "rgb24",
                                "-s", std::to_string(width) + "x" + std::to_string(height),
                                "-r", rate, "-i", "pipe:0", "-an"};
  if (format == VideoFormat::Mp4) {
    // yuv420p and the faststart atom: what PowerPoint, Keynote and browsers play.
    for (const char* s : {"-c:v", "libx264", "-preset", "fast", "-crf", "18", "-pix_fmt", "yuv420p",
                          "-movflags", "+faststart"})
      a.push_back(s);
  } else {
    // A palette made from these frames (the palette pass), then used to map them: far fewer
    // bands on the skin than GIF's fixed web palette.
    for (const char* s : {"-filter_complex", "[0:v]split[a][b];[a]palettegen=stats_mode=full[p];[b][p]paletteuse",
                          "-loop", "0"})
      a.push_back(s);
  }
  a.push_back(out.string());  // one argument: never split, quoted or expanded by a shell
  return a;
}

FfmpegPipe::FfmpegPipe(const fs::path& program, const std::vector<std::string>& args) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw EncoderError(std::string("cannot start ffmpeg: pipe: ") + std::strerror(errno));
  char logName[] = "/tmp/lesion-atlas-ffmpeg-XXXXXX";
  const int logFd = ::mkstemp(logName);
  if (logFd >= 0) log_ = logName;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  if (logFd >= 0) posix_spawn_file_actions_adddup2(&actions, logFd, 2);
  std::vector<std::string> argv = {program.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> cargv;
  for (std::string& s : argv) cargv.push_back(s.data());
  cargv.push_back(nullptr);
  const int rc = ::posix_spawn(&pid_, program.c_str(), &actions, nullptr, cargv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[0]);
  if (logFd >= 0) ::close(logFd);
  if (rc != 0) {
    ::close(fds[1]);
    pid_ = -1;
    throw EncoderError("cannot start " + program.string() + ": " + std::strerror(rc));
  }
  fd_ = fds[1];
  // A dead encoder must be an error message, not a signal that ends the whole program.
  ::signal(SIGPIPE, SIG_IGN);
}

FfmpegPipe::~FfmpegPipe() {
  if (pid_ > 0) abort();
  if (!log_.empty()) {
    std::error_code ec;
    fs::remove(log_, ec);
  }
}

std::string FfmpegPipe::messages() const {
  std::ifstream in(log_);
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!all.empty() && (all.back() == '\n' || all.back() == '\r')) all.pop_back();
  if (all.size() > 2000) all = "..." + all.substr(all.size() - 2000);
  return all.empty() ? "(no message)" : all;
}

void FfmpegPipe::write(const unsigned char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd_, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why = std::strerror(errno);
      abort();
      throw EncoderError("ffmpeg stopped reading frames (" + why + "): " + messages());
    }
    data += n;
    size -= size_t(n);
  }
}

void FfmpegPipe::finish() {
  if (fd_ >= 0) ::close(fd_), fd_ = -1;
  if (pid_ <= 0) return;
  int status = 0;
  struct rusage ru {};
  while (::wait4(pid_, &status, 0, &ru) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  cpuSeconds_ = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + 1e-6 * double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw EncoderError("ffmpeg failed (" +
                       (WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status))
                                          : "signal " + std::to_string(WTERMSIG(status))) +
                       "): " + messages());
}

void FfmpegPipe::abort() {
  if (fd_ >= 0) ::close(fd_), fd_ = -1;
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
}

}  // namespace la

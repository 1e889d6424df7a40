#include "core/atomic_file.hpp"
#include "core/huge_pages.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace la {

namespace {

std::string mib(std::uintmax_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", double(bytes) / double(1 << 20));
  return buf;
}

std::string tooLarge(std::uintmax_t size, std::uintmax_t limit) {
  return "file of " + mib(size) + " is larger than the limit of " + mib(limit) +
         " for this kind of file (docs/DATA.md, \"Size limits\"); not read";
}

// After a rename the new directory entry is only durable once the directory itself is flushed.
void syncDirectory(const std::filesystem::path& dir, const std::filesystem::path& path) {
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) throw IoError(path.string() + ": written, but its folder cannot be opened to flush it: " + std::strerror(errno));
  const int rc = ::fsync(dfd);
  const int err = errno;
  ::close(dfd);
  // Some file systems (e.g. some network mounts) refuse fsync on a directory: the file is in place.
  if (rc != 0 && err != EINVAL && err != EROFS)
    throw IoError(path.string() + ": written, but its folder could not be flushed: " + std::strerror(err));
}

}  // namespace

void writeFileAtomically(const std::filesystem::path& path, std::string_view contents) {
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
  std::string tmpl = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0)
    throw IoError(path.string() + ": cannot create a temporary file: " + std::strerror(errno));
  const char* p = contents.data();
  size_t left = contents.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      ::unlink(tmpl.c_str());
      throw IoError(path.string() + ": write failed: " + std::strerror(err));
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  // mkstemp creates 0600; saved scenes and maps should be readable like any other document.
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    throw IoError(path.string() + ": flush failed: " + std::strerror(err));
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    throw IoError(path.string() + ": cannot replace file: " + std::strerror(err));
  }
  syncDirectory(dir, path);
}

void replaceFileAtomically(const std::filesystem::path& tmp, const std::filesystem::path& path) {
  const int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw IoError(path.string() + ": cannot open the finished temporary file: " + std::strerror(errno));
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0) {
    ::unlink(tmp.c_str());
    throw IoError(path.string() + ": flush failed: " + std::strerror(err));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int e = errno;
    ::unlink(tmp.c_str());
    throw IoError(path.string() + ": cannot replace file: " + std::strerror(e));
  }
  syncDirectory(path.has_parent_path() ? path.parent_path() : ".", path);
}

std::string readFile(const std::filesystem::path& path, std::uintmax_t maxBytes) {
  // A directory opens without error on Linux and then reads as empty: say what it is instead.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw IoError(path.string() + ": is a directory, not a file");
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > maxBytes) throw IoError(path.string() + ": " + tooLarge(size, maxBytes));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path.string() + ": cannot open: " + std::strerror(errno));
  // Read in blocks up to the limit: a device or pipe has no size to check first.
  std::string out;
  if (!ec && size > 0) {
    out.reserve(size_t(size));
    adviseHugePages(out.data(), out.capacity());
  }
  char block[1 << 16];
  while (in.read(block, sizeof block) || in.gcount() > 0) {
    out.append(block, size_t(in.gcount()));
    if (out.size() > maxBytes) throw IoError(path.string() + ": " + tooLarge(out.size(), maxBytes) + " (or does not end)");
  }
  if (in.bad()) throw IoError(path.string() + ": read failed");
  return out;
}

}  // namespace la

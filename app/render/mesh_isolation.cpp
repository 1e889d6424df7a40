#include "render/mesh_isolation.hpp"

#include "core/subprocess.hpp"
#include "render/mesh_arrays.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <system_error>

namespace fs = std::filesystem;

namespace la::render {
namespace {

constexpr const char* kReaderName = "lesion-atlas-mesh-reader";

// A positive number from the environment, or `fallback` when the variable is unset or empty.
double positiveFromEnv(const char* name, double fallback, const char* unit) {
  const char* v = std::getenv(name);
  if (!v || !*v) return fallback;
  char* end = nullptr;
  errno = 0;
  const double x = std::strtod(v, &end);
  if (errno || end == v || *end || !(x > 0) || x > 1e9)
    throw MeshLoadError(std::string(name) + ": '" + v + "' is not a positive number of " + unit);
  return x;
}

// The last non-empty line the reader wrote to its standard error, cleaned and shortened.
std::string lastLine(const std::string& text) {
  size_t end = text.find_last_not_of(" \n\r\t");
  if (end == std::string::npos) return {};
  size_t start = text.rfind('\n', end);
  start = start == std::string::npos ? 0 : start + 1;
  std::string line = cleanText(text.substr(start, end + 1 - start), false);
  if (line.size() > 300) line = line.substr(0, 300) + "...";
  return line;
}

std::string saying(const ChildResult& r) {
  const std::string l = lastLine(r.errorTail);
  return l.empty() ? std::string() : "; it said: " + l;
}

std::string megabytes(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

std::string seconds(std::chrono::milliseconds t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g s", t.count() / 1000.0);
  return buf;
}

}  // namespace

MeshReadLimits meshReadLimits() {
  MeshReadLimits l;
  const double s = positiveFromEnv("LESION_ATLAS_MESH_TIMEOUT", 60.0, "seconds");
  l.timeout = std::chrono::milliseconds(static_cast<long long>(s * 1000.0));
  const double mb = positiveFromEnv("LESION_ATLAS_MESH_MAX_MB", double(kDefaultMeshReplyBytes >> 20), "MiB");
  l.maxBytes = static_cast<std::size_t>(mb * 1024.0 * 1024.0);
  return l;
}

fs::path meshReaderPath() {
  if (const char* env = std::getenv("LESION_ATLAS_MESH_READER"); env && *env) return fs::path(env);
  std::error_code ec;
  std::vector<fs::path> tried;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) tried.push_back(self.parent_path() / kReaderName);
#ifdef LA_MESH_READER_BUILD_PATH
  tried.push_back(fs::path(LA_MESH_READER_BUILD_PATH));
#endif
  for (const auto& p : tried)
    if (fs::is_regular_file(p, ec)) return p;
  std::string list;
  for (const auto& p : tried) list += (list.empty() ? "" : ", ") + p.string();
  throw MeshLoadError(std::string("the mesh reader program ") + kReaderName + " is missing (looked for " + list +
                      "); reinstall lesion-atlas or set LESION_ATLAS_MESH_READER");
}

vtkSmartPointer<vtkPolyData> loadMeshIsolated(const fs::path& path, const MeshLoadOptions& options,
                                              const MeshReadLimits& limits, std::vector<std::string>* names) {
  const fs::path reader = limits.reader.empty() ? meshReaderPath() : limits.reader;
  std::vector<std::string> args;
  for (const auto& p : options.include) args.insert(args.end(), {"--include", p});
  for (const auto& p : options.exclude) args.insert(args.end(), {"--exclude", p});
  args.insert(args.end(), {"--", path.string()});
  ChildLimits cl;
  cl.timeout = limits.timeout;
  cl.maxOutputBytes = limits.maxBytes;
  const ChildResult r = runChild(reader, args, cl);
  const std::string file = path.string() + ": ";
  switch (r.end) {
    case ChildResult::End::StartFailed:
      throw MeshLoadError(file + "not loaded: " + r.error);
    case ChildResult::End::Signalled:
      throw MeshLoadError(file + "the mesh reader crashed on this file (" + describeSignal(r.signal) +
                          "), so it was not loaded" + saying(r));
    case ChildResult::End::TimedOut:
      throw MeshLoadError(file + "reading took longer than the limit of " + seconds(limits.timeout) +
                          ", so the mesh reader was stopped (LESION_ATLAS_MESH_TIMEOUT=SECONDS sets the limit)");
    case ChildResult::End::OutputTooLarge:
      throw MeshLoadError(file + "the mesh is larger than the limit of " + megabytes(limits.maxBytes) +
                          " for a body (about 52 bytes per vertex); decimate it, or raise the limit with "
                          "LESION_ATLAS_MESH_MAX_MB=MIB");
    case ChildResult::End::Exited:
      break;
  }
  if (r.exitCode != 0)
    throw MeshLoadError(file + "the mesh reader failed (exit code " + std::to_string(r.exitCode) + ")" + saying(r));
  MeshReplyLimits rl;
  rl.maxBytes = limits.maxBytes;
  MeshReply reply = decodeMeshReply(r.output, rl);
  if (reply.kind == MeshReply::Kind::LoadError) throw MeshLoadError(reply.message);
  if (reply.kind == MeshReply::Kind::Malformed)
    throw MeshLoadError(file + "the mesh reader's answer is unusable: " + reply.message);
  if (names) *names = reply.mesh.names;
  return fromMeshArrays(std::move(reply.mesh));
}

}  // namespace la::render

#pragma once
// A user's mesh is read in a child process, lesion-atlas-mesh-reader (app/mesh_reader), which
// runs la::render::loadMesh and sends back plain arrays (core/mesh_reply.hpp) over a pipe. If
// the importer crashes, hangs or produces more than a body could need, the child is killed and
// the caller gets a MeshLoadError that says which; its own process and state are untouched.
//
// Limits (defaults; the environment overrides them, see meshReadLimits):
//   time  60 s from start to answer      LESION_ATLAS_MESH_TIMEOUT=SECONDS
//   size  512 MiB of answer (≈10 M vertices with 20 M triangles)   LESION_ATLAS_MESH_MAX_MB=MIB
//   LESION_ATLAS_MESH_READER=PATH names the reader program (default: lesion-atlas-mesh-reader
//   beside the running program, then the one in the build tree).
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <vtkPolyData.h>
#include <vtkSmartPointer.h>

#include "core/mesh_reply.hpp"
#include "render/mesh_io.hpp"

namespace la::render {

struct MeshReadLimits {
  std::chrono::milliseconds timeout{60000};
  std::size_t maxBytes = kDefaultMeshReplyBytes;
  std::filesystem::path reader;  // empty: meshReaderPath()
};

// The defaults with the environment variables above applied. Throws MeshLoadError when one of
// them is set but not a positive number.
MeshReadLimits meshReadLimits();

// The reader program; throws MeshLoadError naming the places looked at when there is none.
std::filesystem::path meshReaderPath();

// loadMesh(path, options, names) in the reader: the same mesh and, for a file it cannot read,
// the same message. Throws MeshLoadError naming the file when the reader crashes (with the
// signal), runs past the time limit, answers more than the size limit, exits with an error or
// answers something that is not a valid reply.
vtkSmartPointer<vtkPolyData> loadMeshIsolated(const std::filesystem::path& path, const MeshLoadOptions& options = {},
                                              const MeshReadLimits& limits = meshReadLimits(),
                                              std::vector<std::string>* names = nullptr);

}  // namespace la::render

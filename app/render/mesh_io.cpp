#include "render/mesh_io.hpp"

#include <fnmatch.h>
#include <unistd.h>

#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <vtkCellArray.h>
#include <vtkCleanPolyData.h>
#include <vtkFloatArray.h>
#include <vtkIdTypeArray.h>
#include <vtkIntArray.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyDataNormals.h>

#include <algorithm>
#include <memory>
#include <cmath>
#include <system_error>

#include "core/atomic_file.hpp"

namespace fs = std::filesystem;

namespace la::render {
namespace {

bool matchesAny(const std::string& name, const std::vector<std::string>& patterns) {
  for (const auto& p : patterns)
    if (::fnmatch(p.c_str(), name.c_str(), 0) == 0) return true;
  return false;
}

bool keepMesh(const std::string& name, const MeshLoadOptions& o) {
  if (!o.include.empty() && !matchesAny(name, o.include)) return false;
  return !matchesAny(name, o.exclude);
}

std::string fail(const fs::path& path, const std::string& reason) {
  return path.string() + ": " + reason;
}

struct Part {
  const aiMesh* mesh;
  aiMatrix4x4 xf;  // node transforms down to the mesh
};

// The kept triangle meshes of the scene, in node order, each with its transform.
void collectParts(const aiScene* scene, const aiNode* node, const aiMatrix4x4& parent, const MeshLoadOptions& o,
                  std::vector<Part>& out) {
  const aiMatrix4x4 xf = parent * node->mTransformation;
  for (unsigned i = 0; i < node->mNumMeshes; ++i) {
    const aiMesh* m = scene->mMeshes[node->mMeshes[i]];
    if (keepMesh(m->mName.C_Str(), o) && (m->mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) out.push_back({m, xf});
  }
  for (unsigned c = 0; c < node->mNumChildren; ++c) collectParts(scene, node->mChildren[c], xf, o, out);
}

// One polydata from the parts: float points, triangles (other faces are not skin), the label
// channel when any part has one, and with `fileNormals` the normals the file stores. Both load
// paths go through here, so the same file gives bit-identical points either way.
vtkSmartPointer<vtkPolyData> assemble(const std::vector<Part>& parts, bool fileNormals, const fs::path& path) {
  vtkIdType nv = 0, nt = 0;
  bool anyLabels = false;
  for (const Part& p : parts) {
    nv += p.mesh->mNumVertices;
    for (unsigned f = 0; f < p.mesh->mNumFaces; ++f) nt += p.mesh->mFaces[f].mNumIndices == 3;
    anyLabels = anyLabels || p.mesh->HasTextureCoords(1);
    if (fileNormals && !p.mesh->HasNormals())
      throw MeshLoadError(fail(path, std::string("mesh '") + p.mesh->mName.C_Str() +
                                         "' has no normals; a built-in body is written with them (app/bodygen)"));
  }
  auto xyz = vtkSmartPointer<vtkFloatArray>::New();
  xyz->SetNumberOfComponents(3);
  xyz->SetNumberOfTuples(nv);
  auto normals = vtkSmartPointer<vtkFloatArray>::New();
  normals->SetName("Normals");
  normals->SetNumberOfComponents(3);
  if (fileNormals) normals->SetNumberOfTuples(nv);
  auto labels = vtkSmartPointer<vtkIntArray>::New();
  labels->SetName(kSiteLabelArray);
  if (anyLabels) labels->SetNumberOfTuples(nv);
  auto conn = vtkSmartPointer<vtkIdTypeArray>::New();
  conn->SetNumberOfValues(3 * nt);
  auto offsets = vtkSmartPointer<vtkIdTypeArray>::New();
  offsets->SetNumberOfValues(nt + 1);
  float* P = xyz->GetPointer(0);
  float* N = fileNormals ? normals->GetPointer(0) : nullptr;
  int* L = anyLabels ? labels->GetPointer(0) : nullptr;
  vtkIdType* C = conn->GetPointer(0);
  vtkIdType* O = offsets->GetPointer(0);
  vtkIdType v0 = 0, t = 0;
  for (const Part& p : parts) {
    const aiMesh* m = p.mesh;
    const aiMatrix3x3 nxf = aiMatrix3x3(p.xf).Inverse().Transpose();
    const bool rotated = !p.xf.IsIdentity();
    for (unsigned i = 0; i < m->mNumVertices; ++i) {
      const aiVector3D q = p.xf * m->mVertices[i];
      float* d = P + 3 * (v0 + i);
      d[0] = q.x, d[1] = q.y, d[2] = q.z;
      if (N) {
        aiVector3D n = m->mNormals[i];
        if (rotated) n = (nxf * n).NormalizeSafe();
        float* e = N + 3 * (v0 + i);
        e[0] = n.x, e[1] = n.y, e[2] = n.z;
      }
      // Labels are small integers stored as floats; round to undo float noise.
      if (L) L[v0 + i] = m->HasTextureCoords(1) ? static_cast<int>(std::lround(m->mTextureCoords[1][i].x)) : 0;
    }
    for (unsigned f = 0; f < m->mNumFaces; ++f) {
      const aiFace& face = m->mFaces[f];
      if (face.mNumIndices != 3) continue;
      O[t] = 3 * t;
      for (int k = 0; k < 3; ++k) {
        // Assimp does not check indices unless asked to; a broken file must not reach VTK.
        if (face.mIndices[k] >= m->mNumVertices)
          throw MeshLoadError(fail(path, std::string("mesh '") + m->mName.C_Str() + "': face " + std::to_string(f) +
                                             " uses vertex " + std::to_string(face.mIndices[k]) + " of " +
                                             std::to_string(m->mNumVertices)));
        C[3 * t + k] = v0 + face.mIndices[k];
      }
      ++t;
    }
    v0 += m->mNumVertices;
  }
  O[nt] = 3 * nt;
  auto points = vtkSmartPointer<vtkPoints>::New();
  points->SetData(xyz);
  auto polys = vtkSmartPointer<vtkCellArray>::New();
  polys->SetData(offsets, conn);
  auto out = vtkSmartPointer<vtkPolyData>::New();
  out->SetPoints(points);
  out->SetPolys(polys);
  if (anyLabels) out->GetPointData()->AddArray(labels);
  if (fileNormals) out->GetPointData()->SetNormals(normals);
  return out;
}

std::vector<std::string> meshNames(const aiScene* scene) {
  std::vector<std::string> names;
  for (unsigned i = 0; i < scene->mNumMeshes; ++i) {
    std::string n = scene->mMeshes[i]->mName.C_Str();
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  }
  return names;
}

std::vector<Part> partsOrThrow(const aiScene* scene, const MeshLoadOptions& options, const fs::path& path) {
  std::vector<Part> parts;
  collectParts(scene, scene->mRootNode, aiMatrix4x4(), options, parts);
  if (parts.empty()) {
    std::string names;
    for (unsigned i = 0; i < scene->mNumMeshes && i < 12; ++i)
      names += std::string(i ? ", " : "") + scene->mMeshes[i]->mName.C_Str();
    throw MeshLoadError(fail(path, "no triangle mesh left after the include/exclude filters (meshes: " +
                                       names + (scene->mNumMeshes > 12 ? ", ..." : "") + ")"));
  }
  return parts;
}

void checkReadable(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw MeshLoadError(fail(path, "no such file"));
  if (fs::is_directory(path, ec)) throw MeshLoadError(fail(path, "is a directory, not a mesh file"));
  if (::access(path.c_str(), R_OK) != 0) throw MeshLoadError(fail(path, "not readable (permission denied)"));
}

const aiScene* readScene(Assimp::Importer& importer, const fs::path& path, unsigned flags) {
  const aiScene* scene = importer.ReadFile(path.string(), flags);
  if (!scene || !scene->mRootNode) {
    const char* err = importer.GetErrorString();
    throw MeshLoadError(fail(path, std::string("cannot read as a mesh: ") +
                                       (err && *err ? err : "unknown format")));
  }
  if (scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE)
    throw MeshLoadError(fail(path, "the file holds no complete mesh (incomplete scene)"));
  if (scene->mNumMeshes == 0) throw MeshLoadError(fail(path, "the file contains no mesh"));
  return scene;
}

}  // namespace

vtkSmartPointer<vtkPolyData> loadMesh(const fs::path& path, const MeshLoadOptions& options) {
  return loadMesh(path, options, nullptr);
}

vtkSmartPointer<vtkPolyData> loadMesh(const fs::path& path, const MeshLoadOptions& options,
                                      std::vector<std::string>* names) {
  checkReadable(path);
  Assimp::Importer importer;
  const aiScene* scene = readScene(importer, path, aiProcess_Triangulate);
  // NaN/inf are checked on the raw data: vertex welding silently drops such vertices and the
  // faces using them, and a broken file must be reported, not half-loaded.
  size_t bad = 0;
  for (unsigned i = 0; i < scene->mNumMeshes; ++i) {
    const aiMesh* m = scene->mMeshes[i];
    if (!keepMesh(m->mName.C_Str(), options)) continue;
    for (unsigned v = 0; v < m->mNumVertices; ++v)
      if (!std::isfinite(m->mVertices[v].x) || !std::isfinite(m->mVertices[v].y) || !std::isfinite(m->mVertices[v].z))
        ++bad;
  }
  if (bad > 0) throw MeshLoadError(fail(path, std::to_string(bad) + " vertices have NaN or infinite coordinates"));
  // Normals are recomputed after welding in VTK, so the file's own are dropped.
  scene = importer.ApplyPostProcessing(aiProcess_JoinIdenticalVertices | aiProcess_SortByPType | aiProcess_DropNormals);
  if (!scene) throw MeshLoadError(fail(path, std::string("cannot process mesh: ") + importer.GetErrorString()));
  if (names) *names = meshNames(scene);

  vtkSmartPointer<vtkPolyData> raw = assemble(partsOrThrow(scene, options, path), false, path);
  if (raw->GetNumberOfPolys() == 0) throw MeshLoadError(fail(path, "the meshes hold no triangles"));

  vtkSmartPointer<vtkPolyData> out = weldAndNormals(raw);
  if (out->GetNumberOfPolys() == 0) throw MeshLoadError(fail(path, "no valid triangles after cleaning"));
  return out;
}

vtkSmartPointer<vtkPolyData> weldAndNormals(vtkPolyData* mesh) {
  // Formats such as OBJ split vertices along UV seams; merge exact duplicates so the skin is one
  // connected surface and normals are smooth across seams.
  auto clean = vtkSmartPointer<vtkCleanPolyData>::New();
  clean->SetInputData(mesh);
  clean->SetTolerance(0.0);
  clean->PointMergingOn();
  auto normals = vtkSmartPointer<vtkPolyDataNormals>::New();
  normals->SetInputConnection(clean->GetOutputPort());
  normals->SplittingOff();  // skin is smooth; splitting would tear the surface at sharp folds
  normals->ConsistencyOn();
  normals->AutoOrientNormalsOff();
  normals->ComputePointNormalsOn();
  normals->ComputeCellNormalsOff();
  normals->Update();
  return normals->GetOutput();
}

vtkSmartPointer<vtkPolyData> loadPreparedMesh(const fs::path& path, const MeshLoadOptions& options) {
  checkReadable(path);
  Assimp::Importer importer;
  const aiScene* scene = readScene(importer, path, 0);
  vtkSmartPointer<vtkPolyData> out = assemble(partsOrThrow(scene, options, path), true, path);
  if (out->GetNumberOfPolys() == 0) throw MeshLoadError(fail(path, "the meshes hold no triangles"));
  return out;
}

std::vector<std::string> listMeshNames(const fs::path& path) {
  Assimp::Importer importer;
  const aiScene* scene = importer.ReadFile(path.string(), 0);
  if (!scene) throw MeshLoadError(fail(path, std::string("cannot read as a mesh: ") + importer.GetErrorString()));
  return meshNames(scene);
}

namespace {

// One VTK triangle surface as an Assimp mesh (the scene that holds it frees it). Site labels
// travel as texture channel 1; "SkinColors" (RGB, 0..255) as vertex colours.
aiMesh* toAiMesh(vtkPolyData* mesh, const std::string& name, const fs::path& path) {
  auto m = std::make_unique<aiMesh>();
  m->mName = name;
  m->mPrimitiveTypes = aiPrimitiveType_TRIANGLE;
  const vtkIdType np = mesh->GetNumberOfPoints();
  m->mNumVertices = static_cast<unsigned>(np);
  m->mVertices = new aiVector3D[np];
  vtkDataArray* n = mesh->GetPointData()->GetNormals();
  if (!n) n = mesh->GetPointData()->GetArray("Normals");
  if (n) m->mNormals = new aiVector3D[np];
  vtkDataArray* lab = mesh->GetPointData()->GetArray(kSiteLabelArray);
  if (lab) {
    // glTF needs TEXCOORD_0 before TEXCOORD_1; without channel 0 the exporter renumbers the label
    // channel and can corrupt the file, so channel 0 is filled with zeros.
    m->mTextureCoords[0] = new aiVector3D[np];
    m->mTextureCoords[1] = new aiVector3D[np];
    m->mNumUVComponents[0] = 2;
    m->mNumUVComponents[1] = 2;
  }
  vtkDataArray* colors = mesh->GetPointData()->GetArray("SkinColors");
  if (colors && colors->GetNumberOfComponents() == 3) m->mColors[0] = new aiColor4D[np];
  else colors = nullptr;
  for (vtkIdType i = 0; i < np; ++i) {
    double p[3];
    mesh->GetPoint(i, p);
    m->mVertices[i] = aiVector3D(float(p[0]), float(p[1]), float(p[2]));
    if (n) {
      double q[3];
      n->GetTuple(i, q);
      m->mNormals[i] = aiVector3D(float(q[0]), float(q[1]), float(q[2]));
    }
    if (lab) {
      m->mTextureCoords[0][i] = aiVector3D(0, 0, 0);
      m->mTextureCoords[1][i] = aiVector3D(float(lab->GetTuple1(i)), 0, 0);
    }
    if (colors) {
      double c[3];
      colors->GetTuple(i, c);
      m->mColors[0][i] = aiColor4D(float(c[0] / 255), float(c[1] / 255), float(c[2] / 255), 1.f);
    }
  }
  vtkCellArray* polys = mesh->GetPolys();
  m->mNumFaces = static_cast<unsigned>(polys->GetNumberOfCells());
  m->mFaces = new aiFace[m->mNumFaces];
  vtkIdType npts;
  const vtkIdType* ids;
  unsigned k = 0;
  for (polys->InitTraversal(); polys->GetNextCell(npts, ids); ++k) {
    if (npts != 3) throw MeshLoadError(fail(path, "only triangle meshes can be written"));
    m->mFaces[k].mNumIndices = 3;
    m->mFaces[k].mIndices = new unsigned[3]{unsigned(ids[0]), unsigned(ids[1]), unsigned(ids[2])};
  }
  return m.release();
}

// Encodes the scene as a glTF binary in memory and writes it like every other file the atlas
// makes (core/atomic_file: temporary file, fsync, rename, folder fsync).
void exportGlb(const aiScene& scene, const fs::path& path) {
  Assimp::Exporter exporter;
  const aiExportDataBlob* blob = exporter.ExportToBlob(&scene, "glb2");
  if (!blob || !blob->data || blob->size == 0)
    throw MeshLoadError(fail(path, std::string("glTF export failed: ") + exporter.GetErrorString()));
  try {
    la::writeFileAtomically(path, std::string_view(static_cast<const char*>(blob->data), blob->size));
  } catch (const la::IoError& e) {
    throw MeshLoadError(e.what());
  }
}

}  // namespace

void saveMeshGlb(vtkPolyData* mesh, const fs::path& path) {
  if (!mesh || mesh->GetNumberOfPolys() == 0) throw MeshLoadError(fail(path, "nothing to write (empty mesh)"));
  // The aiScene owns and frees everything assigned below.
  aiScene scene;
  scene.mRootNode = new aiNode("lesion-atlas-body");
  scene.mNumMaterials = 1;
  scene.mMaterials = new aiMaterial*[1]{new aiMaterial()};
  scene.mNumMeshes = 1;
  scene.mMeshes = new aiMesh*[1]{toAiMesh(mesh, "body", path)};
  scene.mMeshes[0]->mMaterialIndex = 0;
  scene.mRootNode->mNumMeshes = 1;
  scene.mRootNode->mMeshes = new unsigned[1]{0};
  exportGlb(scene, path);
}

void saveModelGlb(const std::vector<MeshPart>& parts, const fs::path& path) {
  std::vector<const MeshPart*> kept;
  for (const MeshPart& p : parts)
    if (p.mesh && p.mesh->GetNumberOfPolys() > 0) kept.push_back(&p);
  if (kept.empty()) throw MeshLoadError(fail(path, "nothing to write (no meshes)"));
  aiScene scene;  // owns and frees everything assigned below
  scene.mRootNode = new aiNode("lesion-atlas");
  const unsigned n = unsigned(kept.size());
  scene.mNumMeshes = scene.mNumMaterials = n;
  scene.mMeshes = new aiMesh*[n]();
  scene.mMaterials = new aiMaterial*[n]();
  scene.mRootNode->mNumChildren = n;
  scene.mRootNode->mChildren = new aiNode*[n]();
  for (unsigned i = 0; i < n; ++i) {
    const MeshPart& p = *kept[i];
    scene.mMeshes[i] = toAiMesh(p.mesh, p.name, path);
    scene.mMeshes[i]->mMaterialIndex = i;
    auto* mat = scene.mMaterials[i] = new aiMaterial();
    const aiString name(p.name);
    mat->AddProperty(&name, AI_MATKEY_NAME);
    // glTF multiplies vertex colours by the base colour: a shaded skin gets white. The exporter
    // multiplies the base colour's alpha by the opacity, so alpha stays 1 here.
    const bool shaded = p.mesh->GetPointData()->GetArray("SkinColors") != nullptr;
    const aiColor4D c = shaded ? aiColor4D(1, 1, 1, 1) : aiColor4D(float(p.color[0]), float(p.color[1]), float(p.color[2]), 1);
    mat->AddProperty(&c, 1, AI_MATKEY_BASE_COLOR);
    mat->AddProperty(&c, 1, AI_MATKEY_COLOR_DIFFUSE);
    const float metallic = 0.f, roughness = 0.7f, opacity = float(p.opacity);
    mat->AddProperty(&metallic, 1, AI_MATKEY_METALLIC_FACTOR);
    mat->AddProperty(&roughness, 1, AI_MATKEY_ROUGHNESS_FACTOR);
    mat->AddProperty(&opacity, 1, AI_MATKEY_OPACITY);
    // One node per part, named like its mesh, so a viewer lists (and can hide) each category.
    aiNode* node = scene.mRootNode->mChildren[i] = new aiNode(p.name);
    node->mParent = scene.mRootNode;
    node->mNumMeshes = 1;
    node->mMeshes = new unsigned[1]{i};
    node->mTransformation = aiMatrix4x4(aiVector3D(1, 1, 1), aiQuaternion(), aiVector3D(float(p.offset[0]),
                                        float(p.offset[1]), float(p.offset[2])));
  }
  exportGlb(scene, path);
}

std::vector<std::pair<std::string, size_t>> readMeshVertexCounts(const fs::path& path) {
  Assimp::Importer importer;
  const aiScene* scene = importer.ReadFile(path.string(), 0);
  if (!scene) throw MeshLoadError(fail(path, std::string("cannot read as a mesh: ") + importer.GetErrorString()));
  std::vector<std::pair<std::string, size_t>> out;
  for (unsigned i = 0; i < scene->mNumMeshes; ++i)
    out.push_back({scene->mMeshes[i]->mName.C_Str(), scene->mMeshes[i]->mNumVertices});
  return out;
}

}  // namespace la::render

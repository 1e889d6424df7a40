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
#include <vtkIntArray.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyDataNormals.h>

#include <algorithm>
#include <memory>
#include <cmath>
#include <system_error>

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

struct Collector {
  const aiScene* scene;
  const MeshLoadOptions& opts;
  vtkPoints* points;
  vtkCellArray* polys;
  vtkIntArray* labels;  // filled only when some kept mesh carries a label channel
  bool anyLabels = false;
  size_t keptMeshes = 0;

  void visit(const aiNode* node, const aiMatrix4x4& parent) {
    const aiMatrix4x4 xf = parent * node->mTransformation;
    for (unsigned i = 0; i < node->mNumMeshes; ++i) addMesh(scene->mMeshes[node->mMeshes[i]], xf);
    for (unsigned c = 0; c < node->mNumChildren; ++c) visit(node->mChildren[c], xf);
  }

  void addMesh(const aiMesh* m, const aiMatrix4x4& xf) {
    if (!keepMesh(m->mName.C_Str(), opts)) return;
    if (!(m->mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) return;
    ++keptMeshes;
    const vtkIdType base = points->GetNumberOfPoints();
    const bool hasLabel = m->HasTextureCoords(1);
    anyLabels = anyLabels || hasLabel;
    for (unsigned v = 0; v < m->mNumVertices; ++v) {
      aiVector3D p = xf * m->mVertices[v];
      points->InsertNextPoint(p.x, p.y, p.z);
      // Labels are small integers stored as floats; round to undo float noise.
      labels->InsertNextValue(hasLabel ? static_cast<int>(std::lround(m->mTextureCoords[1][v].x)) : 0);
    }
    for (unsigned f = 0; f < m->mNumFaces; ++f) {
      const aiFace& face = m->mFaces[f];
      if (face.mNumIndices != 3) continue;  // points and lines are not skin
      vtkIdType ids[3] = {base + face.mIndices[0], base + face.mIndices[1], base + face.mIndices[2]};
      polys->InsertNextCell(3, ids);
    }
  }
};

}  // namespace

vtkSmartPointer<vtkPolyData> loadMesh(const fs::path& path, const MeshLoadOptions& options) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw MeshLoadError(fail(path, "no such file"));
  if (fs::is_directory(path, ec)) throw MeshLoadError(fail(path, "is a directory, not a mesh file"));
  if (::access(path.c_str(), R_OK) != 0) throw MeshLoadError(fail(path, "not readable (permission denied)"));

  Assimp::Importer importer;
  const aiScene* scene = importer.ReadFile(path.string(), aiProcess_Triangulate);
  if (!scene || !scene->mRootNode) {
    const char* err = importer.GetErrorString();
    throw MeshLoadError(fail(path, std::string("cannot read as a mesh: ") +
                                       (err && *err ? err : "unknown format")));
  }
  if (scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE)
    throw MeshLoadError(fail(path, "the file holds no complete mesh (incomplete scene)"));
  if (scene->mNumMeshes == 0) throw MeshLoadError(fail(path, "the file contains no mesh"));
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

  auto points = vtkSmartPointer<vtkPoints>::New();
  points->SetDataTypeToFloat();
  auto polys = vtkSmartPointer<vtkCellArray>::New();
  auto labels = vtkSmartPointer<vtkIntArray>::New();
  labels->SetName(kSiteLabelArray);
  Collector c{scene, options, points, polys, labels};
  c.visit(scene->mRootNode, aiMatrix4x4());

  if (c.keptMeshes == 0) {
    std::string names;
    for (unsigned i = 0; i < scene->mNumMeshes && i < 12; ++i)
      names += std::string(i ? ", " : "") + scene->mMeshes[i]->mName.C_Str();
    throw MeshLoadError(fail(path, "no triangle mesh left after the include/exclude filters (meshes: " +
                                       names + (scene->mNumMeshes > 12 ? ", ..." : "") + ")"));
  }
  if (polys->GetNumberOfCells() == 0) throw MeshLoadError(fail(path, "the meshes hold no triangles"));

  auto raw = vtkSmartPointer<vtkPolyData>::New();
  raw->SetPoints(points);
  raw->SetPolys(polys);
  if (c.anyLabels) raw->GetPointData()->AddArray(labels);

  // Formats such as OBJ split vertices along UV seams; merge exact duplicates so the skin is one
  // connected surface and normals are smooth across seams.
  auto clean = vtkSmartPointer<vtkCleanPolyData>::New();
  clean->SetInputData(raw);
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
  vtkSmartPointer<vtkPolyData> out = normals->GetOutput();
  if (out->GetNumberOfPolys() == 0) throw MeshLoadError(fail(path, "no valid triangles after cleaning"));
  return out;
}

std::vector<std::string> listMeshNames(const fs::path& path) {
  Assimp::Importer importer;
  const aiScene* scene = importer.ReadFile(path.string(), 0);
  if (!scene) throw MeshLoadError(fail(path, std::string("cannot read as a mesh: ") + importer.GetErrorString()));
  std::vector<std::string> names;
  for (unsigned i = 0; i < scene->mNumMeshes; ++i) {
    std::string n = scene->mMeshes[i]->mName.C_Str();
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  }
  return names;
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

// Writes the scene as a glTF binary next to `path`, then renames it into place.
void exportGlb(const aiScene& scene, const fs::path& path) {
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  const fs::path tmp = dir / ("." + path.filename().string() + ".tmp.glb");
  Assimp::Exporter exporter;
  if (exporter.Export(&scene, "glb2", tmp.string()) != AI_SUCCESS) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw MeshLoadError(fail(path, std::string("glTF export failed: ") + exporter.GetErrorString()));
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) throw MeshLoadError(fail(path, "cannot replace file: " + ec.message()));
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

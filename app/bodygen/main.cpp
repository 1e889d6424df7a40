// lesion-atlas-bodygen: builds the built-in male or female figure.
//   lesion-atlas-bodygen --sex male|female -o FILE.glb [--labels-out FILE.json]
//                        [--snapshots DIR] [--label-snapshots DIR] [--from FILE.glb]
//                        [--catalog sites.json] [--voxel M] [--triangles N] [-v]
// --from renders an existing file instead of generating (used for docs/body/); with
// --reference-dir it compares the renders with baselines of the same name (body render tests).
//   lesion-atlas-bodygen --update-map FILE.glb
// re-saves FILE.sites.json in the current format with the mesh's vertex count and hash (what a
// site map records of its mesh since issue 10), changing nothing else; refused when the map's
// vertex count is not the mesh's.
#include "bodygen/body_model.hpp"
#include "bodygen/generate.hpp"
#include "bodygen/sites.hpp"
#include "bodygen/snapshots.hpp"
#include "core/paths.hpp"
#include "render/image_compare.hpp"
#include "render/mesh_arrays.hpp"
#include "render/mesh_io.hpp"

#include <vtkPointData.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

using namespace la::bodygen;

namespace {
int usage(const char* why) {
  std::fprintf(stderr,
               "%s\nusage: lesion-atlas-bodygen --sex male|female [-o FILE.glb] [--labels-out FILE.json]\n"
               "       [--snapshots DIR] [--label-snapshots DIR] [--from FILE.glb] [--catalog sites.json]\n"
               "       [--voxel METRES] [--triangles N] [-v]\n"
               "       with --from: [--size PX] [--views front,back,...] [--reference-dir DIR]\n"
               "       lesion-atlas-bodygen --update-map FILE.glb\n",
               why);
  return 2;
}
// The site map beside `meshFile`, re-saved with the mesh's fingerprint.
int updateSiteMap(const std::string& meshFile) {
  try {
    const auto mapFile = la::siteMapPathFor(meshFile);
    la::SiteMap map = la::SiteMap::load(mapFile);
    auto mesh = la::render::loadMesh(meshFile);
    const la::MeshFingerprint f = la::render::meshFingerprint(mesh);
    if (map.vertexCount != f.vertices)
      throw std::runtime_error(mapFile.string() + " lists " + std::to_string(map.vertexCount) + " vertices, " +
                               meshFile + " has " + std::to_string(f.vertices) + ": not its map");
    map.meshHash = f.hash;
    map.save(mapFile);
    std::printf("%s: %lld vertices, %s\n", mapFile.c_str(), f.vertices, f.hash.c_str());
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lesion-atlas-bodygen: %s\n", e.what());
    return 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string sexArg, out, labelsOut, snapDir, labelSnapDir, catalogPath, fromFile, referenceDir, updateMap;
  int snapSize = 0;
  std::vector<std::string> views;
  GenerateOptions opt;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error("missing value after " + a);
      return argv[++i];
    };
    try {
      if (a == "--sex") sexArg = next();
      else if (a == "-o" || a == "--output") out = next();
      else if (a == "--labels-out") labelsOut = next();
      else if (a == "--catalog") catalogPath = next();
      else if (a == "--from") fromFile = next();
      else if (a == "--update-map") updateMap = next();
      else if (a == "--size") snapSize = std::stoi(next());
      else if (a == "--reference-dir") referenceDir = next();
      else if (a == "--views") {
        std::string list = next(), item;
        for (char c : list + ",") {
          if (c == ',') { if (!item.empty()) views.push_back(item); item.clear(); }
          else item += c;
        }
      }
      else if (a == "--snapshots") snapDir = next();
      else if (a == "--label-snapshots") labelSnapDir = next();
      else if (a == "--voxel") opt.voxel = std::stod(next());
      else if (a == "--triangles") opt.targetTriangles = std::stoi(next());
      else if (a == "-v" || a == "--verbose") opt.verbose = true;
      else if (a == "-h" || a == "--help") return usage("builds a built-in body"), 0;
      else return usage(("unknown argument: " + a).c_str());
    } catch (const std::exception& e) {
      return usage(e.what());
    }
  }
  if (!updateMap.empty()) return updateSiteMap(updateMap);
  if (sexArg != "male" && sexArg != "female") return usage("--sex must be male or female");
  if (out.empty() && snapDir.empty() && labelSnapDir.empty()) return usage("nothing to do: give -o or --snapshots");
  const Sex sex = sexArg == "male" ? Sex::Male : Sex::Female;
  try {
    const Model model = buildBody(sex);
    if (!fromFile.empty()) {
      // Render an existing file (e.g. the committed body) as the atlas loads it.
      auto mesh = la::render::loadMesh(fromFile);
      SnapshotOptions so;
      so.size = snapSize;
      so.views = views;
      std::vector<std::filesystem::path> files;
      if (!snapDir.empty()) files = renderSnapshots(mesh, model.skel, snapDir, sexArg, so);
      if (!labelSnapDir.empty()) {
        so.colourLabels = true;
        auto more = renderSnapshots(mesh, model.skel, labelSnapDir, sexArg + "-labels", so);
        files.insert(files.end(), more.begin(), more.end());
      }
      if (referenceDir.empty()) return 0;
      // Render regression check against baselines of the same file names.
      int failures = 0;
      for (const auto& f : files) {
        const auto ref = std::filesystem::path(referenceDir) / f.filename();
        if (!std::filesystem::exists(ref)) {
          std::fprintf(stderr, "no baseline %s (look at %s, then copy it there on purpose)\n", ref.c_str(), f.c_str());
          ++failures;
          continue;
        }
        const auto cmp = la::render::compareImages(f, ref);
        const bool ok = cmp.sizesMatch && cmp.error <= la::render::kDefaultImageThreshold;
        std::printf("%s: error %.3f %s\n", f.filename().c_str(), cmp.error, ok ? "ok" : "DIFFERS");
        failures += !ok;
      }
      return failures ? 1 : 0;
    }
    GenerateStats st;
    auto mesh = generateSurface(model, opt, &st);
    std::printf("%s: %lld triangles, %lld points, %.2f s\n", sexArg.c_str(), st.triangles, st.points,
                st.totalSeconds);
    const Catalog catalog = Catalog::load(catalogPath.empty() ? la::assetPath("sites.json") : std::filesystem::path(catalogPath));
    labelMesh(model, catalog, mesh);
    if (!out.empty()) {
      la::render::saveMeshGlb(mesh, out);
      // The site map refers to vertex ids as the atlas will see them: take the mesh back through
      // the same loader (it welds and reorders), labels included.
      auto back = la::render::loadMesh(out);
      if (back->GetNumberOfPoints() != mesh->GetNumberOfPoints() ||
          back->GetNumberOfPolys() != mesh->GetNumberOfPolys() ||
          !back->GetPointData()->GetArray(la::render::kSiteLabelArray))
        throw std::runtime_error("the written file does not load back as the same mesh");
      // The atlas reads the built-in bodies as they are (loadPreparedMesh): that must give the
      // repaired mesh, points, ids and labels exactly. Normals agree to float rounding only: the
      // glTF exporter renormalizes them (one unit in the last place).
      const la::MeshArrays fast = la::render::toMeshArrays(la::render::loadPreparedMesh(out));
      const la::MeshArrays full = la::render::toMeshArrays(back);
      float worst = 0;
      for (size_t i = 0; i < fast.normals.size() && fast.normals.size() == full.normals.size(); ++i)
        worst = std::max(worst, std::abs(fast.normals[i] - full.normals[i]));
      if (fast.points != full.points || fast.triangles != full.triangles || fast.labels != full.labels ||
          fast.normals.size() != full.normals.size() || worst > 1e-6f)
        throw std::runtime_error("the written file is not in final form: read as it is, it differs from the repaired load");
      mesh = back;
      if (labelsOut.empty()) labelsOut = la::siteMapPathFor(out).string();
    }
    if (!labelsOut.empty()) {
      const la::SiteMap map = buildSiteMap(catalog, mesh, sexArg);
      map.save(labelsOut);
      std::printf("%s: %zu site anchors -> %s\n", sexArg.c_str(), map.anchors.size(), labelsOut.c_str());
    }
    if (!snapDir.empty()) renderSnapshots(mesh, model.skel, snapDir, sexArg);
    if (!labelSnapDir.empty()) renderSnapshots(mesh, model.skel, labelSnapDir, sexArg + "-labels", {true});
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lesion-atlas-bodygen: %s\n", e.what());
    return 1;
  }
  return 0;
}

#pragma once
// Bodies loaded once and shared: `slides`, compare views, the window's export and a turntable all
// reuse a figure (mesh and site map) instead of reading it again.
#include <vtkPolyData.h>
#include <vtkSmartPointer.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/site_catalog.hpp"
#include "core/site_map.hpp"
#include "render/body_probe.hpp"

namespace la::render {

struct Figure {
  vtkSmartPointer<vtkPolyData> mesh;
  SiteMap map;
  std::filesystem::path file;
  std::string label;         // "built-in male" or the mesh file name
  bool mapFromFile = false;  // false: sites placed from body proportions
  // Closest-point and ray questions about the mesh; its locator is built once, on the first
  // question or by prepareFigures(), and shared by marker layout, hover, picking and flights.
  std::shared_ptr<BodyProbe> probe;
};

class BodyCache {
 public:
  explicit BodyCache(const SiteCatalog& catalog) : catalog_(catalog) {}
  // The figure for a body name or mesh path (relative to baseDir) with mesh filters. Throws
  // MeshLoadError or SiteMapError naming the file.
  const Figure& get(const std::string& body, const std::filesystem::path& baseDir,
                    const std::vector<std::string>& include = {}, const std::vector<std::string>& exclude = {});
  // Like get(), but ignores a site map beside the mesh and places the sites from body proportions
  // (the user's answer when that map was made for another mesh). Not saved until the user saves.
  const Figure& placeAnew(const std::string& body, const std::filesystem::path& baseDir,
                          const std::vector<std::string>& include = {}, const std::vector<std::string>& exclude = {});
  // Replaces a cached figure's site map (calibration edits in the window).
  void updateMap(const std::filesystem::path& file, const SiteMap& map);
  void clear() { figures_.clear(); }

 private:
  std::string keyOf(const std::filesystem::path& file, const std::vector<std::string>& include,
                    const std::vector<std::string>& exclude) const;
  const SiteCatalog& catalog_;
  std::map<std::string, Figure> figures_;
};

}  // namespace la::render

#include "render/body_cache.hpp"

#include "core/scene_file.hpp"
#include "core/view_model.hpp"
#include "render/scene_loader.hpp"
#include "render/site_placement.hpp"

namespace fs = std::filesystem;

namespace la::render {

std::string BodyCache::keyOf(const fs::path& file, const std::vector<std::string>& include,
                             const std::vector<std::string>& exclude) const {
  std::string key = fs::absolute(file).lexically_normal().string();
  for (const auto& p : include) key += "\n+" + p;
  for (const auto& p : exclude) key += "\n-" + p;
  return key;
}

namespace {

// The mesh and its label; the site map is the caller's choice (from the file, or placed anew).
Figure loadFigure(const std::string& body, const fs::path& baseDir, const fs::path& file,
                  const std::vector<std::string>& include, const std::vector<std::string>& exclude) {
  MeshLoadOptions opts;
  opts.include = include;
  opts.exclude = exclude;
  Figure f;
  f.mesh = loadBodyMesh(body, baseDir, opts);
  f.probe = std::make_shared<BodyProbe>();
  f.probe->setBody(f.mesh);
  f.file = file;
  f.label = isBuiltinBody(body) ? "built-in " + body : file.filename().string();
  return f;
}

}  // namespace

const Figure& BodyCache::placeAnew(const std::string& body, const fs::path& baseDir,
                                   const std::vector<std::string>& include, const std::vector<std::string>& exclude) {
  const fs::path file = resolveBodyPath(body, baseDir);
  Figure f = loadFigure(body, baseDir, file, include, exclude);
  f.map = placeSitesByProportion(f.mesh, catalog_, file.filename().string());
  return figures_[keyOf(file, include, exclude)] = std::move(f);
}

const Figure& BodyCache::get(const std::string& body, const fs::path& baseDir, const std::vector<std::string>& include,
                             const std::vector<std::string>& exclude) {
  const fs::path file = resolveBodyPath(body, baseDir);
  const std::string key = keyOf(file, include, exclude);
  if (auto it = figures_.find(key); it != figures_.end()) return it->second;
  Figure f = loadFigure(body, baseDir, file, include, exclude);
  f.map = siteMapForBody(f.mesh, file, catalog_, &f.mapFromFile);
  return figures_.emplace(key, std::move(f)).first->second;
}

void BodyCache::updateMap(const fs::path& file, const SiteMap& map) {
  const std::string path = fs::absolute(file).lexically_normal().string();
  for (auto& [key, f] : figures_)
    if (key.compare(0, path.size(), path) == 0) f.map = map;
}

}  // namespace la::render

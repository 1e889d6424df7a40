// `lesion-atlas sites [--body male|female|FILE] [--format text|json]`: the site catalog.
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "core/paths.hpp"
#include "core/scene_file.hpp"
#include "core/site_catalog.hpp"
#include "core/site_listing.hpp"
#include "core/site_map.hpp"
#include "render/mesh_io.hpp"
#include "render/scene_loader.hpp"
#include "render/site_placement.hpp"

namespace la::cli {
namespace {

// Turns --body into an AnchorsProvider: the site map beside the body mesh (built-in figures:
// assets/bodies/<name>.sites.json; a user mesh: <mesh>.sites.json, see la::siteMapPathFor), checked
// against the mesh it is used with (a map made for another mesh is refused, naming both files).
// A mesh without a map gets a first placement from body proportions. A .sites.json given
// directly is listed as it is: no mesh is named to check it against.
std::optional<AnchorsProvider> anchorsForBody(const std::string& body, const SiteCatalog& catalog,
                                              const render::MeshLoadOptions& meshOptions, std::string& error,
                                              bool& placed) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool builtin = body == "male" || body == "female";
  if (!builtin && !fs::is_regular_file(body, ec)) {
    error = body + ": no such body (use male, female or a mesh file)";
    return std::nullopt;
  }
  auto map = std::make_shared<SiteMap>();
  placed = false;
  try {
    if (!builtin && body.size() > 11 && body.compare(body.size() - 11, 11, ".sites.json") == 0) {
      *map = SiteMap::load(body);
    } else {
      // The same loader as render and the window: built-in figures in process, other meshes in
      // the mesh reader child process.
      const fs::path cwd = fs::current_path();
      auto mesh = render::loadBodyMesh(body, cwd, meshOptions);
      bool fromFile = false;
      *map = render::siteMapForBody(mesh, resolveBodyPath(body, cwd), catalog, &fromFile);
      placed = !fromFile;
    }
  } catch (const std::exception& e) {
    error = e.what();
    return std::nullopt;
  }
  return AnchorsProvider([map](const Site& s) { return map->forSite(s.id); });
}

}  // namespace

void registerSitesCommand(CLI::App& app, int& exitCode) {
  struct Opts {
    std::string format = "text";
    std::string body;
    std::vector<std::string> include, exclude;
  };
  auto opts = std::make_shared<Opts>();
  CLI::App* sub = app.add_subcommand("sites", "List the catalog of skin sites (ids, names, parents, sides, synonyms)");
  sub->add_option("--format", opts->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  sub->add_option("--body", opts->body,
                  "Add each site's anchors on this body (male, female or a mesh file; a mesh without a "
                  "<mesh>.sites.json map gets a first placement from body proportions)");
  sub->add_option("--include", opts->include, "With a mesh file: keep only meshes whose names match (glob)");
  sub->add_option("--exclude", opts->exclude, "With a mesh file: drop meshes whose names match (glob)");
  sub->callback([opts, &exitCode]() {
    SiteCatalog catalog;
    try {
      catalog = SiteCatalog::load(assetPath("sites.json"));
    } catch (const CatalogError& e) {
      std::cerr << e.what() << "\n";
      exitCode = kBadInput;
      return;
    }
    std::optional<AnchorsProvider> anchors;
    if (!opts->body.empty()) {
      std::string error;
      bool placed = false;
      render::MeshLoadOptions meshOptions{opts->include, opts->exclude};
      anchors = anchorsForBody(opts->body, catalog, meshOptions, error, placed);
      if (!anchors) {
        std::cerr << "sites: " << error << "\n";
        exitCode = kBadInput;
        return;
      }
      if (placed)
        std::cerr << "sites: " << opts->body
                  << " has no site map; anchors are a first placement from body proportions (mesh units)\n";
    }
    const AnchorsProvider* provider = anchors ? &*anchors : nullptr;
    if (opts->format == "json") std::cout << sitesToJson(catalog, provider).dump(1) << "\n";
    else std::cout << sitesToText(catalog, provider);
    exitCode = kOk;
  });
}

}  // namespace la::cli

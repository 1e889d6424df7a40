#pragma once
// Anchors for a body: from its site-map side file when one exists, otherwise a first placement
// from proportions (core/site_proportions) found on the surface by casting rays.
#include <filesystem>
#include <string>

#include "core/site_catalog.hpp"
#include "core/site_map.hpp"

class vtkPolyData;

namespace la::render {

// Places every catalog site (both sides of sided ones) on `mesh`, which must stand +Y up, face +Z,
// with its left on +X (any units). Anchors carry no patch. Sites whose ray finds no skin take
// the closest surface point to their target. The map records the mesh's fingerprint, so saved
// it belongs to this mesh.
SiteMap placeSitesByProportion(vtkPolyData* mesh, const SiteCatalog& catalog, const std::string& bodyName);

// The site map for a loaded body: `<mesh>.sites.json` beside the file when present (throws
// SiteMapError naming it when it is broken, and SiteMapMismatch naming both files when it was
// made for another mesh: see la::requireSiteMapMatches), else placeSitesByProportion.
// `fromFile` tells which.
SiteMap siteMapForBody(vtkPolyData* mesh, const std::filesystem::path& meshPath, const SiteCatalog& catalog,
                       bool* fromFile = nullptr);

}  // namespace la::render

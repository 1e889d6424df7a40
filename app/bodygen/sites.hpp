#pragma once
// Skin labels and site anchors for the generated figures. Each vertex gets the most specific
// catalog site that covers it (decided from the primitive that made the skin there and the
// vertex's position relative to the skeleton); patches of parent sites are the union of their
// descendants, so nesting holds by construction and siblings never share a vertex.
#include "bodygen/body_model.hpp"
#include "core/site_map.hpp"

#include <vtkPolyData.h>

#include <filesystem>
#include <string>
#include <vector>

namespace la::bodygen {

struct CatalogSite {
  std::string id, parent, sex;
  bool sided = false, region = false, coarse = false;
};

struct Catalog {
  std::vector<CatalogSite> sites;
  int index(const std::string& id) const;  // -1 when absent
  bool isAncestorOrSelf(int ancestor, int site) const;
  static Catalog load(const std::filesystem::path& sitesJson);
};

// Label code of a vertex: (catalog index + 1) * 4 + side (0 none, 1 left, 2 right). The codes
// are listed with their meaning in the site map, so readers never rely on this formula.
int labelCode(int catalogIndex, int side);

// Most specific site id for a point of the figure's skin (p on the surface, n its normal).
std::string classifyVertex(const Model& model, Vec3 p, Vec3 n);

// Adds the integer point array "SiteLabel" to the mesh.
void labelMesh(const Model& model, const Catalog& catalog, vtkPolyData* mesh);

// Patches and anchors for every catalog site present on the mesh (regions included, coarse
// classes and sites of the other sex left out). Needs "SiteLabel" and "Normals".
la::SiteMap buildSiteMap(const Catalog& catalog, vtkPolyData* mesh, const std::string& body);

}  // namespace la::bodygen

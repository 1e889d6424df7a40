// `lesion-atlas sites [--body male|female|FILE] [--format text|json]`: the site catalog.
#include <iostream>
#include <optional>

#include "cli/commands.hpp"
#include "core/paths.hpp"
#include "core/site_catalog.hpp"
#include "core/site_listing.hpp"

namespace la::cli {
namespace {

// Extension point for the body work (issue 4, point 7): turn --body into an AnchorsProvider that
// returns, for a site, its anchors on that figure or mesh (from the generator's labels or a site
// map file). Until that exists every body is refused, so `sites --body X` never prints a listing
// that silently lacks the anchors the user asked for.
std::optional<AnchorsProvider> anchorsForBody(const std::string& body, std::string& error) {
  error = "anchors for body '" + body + "' are not available yet (the site catalog is listed without --body)";
  return std::nullopt;
}

}  // namespace

void registerSitesCommand(CLI::App& app, int& exitCode) {
  struct Opts {
    std::string format = "text";
    std::string body;
  };
  auto opts = std::make_shared<Opts>();
  CLI::App* sub = app.add_subcommand("sites", "List the catalog of skin sites (ids, names, parents, sides, synonyms)");
  sub->add_option("--format", opts->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  sub->add_option("--body", opts->body, "Add each site's anchors on this body (male, female or a mesh file)");
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
      anchors = anchorsForBody(opts->body, error);
      if (!anchors) {
        std::cerr << "sites: " << error << "\n";
        exitCode = kBadInput;
        return;
      }
    }
    const AnchorsProvider* provider = anchors ? &*anchors : nullptr;
    if (opts->format == "json") std::cout << sitesToJson(catalog, provider).dump(1) << "\n";
    else std::cout << sitesToText(catalog, provider);
    exitCode = kOk;
  });
}

}  // namespace la::cli

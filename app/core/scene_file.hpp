#pragma once
// Scene files: the JSON form of the view model (core/view_model.hpp). Version 2 is written;
// version 1 files are still read. Every value is written back as it was read (a site's synonym,
// an age of "0.5-2"), so opening a scene and saving it again keeps what the file said.
#include <filesystem>
#include <stdexcept>
#include <string>

#include "core/site_catalog.hpp"
#include "core/view_model.hpp"

namespace la {

struct SceneError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses a scene; `origin` names the file in messages. Throws SceneError("<origin>:<line>: ..."
// for JSON syntax, "<origin>: <field>: <reason>" for a bad value).
ViewModel parseScene(const std::string& jsonText, const std::string& origin);
ViewModel loadScene(const std::filesystem::path& path);  // throws SceneError (also for I/O)
std::string serializeScene(const ViewModel& vm);          // version 2, 2-space indent, newline at end
void saveScene(const ViewModel& vm, const std::filesystem::path& path);  // atomic; throws IoError

// Checks what needs the catalog (filter sites). Throws SceneError naming the field.
void validateScene(const ViewModel& vm, const SiteCatalog& catalog, const std::string& origin);

// Resolves a body name to a mesh file: built-in names map to assets/bodies/<name>.glb.
std::filesystem::path resolveBodyPath(const std::string& body, const std::filesystem::path& sceneDir);

}  // namespace la

#pragma once
// Text about the condition the atlas shows (summary, typical histology, differential diagnosis),
// kept in assets/content/ so the program holds no medical text of its own.
#include <filesystem>
#include <string>
#include <vector>

namespace la {

struct ContentInfo {
  std::string condition;
  std::string summary;
  std::string histology;
  std::vector<std::string> differentials;
  std::string sourceNote;
};

// Throws std::runtime_error naming the file and the field on a bad file.
ContentInfo loadContent(const std::filesystem::path& path);

}  // namespace la

#pragma once
// The references of the cases a picture shows, for the slide's notes: numbered plain text
// (citation as the curator wrote it, DOI, PMID, URL, the case ids taken from it) and BibTeX, with
// the licence and attribution of every table shown (which non-commercial tables require). One
// writer for every export (window, render, slides, turntable) and for the case table's
// reference export. Citations are never parsed into authors or titles: BibTeX entries carry the
// citation as written, plus the fields the table states separately.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/dataset.hpp"

namespace la {

struct ReferenceText {
  std::string text;    // numbered list, UTF-8
  std::string bibtex;  // one entry per source
  size_t sources = 0;  // distinct sources listed
};

// `heading` names what the references are for (e.g. the picture's title); `versions` holds the
// SHA-256 of each Dataset::tables entry (may be empty).
ReferenceText formatReferences(const std::vector<const Case*>& cases, const Dataset& data, const std::string& heading,
                               const std::vector<std::string>& versions = {});

// The two files beside a picture: slide.png -> slide.txt and slide.bib; a folder of frames ->
// FOLDER/references.txt and FOLDER/references.bib.
std::pair<std::filesystem::path, std::filesystem::path> referencePaths(const std::filesystem::path& picture);

// Writes both files atomically; returns their paths. Throws IoError naming the file.
std::pair<std::filesystem::path, std::filesystem::path> writeReferences(
    const std::vector<const Case*>& cases, const Dataset& data, const std::filesystem::path& picture,
    const std::string& heading, const std::vector<std::string>& versions = {});

}  // namespace la

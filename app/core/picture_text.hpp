#pragma once
// What a picture says about itself: the default title (naming the data, never a condition the
// data does not hold) and the caption lines (counts with their units, what is not drawn, the
// data's version and credits, and that these are published cases, not incidence).
#include <string>
#include <utility>
#include <vector>

#include "core/dataset.hpp"
#include "core/view_model.hpp"

namespace la {

// "Calcinosis cutis" for the built-in case layout, else the names of the tables shown.
std::string dataName(const Dataset& data);
// True when every table is in the built-in case layout (published cases, one row a case).
bool isCaseData(const Dataset& data);

std::string defaultTitle(const ViewModel& vm, const Dataset& data);

// "12 cases (30 patients, 40 lesions)" for case tables; for lesion tables "7470 lesions (10015
// images; patients not stated)" as far as the table tells.
std::string countLine(const std::vector<const Case*>& cases, const Dataset& data);

// "Data: <table> (<rows> rows, sha256 1a2b3c4d) ..." with credits and licences of the tables
// shown, and "Published cases, not incidence." for case tables. `versions` holds each table's
// SHA-256 (index as Dataset::tables; empty when unknown).
std::string dataLine(const Dataset& data, const std::vector<std::string>& versions);

// What a PNG says about itself in its text chunks: Title, Software ("lesion-atlas 1.2.3"),
// "Dataset version" (each table with its rows and full SHA-256) and Source (the data line above).
std::vector<std::pair<std::string, std::string>> pictureMetadata(const std::string& title, const Dataset& data,
                                                                 const std::vector<std::string>& versions);

// Breaks lines longer than `width` characters at spaces.
std::string wrapLines(const std::string& text, size_t width);

}  // namespace la

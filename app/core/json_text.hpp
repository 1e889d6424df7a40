#pragma once
// Shared by the core's JSON readers (case tables, mappings, site maps, scenes): what a message
// about bad JSON text needs, the line, and a limit on nesting.
#include <cstddef>
#include <string_view>

namespace la {

// Far deeper than any of the project's files: nlohmann parses iteratively, but dump(), copies and
// comparisons recurse, so a file nested a million levels deep would overflow the stack.
inline constexpr int kMaxJsonDepth = 100;

// The 1-based line where `text` first opens more than `maxDepth` arrays/objects; 0 if it never does.
int jsonLineTooDeep(std::string_view text, int maxDepth = kMaxJsonDepth);

// The 1-based line holding byte `offset` of `text` (nlohmann's parse_error::byte counts from 1;
// pass it as it is: the byte it names is the one that failed).
int lineAtByte(std::string_view text, std::size_t offset);

}  // namespace la

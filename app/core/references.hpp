#pragma once
// The sources behind a set of cases as a reference list: numbered text and BibTeX. Each source is
// listed once (cases citing the same DOI, PMID or citation share it), in order of first use, with
// the ids of the cases it supports. Nothing is parsed out of a curator's citation: BibTeX gets
// author, title and journal only when a table gives them as separate fields, and the citation as
// written otherwise.
// NOTE: issue 11 (`render --references`) writes the same API; the lead reconciles the two.
#include <string>
#include <vector>

#include "core/dataset.hpp"

namespace la {

// "[1] Ghosh S, ... 2026;14(2):254-256. doi:10.36347/... (cases CC000)" one per line; a source's
// licence line follows for a mapped public table.
std::string referencesText(const std::vector<const Case*>& cases, const Dataset& data);

// One @article (journal given) or @misc entry per source; keys are "la-" and the first case id.
std::string referencesBibtex(const std::vector<const Case*>& cases, const Dataset& data);

}  // namespace la

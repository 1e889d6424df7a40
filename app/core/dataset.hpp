#pragma once
// The case registry's data model: published sources, cases (one patient or a series),
// and their lesions at catalog sites. Plain values; no global state.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace la {

// One byte each: a million cases hold several of them.
enum class Sex : uint8_t { Unknown, Female, Male };
enum class Subtype : uint8_t { Dystrophic, Metastatic, Idiopathic, Iatrogenic, Calciphylaxis, Unspecified };
enum class Side : uint8_t { None, Left, Right, Bilateral, Midline };
enum class Ossification : uint8_t { Unknown, Yes, No };
// Age wording without a number ("a female infant", "a male neonate"), kept instead of a guess.
enum class AgeClass : uint8_t { None, Neonate, Infant };

struct Age {
  enum class Kind : uint8_t { Unknown, Exact, Range };
  Kind kind = Kind::Unknown;
  AgeClass ageClass = AgeClass::None;
  double years = 0;        // Kind::Exact
  double min = 0, max = 0; // Kind::Range, inclusive

  bool hasNumber() const { return kind != Kind::Unknown; }
  static Age exact(double y) { Age a; a.kind = Kind::Exact; a.years = y; return a; }
  static Age range(double lo, double hi) { Age a; a.kind = Kind::Range; a.min = lo; a.max = hi; return a; }
};

struct Source {
  Text citation;  // as written by the curator (may mark missing parts in brackets)
  Text authors, title, journal;  // only when a table gives them separately; never parsed from citation
  std::optional<int> year;
  Text doi, pmid;
  Text url;       // one or more URLs as given (" ; " between several)
};

// The small fields last, so that they pack (a lesion is a heap block of every case).
struct Lesion {
  Text siteId;    // catalog id; "unspecified" for a vague or unmatched location
  Text token;     // as written in the table ("thigh:right", "FOREARM")
  Text wording;   // the source's own words for the location (the row's site_verbatim)
  size_t nImages = 0;    // images showing the lesion at this site (tables with an image column)
  Side side = Side::None;
  bool unmatched = false;// the table named a site the catalog does not know; kept as unspecified
};

// Where a case came from: the file it was read from and, for a mapped table, its terms of use.
struct TableInfo {
  std::string name;         // "calcinosis cases (built-in)" or the mapping's table name
  std::string file;
  std::string mappingId;    // empty for the built-in layout
  std::string licence;
  std::string attribution;
  bool nonCommercial = false;
};

// One case: in the built-in layout one row (a patient or a series of nPatients); in a public image
// table one lesion with all its images (one image when the table identifies no lesion).
struct Case {
  // What every filter and count reads comes first, so that a pass over a million cases touches
  // one or two cache lines of each (and the small fields pack without padding).
  Sex sex = Sex::Unknown;
  std::optional<Subtype> subtype;  // absent when the table has no subtype (e.g. dermoscopy tables)
  Ossification ossification = Ossification::Unknown;
  int nPatients = 1;
  int line = 0;              // line (or JSON record) it was read from; a lesion: its first image's
  Side laterality = Side::None;    // curator's row-level side, kept apart from the lesions' sides
  // Which counts the case's table states. A public image table may identify no patient or no
  // lesion; what it cannot tell is "not stated", never a count of its rows (docs/DATA.md).
  bool statesPatients = true;      // nPatients (and patientKey) are this case's patients
  bool statesLesions = true;       // lesionCount() is this case's number of lesions
  bool statesImages = false;       // nImages is this case's number of images
  Age age;
  size_t table = 0;          // index into Dataset::tables
  size_t nImages = 0;              // rows of an image table that show this case
  std::vector<Lesion> lesions;
  // A table's lesion id ("<patient id>/<lesion id>" when the table has a patient column, since
  // lesion ids may repeat across patients): the case is that one lesion, at every site in `lesions`.
  Text lesionKey;
  Text patientKey;          // a table's patient id; patients with the same key count once
  Text id;            // the table's own id, e.g. "CC000"; a lesion table's lesionKey
  Source source;
  Text variant;             // controlled-list id (see variantList()); empty when none stated
  Text variantVerbatim;     // the source's wording of the variant
  Text associatedCondition;
  Text size;                // lesion size in cm as stated (free text)
  std::vector<std::string> durations;  // several when the source contradicts itself
  Text durationNote;        // curator's remark on the durations (e.g. "the report contradicts itself")
  Text histology;           // only when a table has a histology column
  Text notes;               // sites_note of the built-in layout, or a mapped notes column
  Text provenanceNote;
  Text evidence;            // verbatim quote from the source
  Text diagnosis;           // mapped tables (e.g. "BCC")
  Text siteVerbatim;        // row-level wording of the location
  Text siteNormalized;      // curator's one coarse site for the row (or "multiple")

  // One for a lesion of a lesion table (whatever the number of its sites), else one per entry of
  // `lesions` (the built-in layout lists each lesion).
  size_t lesionCount() const { return lesionKey.empty() ? lesions.size() : 1; }
};

struct CaseIndex;

struct Dataset {
  std::vector<TableInfo> tables;
  std::vector<Case> cases;

  // Moves everything in `other` to the end of this dataset, renumbering its table indices.
  void append(Dataset&& other);
  // Removes one table and its cases, renumbering the later tables' indices.
  void removeTable(size_t table);

  // The compact index of `cases` (core/case_index.hpp) that applyFilter, computeStats and
  // layoutMarkers read. Built on first use, and again when `cases` was replaced, grown or shrunk
  // since; code that edits a case in place afterwards calls dropIndex(). Not for concurrent first
  // use from two threads (the program filters on one thread).
  const CaseIndex& index() const;
  void dropIndex() { index_.reset(); }

  // Shared, so that a copied dataset costs no second index until its cases differ.
  mutable std::shared_ptr<const CaseIndex> index_;
};

// Controlled list of calcinosis variants (id and display name); the source's wording is kept
// alongside in Case::variantVerbatim.
struct VariantInfo {
  const char* id;
  const char* name;
};
const std::vector<VariantInfo>& variantList();

// Maps a source's variant wording to a controlled-list id ("other" when nothing fits,
// empty for empty wording). Rules are documented in docs/DATA.md.
std::string classifyVariant(std::string_view wording);

// Names used in files and output.
const char* toString(Sex s);          // "F", "M", "unknown"
const char* toString(Subtype s);      // "dystrophic", ...
const char* toString(Side s);         // "", "left", "right", "bilateral", "midline"
const char* toString(Ossification o); // "yes", "no", "unknown"
const char* toString(AgeClass c);     // "", "neonate", "infant"

// Parsers for the same names (case-insensitive); nullopt for anything else.
std::optional<Subtype> parseSubtype(std::string_view s);
std::optional<Side> parseSide(std::string_view s);      // "" -> Side::None
std::optional<Sex> parseSex(std::string_view s);        // F/M/female/male, "" -> Unknown
std::optional<Ossification> parseOssification(std::string_view s);  // yes/no, "" -> Unknown

// Shortest decimal form of a number ("55", "1.58", "0.03").
std::string formatNumber(double v);

// "55", "25-71", "infant", "unknown".
std::string formatAge(const Age& a);

// Lower-cases ASCII.
std::string toLower(std::string_view s);

}  // namespace la

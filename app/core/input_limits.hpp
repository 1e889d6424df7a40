#pragma once
// The largest input the atlas reads, per kind of file. A bigger file is refused with a message
// before its bytes are read, so a wrong file (a disk image picked by mistake, /dev/zero, a
// generated table gone wrong) costs an error message, not the session's memory. Documented in
// docs/DATA.md ("Size limits"); each is far above any real file of its kind.
#include <cstddef>
#include <cstdint>

namespace la::limits {

inline constexpr std::uintmax_t kMiB = std::uintmax_t(1) << 20;

// A CSV table is held once as text and once as cells: 1 GiB is ~10 million short lesion rows.
inline constexpr std::uintmax_t kCsvTableBytes = 1024 * kMiB;
// A JSON table is parsed into a document first, which takes several times the text: 256 MiB.
inline constexpr std::uintmax_t kJsonTableBytes = 256 * kMiB;
// The union of the keys of a JSON table's records becomes its columns, and every record gets a
// cell for each: records with many distinct keys would multiply into billions of cells.
inline constexpr std::size_t kTableColumns = 1000;
inline constexpr std::size_t kTableCells = 32u << 20;  // records x columns (~33 million)
// A scene names tables, a filter, a camera and a few texts: 4 MiB is thousands of times that.
inline constexpr std::uintmax_t kSceneBytes = 4 * kMiB;
// A site map stores vertex ids per site: the built-in ones are 1.5 MB; 64 MiB holds ~10 million.
inline constexpr std::uintmax_t kSiteMapBytes = 64 * kMiB;
// Mappings, the site catalog, teaching cards, playlists, the settings file: small text.
inline constexpr std::uintmax_t kSmallJsonBytes = 16 * kMiB;

}  // namespace la::limits

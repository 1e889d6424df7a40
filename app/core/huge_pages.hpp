#pragma once
// Large buffers (a table's text, its cell index, a million cases) are touched page by page as they
// fill; on a virtual machine each 4 KiB page fault is expensive, and at a million rows the faults
// were a fifth of an import. This asks the kernel to back the untouched part of such a buffer with
// 2 MiB pages where it can (Linux transparent huge pages in "madvise" mode). Advice only: where it
// is refused or unsupported nothing changes. Call it after reserving, before writing.
#include <cstddef>

namespace la {

// Returns whether the advice was given (false: too small, unsupported or refused).
bool adviseHugePages(const void* data, std::size_t bytes);

// Gives the whole 2 MiB blocks inside [data, data + bytes) back to the system while the buffer
// stays allocated: its owner promises never to read them again (they would read as zeros). Lets a
// reader that consumes a large buffer front to back hold only what is still ahead of it.
void releaseWholePages(const void* data, std::size_t bytes);

}  // namespace la

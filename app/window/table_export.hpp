#pragma once
namespace la::window {
struct Atlas;
// Writes what the case table's export buttons asked for (atomically) and reports it.
void exportTable(Atlas& a);
}  // namespace la::window

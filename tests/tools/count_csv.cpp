// Prints "<records> records, <patients> patients, <lesions> lesions" of a case table in the
// built-in layout, counted by the tests' own independent CSV reader. CLI tests substitute these
// numbers into their expected output instead of hard-coding the size of the shipped table.
#include <cstdio>

#include "../support/csv_records.hpp"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const auto rows = la::test::csvRecords(argv[1]);
  int lesions = 0;
  for (const auto& r : rows) {
    const std::string& sites = r.at("sites");
    if (!sites.empty()) lesions += 1;
    for (char c : sites) lesions += c == ';';
  }
  std::printf("%zu %d %d\n", rows.size(), la::test::csvPatients(rows), lesions);
  return 0;
}

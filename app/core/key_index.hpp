#pragma once
// Internal to the importer: a set of record (or case) numbers keyed by a text each of them has,
// kept in one flat array of 8-byte slots. At a million rows a node-based map of string views cost
// about 56 bytes a row and a cache miss per step; this costs 16 bytes a row at most and finds most
// keys at the first slot. The keys are not stored: `keyOf(number)` gives them back.
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "core/huge_pages.hpp"

namespace la::import_detail {

class KeyIndex {
 public:
  explicit KeyIndex(size_t expected = 0) { rehash(capacityFor(expected)); }

  // The number already stored under `key`, or -1 after storing `number` under it.
  template <class KeyOf>
  int64_t findOrInsert(std::string_view key, uint32_t number, KeyOf&& keyOf) {
    if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.size() * 2);
    const uint32_t h = hashOf(key);
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.number == kEmpty) {
        s = {h, number};
        ++size_;
        return -1;
      }
      if (s.hash == h && keyOf(s.number) == key) return s.number;
    }
  }

 private:
  struct Slot {
    uint32_t hash = 0;
    uint32_t number = kEmpty;
  };
  static constexpr uint32_t kEmpty = 0xFFFFFFFFu;

  static uint32_t hashOf(std::string_view key) {
    const size_t h = std::hash<std::string_view>()(key);
    return static_cast<uint32_t>(h ^ (h >> 32));
  }
  static size_t capacityFor(size_t n) {
    size_t c = 16;
    while (c < n * 2) c *= 2;
    return c;
  }
  void rehash(size_t capacity) {
    std::vector<Slot> old;
    old.reserve(capacity);
    adviseHugePages(old.data(), capacity * sizeof(Slot));
    old.resize(capacity);
    old.swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.number == kEmpty) continue;
      size_t i = s.hash & mask;
      while (slots_[i].number != kEmpty) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace la::import_detail

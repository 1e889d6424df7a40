#include "core/packed_ids.hpp"

#include <array>
#include <cstdint>

namespace la {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// -1: not a base64 digit.
constexpr std::array<signed char, 256> decodeTable() {
  std::array<signed char, 256> t{};
  for (auto& v : t) v = -1;
  for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(kAlphabet[i])] = static_cast<signed char>(i);
  return t;
}
constexpr std::array<signed char, 256> kDecode = decodeTable();

std::string toBase64(const std::string& bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const unsigned v = unsigned(uint8_t(bytes[i])) << 16 | unsigned(uint8_t(bytes[i + 1])) << 8 | uint8_t(bytes[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out += kAlphabet[(v >> s) & 63];
  }
  const size_t rest = bytes.size() - i;
  if (rest > 0) {
    unsigned v = unsigned(uint8_t(bytes[i])) << 16;
    if (rest == 2) v |= unsigned(uint8_t(bytes[i + 1])) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string fromBase64(std::string_view text) {
  if (text.size() % 4 != 0) throw PackedIdsError("packed ids: base64 length " + std::to_string(text.size()) + " is not a multiple of 4");
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (size_t i = 0; i < text.size(); i += 4) {
    const bool last = i + 4 == text.size();
    const int pad = last ? (text[i + 3] == '=') + (text[i + 2] == '=') : 0;
    if (pad == 1 && text[i + 2] == '=') throw PackedIdsError("packed ids: misplaced '=' in base64");
    unsigned v = 0;
    for (int k = 0; k < 4; ++k) {
      const int d = k >= 4 - pad ? 0 : kDecode[static_cast<unsigned char>(text[i + size_t(k)])];
      if (d < 0) throw PackedIdsError("packed ids: character " + std::to_string(i + size_t(k)) + " is not base64");
      v = v << 6 | unsigned(d);
    }
    out += char(v >> 16);
    if (pad < 2) out += char((v >> 8) & 255);
    if (pad < 1) out += char(v & 255);
  }
  return out;
}

}  // namespace

std::string packIds(const std::vector<int>& ids) {
  std::string bytes;
  bytes.reserve(ids.size() * 2);
  long long prev = -1;
  for (int id : ids) {
    if (id <= prev) throw PackedIdsError("packed ids: ids must be strictly increasing and non-negative (" + std::to_string(id) + ")");
    // The first id is stored as is, the others as the step from the one before.
    std::uint32_t d = static_cast<std::uint32_t>(prev < 0 ? id : id - prev);
    prev = id;
    do {
      const unsigned char b = d & 0x7f;
      d >>= 7;
      bytes += char(d ? (b | 0x80) : b);
    } while (d);
  }
  return toBase64(bytes);
}

std::vector<int> unpackIds(std::string_view text, long long maxId) {
  const std::string bytes = fromBase64(text);
  std::vector<int> ids;
  ids.reserve(bytes.size());
  long long prev = -1;
  size_t i = 0;
  while (i < bytes.size()) {
    unsigned long long d = 0;
    int shift = 0;
    for (;;) {
      if (i >= bytes.size()) throw PackedIdsError("packed ids: the last number is cut off");
      const unsigned char b = static_cast<unsigned char>(bytes[i++]);
      d |= static_cast<unsigned long long>(b & 0x7f) << shift;
      if (!(b & 0x80)) break;
      shift += 7;
      if (shift > 28) throw PackedIdsError("packed ids: a number is longer than 32 bits");
    }
    if (prev >= 0 && d == 0) throw PackedIdsError("packed ids: vertex " + std::to_string(prev) + " listed twice");
    const long long id = prev < 0 ? static_cast<long long>(d) : prev + static_cast<long long>(d);
    if (id > maxId) throw PackedIdsError("packed ids: vertex " + std::to_string(id) + " out of range (at most " + std::to_string(maxId) + ")");
    ids.push_back(static_cast<int>(id));
    prev = id;
  }
  return ids;
}

}  // namespace la

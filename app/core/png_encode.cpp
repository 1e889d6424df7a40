#include "core/png_encode.hpp"

#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <thread>

namespace la {
namespace {

// Filtered bytes (a filter-type byte and a row) per piece: big enough that restarting the history
// costs little, small enough that a 1080p picture (6 MB) already splits in two.
constexpr size_t kPieceBytes = size_t(3) << 20;

void put32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += char((v >> shift) & 0xFF);
}

void putChunk(std::string& out, const char* type, const std::string& data) {
  put32(out, std::uint32_t(data.size()));
  const size_t start = out.size();
  out.append(type, 4);
  out += data;
  put32(out, std::uint32_t(crc32_z(0, reinterpret_cast<const Bytef*>(out.data() + start), out.size() - start)));
}

unsigned char paeth(int a, int b, int c) {
  const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  if (pa <= pb && pa <= pc) return static_cast<unsigned char>(a);
  return static_cast<unsigned char>(pb <= pc ? b : c);
}

// A filtered byte's weight in libpng's choice of filter: its magnitude read as signed.
inline unsigned magnitude(unsigned char v) { return v < 128 ? v : 256u - v; }

// Writes the filter-type byte and the filtered row to `out`: of None, Sub, Up, Average and Paeth
// the one whose bytes have the smallest sum of magnitudes (libpng's default choice; the first wins
// a tie). The five sums are taken in one pass, then the chosen filter is applied. `prev` is the
// row above (zeros for the top row).
void filterRow(const unsigned char* row, const unsigned char* prev, size_t len, size_t bpp, unsigned char* out) {
  size_t sums[5] = {0, 0, 0, 0, 0};
  for (size_t i = 0; i < len; ++i) {
    const int x = row[i], a = i >= bpp ? row[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
    sums[0] += magnitude(static_cast<unsigned char>(x));
    sums[1] += magnitude(static_cast<unsigned char>(x - a));
    sums[2] += magnitude(static_cast<unsigned char>(x - b));
    sums[3] += magnitude(static_cast<unsigned char>(x - (a + b) / 2));
    sums[4] += magnitude(static_cast<unsigned char>(x - paeth(a, b, c)));
  }
  const int type = int(std::min_element(sums, sums + 5) - sums);
  out[0] = static_cast<unsigned char>(type);
  for (size_t i = 0; i < len; ++i) {
    const int a = i >= bpp ? row[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
    const int predicted = type == 0 ? 0 : type == 1 ? a : type == 2 ? b : type == 3 ? (a + b) / 2 : paeth(a, b, c);
    out[i + 1] = static_cast<unsigned char>(row[i] - predicted);
  }
}

struct Piece {
  int firstRow = 0, rowCount = 0;
  std::string deflated;  // raw deflate, ending on a byte boundary (the last piece: final block)
  uLong adler = 1;
  size_t filteredBytes = 0;
};

// `filtered` is the calling thread's buffer, reused from piece to piece.
void encodePiece(const PngImage& img, Piece& piece, bool last, std::vector<unsigned char>& filtered) {
  const size_t rowBytes = size_t(img.width) * size_t(img.channels);
  filtered.resize(size_t(piece.rowCount) * (rowBytes + 1));
  const std::vector<unsigned char> zeros(rowBytes, 0);  // the row above the top row
  // Row y counted from the top of the picture.
  const auto rowAt = [&](int y) { return img.rows + size_t(img.bottomUp ? img.height - 1 - y : y) * rowBytes; };
  for (int r = 0; r < piece.rowCount; ++r) {
    const int y = piece.firstRow + r;
    filterRow(rowAt(y), y > 0 ? rowAt(y - 1) : zeros.data(), rowBytes, size_t(img.channels),
              filtered.data() + size_t(r) * (rowBytes + 1));
  }
  piece.filteredBytes = filtered.size();
  piece.adler = adler32_z(1, filtered.data(), filtered.size());
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("zlib: deflateInit2 failed");
  z.next_in = filtered.data();
  z.avail_in = uInt(filtered.size());
  unsigned char chunk[1 << 16];
  int rc = Z_OK;
  do {  // until the input is consumed and the flush (or the end of the stream) is complete
    z.next_out = chunk;
    z.avail_out = sizeof chunk;
    rc = deflate(&z, last ? Z_FINISH : Z_SYNC_FLUSH);
    piece.deflated.append(reinterpret_cast<const char*>(chunk), sizeof chunk - z.avail_out);
  } while (rc == Z_OK && z.avail_out == 0);
  deflateEnd(&z);
  if (rc != (last ? Z_STREAM_END : Z_OK) || z.avail_in != 0) throw std::runtime_error("zlib: deflate failed");
}

// The zlib stream of the filtered image: pieces compressed side by side and joined.
std::string compressRows(const PngImage& img) {
  const size_t rowBytes = size_t(img.width) * size_t(img.channels) + 1;
  const int rowsPerPiece = int(std::max<size_t>(1, kPieceBytes / rowBytes));
  std::vector<Piece> pieces;
  for (int y = 0; y < img.height; y += rowsPerPiece) pieces.push_back({y, std::min(rowsPerPiece, img.height - y), {}, 1, 0});
  std::atomic<size_t> next{0};
  auto work = [&] {
    std::vector<unsigned char> filtered;
    for (size_t i; (i = next++) < pieces.size();) encodePiece(img, pieces[i], i + 1 == pieces.size(), filtered);
  };
  const size_t threads = std::min<size_t>({pieces.size(), std::max(1u, std::thread::hardware_concurrency()), 8});
  std::vector<std::thread> helpers;
  for (size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
  work();
  for (auto& h : helpers) h.join();
  std::string z = "\x78\x9c";  // deflate, 32 KB window, default level
  uLong adler = 1;
  for (const Piece& p : pieces) {
    z += p.deflated;
    adler = adler32_combine(adler, p.adler, z_off_t(p.filteredBytes));
  }
  put32(z, std::uint32_t(adler));
  return z;
}

}  // namespace

std::string encodePng(const PngImage& img, const PngTextChunks& text) {
  if (!img.rows || img.width <= 0 || img.height <= 0) throw std::invalid_argument("PNG: empty image");
  if (img.channels != 3 && img.channels != 4) throw std::invalid_argument("PNG: 3 or 4 channels expected");
  std::string png = "\x89PNG\r\n\x1a\n";
  std::string header;
  put32(header, std::uint32_t(img.width));
  put32(header, std::uint32_t(img.height));
  header += char(8);                           // bits per channel
  header += char(img.channels == 4 ? 6 : 2);  // colour type: RGBA or RGB
  header += std::string(3, '\0');             // deflate, adaptive filtering, no interlace
  putChunk(png, "IHDR", header);
  for (const auto& [keyword, value] : text) {
    if (keyword.empty() || keyword.size() > 79) throw std::invalid_argument("PNG: text keyword of 1-79 characters expected");
    putChunk(png, "tEXt", keyword + '\0' + value);
  }
  putChunk(png, "IDAT", compressRows(img));
  putChunk(png, "IEND", "");
  return png;
}

}  // namespace la

#pragma once
// PNG encoding on every CPU: a 3840x2160 slide spent a third of its time in one thread compressing
// its 33 MB of pixel rows. The rows are filtered as libpng filters them by default (per row, of
// the five PNG filters the one whose bytes have the smallest sum of magnitudes) and deflated at
// zlib's default level (6) in pieces of a few MB compressed side by side, joined into one zlib
// stream (each piece ends on a byte boundary, as pigz does; the checksum is combined from the
// pieces'). Where pieces start depends on the image alone, so the bytes do not depend on the CPU
// count. A piece starts without the previous piece's 32 KB of history: a few hundred bytes more
// per piece.
#include <string>
#include <utility>
#include <vector>

namespace la {

struct PngImage {
  const unsigned char* rows = nullptr;  // rows packed without padding
  int width = 0, height = 0;
  int channels = 3;       // 3: RGB, 4: RGBA; 8 bits each
  bool bottomUp = false;  // the bottom row first (OpenGL's and VTK's order)
};

// tEXt chunks: keyword (1-79 Latin-1 characters) and Latin-1 text.
using PngTextChunks = std::vector<std::pair<std::string, std::string>>;

// The PNG file's bytes. Throws std::invalid_argument for an empty image, a channel count other
// than 3 or 4, or a keyword outside 1-79 characters.
std::string encodePng(const PngImage& image, const PngTextChunks& text = {});

}  // namespace la

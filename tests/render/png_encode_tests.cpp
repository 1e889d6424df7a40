// core/png_encode, checked with another decoder and another encoder: libpng (through VTK's PNG
// reader) reads back every pixel and text chunk of pictures big enough to be compressed in several
// pieces, and the files are no bigger than libpng's own (through VTK's PNG writer).
#include <catch2/catch.hpp>

#include <vtkImageData.h>
#include <vtkPNGReader.h>
#include <vtkPNGWriter.h>
#include <vtkSmartPointer.h>
#include <vtkUnsignedCharArray.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "core/png_encode.hpp"

namespace fs = std::filesystem;

namespace {

// A picture with smooth areas, edges and noise, like a slide: gradients, a disc, hashed speckles.
std::vector<unsigned char> picture(int w, int h, int channels) {
  std::vector<unsigned char> px(size_t(w) * size_t(h) * size_t(channels));
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      unsigned char* p = &px[(size_t(y) * size_t(w) + size_t(x)) * size_t(channels)];
      const std::uint32_t hash = (std::uint32_t(x) * 73856093u) ^ (std::uint32_t(y) * 19349663u);
      const bool disc = (x - w / 2) * (x - w / 2) + (y - h / 3) * (y - h / 3) < (h / 5) * (h / 5);
      p[0] = disc ? 200 : static_cast<unsigned char>(x * 255 / w);
      p[1] = static_cast<unsigned char>(y * 255 / h);
      p[2] = (hash % 97 == 0) ? static_cast<unsigned char>(hash >> 8) : 128;
      if (channels == 4) p[3] = disc ? 255 : static_cast<unsigned char>((x + y) % 256);
    }
  return px;
}

fs::path tempPng(const std::string& name) { return fs::temp_directory_path() / ("la_png_encode_" + name + ".png"); }

void save(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

// Pixels as libpng reads them, top row first.
std::vector<unsigned char> decode(const fs::path& path, int& w, int& h, int& channels) {
  auto reader = vtkSmartPointer<vtkPNGReader>::New();
  reader->SetFileName(path.string().c_str());
  reader->Update();
  vtkImageData* img = reader->GetOutput();
  int dims[3];
  img->GetDimensions(dims);
  w = dims[0], h = dims[1], channels = img->GetNumberOfScalarComponents();
  const auto* data = static_cast<const unsigned char*>(img->GetScalarPointer());
  const size_t row = size_t(w) * size_t(channels);
  std::vector<unsigned char> top(row * size_t(h));
  for (int y = 0; y < h; ++y)  // VTK's images start at the bottom row
    std::copy(data + size_t(h - 1 - y) * row, data + size_t(h - y) * row, top.begin() + std::ptrdiff_t(size_t(y) * row));
  return top;
}

}  // namespace

TEST_CASE("png: libpng reads back every pixel, in either row order, RGB and RGBA", "[png]") {
  for (const int channels : {3, 4}) {
    const int w = 1500, h = 1400;  // about 3 pieces of compressed rows
    const auto px = picture(w, h, channels);
    std::vector<unsigned char> bottomUp(px.size());
    const size_t row = size_t(w) * size_t(channels);
    for (int y = 0; y < h; ++y) std::copy(px.begin() + std::ptrdiff_t(size_t(y) * row), px.begin() + std::ptrdiff_t(size_t(y + 1) * row),
                                          bottomUp.begin() + std::ptrdiff_t(size_t(h - 1 - y) * row));
    for (const bool fromBottom : {false, true}) {
      const la::PngImage img{fromBottom ? bottomUp.data() : px.data(), w, h, channels, fromBottom};
      const fs::path path = tempPng(std::to_string(channels) + (fromBottom ? "b" : "t"));
      save(path, la::encodePng(img, {{"Title", "Calcinosis cutis"}, {"Source", "caf\xe9"}}));
      int rw = 0, rh = 0, rc = 0;
      const auto back = decode(path, rw, rh, rc);
      CHECK(rw == w);
      CHECK(rh == h);
      CHECK(rc == channels);
      CHECK((back == px));
      auto reader = vtkSmartPointer<vtkPNGReader>::New();
      reader->SetFileName(path.string().c_str());
      reader->Update();
      REQUIRE(reader->GetNumberOfTextChunks() == 2);
      for (const auto& [key, value] : {std::pair<std::string, std::string>{"Title", "Calcinosis cutis"}, {"Source", "caf\xe9"}}) {
        int range[2] = {0, 0};  // the reader keeps the chunks sorted by keyword
        reader->GetTextChunks(key.c_str(), range);
        REQUIRE(range[1] - range[0] == 1);
        CHECK(std::string(reader->GetTextValue(range[0])) == value);
      }
      fs::remove(path);
    }
  }
}

TEST_CASE("png: a picture one row high and one pixel wide", "[png]") {
  const unsigned char px[4] = {10, 20, 30, 40};
  const fs::path path = tempPng("tiny");
  save(path, la::encodePng({px, 1, 1, 4, false}));
  int w = 0, h = 0, c = 0;
  CHECK((decode(path, w, h, c) == std::vector<unsigned char>(px, px + 4)));
  fs::remove(path);
}

TEST_CASE("png: no bigger than libpng's own file of the same picture", "[png]") {
  const int w = 1920, h = 1080;
  const auto px = picture(w, h, 3);
  const std::string ours = la::encodePng({px.data(), w, h, 3, false});
  auto img = vtkSmartPointer<vtkImageData>::New();
  img->SetDimensions(w, h, 1);
  img->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
  auto* dst = static_cast<unsigned char*>(img->GetScalarPointer());
  const size_t row = size_t(w) * 3;
  for (int y = 0; y < h; ++y) std::copy(px.begin() + std::ptrdiff_t(size_t(y) * row), px.begin() + std::ptrdiff_t(size_t(y + 1) * row),
                                        dst + size_t(h - 1 - y) * row);
  auto writer = vtkSmartPointer<vtkPNGWriter>::New();
  writer->WriteToMemoryOn();
  writer->SetCompressionLevel(6);
  writer->SetInputData(img);
  writer->Write();
  const auto theirs = size_t(writer->GetResult()->GetNumberOfValues());
  INFO("ours " << ours.size() << " bytes, libpng " << theirs);
  CHECK(double(ours.size()) <= 1.05 * double(theirs));
}

TEST_CASE("png: what it cannot encode is refused with a reason", "[png]") {
  const unsigned char px[8] = {};
  CHECK_THROWS_AS(la::encodePng({px, 0, 1, 3, false}), std::invalid_argument);
  CHECK_THROWS_AS(la::encodePng({px, 2, 1, 2, false}), std::invalid_argument);
  CHECK_THROWS_AS(la::encodePng({px, 1, 1, 3, false}, {{std::string(80, 'k'), "v"}}), std::invalid_argument);
  CHECK_THROWS_AS(la::encodePng({px, 1, 1, 3, false}, {{"", "v"}}), std::invalid_argument);
}

// Slides that move and present: turntable geometry, what a PNG says about itself, text that
// scales with the picture and keeps clear of the figure, and the 3D model read back through Assimp.
#include <catch2/catch.hpp>

#include <assimp/Importer.hpp>
#include <assimp/scene.h>

#include <vtkImageData.h>
#include <vtkPNGReader.h>
#include <vtkSmartPointer.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <map>
#include <numeric>

#include "cli/render_job.hpp"
#include "cli/xvfb.hpp"
#include "core/paths.hpp"
#include "core/scene_file.hpp"
#include "core/sha256.hpp"
#include "core/video_encoder.hpp"
#include "render/model_export.hpp"
#include "render/picture.hpp"
#include "render/turntable.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kOut = fs::path(LA_TEST_BINARY_DIR) / "slides-tests";

la::ViewModel sceneFile(const std::string& name) {
  return la::loadScene(fs::path(LA_TEST_SOURCE_DIR) / "scenes" / name);
}

fs::path renderScene(la::cli::RenderSession& session, const la::ViewModel& vm, int w, int h, const std::string& name) {
  fs::create_directories(kOut);
  const fs::path out = kOut / name;
  la::render::ImageOptions image;
  image.width = w;
  image.height = h;
  REQUIRE(session.render(vm, fs::path(LA_TEST_SOURCE_DIR) / "scenes", name, image, out) == 0);
  return out;
}

struct Image {
  int w = 0, h = 0;
  vtkSmartPointer<vtkImageData> data;
  // Top-down rows, as a person reads the picture.
  const unsigned char* at(int x, int y) const {
    return static_cast<unsigned char*>(data->GetScalarPointer(x, h - 1 - y, 0));
  }
};

Image readImage(const fs::path& p) {
  auto r = vtkSmartPointer<vtkPNGReader>::New();
  r->SetFileName(p.c_str());
  r->Update();
  Image img;
  img.data = r->GetOutput();
  int dims[3];
  img.data->GetDimensions(dims);
  img.w = dims[0];
  img.h = dims[1];
  return img;
}

bool isGreyText(const unsigned char* p) {  // dark, unsaturated: text on a white slide
  const int hi = std::max({p[0], p[1], p[2]}), lo = std::min({p[0], p[1], p[2]});
  return hi < 150 && hi - lo < 8;
}

bool isSkin(const unsigned char* p) {  // the skin colour (0.87, 0.74, 0.66), lit and shaded
  return p[0] > 90 && p[0] > p[1] + 12 && p[1] > p[2] + 4 && p[0] - p[2] > 25;
}

// Heights of the runs of rows holding text in a box of the picture (fractions of its size).
std::vector<int> textLineHeights(const Image& img, double x0, double x1, double y0, double y1) {
  std::vector<int> runs;
  int run = 0;
  for (int y = int(y0 * img.h); y < int(y1 * img.h); ++y) {
    bool text = false;
    for (int x = int(x0 * img.w); x < int(x1 * img.w) && !text; ++x) text = isGreyText(img.at(x, y));
    if (text) ++run;
    else if (run) runs.push_back(run), run = 0;
  }
  if (run) runs.push_back(run);
  return runs;
}

std::map<std::string, std::string> pngText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::map<std::string, std::string> out;
  size_t pos = 8;  // after the signature
  while (pos + 12 <= bytes.size()) {
    const auto* b = reinterpret_cast<const unsigned char*>(bytes.data() + pos);
    const size_t len = (size_t(b[0]) << 24) | (size_t(b[1]) << 16) | (size_t(b[2]) << 8) | b[3];
    const std::string type = bytes.substr(pos + 4, 4);
    if (type == "tEXt") {
      const std::string chunk = bytes.substr(pos + 8, len);
      const size_t nul = chunk.find('\0');
      out[chunk.substr(0, nul)] = chunk.substr(nul + 1);
    }
    pos += 12 + len;
  }
  return out;
}

}  // namespace

TEST_CASE("turntable: frame i turns by 360 i/N degrees about the vertical axis; a full turn comes back",
          "[turntable]") {
  const double p[3] = {0.3, 1.2, 2.0};
  double q[3];
  la::render::turnAboutVertical(p, 0.1, -0.2, 2 * M_PI, q);
  for (int k = 0; k < 3; ++k) CHECK(q[k] == Approx(p[k]));
  la::render::turnAboutVertical(p, 0.1, -0.2, M_PI / 2, q);
  CHECK(q[1] == Approx(1.2));  // height kept
  CHECK(std::hypot(q[0] - 0.1, q[2] + 0.2) == Approx(std::hypot(0.2, 2.2)));  // same distance from the axis
  CHECK(q[0] - 0.1 == Approx(2.2));  // a quarter turn from the front (+Z) to the figure's left (+X)
  using la::render::TurntableOutput;
  CHECK(la::render::turntableOutputFor("a.mp4") == TurntableOutput::Mp4);
  CHECK(la::render::turntableOutputFor("a.GIF") == TurntableOutput::Gif);
  CHECK(la::render::turntableOutputFor("frames/") == TurntableOutput::PngFolder);
  CHECK(la::render::turntableOutputFor("frames") == TurntableOutput::PngFolder);
  CHECK_FALSE(la::render::turntableOutputFor("a.avi"));
}

TEST_CASE("PNG text chunks: title, software and version, the dataset's version and the source line", "[png]") {
  la::cli::RenderSession session;
  const fs::path png = renderScene(session, sceneFile("index-case.json"), 320, 180, "text_chunks.png");
  const auto text = pngText(png);
  CHECK(text.at("Title") == "The index case among idiopathic calcinosis cutis");
  CHECK(text.at("Software") == std::string("lesion-atlas ") + la::versionString());
  const std::string sha = la::sha256File(fs::path(LA_TEST_SOURCE_DIR) / "assets/data/calcinosis_cases.csv");
  CHECK_THAT(text.at("Dataset version"), Catch::Contains("sha256 " + sha));
  CHECK_THAT(text.at("Source"), Catch::Contains("Published cases, not incidence."));
}

TEST_CASE("legend text at 3840x2160 is twice its pixel height at 1920x1080", "[text][slow]") {
  la::cli::RenderSession session;
  const la::ViewModel vm = sceneFile("default.json");
  const Image small = readImage(renderScene(session, vm, 1920, 1080, "legend_1080.png"));
  const Image large = readImage(renderScene(session, vm, 3840, 2160, "legend_2160.png"));
  // The legend's text column: right of its symbols, below the title.
  auto median = [](std::vector<int> v) {
    REQUIRE(v.size() >= 4);  // one line per subtype
    std::sort(v.begin(), v.end());
    return double(v[v.size() / 2]);
  };
  const double hs = median(textLineHeights(small, 0.84, 0.99, 0.08, 0.5));
  const double hl = median(textLineHeights(large, 0.84, 0.99, 0.08, 0.5));
  INFO("legend line height " << hs << " px at 1080p, " << hl << " px at 2160p");
  CHECK(hs >= 12);
  CHECK(hl / hs == Approx(2.0).epsilon(0.12));
}

TEST_CASE("the caption stays below the figure's feet at every size", "[text][slow]") {
  la::cli::RenderSession session;
  la::ViewModel vm = sceneFile("default.json");
  vm.showMarkers = false;  // skin only, so every skin-coloured pixel is the figure
  vm.rareMax = 0;          // and no rings around rare sites
  for (auto [w, h] : {std::pair{640, 360}, std::pair{1920, 1080}, std::pair{3840, 2160}}) {
    const Image img = readImage(renderScene(session, vm, w, h, "caption_" + std::to_string(h) + ".png"));
    int feet = -1, captionTop = img.h;
    for (int y = 0; y < img.h; ++y)
      for (int x = 0; x < int(0.8 * img.w); ++x) {
        if (isSkin(img.at(x, y))) feet = std::max(feet, y);
        if (y > int(0.6 * img.h) && isGreyText(img.at(x, y))) captionTop = std::min(captionTop, y);
      }
    INFO(w << "x" << h << ": feet end at row " << feet << ", caption starts at row " << captionTop);
    CHECK(feet > img.h / 2);
    CHECK(captionTop < img.h);
    CHECK(captionTop > feet);
  }
}

TEST_CASE("export-3d: one mesh per category; Assimp reads back every marker", "[model]") {
  la::cli::RenderSession session;
  la::render::Picture picture;
  la::render::Composition shown;
  const la::ViewModel vm = sceneFile("default.json");
  REQUIRE(session.compose(vm, fs::path(LA_TEST_SOURCE_DIR) / "scenes", "default.json", {}, picture, shown) == 0);
  fs::create_directories(kOut);
  const fs::path glb = kOut / "default.glb";
  const la::render::ModelSummary s = la::render::exportModel(picture, shown, glb);
  // Expected per mesh, from the composition: markers by category and by stated side.
  std::map<std::string, size_t> expected;
  for (const la::MarkerSpec& m : picture.pane(0).markers())
    ++expected[la::render::markerMeshName("", shown.palette.categories[m.category].label, m.sideUnstated)];
  Assimp::Importer importer;
  const aiScene* scene = importer.ReadFile(glb.string(), 0);
  REQUIRE(scene);
  size_t total = 0, markerMeshes = 0;
  bool body = false;
  for (unsigned i = 0; i < scene->mNumMeshes; ++i) {
    const aiMesh* m = scene->mMeshes[i];
    const std::string name = m->mName.C_Str();
    body = body || name == "body";
    if (name.rfind("markers: ", 0) != 0) continue;
    ++markerMeshes;
    // Markers are separate closed shapes: count connected pieces (vertices at one position joined).
    std::vector<unsigned> parent(m->mNumVertices);
    std::iota(parent.begin(), parent.end(), 0u);
    std::function<unsigned(unsigned)> find = [&](unsigned v) { return parent[v] == v ? v : parent[v] = find(parent[v]); };
    std::map<std::array<float, 3>, unsigned> at;
    for (unsigned v = 0; v < m->mNumVertices; ++v) {
      const auto& p = m->mVertices[v];
      auto [it, added] = at.emplace(std::array<float, 3>{p.x, p.y, p.z}, v);
      if (!added) parent[find(v)] = find(it->second);
    }
    for (unsigned f = 0; f < m->mNumFaces; ++f)
      for (unsigned k = 1; k < m->mFaces[f].mNumIndices; ++k)
        parent[find(m->mFaces[f].mIndices[k])] = find(m->mFaces[f].mIndices[0]);
    size_t pieces = 0;
    for (unsigned v = 0; v < m->mNumVertices; ++v) pieces += find(v) == v;
    INFO(name);
    CHECK(pieces == expected[name]);
    total += pieces;
  }
  CHECK(body);
  CHECK(markerMeshes == expected.size());
  CHECK(total == picture.pane(0).markers().size());
  CHECK(total == s.markers);
  CHECK(total > 100);
}

TEST_CASE("turntable: a cancelled recording leaves no file behind; a finished one is complete", "[turntable]") {
  la::cli::RenderSession session;
  la::render::Picture picture;
  la::render::Composition shown;
  la::render::ComposeOptions opts;
  opts.width = 160;
  opts.height = 120;
  REQUIRE(session.compose(sceneFile("default.json"), fs::path(LA_TEST_SOURCE_DIR) / "scenes", "default.json", opts,
                          picture, shown) == 0);
  const fs::path dir = kOut / "cancel";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const la::render::TurntableOptions o{6, 12, 160, 120};
  {
    la::render::TurntableRecorder rec(picture, o, dir / "frames/", session.target());
    CHECK(rec.step());
    CHECK(rec.step());
    CHECK(fs::exists(dir / "frames" / "frame_0002.png"));
    rec.cancel();
    CHECK_FALSE(fs::exists(dir / "frames" / "frame_0001.png"));
  }
  if (!la::findFfmpeg().empty()) {
    {
      la::render::TurntableRecorder rec(picture, o, dir / "turn.mp4", session.target());
      rec.step();
    }  // destroyed unfinished: cancelled
    CHECK(fs::is_empty(dir / "frames"));
    CHECK_FALSE(fs::exists(dir / "turn.mp4"));
    CHECK_FALSE(fs::exists(dir / ".turn.tmp.mp4"));
    la::render::TurntableRecorder rec(picture, o, dir / "turn.mp4", session.target());
    while (rec.step()) {
    }
    rec.finish();
    CHECK(rec.done() == 6);
    CHECK(fs::file_size(dir / "turn.mp4") > 0);
    CHECK_FALSE(fs::exists(dir / ".turn.tmp.mp4"));
  }
}

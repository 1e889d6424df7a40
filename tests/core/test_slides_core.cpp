// References beside exported pictures, playlists, and the camera path of presentation mode.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <regex>
#include <set>

#include "core/atomic_file.hpp"
#include "core/camera_path.hpp"
#include "core/importer.hpp"
#include "core/playlist.hpp"
#include "core/references.hpp"
#include "core/scene_file.hpp"
#include "core/video_encoder.hpp"
#include "test_support.hpp"
#include "../support/csv_records.hpp"

namespace fs = std::filesystem;
using Catch::Contains;

namespace {

const la::ImportResult& shipped() {
  static const la::ImportResult r =
      la::importFile(la::test::sourcePath("assets/data/calcinosis_cases.csv"), nullptr, la::test::catalog());
  return r;
}

std::vector<const la::Case*> allCases() {
  std::vector<const la::Case*> v;
  for (const auto& c : shipped().data.cases) v.push_back(&c);
  return v;
}

}  // namespace

TEST_CASE("references: one numbered entry per source with its DOI and PMID, counted from the raw table",
          "[references]") {
  // Distinct sources and the DOIs/PMIDs as the tests' own CSV reader sees them.
  const auto rows = la::test::csvRecords(la::test::sourcePath("assets/data/calcinosis_cases.csv"));
  std::set<std::string> sources, dois, pmids;
  for (const auto& r : rows) {
    sources.insert(r.at("citation") + "\x1f" + r.at("doi") + "\x1f" + r.at("pmid"));
    if (!r.at("doi").empty()) dois.insert(r.at("doi"));
    if (!r.at("pmid").empty()) pmids.insert(r.at("pmid"));
  }
  const la::ReferenceText ref = la::formatReferences(allCases(), shipped().data, "All cases");
  CHECK(ref.sources == sources.size());
  CHECK_THAT(ref.text, Contains("[" + std::to_string(sources.size()) + "] "));
  CHECK_FALSE(ref.text.find("[" + std::to_string(sources.size() + 1) + "] ") != std::string::npos);
  for (const auto& d : dois) CHECK_THAT(ref.text, Contains("doi:" + d));
  for (const auto& p : pmids) CHECK_THAT(ref.text, Contains("PMID: " + p));
  // The index case's source, with its case id.
  CHECK_THAT(ref.text, Contains("Idiopathic Calcinosis Cutis with Ossification in Rare Site"));
  CHECK_THAT(ref.text, Contains("doi:10.36347/sjmcr.2026.v14i02.019"));
  CHECK_THAT(ref.text, Contains("Cases: CC000"));
  // BibTeX: one entry per source, braces balanced, DOIs as fields.
  const std::regex entry("@(misc|article)\\{");
  const auto n = std::distance(std::sregex_iterator(ref.bibtex.begin(), ref.bibtex.end(), entry), std::sregex_iterator());
  CHECK(size_t(n) == sources.size());
  int depth = 0;
  for (size_t i = 0; i < ref.bibtex.size(); ++i) {
    if (ref.bibtex[i] == '\\') { ++i; continue; }
    depth += ref.bibtex[i] == '{' ? 1 : ref.bibtex[i] == '}' ? -1 : 0;
    REQUIRE(depth >= 0);
  }
  CHECK(depth == 0);
  CHECK_THAT(ref.bibtex, Contains("doi = {10.36347/sjmcr.2026.v14i02.019}"));
}

TEST_CASE("references: a non-commercial table carries its licence and attribution", "[references]") {
  la::Dataset d;
  d.tables.push_back({"HAM10000", "ham.csv", "ham10000", "CC BY-NC 4.0", "Tschandl P et al. Sci Data 2018", true});
  la::Case c;
  c.id = "ISIC_1";
  d.cases.push_back(c);
  const la::ReferenceText ref = la::formatReferences({&d.cases[0]}, d, "HAM", {std::string(64, 'a')});
  CHECK(ref.sources == 0);  // rows without a citation are covered by the table's credit
  CHECK_THAT(ref.text, Contains("HAM10000 (sha256 " + std::string(64, 'a') + "); licence: CC BY-NC 4.0 (non-commercial use only)"));
  CHECK_THAT(ref.text, Contains("attribution: Tschandl P et al. Sci Data 2018"));
  CHECK_THAT(ref.bibtex, Contains("@misc{table_ham10000"));
}

TEST_CASE("references: written beside the picture as .txt and .bib", "[references]") {
  const fs::path dir = fs::path(LA_TEST_BINARY_DIR) / "refs";
  fs::remove_all(dir);
  fs::create_directories(dir / "frames");
  const auto [txt, bib] = la::writeReferences(allCases(), shipped().data, dir / "slide.png", "t");
  CHECK(txt == dir / "slide.txt");
  CHECK(bib == dir / "slide.bib");
  CHECK(fs::file_size(txt) > 1000);
  CHECK(la::referencePaths(dir / "frames").first == dir / "frames" / "references.txt");
  CHECK(la::referencePaths(dir / "video.mp4").second == dir / "video.bib");
}

TEST_CASE("ffmpeg: the output file is one argument, whatever characters its name holds", "[video]") {
  const fs::path out = "/tmp/it's a; $(touch x) & \"test\".mp4";
  const auto args = la::ffmpegArguments(la::VideoFormat::Mp4, 320, 240, 24, out);
  CHECK(args.back() == out.string());
  CHECK(std::find(args.begin(), args.end(), "yuv420p") != args.end());
  CHECK(std::find(args.begin(), args.end(), "libx264") != args.end());
  CHECK_THROWS_WITH(la::ffmpegArguments(la::VideoFormat::Mp4, 321, 240, 24, out), Contains("even dimensions"));
  const auto gif = la::ffmpegArguments(la::VideoFormat::Gif, 321, 241, 10, "a.gif");
  CHECK(std::any_of(gif.begin(), gif.end(), [](const std::string& a) { return a.find("palettegen") != std::string::npos; }));
}

TEST_CASE("ffmpeg: frames piped to a real ffmpeg land in a file with an awkward name", "[video]") {
  const fs::path ffmpeg = la::findFfmpeg();
  if (ffmpeg.empty()) {
    WARN("ffmpeg not installed; skipped");
    return;
  }
  const fs::path dir = fs::path(LA_TEST_BINARY_DIR) / "ffmpeg pipe";
  fs::create_directories(dir);
  const fs::path out = dir / "it's a; $(touch x) & test.gif";
  fs::remove(out);
  la::FfmpegPipe pipe(ffmpeg, la::ffmpegArguments(la::VideoFormat::Gif, 32, 32, 10, out));
  std::vector<unsigned char> frame(32 * 32 * 3);
  for (int i = 0; i < 3; ++i) {
    std::fill(frame.begin(), frame.end(), (unsigned char)(80 * i));
    pipe.write(frame.data(), frame.size());
  }
  pipe.finish();
  CHECK(fs::file_size(out) > 0);
  CHECK_FALSE(fs::exists(dir / "x"));
}

TEST_CASE("playlist: scene paths relative to the playlist, titles per slide, errors name the field", "[playlist]") {
  const fs::path dir = la::test::sourcePath("scenes/playlists");
  const la::Playlist p = la::parsePlaylist(
      R"({"version": 1, "title": "T", "slides": [{"scene": "../default.json", "title": "All"}, {"scene": "../back-view.json"}]})",
      "p.json", dir);
  REQUIRE(p.slides.size() == 2);
  CHECK(fs::equivalent(p.slides[0].scene, la::test::sourcePath("scenes/default.json")));
  const auto vms = la::loadPlaylistScenes(p, la::test::catalog(), "p.json");
  CHECK(vms[0].title == "All");
  CHECK(vms[1].camera.preset == "back");
  auto bad = [&](const char* text) { return la::parsePlaylist(text, "p.json", dir); };
  CHECK_THROWS_WITH(bad("{\n\"version\": 1,,}"), Catch::StartsWith("p.json:2: not valid JSON"));
  CHECK_THROWS_WITH(bad(R"({"version": 2, "slides": []})"), Contains("p.json: version: expected 1"));
  CHECK_THROWS_WITH(bad(R"({"version": 1, "slides": []})"), Contains("p.json: slides: expected a non-empty array"));
  CHECK_THROWS_WITH(bad(R"({"version": 1, "slides": [{"scene": 3}]})"), Contains("p.json: slides[0].scene:"));
  CHECK_THROWS_WITH(bad(R"({"version": 1, "slides": [{"scene": "a.json", "tilte": "x"}]})"),
                    Contains("slides[0].tilte: unknown key"));
  const la::Playlist missing = bad(R"({"version": 1, "slides": [{"scene": "../default.json"}, {"scene": "gone.json"}]})");
  CHECK_THROWS_WITH(la::loadPlaylistScenes(missing, la::test::catalog(), "p.json"),
                    Contains("p.json: slides[1]: ") && Contains("gone.json"));
}

TEST_CASE("playlist: every shipped playlist loads and each of its scenes validates", "[playlist]") {
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(la::test::sourcePath("scenes/playlists"))) {
    if (e.path().extension() != ".json") continue;
    INFO(e.path().string());
    const la::Playlist p = la::loadPlaylist(e.path());
    CHECK_FALSE(p.title.empty());
    CHECK(la::loadPlaylistScenes(p, la::test::catalog(), e.path().string()).size() >= 8);
    ++n;
  }
  CHECK(n >= 1);
}

TEST_CASE("camera path: eased, starts and ends at the two views, goes round the body", "[camera]") {
  CHECK(la::easeInOut(0) == 0);
  CHECK(la::easeInOut(1) == 1);
  CHECK(la::easeInOut(0.5) == Approx(0.5));
  CHECK(la::easeInOut(0.1) < 0.1);  // slow start
  CHECK(la::easeInOut(0.9) > 0.9);  // slow end
  la::CameraPose front, back;
  front.position = {0, 1, 5};
  front.focalPoint = {0, 1, 0};
  back.position = {0, 1, -5};
  back.focalPoint = {0, 1, 0};
  const auto a = la::interpolatePose(front, back, 0), b = la::interpolatePose(front, back, 1);
  for (int k = 0; k < 3; ++k) CHECK(a.position[k] == Approx(front.position[k]).margin(1e-9));
  for (int k = 0; k < 3; ++k) CHECK(b.position[k] == Approx(back.position[k]).margin(1e-9));
  // Halfway the camera is beside the body at the same distance, never inside it.
  for (double t : {0.25, 0.5, 0.75}) {
    const auto m = la::interpolatePose(front, back, t);
    CHECK(std::hypot(m.position[0], m.position[1] - 1, m.position[2]) == Approx(5));
    CHECK(std::abs(m.viewUp[1]) == Approx(1));
  }
  // From straight above (top view, up = -Z) to the front: the view up stays perpendicular.
  la::CameraPose top;
  top.position = {0, 6, 0};
  top.focalPoint = {0, 1, 0};
  top.viewUp = {0, 0, -1};
  const auto m = la::interpolatePose(top, front, 0.5);
  double dir[3], dot = 0;
  for (int k = 0; k < 3; ++k) dir[k] = m.position[k] - m.focalPoint[k];
  for (int k = 0; k < 3; ++k) dot += dir[k] * m.viewUp[k];
  CHECK(dot == Approx(0).margin(1e-9));
}

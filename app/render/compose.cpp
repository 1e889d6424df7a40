#include "render/compose.hpp"

#include <vtkCamera.h>
#include <vtkRenderer.h>

#include <vtkCellArray.h>
#include <vtkPolyData.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/case_filter.hpp"
#include "core/case_index.hpp"
#include "core/palette.hpp"
#include "core/paths.hpp"
#include "core/picture_text.hpp"

namespace la::render {
namespace {

// The panes a view asks for: (body, cases, label) each.
struct PanePlan {
  std::string body;
  std::vector<const Case*> cases;
  std::string label;
  bool faintUnknownSex = false;
};

// The body each pane shows: the view's own in every pane, or the male and female figures side by
// side (planPanes; prepareFigures loads them ahead).
std::vector<std::string> paneBodies(const ViewModel& vm) {
  if (!vm.compare && vm.figures == Figures::Both) return {"male", "female"};
  return std::vector<std::string>(vm.compare ? vm.compare->size() : 1, vm.body);
}

std::vector<PanePlan> planPanes(const ViewModel& vm, const AtlasContext& ctx, size_t& drawnTwice) {
  const std::vector<std::string> bodies = paneBodies(vm);
  std::vector<PanePlan> plans;
  if (vm.compare) {
    for (size_t i = 0; i < vm.compare->size(); ++i)
      plans.push_back({bodies[i], applyFilter(ctx.data, (*vm.compare)[i].filter, ctx.catalog), (*vm.compare)[i].label});
    return plans;
  }
  const auto cases = applyFilter(ctx.data, vm.filter, ctx.catalog);
  if (vm.figures == Figures::One) return {{bodies[0], cases, ""}};
  // Both figures: a case goes on the figure of its sex; unstated sex on both, drawn pale.
  PanePlan male{bodies[0], {}, "male figure", true}, female{bodies[1], {}, "female figure", true};
  drawnTwice = 0;
  for (const Case* c : cases) {
    if (c->sex != Sex::Female) male.cases.push_back(c);
    if (c->sex != Sex::Male) female.cases.push_back(c);
    drawnTwice += c->sex == Sex::Unknown;
  }
  return {male, female};
}

// Per-vertex colours: viridis where a site has data, skin elsewhere. Vertex labels follow triangle
// edges, so a patch border is a saw-tooth; a few rounds of averaging each vertex with its
// neighbours, only near borders, turn it into a soft, even edge, as on a printed atlas plate.
std::vector<std::array<unsigned char, 3>> skinColors(vtkPolyData* mesh, const std::vector<std::optional<double>>& values,
                                                     double max, const RGB& skin) {
  std::vector<std::array<unsigned char, 3>> out;
  if (max <= 0 || std::none_of(values.begin(), values.end(), [](const auto& v) { return v.has_value(); })) return out;
  const size_t n = values.size();
  std::vector<std::array<float, 3>> c(n);
  for (size_t i = 0; i < n; ++i) {
    const auto v = values[i] ? viridis(*values[i] / max) : skin;
    c[i] = {float(v[0]), float(v[1]), float(v[2])};
  }
  // Edges of the mesh whose two ends show different values: the border zone to soften.
  std::vector<std::pair<vtkIdType, vtkIdType>> edges;
  vtkCellArray* polys = mesh->GetPolys();
  vtkIdType npts;
  const vtkIdType* ids;
  for (polys->InitTraversal(); polys->GetNextCell(npts, ids);)
    for (vtkIdType k = 0; k < npts; ++k) {
      const vtkIdType a = ids[k], b = ids[(k + 1) % npts];
      if (a < b && size_t(b) < n) edges.push_back({a, b});
    }
  std::vector<char> near(n, 0);
  for (auto [a, b] : edges)
    if (values[size_t(a)] != values[size_t(b)]) near[size_t(a)] = near[size_t(b)] = 1;
  for (int ring = 0; ring < 2; ++ring) {  // widen the zone by two rings
    std::vector<char> grown = near;
    for (auto [a, b] : edges)
      if (near[size_t(a)] || near[size_t(b)]) grown[size_t(a)] = grown[size_t(b)] = 1;
    near.swap(grown);
  }
  for (int it = 0; it < 3; ++it) {
    std::vector<std::array<float, 3>> sum(n, {0, 0, 0});
    std::vector<float> w(n, 0);
    for (auto [a, b] : edges) {
      if (!near[size_t(a)] && !near[size_t(b)]) continue;
      for (int k = 0; k < 3; ++k) sum[size_t(a)][k] += c[size_t(b)][k], sum[size_t(b)][k] += c[size_t(a)][k];
      w[size_t(a)] += 1, w[size_t(b)] += 1;
    }
    for (size_t i = 0; i < n; ++i)
      if (near[i] && w[i] > 0)
        for (int k = 0; k < 3; ++k) c[i][k] = 0.5f * c[i][k] + 0.5f * sum[i][k] / w[i];
  }
  out.resize(n);
  for (size_t i = 0; i < n; ++i)
    for (int k = 0; k < 3; ++k) out[i][k] = (unsigned char)std::clamp(int(c[i][k] * 255.f + 0.5f), 0, 255);
  return out;
}

// Counts a pane paints on the skin: every site in a choropleth; only regions and coarse classes of
// public tables (which name an area, not a point) in marker mode.
std::map<std::string, SiteCount> paintedCounts(const ViewModel& vm, const PaneContent& p, const SiteCatalog& cat) {
  if (vm.mode == ViewMode::Choropleth) return p.counts;
  std::map<std::string, SiteCount> out;
  for (const auto& [id, sc] : p.counts) {
    const Site* s = cat.byId(id);
    if (s && (s->coarse || s->region) && sc.own > 0) out[id] = sc;
  }
  return out;
}

void paintPane(SceneView& view, const Figure& fig, const std::map<std::string, SiteCount>& counts,
               const SiteCatalog& cat, double max, const RGB& skin) {
  const size_t n = fig.mesh ? size_t(fig.mesh->GetNumberOfPoints()) : 0;
  view.setSkinColors(n ? skinColors(fig.mesh, vertexCounts(counts, cat, fig.map, n), max, skin)
                       : std::vector<std::array<unsigned char, 3>>{});
}

// A group's size in the count unit, for shares within the group.
double groupSize(const PaneContent& p, CountUnit unit) {
  double n = 0;
  for (const Case* c : p.cases) n += unit == CountUnit::Cases ? 1.0 : unit == CountUnit::Patients ? c->nPatients : double(c->lesions.size());
  return n;
}

// "most often: knee 19%, elbow 14%, hand 11%" (share of the group's cases reported at each site).
std::string topShares(const PaneContent& p, const SiteCatalog& cat) {
  std::vector<std::pair<double, std::string>> v;
  for (const auto& [id, sc] : countBySite(p.cases, cat, CountUnit::Cases)) {
    const Site* s = cat.byId(id);
    if (s && !s->region && !s->coarse && sc.own > 0) v.push_back({sc.own, s->name});
  }
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string out;
  for (size_t i = 0; i < v.size() && i < 3 && !p.cases.empty(); ++i)
    out += (out.empty() ? "most often: " : ", ") + v[i].second + " " +
           std::to_string(int(std::lround(100.0 * v[i].first / double(p.cases.size())))) + "%";
  return out;
}

// One ring per rare site: beside its first marker, or at its anchor when markers are hidden.
std::vector<MarkerSpec> rareRings(const PaneContent& p, const Figure& fig, const std::set<std::string>& rare,
                                  bool markersShown) {
  std::vector<MarkerSpec> out;
  std::set<std::string> done;
  if (markersShown) {
    for (const MarkerSpec& m : p.layout.markers)
      if (rare.count(m.siteId) && done.insert(m.siteId + ":" + m.side).second) out.push_back(m);
    return out;
  }
  for (const std::string& site : rare)
    for (const SiteAnchor* a : fig.map.forSite(site)) {
      MarkerSpec m;
      m.position = a->position;
      m.normal = a->normal;
      m.scale = 2.0;
      out.push_back(m);
    }
  return out;
}

// Each category with how many of the view's records it holds: cases for case tables, records
// (rows: images, lesions) for other tables, which say what a row is in the caption.
std::vector<LegendEntry> legendFor(const Palette& palette, const std::vector<PaneContent>& panes, bool caseData) {
  std::map<size_t, std::set<const Case*>> perCategory;
  for (const PaneContent& p : panes)
    for (const Case* c : p.cases) perCategory[palette.categoryOf(*c)].insert(c);
  std::vector<LegendEntry> out;
  for (size_t i = 0; i < palette.categories.size(); ++i) {
    auto it = perCategory.find(i);
    if (it == perCategory.end()) continue;
    const Category& cat = palette.categories[i];
    const size_t n = it->second.size();
    const char* unit = caseData ? (n == 1 ? " case)" : " cases)") : (n == 1 ? " record)" : " records)");
    out.push_back({cat.label + " (" + std::to_string(n) + unit, cat.color, cat.shape});
  }
  return out;
}

ColorBar colorBarFor(const ViewModel& vm, const std::vector<std::map<std::string, SiteCount>>& painted,
                     const SiteCatalog& cat, double max, bool caseData) {
  ColorBar bar;
  bar.max = max;
  const CountUnit unit = caseData ? vm.count : CountUnit::Lesions;
  const bool shares = vm.compare.has_value();
  bar.title = shares ? "% of each group's " + std::string(toString(unit)) + " per site" : std::string(toString(unit)) + " per site";
  // Whole regions: their totals are listed, never painted over their children. Shares of two
  // groups would not add up to one number, so a comparison lists none.
  if (shares) return bar;
  std::map<std::string, double> regionTotals;
  for (const auto& counts : painted)
    for (const auto& [id, sc] : counts) {
      const Site* s = cat.byId(id);
      if (s && (s->region || s->coarse)) regionTotals[s->name] += sc.total;
    }
  if (!regionTotals.empty()) bar.lines.push_back(std::string("whole regions, ") + toString(unit) + ":");
  for (const auto& [name, total] : regionTotals) bar.lines.push_back("  " + name + " " + formatNumber(total));
  return bar;
}

// Pictures keep the figure clear of the title and pane labels above and the caption below: the
// band left for it follows the text actually printed (its lines and font sizes, as Annotations
// sets them), so a long caption on a small picture still never covers the feet.
ViewBand textFreeBand(const Composition& out, const ComposeOptions& o) {
  if (o.purpose != Purpose::Picture) return {};
  const double h = std::max(1, o.height);
  const double captionPx = std::max(9.0, 0.017 * h), titlePx = std::max(12.0, 0.034 * h), labelPx = std::max(10.0, 0.024 * h);
  const size_t captionLines = out.caption.empty() ? 0 : size_t(std::count(out.caption.begin(), out.caption.end(), '\n')) + 1;
  size_t labelLines = 0;
  if (out.panes.size() > 1)
    labelLines = out.paneLabelLines;
  const double bottom = (0.015 * h + captionLines * captionPx * 1.2 + 0.01 * h) / h;
  const double top = 1.0 - (0.025 * h + titlePx * 1.3 + labelLines * labelPx * 1.25 + 0.01 * h) / h;
  return {std::min(bottom, 0.45), std::max(top, 0.55)};
}

void applyCameraTo(Picture& pic, const ViewModel& vm, const Composition& out, const ComposeOptions& o) {
  pic.pane(0).applyCamera(vm.camera, pic.paneAspect(o.width, o.height), textFreeBand(out, o));
}

std::string captionFor(const ViewModel& vm, const AtlasContext& ctx, const Composition& out, const ComposeOptions& o) {
  std::string caption = vm.caption.empty() ? "" : vm.caption + "\n";
  std::vector<std::string> parts;
  if (out.panes.size() == 1) parts.push_back(countLine(out.panes[0].cases, ctx.data));
  if (const std::string notes = drawingNotes(out.panes); !notes.empty()) parts.push_back(notes);
  if (out.drawnTwice) parts.push_back(std::to_string(out.drawnTwice) + " cases of unstated sex on both figures (pale)");
  if (!out.rareSites.empty()) parts.push_back("ringed: rare sites (at most " + std::to_string(vm.rareMax) + " cases)");
  for (size_t i = 0; i < parts.size(); ++i) caption += (i ? "; " : "") + parts[i];
  caption += "\n" + dataLine(ctx.data, ctx.tableVersions);
  std::string bodies;
  for (const std::string& b : out.figureLabels)
    if (bodies.find(b) == std::string::npos) bodies += (bodies.empty() ? "" : ", ") + b;
  caption += "\nbody: " + bodies + "  |  lesion-atlas " + std::string(versionString());
  // Wrapped to the width left of the legend, in characters of the caption's font (about half as
  // wide as it is tall; the font never goes below 9 px, so small pictures get shorter lines).
  const double fontPx = std::max(9.0, 0.017 * o.height);
  return wrapLines(caption, size_t(std::max(30.0, 0.78 * o.width / (0.5 * fontPx))));
}

std::vector<std::string> paneTexts(const ViewModel& vm, const AtlasContext& ctx, Composition& out) {
  std::vector<std::string> texts;
  for (const PaneContent& p : out.panes) {
    std::string text = p.label;
    if (out.panes.size() > 1) text += (text.empty() ? "" : ": ") + countLine(p.cases, ctx.data);
    if (vm.compare) text += "\n" + topShares(p, ctx.catalog);
    out.paneLabelLines = std::max(out.paneLabelLines, size_t(std::count(text.begin(), text.end(), '\n')) + 1);
    texts.push_back(text);
  }
  return texts;
}

// R and L beside a front or back view, just outside the figure's width as framed in `band`.
double letterOffset(const Figure& fig, const ViewBand& band, const ComposeOptions& o, double paneWidth) {
  double b[6];
  fig.mesh->GetBounds(b);
  const double figH = (band.y1 - band.y0) * o.height / 1.16;  // 1.16: the framing's margin (SceneView)
  const double figW = figH * (b[1] - b[0]) / std::max(1e-9, b[3] - b[2]);
  return std::min(0.46 * paneWidth, (figW / 2 + 0.03 * o.height) / o.width);
}

void writeAnnotations(const ViewModel& vm, AtlasContext& ctx, Picture& pic, Composition& out,
                      const ComposeOptions& o, const ColorBar& bar, const std::vector<const Figure*>& figures) {
  Annotations& an = pic.annotations();
  const bool picture = o.purpose == Purpose::Picture;
  const double lum = 0.2126 * vm.background[0] + 0.7152 * vm.background[1] + 0.0722 * vm.background[2];
  an.setDarkText(lum > 0.5 || vm.transparentBackground);
  an.setImageSize(o.width, o.height);
  out.title = vm.title.empty() ? defaultTitle(vm, ctx.data) : vm.title;
  an.setTitle(picture ? out.title : "");
  static const char* byNames[] = {"subtype", "age band", "sex", "variant", "diagnosis class"};
  an.setLegend(picture && vm.showLegend && vm.mode == ViewMode::Markers ? legendFor(out.palette, out.panes, isCaseData(ctx.data))
                                                                         : std::vector<LegendEntry>{},
               std::string("colour and shape: ") + byNames[int(out.palette.by)]);
  an.setColorBar(vm.showLegend || !picture ? bar : ColorBar{});
  const std::vector<std::string> texts = paneTexts(vm, ctx, out);
  out.caption = captionFor(vm, ctx, out, o);
  an.setCaption(picture ? out.caption : "");
  const ViewBand band = textFreeBand(out, o);
  const PaneFrame& f = pic.frame();
  const double w = (f.right - f.left) / double(out.panes.size());
  const bool letters =
      o.sideLetters && !vm.camera.position && (vm.camera.preset == "front" || vm.camera.preset == "back");
  std::vector<PaneLabel> labels;
  for (size_t i = 0; i < out.panes.size(); ++i) {
    PaneLabel l{f.left + w * double(i), f.left + w * double(i + 1), texts[i], letters, vm.camera.preset == "back"};
    l.letterOffset = letterOffset(*figures[i], band, o, w) / std::max(1e-6, vm.camera.zoom > 0 ? 1.0 / vm.camera.zoom : 1.0);
    labels.push_back(l);
  }
  an.setPanes(labels);
}

// A close-up of a ringed case looks at that case: the camera slides (keeping its direction and
// distance) until the case's markers are in the middle.
void centreOn(Picture& pic, size_t caseIndex) {
  double c[3] = {0, 0, 0};
  size_t n = 0;
  for (const MarkerSpec& m : pic.pane(0).markers())
    if (m.caseIndex == caseIndex) c[0] += m.position[0], c[1] += m.position[1], c[2] += m.position[2], ++n;
  if (!n) return;
  vtkCamera* cam = pic.camera();
  double f[3], p[3];
  cam->GetFocalPoint(f);
  cam->GetPosition(p);
  for (int k = 0; k < 3; ++k) c[k] /= double(n), p[k] += c[k] - f[k];
  cam->SetFocalPoint(c);
  cam->SetPosition(p);
}

}  // namespace

void prepareFigures(const ViewModel& vm, BodyCache& bodies, const std::filesystem::path& sceneDir) {
  const std::vector<std::string> perPane = paneBodies(vm);
  for (const std::string& body : std::set<std::string>(perPane.begin(), perPane.end())) {
    try {
      bodies.get(body, sceneDir, vm.meshInclude, vm.meshExclude).probe->prepare();
    } catch (const std::exception&) {
    }
  }
}

Composition compose(const ViewModel& vm, AtlasContext& ctx, Picture& pic, const ComposeOptions& o) {
  Composition out;
  std::vector<PanePlan> plans = planPanes(vm, ctx, out.drawnTwice);
  std::vector<const Case*> all;
  for (const auto& p : plans) all.insert(all.end(), p.cases.begin(), p.cases.end());
  // Public tables have no subtypes: colouring them "by subtype" would paint everything "no subtype",
  // so their diagnosis class is used instead (the legend says which colouring it is).
  // Read from the dataset's index (every planned case is one of ctx.data's): at a million cases a
  // pass over the cases themselves cost more than the rest of a filter change.
  const CaseIndex& ix = ctx.data.index();
  const Case* base = ctx.data.cases.data();
  const bool noSubtypes = std::none_of(all.begin(), all.end(), [&](const Case* c) {
    return ix.subtype[size_t(c - base)] != CaseIndex::kNoSubtype;
  });
  const auto diagnoses = [&] {
    return std::any_of(all.begin(), all.end(), [](const Case* c) { return !c->diagnosis.empty(); });
  };
  out.palette = makePalette(
      ctx.data, vm.colorBy == ColorBy::Subtype && noSubtypes && diagnoses() ? ColorBy::Category : vm.colorBy, all);
  // Bodies first: a mesh that fails to load leaves the picture as it was.
  std::vector<const Figure*> figures;
  for (const PanePlan& plan : plans)
    figures.push_back(&ctx.bodies.get(plan.body, ctx.sceneDir, vm.meshInclude, vm.meshExclude));
  if (!vm.highlight.empty() && std::none_of(ctx.data.cases.begin(), ctx.data.cases.end(),
                                            [&](const Case& c) { return c.id == vm.highlight; }))
    throw ComposeError("highlight: no case with id " + vm.highlight);
  pic.setPaneCount(plans.size());
  const bool picture = o.purpose == Purpose::Picture;
  // Room for title and pane labels above, caption below, legend at the right.
  pic.setFrame(picture ? PaneFrame{0.0, 0.8, 0.0, 1.0} : PaneFrame{o.panelLeft, 1.0, 0.0, 1.0});
  pic.setBackground(vm.background, vm.transparentBackground ? 0.0 : 1.0);
  for (size_t i = 0; i < plans.size(); ++i) {
    const PanePlan& plan = plans[i];
    const Figure& fig = *figures[i];
    PaneContent pc = buildPane(ctx.data, ctx.catalog, fig, plan.cases, out.palette, vm.count);
    pc.label = plan.label;
    out.figureLabels.push_back(fig.label);
    if (plan.faintUnknownSex)
      for (MarkerSpec& m : pc.layout.markers) m.sideUnstated = m.sideUnstated || ctx.data.cases[m.caseIndex].sex == Sex::Unknown;
    out.panes.push_back(std::move(pc));
  }
  out.figures = figures;
  const auto rare = rareSites(all, ctx.catalog, vm.rareMax);
  out.rareSites = rare;
  const std::set<std::string> rareSet(rare.begin(), rare.end());
  // One colour scale for every pane, so two groups compare by colour.
  std::vector<std::map<std::string, SiteCount>> painted;
  double max = 0;
  const bool shares = vm.compare.has_value();  // groups differ in size: compare shares, not counts
  for (const auto& p : out.panes) {
    painted.push_back(paintedCounts(vm, p, ctx.catalog));
    const double size = groupSize(p, isCaseData(ctx.data) ? vm.count : CountUnit::Lesions);
    if (shares)
      for (auto& [id, sc] : painted.back()) sc.own = size > 0 ? 100.0 * sc.own / size : 0, sc.total = size > 0 ? 100.0 * sc.total / size : 0;
    for (const auto& [id, sc] : painted.back()) max = std::max(max, sc.own);
  }
  const bool markers = vm.mode == ViewMode::Markers && vm.showMarkers;
  for (size_t i = 0; i < out.panes.size(); ++i) {
    SceneView& view = pic.pane(i);
    view.setBody(figures[i]->mesh, figures[i]->probe);
    view.setColors(vm.background, vm.skinColor);
    paintPane(view, *figures[i], painted[i], ctx.catalog, max, vm.skinColor);
    view.setMarkers(markers ? out.panes[i].layout.markers : std::vector<MarkerSpec>{}, out.panes[i].radius, out.palette);
    view.setRareRings(rareRings(out.panes[i], *figures[i], rareSet, markers));
  }
  if (!vm.highlight.empty()) {
    auto it = std::find_if(ctx.data.cases.begin(), ctx.data.cases.end(), [&](const Case& c) { return c.id == vm.highlight; });
    out.highlightCase = size_t(it - ctx.data.cases.begin());
    for (size_t i = 0; i < out.panes.size(); ++i) pic.pane(i).setHighlightedCase(out.highlightCase);
  }
  writeAnnotations(vm, ctx, pic, out, o, colorBarFor(vm, painted, ctx.catalog, max, isCaseData(ctx.data)), figures);
  if (o.applyCamera) {
    applyCameraTo(pic, vm, out, o);
    if (out.highlightCase != SIZE_MAX && vm.camera.zoom > 1 && !vm.camera.position) centreOn(pic, out.highlightCase);
  }
  out.metadata = pictureMetadata(out.title, ctx.data, ctx.tableVersions);
  return out;
}

std::vector<const Case*> shownCases(const Composition& c) {
  std::vector<const Case*> out;
  std::set<const Case*> seen;
  for (const PaneContent& p : c.panes)
    for (const Case* k : p.cases)
      if (seen.insert(k).second) out.push_back(k);
  return out;
}

}  // namespace la::render

#include "render/annotations.hpp"

#include <vtkCoordinate.h>
#include <vtkLegendBoxActor.h>
#include <vtkLookupTable.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkRenderer.h>
#include <vtkScalarBarActor.h>
#include <vtkTextActor.h>
#include <vtkTextRenderer.h>
#include <vtkTextProperty.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>

#include "core/choropleth.hpp"
#include "render/marker_glyphs.hpp"

namespace la::render {

struct Annotations::Impl {
  vtkSmartPointer<vtkRenderer> renderer = vtkSmartPointer<vtkRenderer>::New();
  vtkSmartPointer<vtkTextActor> title = vtkSmartPointer<vtkTextActor>::New();
  vtkSmartPointer<vtkTextActor> caption = vtkSmartPointer<vtkTextActor>::New();
  vtkSmartPointer<vtkLegendBoxActor> legend = vtkSmartPointer<vtkLegendBoxActor>::New();
  vtkSmartPointer<vtkScalarBarActor> bar = vtkSmartPointer<vtkScalarBarActor>::New();
  vtkSmartPointer<vtkTextActor> barLines = vtkSmartPointer<vtkTextActor>::New();
  vtkSmartPointer<vtkTextActor> legendHeading = vtkSmartPointer<vtkTextActor>::New();
  struct PaneText {
    vtkSmartPointer<vtkTextActor> actor;
    double paneWidth = 0;  // a heading's pane width (fraction of the picture); 0: a side letter
  };
  std::vector<PaneText> paneTexts;
  std::vector<PaneLabel> panes;
  double text[3] = {0.12, 0.12, 0.12}, soft[3] = {0.32, 0.32, 0.32};
  int width = 1920, height = 1080;
};

namespace {

// Pane headings and side letters: a fraction of the picture's height.
int paneTextSize(int pictureHeight) { return std::max(10, int(pictureHeight * 0.024)); }

// The size of a pane's heading: the usual one, made smaller where its widest line would run past
// its pane into the next one (two panes side by side, a narrow window). The width is measured as
// FreeType will draw it, at the usual size.
int fittedHeadingSize(vtkTextActor* text, double paneWidthPx, int pictureHeight) {
  const int usual = paneTextSize(pictureHeight);
  if (!text->GetInput()) return usual;
  auto prop = vtkSmartPointer<vtkTextProperty>::New();
  prop->ShallowCopy(text->GetTextProperty());
  prop->SetFontSize(usual);
  int box[4] = {0, 0, 0, 0};
  vtkTextRenderer* renderer = vtkTextRenderer::GetInstance();
  if (!renderer || !renderer->GetBoundingBox(prop, text->GetInput(), box, 72)) return usual;
  const double width = box[1] - box[0] + 1, room = 0.94 * paneWidthPx;
  return width <= room ? usual : std::max(8, int(usual * room / width));
}

void styleText(vtkTextActor* a, bool bold) {
  vtkTextProperty* p = a->GetTextProperty();
  p->SetFontFamilyToArial();
  p->SetBold(bold);
  p->SetShadow(false);
  a->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
}

// A legend symbol in its category's shape, coloured through its own scalars: the legend box paints
// a symbol with its scalars and its text with the entry colour, so the text stays readable.
vtkSmartPointer<vtkPolyData> swatch(const LegendEntry& e) {
  auto pd = vtkSmartPointer<vtkPolyData>::New();
  pd->DeepCopy(shapeSurface(e.shape));
  auto colors = vtkSmartPointer<vtkUnsignedCharArray>::New();
  colors->SetNumberOfComponents(3);
  colors->SetNumberOfTuples(pd->GetNumberOfPoints());
  for (vtkIdType i = 0; i < pd->GetNumberOfPoints(); ++i)
    colors->SetTuple3(i, 255 * e.color[0], 255 * e.color[1], 255 * e.color[2]);
  pd->GetPointData()->SetScalars(colors);
  return pd;
}

}  // namespace

Annotations::Annotations() : impl_(std::make_unique<Impl>()) {
  vtkRenderer* r = impl_->renderer;
  r->SetLayer(1);
  r->InteractiveOff();
  r->SetPreserveColorBuffer(1);
  r->SetPreserveDepthBuffer(0);
  styleText(impl_->title, true);
  impl_->title->GetTextProperty()->SetVerticalJustificationToTop();
  impl_->title->GetTextProperty()->SetJustificationToCentered();
  impl_->title->SetPosition(0.5, 0.975);
  styleText(impl_->caption, false);
  impl_->caption->SetPosition(0.015, 0.015);
  styleText(impl_->barLines, false);
  styleText(impl_->legendHeading, true);
  impl_->barLines->GetTextProperty()->SetVerticalJustificationToTop();
  impl_->legend->BorderOff();
  impl_->legend->BoxOff();
  impl_->legend->SetPadding(2);
  impl_->legend->GetEntryTextProperty()->SetFontFamilyToArial();
  impl_->legend->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
  impl_->legend->GetPosition2Coordinate()->SetCoordinateSystemToNormalizedViewport();
  impl_->legend->VisibilityOff();
  impl_->bar->SetOrientationToVertical();
  impl_->bar->SetNumberOfLabels(5);
  impl_->bar->SetLabelFormat("%.0f");
  impl_->bar->DrawTickLabelsOn();
  impl_->bar->GetLabelTextProperty()->SetFontFamilyToArial();
  impl_->bar->GetTitleTextProperty()->SetFontFamilyToArial();
  impl_->bar->GetLabelTextProperty()->ShadowOff();
  impl_->bar->GetTitleTextProperty()->ShadowOff();
  impl_->bar->GetLabelTextProperty()->ItalicOff();
  impl_->bar->GetTitleTextProperty()->ItalicOff();
  impl_->bar->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
  impl_->bar->VisibilityOff();
  for (vtkProp* p : {static_cast<vtkProp*>(impl_->title), static_cast<vtkProp*>(impl_->caption),
                     static_cast<vtkProp*>(impl_->legend), static_cast<vtkProp*>(impl_->bar),
                     static_cast<vtkProp*>(impl_->barLines), static_cast<vtkProp*>(impl_->legendHeading)})
    r->AddActor2D(p);
  setDarkText(true);
}

Annotations::~Annotations() = default;

vtkRenderer* Annotations::renderer() const { return impl_->renderer; }

void Annotations::setTitle(const std::string& text) { impl_->title->SetInput(text.c_str()); }
void Annotations::setCaption(const std::string& text) { impl_->caption->SetInput(text.c_str()); }

void Annotations::setLegend(const std::vector<LegendEntry>& entries, const std::string& heading) {
  impl_->legendHeading->SetInput(entries.empty() ? "" : heading.c_str());
  vtkLegendBoxActor* l = impl_->legend;
  l->SetNumberOfEntries(int(entries.size()));
  l->ScalarVisibilityOn();
  for (size_t i = 0; i < entries.size(); ++i) l->SetEntry(int(i), swatch(entries[i]), entries[i].label.c_str(), impl_->text);
  l->SetVisibility(!entries.empty());
  layout();
}

void Annotations::setColorBar(const ColorBar& bar) {
  if (bar.max <= 0) {
    impl_->bar->VisibilityOff();
    impl_->barLines->SetInput("");
    return;
  }
  auto lut = vtkSmartPointer<vtkLookupTable>::New();
  lut->SetNumberOfTableValues(64);
  lut->SetRange(0, bar.max);
  for (int i = 0; i < 64; ++i) {
    const auto c = viridis(i / 63.0);
    lut->SetTableValue(i, c[0], c[1], c[2], 1.0);
  }
  lut->Build();
  impl_->bar->SetLookupTable(lut);
  impl_->bar->SetTitle(bar.title.c_str());
  impl_->bar->SetNumberOfLabels(bar.max >= 4 ? 5 : int(bar.max) + 1);
  impl_->bar->VisibilityOn();
  std::string lines;
  for (const auto& l : bar.lines) lines += (lines.empty() ? "" : "\n") + l;
  impl_->barLines->SetInput(lines.c_str());
  layout();
}

void Annotations::setPanes(const std::vector<PaneLabel>& panes) {
  impl_->panes = panes;
  for (auto& t : impl_->paneTexts) impl_->renderer->RemoveActor2D(t.actor);
  impl_->paneTexts.clear();
  auto add = [&](const std::string& s, double x, double y, bool bold, int justify, double paneWidth) {
    auto t = vtkSmartPointer<vtkTextActor>::New();
    styleText(t, bold);
    t->SetInput(s.c_str());
    t->SetPosition(x, y);
    t->GetTextProperty()->SetJustification(justify);
    t->GetTextProperty()->SetVerticalJustificationToCentered();
    impl_->renderer->AddActor2D(t);
    impl_->paneTexts.push_back({t, paneWidth});
  };
  for (const PaneLabel& p : panes) {
    if (!p.text.empty()) {
      const double h = impl_->height, titlePx = std::max(12.0, 0.034 * h);
      add(p.text, (p.x0 + p.x1) / 2, 1.0 - (0.025 * h + titlePx * 1.3) / h, true, VTK_TEXT_CENTERED, p.x1 - p.x0);
      impl_->paneTexts.back().actor->GetTextProperty()->SetVerticalJustificationToTop();
    }
    if (p.sideLetters) {
      // Front view: the figure's right is on the picture's left; a back view mirrors that.
      // Just outside the outstretched hands of a figure framed by its height.
      const double mid = (p.x0 + p.x1) / 2, off = std::min(p.letterOffset, 0.47 * (p.x1 - p.x0));
      add(p.mirrored ? "L" : "R", mid - off, 0.5, true, VTK_TEXT_RIGHT, 0.0);
      add(p.mirrored ? "R" : "L", mid + off, 0.5, true, VTK_TEXT_LEFT, 0.0);
    }
  }
  setDarkText(impl_->text[0] < 0.5);
  layout();
}

double Annotations::aspect() const { return double(impl_->width) / std::max(1, impl_->height); }

void Annotations::setDarkText(bool dark) {
  const double t = dark ? 0.12 : 0.92, c = dark ? 0.32 : 0.78;
  impl_->text[0] = impl_->text[1] = impl_->text[2] = t;
  impl_->soft[0] = impl_->soft[1] = impl_->soft[2] = c;
  impl_->title->GetTextProperty()->SetColor(impl_->text);
  impl_->caption->GetTextProperty()->SetColor(impl_->soft);
  impl_->barLines->GetTextProperty()->SetColor(impl_->soft);
  impl_->legendHeading->GetTextProperty()->SetColor(impl_->text);
  impl_->legend->GetEntryTextProperty()->SetColor(impl_->text);
  for (int i = 0; i < impl_->legend->GetNumberOfEntries(); ++i) impl_->legend->SetEntryColor(i, impl_->text);
  impl_->bar->GetLabelTextProperty()->SetColor(impl_->text);
  impl_->bar->GetTitleTextProperty()->SetColor(impl_->text);
  for (auto& p : impl_->paneTexts) p.actor->GetTextProperty()->SetColor(impl_->text);
}

void Annotations::setImageSize(int width, int height) {
  impl_->width = std::max(1, width);
  impl_->height = std::max(1, height);
  layout();
}

void Annotations::layout() {
  // Sizes are fractions of the picture's height: a 4K slide and a 1080p one carry the same layout.
  const int h = impl_->height;
  impl_->title->GetTextProperty()->SetFontSize(std::max(12, int(h * 0.034)));
  impl_->caption->GetTextProperty()->SetFontSize(std::max(9, int(h * 0.017)));
  impl_->barLines->GetTextProperty()->SetFontSize(std::max(9, int(h * 0.016)));
  // One size for every pane's heading (the smallest that fits), so side-by-side groups read alike.
  int heading = paneTextSize(h);
  for (const auto& p : impl_->paneTexts)
    if (p.paneWidth > 0) heading = std::min(heading, fittedHeadingSize(p.actor, p.paneWidth * impl_->width, h));
  for (const auto& p : impl_->paneTexts) p.actor->GetTextProperty()->SetFontSize(p.paneWidth > 0 ? heading : paneTextSize(h));
  const double aspect = double(impl_->width) / h;
  // The legend box fits its text to the box, so the box is sized in units of the picture's height.
  const int n = impl_->legend->GetNumberOfEntries();
  const double lh = std::min(0.03 * n, 0.62);
  const double lw = std::min(0.3 / aspect, 0.45);
  impl_->legend->SetPosition(0.985 - lw, 0.88 - lh);
  impl_->legend->SetPosition2(lw, lh);
  impl_->legendHeading->GetTextProperty()->SetFontSize(std::max(9, int(h * 0.019)));
  impl_->legendHeading->GetTextProperty()->SetJustificationToRight();
  impl_->legendHeading->SetPosition(0.985, 0.89);
  // The colour bar sits under the legend (or at its place when there is none).
  const double top = n ? 0.86 - lh : 0.86;
  const double bw = 0.09 / aspect;
  impl_->bar->SetPosition(0.985 - lw, std::max(0.3, top - 0.32));
  impl_->bar->SetPosition2(std::max(bw, 0.06), std::min(0.32, top - 0.12));
  impl_->bar->SetUnconstrainedFontSize(true);
  impl_->bar->GetTitleTextProperty()->SetFontSize(std::max(9, int(h * 0.018)));
  impl_->bar->GetLabelTextProperty()->SetFontSize(std::max(8, int(h * 0.016)));
  impl_->bar->SetMaximumWidthInPixels(int(0.12 * h));
  impl_->bar->SetBarRatio(0.25);
  impl_->barLines->SetPosition(0.985 - lw, std::max(0.28, top - 0.34));
}

}  // namespace la::render

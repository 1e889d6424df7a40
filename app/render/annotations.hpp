#pragma once
// Everything printed on a picture rather than drawn in 3D: title, legend (colour and shape of each
// category), colour bar for counts, pane labels, the figure's R and L, and the caption. One
// overlay renderer over the whole picture, so two panes still get one legend and one caption.
#include <vtkSmartPointer.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "core/palette.hpp"

class vtkRenderer;

namespace la::render {

struct LegendEntry {
  std::string label;
  std::array<double, 3> color{};
  MarkerShape shape = MarkerShape::Sphere;
};

struct ColorBar {
  double max = 0;         // counts run from 0 (never drawn: zero stays skin) to max
  std::string title;      // what is counted, e.g. "cases per site"
  std::vector<std::string> lines;  // region totals and other numbers listed under the bar
};

struct PaneLabel {
  double x0 = 0, x1 = 1;  // the pane's normalized x range
  std::string text;       // shown at the top of the pane (may hold two lines); empty for none
  bool sideLetters = false;  // R and L at the figure's right and left
  bool mirrored = false;     // back view: the figure's right is on the picture's right
  double letterOffset = 0.2; // normalized x from the pane's middle to each letter
};

class Annotations {
 public:
  Annotations();
  ~Annotations();
  vtkRenderer* renderer() const;  // layer 1, transparent, over the panes

  void setTitle(const std::string& text);
  void setCaption(const std::string& text);
  // Empty entries hide it; `heading` says what the colours mean ("colour: subtype").
  void setLegend(const std::vector<LegendEntry>& entries, const std::string& heading = {});
  void setColorBar(const ColorBar& bar);                    // max 0 hides it
  void setPanes(const std::vector<PaneLabel>& panes);
  // Dark text on light backgrounds, light text on dark ones.
  void setDarkText(bool dark);
  // Text sizes follow the picture's height, so 4K text is twice as tall as at 1080p.
  void setImageSize(int width, int height);

 private:
  void layout();
  double aspect() const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace la::render

#pragma once
// Glyph actors for markers: one glyph per marker, coloured and shaped by its palette category
// (sphere, cube, diamond, disc), so categories stay apart in greyscale too.
#include <vtkSmartPointer.h>

#include <array>
#include <vector>

#include "core/marker_layout.hpp"
#include "core/palette.hpp"

class vtkActor;
class vtkPolyData;
class vtkAlgorithmOutput;

namespace la::render {

// A glyph actor scaled by the "Scale" point array and coloured by "Colors", with one source per
// MarkerShape selected by the "Shape" point array. Hidden until it has points.
vtkSmartPointer<vtkActor> makeGlyphActor(double radius);
// Sets the radius of the actor's glyph sources (all shapes look the same size).
void setGlyphRadius(vtkActor* actor, double radius);
// Points for the markers that pass `keep`, coloured by their category (or `fixedColor`).
struct GlyphSelect {
  bool faint = false;               // markers whose side is unstated
  const std::array<double, 3>* fixedColor = nullptr;
  size_t onlyCase = SIZE_MAX;       // only this case's markers, with normals (rings)
  bool all = false;                 // every marker regardless of `faint`
  // Mixes each colour towards this one (the skin) by `paleAmount`: the look of a translucent
  // marker on the skin, drawn opaque, so no translucent pass (order-independent transparency,
  // several full-screen passes on a software renderer) is needed.
  const std::array<double, 3>* paleTowards = nullptr;
  double paleAmount = 0.55;
};
vtkSmartPointer<vtkPolyData> glyphPoints(const std::vector<MarkerSpec>& ms, const Palette* palette, const GlyphSelect& sel);
// Feeds points to a glyph actor and shows it when there are any.
void feedGlyphs(vtkActor* actor, vtkPolyData* points);
// Above this many markers a pane draws impostors (marker_impostors.hpp) instead of 3D glyphs.
inline constexpr size_t kSplatAbove = 5000;

// A small closed surface of one shape, unit radius, for legends.
vtkSmartPointer<vtkPolyData> shapeSurface(MarkerShape shape);

}  // namespace la::render

#pragma once
// Very many markers (more than kSplatAbove in a pane): each drawn as one point sprite, sized in
// the vertex shader to its sphere's projection, whose fragment shader cuts a disc and shades it as
// the front of a sphere, lit by the view's lights like the 3D glyphs. One vertex a marker instead
// of a sphere's few dozen (or a triangle's three, as before), and no geometry shader
// (vtkPointGaussianMapper's sprites use one, which llvmpipe runs on one thread: 100,000 sprites
// took longer than the body itself). The shape cue of the glyphs is dropped; the colour is kept.
// As points, a marker whose centre leaves the pane is not drawn at all, and a sprite is at most
// the renderer's largest point size across (255 pixels on llvmpipe): neither happens with so many
// markers shrunk to a fraction of a glyph.
#include <vtkSmartPointer.h>

#include <cstddef>

class vtkActor;
class vtkPolyData;

namespace la::render {

// How much smaller than a glyph an impostor is drawn among `markers` markers: past a few thousand
// distinct markers the picture is a density map, and markers of the usual size would bury the
// body under a dozen layers (and cost a dozen layers of shading). The area they cover together is
// held near that of 5,000 full-size markers, down to a fifth of the radius.
double impostorRadiusScale(size_t markers);

// A hidden actor for impostors; feedImpostors gives it markers.
vtkSmartPointer<vtkActor> makeImpostorActor();

// `points`: one point per marker with "Colors" (RGB) and "Scale" arrays, as glyphPoints makes
// them; `radius` the radius of a marker of scale 1, in model units. Shows the actor when there
// are markers.
void feedImpostors(vtkActor* actor, vtkPolyData* points, double radius);

}  // namespace la::render

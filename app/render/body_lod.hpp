#pragma once
// A light stand-in for the body while the view moves (issue 9): the same surface clustered to
// about a quarter of its triangles, so a software renderer turns it at mouse speed. It carries
// the per-vertex skin colours of a choropleth (each stand-in vertex takes the colour of the
// nearest body vertex), so the picture keeps its meaning while it turns.
#include <vtkSmartPointer.h>

class vtkPolyData;

namespace la::render {

// `shown` is the body as the pane draws it (with a "SkinColors" point array when it has one).
// Takes tens of milliseconds for the built-in bodies: made once per body and colouring, when the
// view first moves.
vtkSmartPointer<vtkPolyData> makeMovingStandIn(vtkPolyData* shown);

}  // namespace la::render

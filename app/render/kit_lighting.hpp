#pragma once
// The view's lighting in one shader (shaders/kit_lighting.glsl), in place of VTK's own code for
// its five-light kit: the same diffuse light, highlights from the key and head lights only, and a
// fraction of the cost per pixel on a software renderer. Used by the skin and the marker impostors.
#include <string>

class vtkActor;

namespace la::render {

// Replaces VTK's lighting code in the actor's fragment shader; `after` (GLSL) runs after it, e.g.
// the skin's rim light. The actor must be drawn by a SceneView renderer (the kit the shader expects).
void replaceKitLighting(vtkActor* actor, const std::string& after = {});

}  // namespace la::render

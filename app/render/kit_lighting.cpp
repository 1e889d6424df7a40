#include "render/kit_lighting.hpp"

#include <vtkActor.h>
#include <vtkShaderProperty.h>

#include "la_shaders.h"

namespace la::render {

void replaceKitLighting(vtkActor* actor, const std::string& after) {
  // The shader file starts with the VTK tag it takes the place of.
  const std::string lighting = kShader_kit_lighting;
  const size_t eol = lighting.find('\n');
  actor->GetShaderProperty()->AddFragmentShaderReplacement(lighting.substr(0, eol), true,
                                                           lighting.substr(eol + 1) + after, false);
}

}  // namespace la::render

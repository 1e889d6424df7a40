# Writes OUT: one `inline constexpr const char* kShader_<name>` per GLSL file in SHADERS.
set(text "// Generated from shaders/*.glsl by app/render/embed_shaders.cmake. Do not edit.\n#pragma once\n")
foreach(f IN LISTS SHADERS)
  get_filename_component(name "${f}" NAME_WE)
  file(READ "${f}" body)
  string(APPEND text "inline constexpr const char* kShader_${name} = R\"glsl(${body})glsl\";\n")
endforeach()
file(WRITE "${OUT}" "${text}")

# Fails when a layer includes what it must not see:
#   app/core   : no VTK, ImGui, GLFW, Assimp, GL
#   app/render : no ImGui, GLFW
#   app/ui     : no VTK, Assimp
set(rules
  "app/core|vtk|imgui|GLFW|assimp|GL/|glad"
  "app/render|imgui|GLFW"
  "app/ui|vtk|assimp")
set(failures "")
foreach(rule IN LISTS rules)
  string(REPLACE "|" ";" parts "${rule}")
  list(GET parts 0 dir)
  list(REMOVE_AT parts 0)
  file(GLOB_RECURSE files "${SOURCE_DIR}/${dir}/*.hpp" "${SOURCE_DIR}/${dir}/*.h" "${SOURCE_DIR}/${dir}/*.cpp")
  foreach(f IN LISTS files)
    file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS lines)
      foreach(bad IN LISTS parts)
        string(TOLOWER "${line}" lower)
        string(TOLOWER "${bad}" badlower)
        if(lower MATCHES "[<\"/]${badlower}")
          string(APPEND failures "\n  ${f}: '${line}' (${dir} must not include ${bad})")
        endif()
      endforeach()
    endforeach()
  endforeach()
endforeach()
if(failures)
  message(FATAL_ERROR "layering violations:${failures}")
endif()
message(STATUS "layering: OK")

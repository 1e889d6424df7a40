# Builds the Debian package, unpacks it with dpkg-deb -x into a scratch folder (no root, no
# install) and runs the unpacked program: --version must name the unpacked data folder (the
# program finds its data relative to its own location), and a render must produce a picture.
# Inputs: BUILD_DIR, OUT (scratch folder), CPACK (the cpack executable).
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
execute_process(COMMAND ${CPACK} -G DEB -B ${OUT}/pkg WORKING_DIRECTORY ${BUILD_DIR}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cpack failed (${rc}):\n${out}\n${err}")
endif()
file(GLOB debs ${OUT}/pkg/*.deb)
list(LENGTH debs n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected one .deb in ${OUT}/pkg, found: ${debs}")
endif()
execute_process(COMMAND dpkg-deb -I ${debs} OUTPUT_VARIABLE info RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT info MATCHES "Package: lesion-atlas" OR NOT info MATCHES "Depends:[^\n]*libvtk")
  message(FATAL_ERROR "package control data lacks the name or the VTK dependency:\n${info}")
endif()
set(root ${OUT}/root)
execute_process(COMMAND dpkg-deb -x ${debs} ${root} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "dpkg-deb -x failed (${rc})")
endif()
foreach(f usr/bin/lesion-atlas usr/share/applications/lesion-atlas.desktop
          usr/share/icons/hicolor/scalable/apps/lesion-atlas.svg usr/share/lesion-atlas/assets/sites.json
          usr/share/lesion-atlas/assets/bodies/male.glb usr/share/lesion-atlas/scenes/default.json)
  if(NOT EXISTS ${root}/${f})
    message(FATAL_ERROR "the package lacks ${f}")
  endif()
endforeach()
execute_process(COMMAND ${root}/usr/bin/lesion-atlas --version OUTPUT_VARIABLE v RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT v MATCHES "lesion-atlas [0-9]+\\.[0-9]+\\.[0-9]+")
  message(FATAL_ERROR "unpacked --version failed (${rc}): ${v}")
endif()
if(NOT v MATCHES "data: ${root}/usr/bin/\\.\\./share/lesion-atlas/assets")
  message(FATAL_ERROR "the unpacked program does not read the unpacked data:\n${v}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E env DISPLAY= ${root}/usr/bin/lesion-atlas render --size 320x180
                        -o ${OUT}/unpacked.png
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT EXISTS ${OUT}/unpacked.png)
  message(FATAL_ERROR "unpacked render failed (${rc}):\n${out}\n${err}")
endif()
file(SIZE ${OUT}/unpacked.png size)
message(STATUS "unpacked ${debs}: --version and a ${size}-byte render ok")

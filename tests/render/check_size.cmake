# Renders at SIZE to OUT and checks the PNG header's width and height.
execute_process(COMMAND ${EXE} render --size ${SIZE} -o ${OUT} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "render failed (${rc}): ${err}")
endif()
set(FILE ${OUT})
include(${CMAKE_CURRENT_LIST_DIR}/check_png_size.cmake)

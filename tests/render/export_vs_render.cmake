# The window's export (Ctrl+E: through render::compose at the export size) and `render` of the same
# view must give the same picture. Runs both, then compares them with a tight threshold.
execute_process(COMMAND ${EXE} ${ARGS} --export-picture ${OUT}/from_window.png --export-size ${SIZE}
                RESULT_VARIABLE rc1 OUTPUT_VARIABLE o1 ERROR_VARIABLE e1)
if(NOT rc1 EQUAL 0)
  message(FATAL_ERROR "window export failed (${rc1}): ${o1}${e1}")
endif()
execute_process(COMMAND ${EXE} render ${ARGS} --size ${SIZE} -o ${OUT}/from_render.png
                RESULT_VARIABLE rc2 OUTPUT_VARIABLE o2 ERROR_VARIABLE e2)
if(NOT rc2 EQUAL 0)
  message(FATAL_ERROR "render failed (${rc2}): ${o2}${e2}")
endif()
execute_process(COMMAND ${EXE} compare ${OUT}/from_window.png ${OUT}/from_render.png --threshold 0.01
                RESULT_VARIABLE rc3 OUTPUT_VARIABLE o3 ERROR_VARIABLE e3)
if(NOT rc3 EQUAL 0)
  message(FATAL_ERROR "the window's export differs from render: ${o3}${e3}")
endif()
message(STATUS "${o3}")

# Selecting a row flies the camera to the case: the window's picture with the row selected (after
# the flight lands) differs from the same window without it, and the case's card opened.
# Inputs: EXE, DIFF (image_diff), OUT (folder), CASE.
execute_process(COMMAND ${EXE} --screenshot ${OUT}/select_before.png RESULT_VARIABLE rc1 ERROR_VARIABLE e1)
execute_process(COMMAND ${EXE} --select ${CASE} --screenshot ${OUT}/select_after.png RESULT_VARIABLE rc2
                ERROR_VARIABLE e2)
if(NOT rc1 EQUAL 0 OR NOT rc2 EQUAL 0)
  message(FATAL_ERROR "window runs failed: ${rc1} ${rc2}\n${e1}\n${e2}")
endif()
if(e2 MATCHES "error: --select")
  message(FATAL_ERROR "${e2}")
endif()
execute_process(COMMAND ${DIFF} ${OUT}/select_before.png ${OUT}/select_after.png RESULT_VARIABLE rc OUTPUT_VARIABLE d)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "selecting ${CASE} did not change the picture: ${d}")
endif()
message(STATUS "selecting ${CASE}: ${d}")

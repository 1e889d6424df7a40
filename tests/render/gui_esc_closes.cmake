# Esc closes the front-most window: opening the site tree and then the help (F1, in front) and
# pressing Esc gives the same picture as opening the site tree alone (with two no-op keys, so
# both runs draw as many frames); without the Esc the help stays and the picture differs.
# Inputs: EXE, DIFF (image_diff), OUT (folder).
foreach(run "Ctrl+T,F2,F2;esc_baseline" "Ctrl+T,F1,Escape;esc_closed" "Ctrl+T,F1,F2;esc_open")
  list(GET run 0 keys)
  list(GET run 1 name)
  execute_process(COMMAND ${EXE} --case CC000 --keys ${keys} --screenshot ${OUT}/${name}.png
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "--keys ${keys} failed (${rc}): ${err}")
  endif()
endforeach()
execute_process(COMMAND ${DIFF} ${OUT}/esc_baseline.png ${OUT}/esc_closed.png RESULT_VARIABLE same OUTPUT_VARIABLE d1)
execute_process(COMMAND ${DIFF} ${OUT}/esc_baseline.png ${OUT}/esc_open.png RESULT_VARIABLE differs OUTPUT_VARIABLE d2)
if(NOT same EQUAL 1)
  message(FATAL_ERROR "Esc did not close the help window (or closed another): ${d1}")
endif()
if(NOT differs EQUAL 0)
  message(FATAL_ERROR "the help window never showed, so the test proves nothing: ${d2}")
endif()
message(STATUS "Esc closed the front-most window: ${d1}; without Esc: ${d2}")

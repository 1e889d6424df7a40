# Teaching cards from the case card: with case CC010 open (idiopathic, scrotal calcinosis in the
# table), C opens its subtype card, C again its variant card. Each card reports the title it drew
# and its count of cases in the view, which must equal `stats` for that subtype or variant (the
# counts are made when the card is shown, never stored). Then Esc closes the teaching card and
# leaves the case card: the picture equals the one where the card was never opened.
# Inputs: EXE, DIFF (image_diff), OUT (folder).
function(count_of args out_var)
  execute_process(COMMAND ${EXE} stats ${args} --format json RESULT_VARIABLE rc OUTPUT_VARIABLE json)
  if(NOT rc EQUAL 0 OR NOT json MATCHES "\"cases\": ([0-9]+)")
    message(FATAL_ERROR "stats ${args} failed (${rc}): ${json}")
  endif()
  set(${out_var} ${CMAKE_MATCH_1} PARENT_SCOPE)
endfunction()
count_of("--subtype;idiopathic" idiopathic)
count_of("--variant;scrotal" scrotal)

execute_process(COMMAND ${EXE} --case CC010 --keys C,C --verbose --screenshot ${OUT}/card_variant.png
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "--keys C,C failed (${rc}): ${err}")
endif()
set(want "teaching card shown: subtype-idiopathic: Idiopathic calcinosis cutis \\(${idiopathic} cases of this kind in the current view\\)\n")
string(APPEND want "teaching card shown: variant-scrotal: Scrotal calcinosis \\(${scrotal} cases of this kind in the current view\\)")
if(NOT out MATCHES "${want}")
  message(FATAL_ERROR "expected the subtype card then the variant card:\n${want}\ngot:\n${out}")
endif()

foreach(run "F2,F2;card_baseline" "C,Escape;card_closed")
  list(GET run 0 keys)
  list(GET run 1 name)
  execute_process(COMMAND ${EXE} --case CC010 --keys ${keys} --screenshot ${OUT}/${name}.png
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "--keys ${keys} failed (${rc}): ${err}")
  endif()
endforeach()
execute_process(COMMAND ${DIFF} ${OUT}/card_baseline.png ${OUT}/card_closed.png RESULT_VARIABLE same OUTPUT_VARIABLE d1)
execute_process(COMMAND ${DIFF} ${OUT}/card_baseline.png ${OUT}/card_variant.png RESULT_VARIABLE differs OUTPUT_VARIABLE d2)
if(NOT same EQUAL 1)
  message(FATAL_ERROR "Esc did not close the teaching card (or closed the case card too): ${d1}")
endif()
if(NOT differs EQUAL 0)
  message(FATAL_ERROR "the teaching card never showed in the picture: ${d2}")
endif()
message(STATUS "cards: idiopathic ${idiopathic} cases, scrotal ${scrotal} cases; Esc closed the card: ${d1}; with the card: ${d2}")

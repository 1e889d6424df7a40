# Presentation mode's card key: C shows the slide's teaching card over it, again the next card,
# then hides it; a slide without a single subtype, variant or ringed case says it has none. The
# overlay is really drawn (the picture differs from the slide alone), and Esc first hides the card
# (the picture equals the slide alone) rather than leaving the presentation.
# Inputs: EXE, DIFF (image_diff), OUT (folder), PLAYLIST.
set(keys "c,right,right,right,right,c,right,right,right,c,c,end,c")
execute_process(COMMAND ${EXE} present ${PLAYLIST} --windowed --keys ${keys} --screenshot ${OUT}/present_card.png
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "present --keys ${keys} failed (${rc}): ${err}")
endif()
# The shipped playlist: slide 1 all cases; 5 subepidermal calcified nodules of the head and neck;
# 8 idiopathic vs dystrophic; 11 calciphylaxis.
set(lines
  "slide 1/11:" "card: none for slide 1" "slide 2/11:" "slide 3/11:" "slide 4/11:" "slide 5/11:"
  "card 1/1: variant-subepidermal-calcified-nodule: Subepidermal calcified nodule" "slide 6/11:" "slide 7/11:"
  "slide 8/11:" "card 1/2: subtype-idiopathic: Idiopathic calcinosis cutis"
  "card 2/2: subtype-dystrophic: Dystrophic calcinosis cutis" "slide 11/11:" "card 1/1: subtype-calciphylaxis: Calciphylaxis")
set(want "")
foreach(l IN LISTS lines)
  string(APPEND want "${l}[^\n]*\n")
endforeach()
if(NOT out MATCHES "${want}")
  message(FATAL_ERROR "card key: expected lines\n${lines}\ngot:\n${out}")
endif()

foreach(run "end;present_nocard" "end,c,esc;present_card_hidden")
  list(GET run 0 k)
  list(GET run 1 name)
  execute_process(COMMAND ${EXE} present ${PLAYLIST} --windowed --keys ${k} --screenshot ${OUT}/${name}.png
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT EXISTS ${OUT}/${name}.png)
    message(FATAL_ERROR "present --keys ${k} failed or saved nothing (${rc}): ${err}")
  endif()
endforeach()
execute_process(COMMAND ${DIFF} ${OUT}/present_nocard.png ${OUT}/present_card.png RESULT_VARIABLE differs OUTPUT_VARIABLE d1)
execute_process(COMMAND ${DIFF} ${OUT}/present_nocard.png ${OUT}/present_card_hidden.png RESULT_VARIABLE same OUTPUT_VARIABLE d2)
if(NOT differs EQUAL 0)
  message(FATAL_ERROR "the card overlay never showed in the picture: ${d1}")
endif()
if(NOT same EQUAL 1)
  message(FATAL_ERROR "Esc did not hide the card: ${d2}")
endif()
message(STATUS "card overlay drawn: ${d1}; hidden by Esc: ${d2}")

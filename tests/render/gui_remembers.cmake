# The window remembers the last view in the XDG config folder: a first run with the back view
# writes config.json (atomically, valid JSON naming the view); a second run with no view on the
# command line reopens it. Inputs: EXE, OUT (a scratch XDG_CONFIG_HOME).
file(REMOVE_RECURSE ${OUT})
execute_process(COMMAND ${CMAKE_COMMAND} -E env XDG_CONFIG_HOME=${OUT} ${EXE} --with-config --view back
                        --screenshot ${OUT}/first.png RESULT_VARIABLE rc ERROR_VARIABLE err)
set(cfg ${OUT}/lesion-atlas/config.json)
if(NOT rc EQUAL 0 OR NOT EXISTS ${cfg})
  message(FATAL_ERROR "first run (${rc}) wrote no ${cfg}\n${err}")
endif()
file(READ ${cfg} text)
string(JSON preset GET "${text}" scene camera preset)
string(JSON width GET "${text}" window width)
if(NOT preset STREQUAL "back" OR width LESS 200)
  message(FATAL_ERROR "config.json does not hold the view and size: ${text}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E env XDG_CONFIG_HOME=${OUT} ${EXE} --with-config
                        --screenshot ${OUT}/second.png RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT err MATCHES "reopened the last view")
  message(FATAL_ERROR "second run (${rc}) did not reopen the last view:\n${err}")
endif()
message(STATUS "config remembered: preset ${preset}, width ${width}")

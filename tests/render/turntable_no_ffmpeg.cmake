# Without ffmpeg on PATH: MP4 and GIF fail with a message that says how to install it (exit 1,
# before anything is drawn), and numbered PNG frames are still written. PATH holds only Xvfb.
file(REMOVE_RECURSE ${OUT_DIR})
file(MAKE_DIRECTORY ${OUT_DIR}/bin)
file(CREATE_LINK ${XVFB} ${OUT_DIR}/bin/Xvfb SYMBOLIC)
foreach(ext mp4 gif)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env PATH=${OUT_DIR}/bin DISPLAY=
                  ${EXE} turntable -o ${OUT_DIR}/t.${ext} --frames 4 --size 160x120
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 1 OR NOT err MATCHES "ffmpeg is not installed.*apt-get install ffmpeg")
    message(FATAL_ERROR "${ext} without ffmpeg: exit ${rc}, expected 1 with how to install it: ${err}")
  endif()
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -E env PATH=${OUT_DIR}/bin DISPLAY=
                ${EXE} turntable -o ${OUT_DIR}/frames/ --frames 4 --size 160x120
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(GLOB frames ${OUT_DIR}/frames/frame_*.png)
list(LENGTH frames n)
if(NOT rc EQUAL 0 OR NOT n EQUAL 4)
  message(FATAL_ERROR "PNG frames without ffmpeg: exit ${rc}, ${n} frames: ${err}")
endif()
message(STATUS "without ffmpeg: MP4/GIF refused with install advice; 4 PNG frames written")

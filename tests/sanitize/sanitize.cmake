# LA_SANITIZE=ON: every target (project code only; Debian's VTK/Mesa/X11 are not rebuilt) is
# compiled and linked with AddressSanitizer + UndefinedBehaviorSanitizer.
# Included from the top-level CMakeLists.txt before any target is defined.
#
# The sanitizer options are compiled into every executable (sanitizer_defaults.cpp), so a plain
# `ctest` in the build folder, and every `lesion-atlas` a test script starts, run with the same
# settings: UB aborts (halt_on_error), and leaks inside Mesa/X11/llvmpipe are suppressed by
# tests/sanitize/lsan.supp. ASAN_OPTIONS/UBSAN_OPTIONS/LSAN_OPTIONS from the environment still
# override them.
add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer)
add_link_options(-fsanitize=address,undefined)

add_library(la_sanitizer_defaults OBJECT ${CMAKE_CURRENT_LIST_DIR}/sanitizer_defaults.cpp)
target_compile_definitions(la_sanitizer_defaults PRIVATE
  LA_LSAN_SUPPRESSIONS="${CMAKE_CURRENT_LIST_DIR}/lsan.supp")
# Mesa's software driver, used under Xvfb (tests and CI): kept loaded, see sanitizer_defaults.cpp.
set(LA_DRI_DRIVER /usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/dri/swrast_dri.so)
if(EXISTS ${LA_DRI_DRIVER})
  target_compile_definitions(la_sanitizer_defaults PRIVATE LA_DRI_DRIVER="${LA_DRI_DRIVER}")
endif()
target_link_libraries(la_sanitizer_defaults INTERFACE ${CMAKE_DL_LIBS})
# Every target defined after this line links the object; only executables and shared libraries
# use it (static archives carry a copy the linker never needs).
link_libraries(la_sanitizer_defaults)
message(STATUS "lesion-atlas: LA_SANITIZE=ON (address, undefined; suppressions ${CMAKE_CURRENT_LIST_DIR}/lsan.supp)")

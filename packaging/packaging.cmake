# Desktop integration and the Debian package. `cmake --install` puts a menu entry and an icon
# under <prefix>/share; `cpack -G DEB` (in the build folder) builds a package that installs under
# /usr. The program finds its data relative to its own location (<prefix>/bin/../share/
# lesion-atlas), so the same tree works installed, packaged, or unpacked anywhere.
install(FILES ${CMAKE_CURRENT_LIST_DIR}/lesion-atlas.desktop DESTINATION share/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/lesion-atlas.svg DESTINATION share/icons/hicolor/scalable/apps)

set(CPACK_PACKAGE_NAME lesion-atlas)
set(CPACK_PACKAGE_VENDOR "lesion-atlas project")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "3D atlas of where published lesions (calcinosis cutis) occur on the body")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "lesion-atlas maintainers <lesion-atlas@invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
# Library dependencies are read from the binary by dpkg-shlibdeps; the UI font and the X server
# that `render` starts without a display are run-time needs it cannot see.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, xvfb")
# Debian's VTK links MPI from a private folder; dpkg-shlibdeps must be told where it is.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS /usr/lib/x86_64-linux-gnu/openmpi/lib)
set(CPACK_GENERATOR DEB)
include(CPack)

# Install the library, its headers and a CMake package so that find_package(basural) works downstream.
include(CMakePackageConfigHelpers)
install(TARGETS basural_core EXPORT basuralTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/lib/include/basural DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT basuralTargets NAMESPACE basural:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/basural)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/basuralConfig.cmake.in
  ${PROJECT_BINARY_DIR}/basuralConfig.cmake INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/basural)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/basuralConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/basuralConfig.cmake ${PROJECT_BINARY_DIR}/basuralConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/basural)

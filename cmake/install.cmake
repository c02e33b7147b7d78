# `cmake --install` puts the product library where a CMake project finds it:
#   find_package(sekisho REQUIRED)
#   target_link_libraries(app PRIVATE sekisho::sekisho)
# It installs the public headers of the library's parts (include/sekisho/), one static library per
# part (sekisho::<part>), their export set and sekishoConfig.cmake, which finds the third-party
# libraries the parts link (cmake/sekisho_dependencies.cmake). The edges (CLI, server) and the
# tools stay in the build tree. tests/install/ builds a user of the installed library.
include(CMakePackageConfigHelpers)

set(SEKISHO_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/sekisho)
get_property(SEKISHO_LIBRARY_HEADERS GLOBAL PROPERTY SEKISHO_LIBRARY_HEADERS)
install(FILES ${SEKISHO_LIBRARY_HEADERS} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/sekisho)
install(TARGETS sekisho_library ${SEKISHO_LIBRARY_PARTS} EXPORT sekishoTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(EXPORT sekishoTargets NAMESPACE sekisho:: DESTINATION ${SEKISHO_CMAKE_DIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/sekishoConfig.cmake.in
  ${PROJECT_BINARY_DIR}/sekishoConfig.cmake INSTALL_DESTINATION ${SEKISHO_CMAKE_DIR})
# 0.x: a minor version may change the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/sekishoConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/sekishoConfig.cmake ${PROJECT_BINARY_DIR}/sekishoConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/sekisho_dependencies.cmake ${PROJECT_SOURCE_DIR}/cmake/FindMeCab.cmake
        DESTINATION ${SEKISHO_CMAKE_DIR})

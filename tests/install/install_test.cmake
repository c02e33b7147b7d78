# Install.AUserFindsSekishoAndLinks: installs the build into a fresh prefix, then configures,
# builds and runs tests/install/ (a one-file user of the library) against that prefix alone.
#   cmake -DBUILD_DIR=<build> -DSOURCE_DIR=<tests/install> -DWORK_DIR=<scratch>
#         -DGENERATOR=<generator> -DCXX=<compiler> [-DLINK_FLAGS=<flags>] -P install_test.cmake
# Fails unless the user prints what main.cpp should.
set(expected "country RU\nscript cyrillic\nvariant romashka\nstatus not found: no such list exit 66\n")
file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(output "${out}" PARENT_SCOPE)
endfunction()

run("cmake --install" ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")
# Only the public headers are installed, never the internal ones of src/.
file(GLOB installed_headers RELATIVE "${prefix}/include" "${prefix}/include/*" "${prefix}/include/*/*")
foreach(header IN LISTS installed_headers)
  if(NOT header MATCHES "^sekisho(/[a-z_]+\\.hpp)?$")
    message(FATAL_ERROR "cmake --install put ${header} in include/: only include/sekisho/*.hpp belong there")
  endif()
endforeach()
run("configuring the user" ${CMAKE_COMMAND} -S "${SOURCE_DIR}" -B "${WORK_DIR}/build" -G "${GENERATOR}"
    -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=Release "-DCMAKE_PREFIX_PATH=${prefix}"
    "-DCMAKE_EXE_LINKER_FLAGS=${LINK_FLAGS}")
run("building the user" ${CMAKE_COMMAND} --build "${WORK_DIR}/build")
run("running the user" "${WORK_DIR}/build/sekisho_user")
if(NOT output STREQUAL expected)
  message(FATAL_ERROR "the user printed\n${output}\ninstead of\n${expected}")
endif()
message("${output}")
# The prefix and the user are scratch: removed once they have passed.
file(REMOVE_RECURSE "${WORK_DIR}")

# Warnings and sanitizers live on an interface target, never as global flags.
#
# SEKISHO_SANITIZE selects the sanitizers every sekisho object is built with:
#   OFF      none
#   address  AddressSanitizer + UndefinedBehaviorSanitizer (ON means the same); any UB report
#            aborts the test that caused it (-fno-sanitize-recover), so ctest cannot pass over it
#   thread   ThreadSanitizer (the server and the screener's threads; see docs/testing.md)
# SEKISHO_FUZZ (clang only) adds libFuzzer's coverage instrumentation to the same objects and
# builds the fuzz/ targets; the test suite links the same objects, so one sanitized build serves both.
add_library(sekisho_developer_options INTERFACE)
target_compile_options(sekisho_developer_options INTERFACE -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers)

string(TOLOWER "${SEKISHO_SANITIZE}" sekisho_sanitize)
if(sekisho_sanitize STREQUAL "on" OR sekisho_sanitize STREQUAL "address")
  set(sekisho_sanitizers address,undefined)
  target_compile_options(sekisho_developer_options INTERFACE -fno-sanitize-recover=undefined)
elseif(sekisho_sanitize STREQUAL "thread")
  set(sekisho_sanitizers thread)
elseif(NOT sekisho_sanitize STREQUAL "off" AND NOT sekisho_sanitize STREQUAL "")
  message(FATAL_ERROR "SEKISHO_SANITIZE must be OFF, address or thread (got '${SEKISHO_SANITIZE}')")
endif()
if(SEKISHO_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "SEKISHO_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  if(NOT sekisho_sanitizers STREQUAL "address,undefined")
    message(FATAL_ERROR "SEKISHO_FUZZ needs -DSEKISHO_SANITIZE=address: a fuzzer without ASan misses most bugs")
  endif()
  # fuzzer-no-link: coverage for libFuzzer without its main(), so the test binaries still link.
  target_compile_options(sekisho_developer_options INTERFACE -fsanitize=fuzzer-no-link)
endif()
if(sekisho_sanitizers)
  target_compile_options(sekisho_developer_options INTERFACE -fsanitize=${sekisho_sanitizers} -fno-omit-frame-pointer)
  target_link_options(sekisho_developer_options INTERFACE -fsanitize=${sekisho_sanitizers})
endif()

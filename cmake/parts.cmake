# The parts of sekisho, lowest first, and what each may use: the one place that declares them.
# The build links each part only to the parts declared here, and scripts/check-includes reads
# this file to fail any #include of a part not declared (and any declared part not included);
# DESIGN.md's table of parts shows the same order and dependencies, checked by the same script.
#
#   sekisho_part(<name>            a folder src/<name>/: its *.cpp make the static library sekisho_<name>
#     [EDGE]                       an edge (CLI, server): not in sekisho::sekisho, not installed
#     [HEADERS <h>...]             its public headers, include/sekisho/<h>
#     [PUBLIC_PARTS <part>...]     parts its headers include (a user of the part includes them too)
#     [PRIVATE_PARTS <part>...]    parts only its sources include
#     [PUBLIC_LIBS <target>...]    third-party libraries its headers include
#     [PRIVATE_LIBS <target>...]   third-party libraries only its sources use
#     [SOURCES <file>...]          generated sources
#     [EXCLUDE <regex>])           src/<name>/ files that are not the library's
#
# A part's headers are its public ones and those in src/<name>/ that other parts include. Being
# static, a part passes its PRIVATE dependencies on for linking only. A header-only library
# (SEKISHO_HEADER_ONLY_LIBS) is linked in the build tree only: no installed header includes one.
include_guard(GLOBAL)
include(GNUInstallDirs)

function(sekisho_part name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "EDGE" ""
                        "HEADERS;PUBLIC_PARTS;PRIVATE_PARTS;PUBLIC_LIBS;PRIVATE_LIBS;SOURCES;EXCLUDE")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "sekisho_part(${name}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  set(target sekisho_${name})
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.cpp)
  foreach(regex IN LISTS arg_EXCLUDE)
    list(FILTER sources EXCLUDE REGEX "${regex}")
  endforeach()
  add_library(${target} STATIC ${sources} ${arg_SOURCES})
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${name})
  target_compile_features(${target} PUBLIC cxx_std_20)
  # Internal headers are addressed from src/ ("text/normalize.hpp") in the build tree only.
  target_include_directories(${target} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include> $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  foreach(scope IN ITEMS PUBLIC PRIVATE)
    foreach(part IN LISTS arg_${scope}_PARTS)
      if(NOT TARGET sekisho_${part})
        message(FATAL_ERROR "sekisho_part(${name}): ${part} is not a part declared before it")
      endif()
      target_link_libraries(${target} ${scope} sekisho_${part})
    endforeach()
    foreach(lib IN LISTS arg_${scope}_LIBS)
      if(lib IN_LIST SEKISHO_HEADER_ONLY_LIBS)
        target_link_libraries(${target} ${scope} $<BUILD_INTERFACE:${lib}>)
      else()
        target_link_libraries(${target} ${scope} ${lib})
      endif()
    endforeach()
  endforeach()
  target_link_libraries(${target} PRIVATE $<BUILD_INTERFACE:sekisho_developer_options>)
  if(NOT arg_EDGE)
    set_property(GLOBAL APPEND PROPERTY SEKISHO_LIBRARY_PARTS ${target})
    list(TRANSFORM arg_HEADERS PREPEND ${PROJECT_SOURCE_DIR}/include/sekisho/)
    set_property(GLOBAL APPEND PROPERTY SEKISHO_LIBRARY_HEADERS ${arg_HEADERS})
  endif()
endfunction()

sekisho_part(core
  HEADERS status.hpp
  PRIVATE_LIBS PkgConfig::SODIUM)
sekisho_part(distance)
sekisho_part(phonetic)
sekisho_part(io
  HEADERS source_file.hpp script.hpp
  PUBLIC_PARTS core
  PUBLIC_LIBS pugixml::pugixml PkgConfig::ICU
  PRIVATE_LIBS PkgConfig::LIBZIP)
sekisho_part(sqlite
  PUBLIC_PARTS core
  PUBLIC_LIBS PkgConfig::SQLITE3)
sekisho_part(model
  HEADERS entity.hpp
  PUBLIC_PARTS core
  PRIVATE_PARTS io
  PRIVATE_LIBS nlohmann_json::nlohmann_json)
sekisho_part(text
  HEADERS text.hpp
  PUBLIC_PARTS core io
  PRIVATE_PARTS distance
  PUBLIC_LIBS PkgConfig::ICU
  PRIVATE_LIBS MeCab::MeCab yaml-cpp nlohmann_json::nlohmann_json Threads::Threads
  SOURCES ${SEKISHO_TEXT_TABLES_CPP})
sekisho_part(index
  PRIVATE_PARTS distance phonetic)
sekisho_part(match
  HEADERS match.hpp
  PUBLIC_PARTS phonetic model
  PRIVATE_PARTS core distance text)
sekisho_part(lists
  HEADERS lists.hpp
  PUBLIC_PARTS core io model
  PRIVATE_PARTS text
  PRIVATE_LIBS pugixml::pugixml fmt::fmt yaml-cpp nlohmann_json::nlohmann_json)
sekisho_part(store
  HEADERS store.hpp
  PUBLIC_PARTS core model lists
  PRIVATE_PARTS sqlite
  PRIVATE_LIBS PkgConfig::SQLITE3 nlohmann_json::nlohmann_json)
# The case store's PostgreSQL backend: an object library folded into the store part, so libpq's
# include directory reaches its one file, and the store's other objects keep their flags (and
# their compiler-cache entries).
add_library(sekisho_store_postgres OBJECT ${PROJECT_SOURCE_DIR}/src/store/postgres/pg_connection.cpp)
target_link_libraries(sekisho_store_postgres PRIVATE sekisho_core PkgConfig::LIBPQXX sekisho_developer_options)
target_sources(sekisho_store PRIVATE $<TARGET_OBJECTS:sekisho_store_postgres>)
target_link_libraries(sekisho_store PRIVATE $<LINK_ONLY:PkgConfig::LIBPQXX>)
sekisho_part(screen
  HEADERS screen.hpp
  PUBLIC_PARTS core model match store
  PRIVATE_PARTS io text index lists)
sekisho_part(rules
  HEADERS rules.hpp
  PUBLIC_PARTS core model
  PRIVATE_PARTS store screen
  PRIVATE_LIBS fmt::fmt yaml-cpp nlohmann_json::nlohmann_json)
sekisho_part(keys
  HEADERS keys.hpp
  PUBLIC_PARTS core
  PRIVATE_PARTS sqlite
  PRIVATE_LIBS PkgConfig::SODIUM PkgConfig::SQLITE3)
sekisho_part(cases
  HEADERS cases.hpp
  PUBLIC_PARTS core store keys
  PRIVATE_PARTS io screen rules
  PUBLIC_LIBS nlohmann_json::nlohmann_json
  PRIVATE_LIBS fmt::fmt Threads::Threads)
sekisho_part(update
  HEADERS update.hpp
  PUBLIC_PARTS core store
  PRIVATE_LIBS PkgConfig::CURL fmt::fmt nlohmann_json::nlohmann_json Threads::Threads)
sekisho_part(wire
  PUBLIC_PARTS model store screen update
  PRIVATE_PARTS core text match rules
  PUBLIC_LIBS nlohmann_json::nlohmann_json)
sekisho_part(server EDGE
  HEADERS server.hpp
  PUBLIC_PARTS core model store screen
  PRIVATE_PARTS lists rules keys cases update wire
  PRIVATE_LIBS OpenSSL::SSL OpenSSL::Crypto ZLIB::ZLIB PkgConfig::SODIUM fmt::fmt nlohmann_json::nlohmann_json
               Threads::Threads)
sekisho_part(cli EDGE
  PUBLIC_PARTS core
  PRIVATE_PARTS io text lists store screen rules keys cases update wire server
  PUBLIC_LIBS CLI11::CLI11
  PRIVATE_LIBS PkgConfig::XLSXWRITER PkgConfig::ICU fmt::fmt nlohmann_json::nlohmann_json Threads::Threads
  EXCLUDE "/main\\.cpp$")

# Finds MeCab (Japanese morphological analysis), which ships mecab-config rather than a
# pkg-config file or a CMake package. Defines the imported target MeCab::MeCab.
# Installed beside sekishoConfig.cmake, so an installed sekisho finds MeCab the same way.
find_program(MECAB_CONFIG mecab-config)
if(MECAB_CONFIG)
  execute_process(COMMAND ${MECAB_CONFIG} --libs-only-L OUTPUT_VARIABLE mecab_libdir OUTPUT_STRIP_TRAILING_WHITESPACE)
  execute_process(COMMAND ${MECAB_CONFIG} --inc-dir OUTPUT_VARIABLE mecab_incdir OUTPUT_STRIP_TRAILING_WHITESPACE)
  string(REGEX REPLACE "^-L" "" mecab_libdir "${mecab_libdir}")
endif()
find_path(MeCab_INCLUDE_DIR mecab.h HINTS ${mecab_incdir})
find_library(MeCab_LIBRARY mecab HINTS ${mecab_libdir})

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(MeCab REQUIRED_VARS MeCab_LIBRARY MeCab_INCLUDE_DIR)
if(MeCab_FOUND AND NOT TARGET MeCab::MeCab)
  add_library(MeCab::MeCab UNKNOWN IMPORTED)
  set_target_properties(MeCab::MeCab PROPERTIES
    IMPORTED_LOCATION "${MeCab_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${MeCab_INCLUDE_DIR}")
endif()

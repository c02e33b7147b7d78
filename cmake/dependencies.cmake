# Every third-party library comes from Debian's packages (scripts/setup installs them).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(pugixml REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_package(yaml-cpp REQUIRED)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(CURL REQUIRED IMPORTED_TARGET libcurl)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# The HTTP server: Boost.Beast and Asio, OpenSSL for TLS, zlib for gzip answers. Boost is
# header-only here and in /usr/include; Boost::headers is not linked, as its BOOST_ALL_NO_LIB
# definition would change every file's compile line for nothing.
find_package(Boost 1.74 REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(ZLIB REQUIRED)
# cpp-httplib: the tests' HTTP client and loopback publisher.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)  # screen --format xlsx
# The case store's PostgreSQL backend (src/store/postgres); kept off sekisho_deps so
# only that library's files see libpq's include directory.
pkg_check_modules(LIBPQXX REQUIRED IMPORTED_TARGET libpqxx)

# MeCab ships mecab-config rather than a pkg-config file.
find_program(MECAB_CONFIG mecab-config REQUIRED)
execute_process(COMMAND ${MECAB_CONFIG} --libs-only-L OUTPUT_VARIABLE MECAB_LIBDIR OUTPUT_STRIP_TRAILING_WHITESPACE)
execute_process(COMMAND ${MECAB_CONFIG} --inc-dir OUTPUT_VARIABLE MECAB_INCDIR OUTPUT_STRIP_TRAILING_WHITESPACE)
find_library(MECAB_LIBRARY mecab HINTS ${MECAB_LIBDIR} REQUIRED)
add_library(sekisho_mecab INTERFACE)
target_include_directories(sekisho_mecab INTERFACE ${MECAB_INCDIR})
target_link_libraries(sekisho_mecab INTERFACE ${MECAB_LIBRARY})

add_library(sekisho_deps INTERFACE)
target_link_libraries(sekisho_deps INTERFACE
  pugixml::pugixml nlohmann_json::nlohmann_json CLI11::CLI11 fmt::fmt yaml-cpp
  PkgConfig::ICU PkgConfig::LIBZIP PkgConfig::SQLITE3 PkgConfig::CURL PkgConfig::SODIUM
  OpenSSL::SSL OpenSSL::Crypto ZLIB::ZLIB sekisho_mecab Threads::Threads)

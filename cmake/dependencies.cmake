# Every third-party library of the build: the product library's (cmake/sekisho_dependencies.cmake,
# which an installed sekishoConfig.cmake reads too), then those only the edges, tools and tests use.
# All come from Debian's packages (scripts/setup installs them).
include(${CMAKE_CURRENT_LIST_DIR}/sekisho_dependencies.cmake)

# Header-only libraries. A part that uses one links it in the build tree only
# ($<BUILD_INTERFACE:…>, cmake/parts.cmake): no installed public header includes one, so a user
# of the installed library needs none of them.
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
set(SEKISHO_HEADER_ONLY_LIBS nlohmann_json::nlohmann_json CLI11::CLI11)

# The HTTP server: Boost.Beast and Asio, OpenSSL for TLS, zlib for gzip answers. Boost is
# header-only here and in /usr/include; Boost::headers is not linked, as its BOOST_ALL_NO_LIB
# definition would change every file's compile line for nothing.
find_package(Boost 1.74 REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(ZLIB REQUIRED)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)  # screen --format xlsx
# cpp-httplib: the tests' HTTP client and loopback publisher.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

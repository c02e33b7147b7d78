# The third-party libraries the product library (sekisho::sekisho) links. Read twice: by the
# build (cmake/dependencies.cmake), where a missing library stops the configure step, and by an
# installed sekishoConfig.cmake, where it makes find_package(sekisho) report sekisho not found.
# Every library comes from Debian's packages (scripts/setup installs them).
include(CMakeFindDependencyMacro)
list(APPEND CMAKE_MODULE_PATH ${CMAKE_CURRENT_LIST_DIR})  # FindMeCab.cmake

# find_package inside a package's config file (find_dependency), REQUIRED in the build.
macro(sekisho_find_package)
  if(CMAKE_FIND_PACKAGE_NAME)
    find_dependency(${ARGV})
  else()
    find_package(${ARGV} REQUIRED)
  endif()
endmacro()

# pkg_check_modules(<prefix> IMPORTED_TARGET <modules>): defines PkgConfig::<prefix>.
macro(sekisho_find_pkg_config prefix)
  if(NOT TARGET PkgConfig::${prefix})
    if(CMAKE_FIND_PACKAGE_NAME)
      pkg_check_modules(${prefix} QUIET IMPORTED_TARGET ${ARGN})
      if(NOT ${prefix}_FOUND)
        set(${CMAKE_FIND_PACKAGE_NAME}_NOT_FOUND_MESSAGE "${CMAKE_FIND_PACKAGE_NAME} needs ${ARGN} (pkg-config)")
        set(${CMAKE_FIND_PACKAGE_NAME}_FOUND False)
        return()
      endif()
    else()
      pkg_check_modules(${prefix} REQUIRED IMPORTED_TARGET ${ARGN})
    endif()
  endif()
endmacro()

sekisho_find_package(PkgConfig)
sekisho_find_package(Threads)
sekisho_find_package(pugixml)
sekisho_find_package(fmt)
sekisho_find_package(yaml-cpp)
sekisho_find_package(MeCab)  # cmake/FindMeCab.cmake
sekisho_find_pkg_config(ICU icu-uc icu-i18n)
sekisho_find_pkg_config(LIBZIP libzip)
sekisho_find_pkg_config(SQLITE3 sqlite3)
sekisho_find_pkg_config(CURL libcurl)
sekisho_find_pkg_config(SODIUM libsodium)
# The case store's PostgreSQL backend (src/store/postgres): only that file sees libpq's
# include directory (cmake/parts.cmake, the store part).
sekisho_find_pkg_config(LIBPQXX libpqxx)

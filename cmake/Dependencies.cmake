# Every dependency comes from a Debian package; nothing is downloaded.
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2>=1.5)
find_package(OpenSSL 3.0 REQUIRED COMPONENTS Crypto)
# zlib (zlib1g-dev): stet writes packs (store/git_pack_writer.cpp) and the audit
# inflates loose objects itself (store/git_audit_objects.cpp).
find_package(ZLIB REQUIRED)
# Spelling dictionaries tell a cut last word from a real one (src/analysis/spelling).
pkg_check_modules(HUNSPELL REQUIRED IMPORTED_TARGET hunspell)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
find_package(SQLite3 3.34 REQUIRED)
# gumbo (libgumbo-dev): the HTML5 parser of src/capture (see docs/dependencies.md).
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo>=0.10)
find_package(CLI11 CONFIG REQUIRED)
find_package(nlohmann_json 3.10 CONFIG REQUIRED)
if(BUILD_TESTING OR NOT DEFINED BUILD_TESTING)
  find_package(doctest CONFIG REQUIRED)
endif()

# dtl is header-only and ships no CMake config: wrap it so its headers are
# SYSTEM headers and our strict warnings do not fire inside them.
find_path(DTL_INCLUDE_DIR dtl/dtl.hpp REQUIRED)
add_library(dtl::dtl INTERFACE IMPORTED)
set_target_properties(dtl::dtl PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${DTL_INCLUDE_DIR})

# Every dependency comes from a Debian package; nothing is downloaded.
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2>=1.5)
if(STET_STATIC_DEPS)
  # Start-up time is mostly the dynamic loader (docs/performance.md): prefer
  # the static archives Debian ships (OpenSSL, ICU, zlib, libgit2 and the
  # TLS, SSH, HTTP and regex libraries it needs). Kerberos has no archive
  # (see below).
  set(OPENSSL_USE_STATIC_LIBS TRUE)
  set(_stet_suffixes ${CMAKE_FIND_LIBRARY_SUFFIXES})
  set(CMAKE_FIND_LIBRARY_SUFFIXES .a)
endif()
find_package(OpenSSL 3.0 REQUIRED COMPONENTS Crypto)
# zlib (zlib1g-dev): stet writes packs (store/repo/git_pack_writer.cpp) and the audit
# inflates loose objects itself (store/audit/git_audit_objects.cpp).
find_package(ZLIB REQUIRED)
# Spelling dictionaries tell a cut last word from a real one (src/analysis/spelling).
pkg_check_modules(HUNSPELL REQUIRED IMPORTED_TARGET hunspell)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
find_package(SQLite3 3.34 REQUIRED)
# gumbo (libgumbo-dev): the HTML5 parser of src/capture (see docs/dependencies.md).
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo>=0.10)
add_library(stet_libgit2 INTERFACE)
if(STET_STATIC_DEPS)
  set(CMAKE_FIND_LIBRARY_SUFFIXES ${_stet_suffixes})
  set(_stet_git_archives "")
  foreach(name IN LISTS LIBGIT2_STATIC_LIBRARIES)
    find_library(STET_STATIC_${name} NAMES lib${name}.a)
    if(STET_STATIC_${name})
      list(APPEND _stet_git_archives ${STET_STATIC_${name}})
    else()
      list(APPEND _stet_git_archives ${name})
    endif()
  endforeach()
  # What libgit2 sets up for remotes, done on demand (src/link/, see
  # docs/performance.md): Kerberos has no archive, and loading it with its six
  # helpers at every start costs more than the rest of the loader's work, so
  # libgit2's GSSAPI calls (HTTP Negotiate only) open libgssapi_krb5 with
  # dlopen on first use; the CA bundle is parsed at the first TLS handshake
  # and libssh2 initialised by its first session, not by git_libgit2_init.
  # Object files, so that they come before the archives on every link line.
  add_library(stet_on_demand OBJECT ${PROJECT_SOURCE_DIR}/src/link/gssapi_on_demand.cpp
                                    ${PROJECT_SOURCE_DIR}/src/link/tls_on_demand.cpp)
  target_link_libraries(stet_on_demand PRIVATE stet_warnings stet_sanitize)
  target_link_libraries(stet_libgit2 INTERFACE $<TARGET_OBJECTS:stet_on_demand> ${_stet_git_archives} ${CMAKE_DL_LIBS})
  foreach(wrapped IN ITEMS mbedtls_x509_crt_parse_file mbedtls_x509_crt_parse_path mbedtls_x509_crt_free
                           mbedtls_ssl_handshake mbedtls_ssl_setup mbedtls_entropy_init
                           mbedtls_entropy_free mbedtls_ctr_drbg_seed libssh2_init)
    target_link_options(stet_libgit2 INTERFACE -Wl,--wrap=${wrapped})
  endforeach()
  # Static ICU: its data archive must follow the libraries that use it.
  set_property(TARGET ICU::uc APPEND PROPERTY INTERFACE_LINK_LIBRARIES ICU::data)
  set_property(TARGET ICU::i18n APPEND PROPERTY INTERFACE_LINK_LIBRARIES ICU::uc)
  target_include_directories(stet_libgit2 INTERFACE ${LIBGIT2_INCLUDE_DIRS})
else()
  target_link_libraries(stet_libgit2 INTERFACE PkgConfig::LIBGIT2)
endif()
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

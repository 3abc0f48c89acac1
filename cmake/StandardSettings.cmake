# Compiler warnings and sanitizers, as INTERFACE targets that first-party
# targets link PRIVATE (third-party headers are SYSTEM and stay quiet).
add_library(stet_warnings INTERFACE)
target_compile_options(stet_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Woverloaded-virtual -Wold-style-cast)
if(STET_WARNINGS_AS_ERRORS)
  target_compile_options(stet_warnings INTERFACE -Werror)
  # g++ 12 at -O3 reports false -Wrestrict warnings inside std::string's
  # operator+ (GCC bugs 105329, 105651; fixed in 13): still shown, never fatal
  # in the optimised builds where they appear.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(stet_warnings INTERFACE $<$<CONFIG:Release,MinSizeRel>:-Wno-error=restrict>)
  endif()
endif()

add_library(stet_sanitize INTERFACE)
if(STET_SANITIZE)
  target_compile_options(stet_sanitize INTERFACE
    -fsanitize=${STET_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(stet_sanitize INTERFACE -fsanitize=${STET_SANITIZE})
endif()

add_compile_definitions($<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>)

# Fuzzing (clang only): every first-party target is instrumented for
# coverage; the fuzz targets themselves link libFuzzer (fuzz/CMakeLists.txt).
if(STET_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "STET_FUZZ needs clang (e.g. CXX=clang++)")
  endif()
  target_compile_options(stet_sanitize INTERFACE -fsanitize=fuzzer-no-link)
endif()

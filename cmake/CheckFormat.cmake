# Checks that the C++ sources follow .clang-format (../shared/style.md): clang-format --dry-run -Werror over
# every .cpp and .hpp of src/, store/, tests/, fuzz/ and bench/. Formatting differs between clang-format
# releases, so the check runs only with the one the layout was made with (clang-format 14, Debian 12's);
# without it the test is skipped (ctest matches "SKIPPED:"), and fails under CI=true.
# Run: cmake -DSOURCE_DIR=<root> -DCLANG_FORMAT=<path or empty> -P cmake/CheckFormat.cmake
if(NOT CLANG_FORMAT)
  if("$ENV{CI}" STREQUAL "true")
    message(FATAL_ERROR "clang-format 14 not found under CI=true (package clang-format)")
  endif()
  message("SKIPPED: clang-format 14 not found (package clang-format)")
  return()
endif()
set(files "")
foreach(dir src store tests fuzz bench)
  file(GLOB_RECURSE found "${SOURCE_DIR}/${dir}/*.cpp" "${SOURCE_DIR}/${dir}/*.hpp")
  list(APPEND files ${found})
endforeach()
list(LENGTH files n)
if(n EQUAL 0)
  message(FATAL_ERROR "no C++ sources under ${SOURCE_DIR}")
endif()
execute_process(COMMAND "${CLANG_FORMAT}" --style=file --dry-run -Werror ${files}
                WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE status ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
  string(REGEX MATCHALL "[^\n]*error: code should be clang-formatted[^\n]*" first "${errors}")
  list(LENGTH first bad)
  list(SUBLIST first 0 5 shown)
  string(REPLACE ";" "\n  " shown "${shown}")
  message(FATAL_ERROR "${bad} places not in .clang-format's layout (run clang-format -i on them), first:\n  ${shown}")
endif()
message(STATUS "${n} C++ files follow .clang-format")

# Checks that every doctest file tests/test_*.cpp declares its ctest label: TEST_SUITE_BEGIN("unit") for
# tests of code in-process, TEST_SUITE_BEGIN("e2e") for tests that run the stet binary (tests/CMakeLists.txt
# turns the suite into the ctest label, so a file without one would be in neither `ctest -L unit` nor
# `ctest -L e2e`).
# Run: cmake -DSOURCE_DIR=<root> -P cmake/CheckTestSuites.cmake
file(GLOB files "${SOURCE_DIR}/tests/test_*.cpp")
if(NOT files)
  message(FATAL_ERROR "no test files under ${SOURCE_DIR}/tests")
endif()
set(missing "")
foreach(file IN LISTS files)
  file(STRINGS "${file}" suites REGEX "^TEST_SUITE_BEGIN\\(\"(unit|e2e)\"\\);$")
  list(LENGTH suites count)
  if(NOT count EQUAL 1)
    file(RELATIVE_PATH rel "${SOURCE_DIR}" "${file}")
    string(APPEND missing "\n  ${rel}: ${count} TEST_SUITE_BEGIN(\"unit\"|\"e2e\") lines, expected 1")
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "test files without exactly one suite:${missing}")
endif()
list(LENGTH files n)
message(STATUS "every test file declares its suite (${n} files)")

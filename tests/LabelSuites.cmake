# Run after each build of stet_tests: gives every discovered doctest case the ctest label of its suite
# (TEST_SUITE_BEGIN("unit") or ("e2e") in each test file). Two listings, one per suite, instead of the
# one-run-per-case of doctest's ADD_LABELS, which also misses cases whose name has a comma.
# Args: -DTEST_EXECUTABLE=<stet_tests> -DOUTPUT=<file included by ctest>
set(script "")
foreach(suite IN ITEMS unit e2e)
  execute_process(COMMAND "${TEST_EXECUTABLE}" --test-suite=${suite} --list-test-cases
                  OUTPUT_VARIABLE output RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "listing the ${suite} tests failed (${result}): ${output}")
  endif()
  string(REPLACE ";" "\\;" output "${output}")
  string(REPLACE "\n" ";" lines "${output}")
  foreach(line IN LISTS lines)
    if(line STREQUAL "" OR line MATCHES "^=+$" OR line MATCHES "^\\[doctest\\] ")
      continue()
    endif()
    string(APPEND script "set_tests_properties([==[${line}]==] PROPERTIES LABELS ${suite})\n")
  endforeach()
endforeach()
file(WRITE "${OUTPUT}" "${script}")

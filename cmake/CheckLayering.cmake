# Checks the dependency rule of docs/ARCHITECTURE.md on the #include lines:
#   src/diff      includes nothing from store/, analysis/ or cli/
#   src/analysis  includes nothing from cli/, and from the store only value types
#   store/        includes nothing from src/ (diff/, analysis/, cli/)
# and that only store/ includes libgit2 and OpenSSL, and only src/diff includes dtl.
# Run: cmake -DSOURCE_DIR=<root> -P cmake/CheckLayering.cmake
set(violations "")

function(check_dir dir pattern why)
  file(GLOB_RECURSE files "${SOURCE_DIR}/${dir}/*.cpp" "${SOURCE_DIR}/${dir}/*.hpp")
  foreach(file IN LISTS files)
    file(STRINGS "${file}" lines REGEX "^#include")
    foreach(line IN LISTS lines)
      if(line MATCHES "${pattern}")
        file(RELATIVE_PATH rel "${SOURCE_DIR}" "${file}")
        string(APPEND violations "\n  ${rel}: ${line} (${why})")
      endif()
    endforeach()
  endforeach()
  set(violations "${violations}" PARENT_SCOPE)
endfunction()

check_dir(src/diff "\"(store|analysis|cli)/|<git2|<openssl" "diff is pure")
check_dir(src/analysis "\"cli/|<git2|<openssl|<dtl" "analysis may not use cli, git, OpenSSL or dtl")
check_dir(src/analysis "\"store/(content_store|audit|checkpoint|sync)" "analysis takes loaded values, never the store")
check_dir(src/capture "\"(store|analysis|cli|diff)/|<git2|<openssl|<dtl" "capture is pure: bytes in, text out")
check_dir(src/cli "<gumbo" "only src/capture parses HTML")
check_dir(src/analysis "<gumbo" "only src/capture parses HTML")
check_dir(store "<gumbo" "only src/capture parses HTML")
check_dir(src/cli "<git2|<openssl|<dtl" "cli goes through the store and diff libraries")
check_dir(store "\"(diff|analysis|cli)/|<dtl|<CLI/" "the store includes nothing from src/")

if(violations)
  message(FATAL_ERROR "dependency rule broken:${violations}")
endif()
message(STATUS "dependency rule holds")

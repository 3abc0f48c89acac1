# Checks the dependency rule of docs/ARCHITECTURE.md on the #include lines:
#   src/diff      includes nothing from store/, analysis/ or cli/
#   src/analysis  includes nothing from cli/, and from the store only value types
#   store/        includes nothing from src/ (diff/, analysis/, cli/)
#   src/render    includes nothing from cli/ (output of values, no CLI11)
#   src/match     is pure (no store, index or cli); src/index is the only SQLite user
# and that only store/ includes libgit2 and OpenSSL, only src/diff includes dtl, and hunspell stays in
# src/analysis (spelling.cpp), and ICU only in src/text, which includes nothing else of ours.
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
check_dir(src/capture "\"(store|analysis|cli|diff|match|index)/|<git2|<openssl|<dtl|<sqlite3|<hunspell" "capture is pure: bytes in, text out")
foreach(dir IN ITEMS src/cli src/render src/analysis src/diff src/match src/index store)
  check_dir(${dir} "<gumbo" "only src/capture parses HTML")
endforeach()
check_dir(src/render "\"(cli|index)/|<CLI/|<git2|<openssl|<dtl|<sqlite3|<hunspell"
          "render turns values into text, JSON and HTML: no command line, no C libraries")
check_dir(src/cli "<git2|<openssl|<dtl|<sqlite3|<hunspell" "cli goes through the store, diff and index libraries")
check_dir(src/diff "<hunspell" "diff is pure")
check_dir(src/match "\"(store|cli|index)/|<git2|<openssl|<dtl|<sqlite3|<hunspell" "match is pure: no store, index, I/O or dtl")
check_dir(src/index "\"(store|cli|analysis)/|<git2|<openssl|<dtl|<hunspell" "the index knows SQLite and match values only")
foreach(dir IN ITEMS src/diff src/analysis store)
  check_dir(${dir} "<sqlite3" "only src/index uses SQLite")
endforeach()
check_dir(store "\"(diff|analysis|cli)/|<dtl|<CLI/|<hunspell" "the store includes nothing from src/")
foreach(dir IN ITEMS src/cli src/analysis src/diff src/match src/index src/capture src/render store)
  check_dir(${dir} "<unicode/" "only src/text uses ICU")
endforeach()
check_dir(src/text "\"(store|analysis|cli|render|diff|match|index|capture)/|<git2|<openssl|<dtl|<sqlite3|<hunspell|<gumbo"
          "text depends on nothing of ours")

if(violations)
  message(FATAL_ERROR "dependency rule broken:${violations}")
endif()
message(STATUS "dependency rule holds")

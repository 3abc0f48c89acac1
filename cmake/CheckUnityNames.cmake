# Checks that no two .cpp files of a library built in unity batches define the same name at file scope of an
# anonymous namespace (functions, constants, types, aliases) or as a static function. stet_core, stet_store and
# stet_tests are built in unity batches, where files of one batch share their anonymous namespaces: a shared name
# is a redefinition (or a silent overload) as soon as two such files land in one batch, which adding any file can
# cause.
# Run: cmake -DSOURCE_DIR=<root> -P cmake/CheckUnityNames.cmake
# The anonymous namespaces are found by the project's layout: `namespace {` at column 0, closed by
# `}  // namespace` (docs/../shared/style.md); definitions are the lines at column 0 inside them.
set(clashes "")
set(checked 0)

# The libraries with UNITY_BUILD ON (src/, store/ and tests/CMakeLists.txt) -> folders (below SOURCE_DIR) whose
# .cpp files they compile. A library that turns the unity build on is added here.
set(libraries stet_core stet_store stet_tests)
set(stet_core_dirs src/analysis src/match src/index src/render src/cli)
set(stet_store_dirs store)
set(stet_tests_dirs tests)

set(ident "[A-Za-z_][A-Za-z0-9_]*")

foreach(lib IN LISTS libraries)
  set(files "")
  foreach(dir IN LISTS ${lib}_dirs)
    file(GLOB_RECURSE found "${SOURCE_DIR}/${dir}/*.cpp")
    list(APPEND files ${found})
  endforeach()
  set(seen_names "")
  foreach(file IN LISTS files)
    file(RELATIVE_PATH rel "${SOURCE_DIR}" "${file}")
    math(EXPR checked "${checked} + 1")
    # Only column-0 lines matter: namespace braces and definitions.
    file(STRINGS "${file}" lines REGEX "^[A-Za-z_}]")
    set(inside OFF)
    set(names "")
    foreach(line IN LISTS lines)
      if(line STREQUAL "namespace {")
        set(inside ON)
        continue()
      endif()
      if(line STREQUAL "}  // namespace")
        set(inside OFF)
        continue()
      endif()
      set(name "")
      if(line MATCHES "^static [^=(]*[ *&](${ident})\\(")
        set(name "${CMAKE_MATCH_1}")
      elseif(inside)
        if(line MATCHES "^(struct|class|enum class|enum|union) (${ident})")
          set(name "${CMAKE_MATCH_2}")
        elseif(line MATCHES "^using (${ident}) =")
          set(name "${CMAKE_MATCH_1}")
        elseif(line MATCHES "^(template|return|namespace|using|typedef|#)")
          # not a definition of a new name
        elseif(line MATCHES "^[^=(]*[ *&](${ident}) *(=|\\[|\\{)")
          set(name "${CMAKE_MATCH_1}")  # a constant or variable
        elseif(line MATCHES "^[^=(]*[ *&](${ident})\\(")
          set(name "${CMAKE_MATCH_1}")  # a function
        endif()
      endif()
      if(name AND NOT name STREQUAL "operator")
        list(APPEND names "${name}")
      endif()
    endforeach()
    list(REMOVE_DUPLICATES names)  # overloads within one file are fine
    foreach(name IN LISTS names)
      string(MAKE_C_IDENTIFIER "${lib}_${name}" key)
      if(DEFINED owner_${key})
        string(APPEND clashes "\n  ${lib}: '${name}' in ${owner_${key}} and ${rel}")
      else()
        set(owner_${key} "${rel}")
      endif()
    endforeach()
  endforeach()
endforeach()

if(checked EQUAL 0)
  message(FATAL_ERROR "no source files under ${SOURCE_DIR}")
endif()
if(clashes)
  message(FATAL_ERROR "file-local names shared by two files of one library (rename one):${clashes}")
endif()
message(STATUS "no file-local name is shared within a library (${checked} files)")

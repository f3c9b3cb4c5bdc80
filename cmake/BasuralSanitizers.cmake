# Sanitizers and fuzzing for basural's own targets (docs/reliability.md), set per target, never globally:
#
#   -DBASURAL_SANITIZE=address,undefined   AddressSanitizer (with LeakSanitizer) and UBSan
#   -DBASURAL_FUZZ=ON                      the libFuzzer targets in fuzz/ (clang only; implies the
#                                          library is built with -fsanitize=fuzzer-no-link)
#
# The library is static, so whatever links it needs the sanitizer runtime: basural_core carries the
# -fsanitize link flags in its INTERFACE (build and install interfaces alike), and a downstream project
# linking an instrumented basural::core gets them from the installed package.
set(BASURAL_SANITIZE "" CACHE STRING
    "Sanitizers for basural's own targets, comma-separated (e.g. address,undefined); empty: none")
option(BASURAL_FUZZ "Build the libFuzzer targets in fuzz/ (clang)" OFF)

set(_basural_sanitize_flags "")
if(BASURAL_SANITIZE)
  string(REPLACE "," ";" _basural_sanitizers "${BASURAL_SANITIZE}")
  foreach(s IN LISTS _basural_sanitizers)
    if(NOT s MATCHES "^(address|undefined|leak)$")
      message(FATAL_ERROR "BASURAL_SANITIZE: '${s}' is not one of address, undefined, leak")
    endif()
  endforeach()
  list(APPEND _basural_sanitize_flags -fsanitize=${BASURAL_SANITIZE} -fno-omit-frame-pointer)
  if("undefined" IN_LIST _basural_sanitizers)
    # Integer overflow of unsigned values is defined behaviour that hashing relies on: not checked.
    # A float cast overflow (a NaN or 1e300 turned into an integer) is a real bug: checked.
    list(APPEND _basural_sanitize_flags -fsanitize=float-cast-overflow)
  endif()
endif()
if(BASURAL_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "BASURAL_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++-14 "
                        "-DCMAKE_C_COMPILER=clang-14")
  endif()
  list(APPEND _basural_sanitize_flags -fsanitize=fuzzer-no-link)
  if(NOT BASURAL_SANITIZE)
    list(APPEND _basural_sanitize_flags -fsanitize=address -fno-omit-frame-pointer)
  endif()
endif()
set(BASURAL_SANITIZE_FLAGS "${_basural_sanitize_flags}" CACHE INTERNAL "")

# basural_set_sanitizers(<target>): compile the target's own sources with the sanitizers; link with
# them. A static library passes the link flags on to whatever links it (INTERFACE).
function(basural_set_sanitizers target)
  if(NOT BASURAL_SANITIZE_FLAGS)
    return()
  endif()
  target_compile_options(${target} PRIVATE ${BASURAL_SANITIZE_FLAGS})
  get_target_property(type ${target} TYPE)
  set(link_flags ${BASURAL_SANITIZE_FLAGS})
  list(REMOVE_ITEM link_flags -fsanitize=fuzzer-no-link)
  if(type STREQUAL "STATIC_LIBRARY" OR type STREQUAL "OBJECT_LIBRARY")
    target_link_options(${target} INTERFACE ${link_flags})
  else()
    target_link_options(${target} PRIVATE ${link_flags})
  endif()
endfunction()

# cmake -P script: install the build into WORK_DIR/prefix, build the downstream project against it,
# run the installed binary and the downstream program, and check what they print.
file(REMOVE_RECURSE ${WORK_DIR})
function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGV}\n${out}\n${err}")
  endif()
  set(LAST_OUT "${out}" PARENT_SCOPE)
endfunction()
run(${CMAKE_COMMAND} --install ${BASURAL_BUILD_DIR} --prefix ${WORK_DIR}/prefix)
run(${CMAKE_COMMAND} -S ${DOWNSTREAM_SOURCE_DIR} -B ${WORK_DIR}/build
    -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix -DCMAKE_BUILD_TYPE=Release
    -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_C_COMPILER=${C_COMPILER})
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/downstream)
if(NOT LAST_OUT MATCHES "distance_m=")
  message(FATAL_ERROR "downstream program printed: ${LAST_OUT}")
endif()
# The installed binary finds the installed datasets (not the source tree's): run it from a copy
# of the prefix moved elsewhere so the source tree path cannot be what it finds.
file(COPY ${WORK_DIR}/prefix DESTINATION ${WORK_DIR}/moved)
set(ENV{BASURAL_DATA_DIR} "")
run(${WORK_DIR}/moved/prefix/bin/basural --version)
if(EXISTS ${WORK_DIR}/moved/prefix/share/basural/datasets/lac_sites.csv)
  run(${WORK_DIR}/moved/prefix/bin/basural info)
  # info names the inventory it read: it must be the installed copy, not the source tree's.
  if(NOT LAST_OUT MATCHES "BRA" OR NOT LAST_OUT MATCHES "moved/prefix/share/basural/datasets/lac_sites.csv")
    message(FATAL_ERROR "installed basural info printed: ${LAST_OUT}")
  endif()
endif()

# Python 3 and pybind11 for the `basural` Python module (python/, -DBASURAL_BUILD_PYTHON=ON).
#
# The interpreter is pinned to Debian's /usr/bin/python3 when it exists: the module must be built for
# the interpreter that has Debian's numpy, pandas, geopandas, pytest and QGIS (a pyenv or venv python3
# earlier on PATH has none of them). Override with -DPython3_EXECUTABLE=/path/to/python3.
if(NOT Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(Python3_EXECUTABLE /usr/bin/python3 CACHE FILEPATH "Python the basural module is built for")
endif()
find_package(Python3 3.9 REQUIRED COMPONENTS Interpreter Development.Module)

# Debian: pybind11-dev (CMake config in /usr/lib/cmake/pybind11).
set(PYBIND11_FINDPYTHON ON)
find_package(pybind11 2.10 CONFIG)
if(NOT pybind11_FOUND)
  message(FATAL_ERROR "BASURAL_BUILD_PYTHON needs pybind11 2.10 or later (Debian: pybind11-dev); "
                      "scripts/install-deps.sh installs it, or configure with -DBASURAL_BUILD_PYTHON=OFF")
endif()

# Where `cmake --install` puts the package, relative to the install prefix: the interpreter's own
# site directory when it lies under the prefix (Debian's python3 with the default prefix /usr/local:
# lib/python3.11/dist-packages, on its sys.path), else lib/pythonX.Y/site-packages under the prefix
# (then add that directory to PYTHONPATH).
if(NOT DEFINED BASURAL_PYTHON_INSTALL_DIR)
  execute_process(
    COMMAND ${Python3_EXECUTABLE} -c [=[
import sys, sysconfig, os
prefix = os.path.normpath(sys.argv[1])
site = os.path.normpath(sysconfig.get_path("platlib"))
if not site.startswith(prefix + os.sep):
    site = os.path.normpath(sysconfig.get_path("platlib", "posix_prefix",
                                               vars={"base": prefix, "platbase": prefix}))
print(os.path.relpath(site, prefix), end="")
]=] ${CMAKE_INSTALL_PREFIX}
    OUTPUT_VARIABLE _basural_python_site RESULT_VARIABLE _basural_python_rc)
  if(NOT _basural_python_rc EQUAL 0)
    message(FATAL_ERROR "could not ask ${Python3_EXECUTABLE} for its site-packages directory")
  endif()
  set(BASURAL_PYTHON_INSTALL_DIR "${_basural_python_site}" CACHE STRING
      "Where cmake --install puts the basural Python package, relative to the install prefix")
endif()

# basural_require_python_modules(<purpose> <module>=<debian package> ...): fails the configure step,
# naming the Debian packages, when the interpreter cannot import a module. The Python tests and the
# QGIS provider are never skipped silently for a missing package.
function(basural_require_python_modules purpose)
  set(missing "")
  foreach(pair IN LISTS ARGN)
    string(REPLACE "=" ";" pair "${pair}")
    list(GET pair 0 module)
    list(GET pair 1 package)
    execute_process(COMMAND ${Python3_EXECUTABLE} -c "import ${module}"
                    RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
    if(NOT rc EQUAL 0)
      list(APPEND missing "${package} (${module})")
    endif()
  endforeach()
  if(missing)
    list(JOIN missing ", " missing)
    message(FATAL_ERROR "${purpose} need ${Python3_EXECUTABLE} with: ${missing}. Install them with "
                        "scripts/install-deps.sh, or configure with -DBASURAL_BUILD_PYTHON=OFF")
  endif()
endfunction()

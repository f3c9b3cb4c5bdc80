# GDAL (Debian libgdal-dev ships a CMake config exporting GDAL::GDAL).
find_package(GDAL 3.6 CONFIG QUIET)
if(NOT GDAL_FOUND)
  find_package(GDAL 3.6 MODULE REQUIRED)
endif()

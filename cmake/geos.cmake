# GEOS, stable C API only (GEOS::geos_c).
find_package(GEOS 3.11 CONFIG REQUIRED)

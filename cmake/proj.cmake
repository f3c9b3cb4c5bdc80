# PROJ (PROJ::proj): CRS transformations and geodesics (geod_*).
find_package(PROJ 9 CONFIG REQUIRED)

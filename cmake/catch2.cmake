# Catch2 v2 (Catch2::Catch2) and its CTest integration.
find_package(Catch2 2.13 CONFIG REQUIRED)
include(Catch)

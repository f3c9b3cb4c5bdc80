# Boost.Geometry is header-only (Boost::headers).
find_package(Boost 1.74 REQUIRED)

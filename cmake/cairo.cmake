# Cairo for maps (PkgConfig::CAIRO); found through pkg-config.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo)

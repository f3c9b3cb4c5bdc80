# Pango (through its Cairo backend) for the text of reports: line breaking, shaping and font fallback
# (PkgConfig::PANGOCAIRO); found through pkg-config.
find_package(PkgConfig REQUIRED)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo)

#pragma once
// Private GDAL helpers shared by every part of the library that reads or writes through GDAL.
// Not installed: public headers never include GDAL.

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <optional>
#include <string>
#include <vector>

namespace basural::detail {

/// Registers GDAL's drivers once (thread-safe) and routes GDAL's error messages into a
/// per-thread buffer read by last_gdal_error() instead of stderr.
void ensure_gdal();

/// The last error message GDAL reported on this thread ("" if none), and clears it.
std::string last_gdal_error();

/// Opens a vector dataset read-only (any OGR format: GPKG, SHP, GeoJSON, CSV, FlatGeobuf, KML,
/// XLSX, PG:...). `open_options` are GDAL open options ("X_POSSIBLE_NAMES=lon,x"), `drivers` an
/// optional allow-list. Throws basural::input_error naming `path` with GDAL's message on failure.
GDALDatasetUniquePtr open_vector(const std::string& path, const std::vector<std::string>& open_options = {},
                                 const std::vector<std::string>& drivers = {});

/// The GDAL vector driver for an output path, chosen by extension (.gpkg, .shp, .geojson/.json,
/// .csv, .fgb, .kml, .xlsx, .sqlite); throws basural::usage_error for an unknown extension.
std::string vector_driver_for(const std::string& path);

/// Sets a GDAL config option on this thread for the lifetime of the object, restoring the
/// previous value.
class ScopedConfigOption {
public:
    ScopedConfigOption(const char* key, const char* value);
    ~ScopedConfigOption();
    ScopedConfigOption(const ScopedConfigOption&) = delete;
    ScopedConfigOption& operator=(const ScopedConfigOption&) = delete;

private:
    const char* m_key;
    std::optional<std::string> m_old;
};

/// A string's value as a GDAL CSL list (NULL-terminated), owning its storage.
class CslList {
public:
    explicit CslList(const std::vector<std::string>& items);
    char** get() noexcept { return m_ptrs.data(); }

private:
    std::vector<std::string> m_items;
    std::vector<char*> m_ptrs;
};

}  // namespace basural::detail

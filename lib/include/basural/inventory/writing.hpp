#pragma once
/// \file writing.hpp
/// Writing inventories in the site schema (any vector format GDAL writes, or a PostGIS table) and
/// their rejects as CSV.

#include "basural/inventory/reading.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace basural {

/// Default layer name of written inventories.
inline constexpr std::string_view DEFAULT_INVENTORY_LAYER = "sites";

/// Writes the sites in the schema (site_schema_columns(), in order, typed: text, real, integer;
/// unknown values as NULL; yes/no as booleans) with a WGS84 point geometry where the format has
/// geometries. Destination: a file, format by extension (.gpkg, .geojson, .fgb, .csv, .xlsx, .kml,
/// .sqlite; not .shp, whose 10-character column names cannot hold the schema), written to a
/// temporary file and renamed; or a "PG:..." connection string, where `layer` is the table
/// (named exactly as given, at most 63 bytes), replaced in one transaction (detail::VectorOutput).
/// Either way a failed write leaves the previous file or table as it was. GeoPackages are
/// byte-identical for identical inventories. Throws input_error (naming the site) when a site's
/// position is not a finite WGS84 longitude/latitude; errors never show a connection's password.
void write_inventory(const Inventory& inventory, const std::string& path,
                     std::string_view layer = DEFAULT_INVENTORY_LAYER);

/// Writes rejects as UTF-8 CSV with the header file,record,field,value,reason,check, atomically.
void write_rejects(const std::vector<Reject>& rejects, const std::string& path);

/// Writes merges as UTF-8 CSV with the header record,site_id,into_record,into_site_id,distance_m
/// (metres, to 0.1 m), atomically.
void write_merges(const std::vector<Merge>& merges, const std::string& path);

}  // namespace basural

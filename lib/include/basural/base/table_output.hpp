#pragma once
/// \file table_output.hpp
/// Writing a per-site report table (methane per site, closure ranking) to a file or database:
/// CSV as text, anything else (GeoPackage, PG:...) as a point layer through the one vector writer.

#include "basural/base/report_table.hpp"

#include <string>

namespace basural {

/// Writes `table` to `destination`, atomically:
///  - a path ending in .csv: the CSV rendering of write_report (header, one line per row);
///  - any other destination GDAL writes (.gpkg, PG:...): one layer named table.name with a WGS84
///    point geometry taken from the columns "lon" and "lat" (which must exist) and one field per
///    column, typed from its cells (integer, real, text; empty cells are NULL).
/// Throws usage_error for an unknown extension or a table without lon/lat, and the writer's errors.
void write_table_output(const ReportTable& table, const std::string& destination);

}  // namespace basural

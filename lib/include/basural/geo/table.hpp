#pragma once
/// \file table.hpp
/// Reading a table of records (CSV, GeoPackage, Shapefile, GeoJSON, XLSX... anything GDAL reads as
/// vector data) into memory, with strict number parsing and error messages that name the file, the
/// record, the field and the value. A generic building block: column meanings belong to the caller.
///
/// CSV goes through GDAL's CSV driver (never a hand-written parser); its point geometry comes from
/// the columns named in TableReadOptions (X_POSSIBLE_NAMES / Y_POSSIBLE_NAMES). Other formats give
/// their own geometry, transformed to WGS84 longitude/latitude when the layer has another CRS.

#include "basural/geo/lon_lat.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace basural {

struct TableReadOptions {
    /// CSV columns (case-insensitive) taken as longitude and latitude in WGS84 degrees.
    std::vector<std::string> lon_names{"lon", "longitude", "lng", "x"};
    std::vector<std::string> lat_names{"lat", "latitude", "y"};
    /// Layer to read; "" = the first one.
    std::string layer;
};

class Table {
public:
    const std::string& path() const noexcept { return m_path; }
    const std::vector<std::string>& columns() const noexcept { return m_columns; }
    /// Number of records.
    std::size_t size() const noexcept { return m_points.size(); }

    /// Index of a column by name, case-insensitive; std::nullopt if absent.
    std::optional<std::size_t> find_column(std::string_view name) const;
    /// As find_column, but throws basural::input_error naming the file and listing its columns.
    std::size_t require_column(std::string_view name) const;

    /// A cell's text with surrounding blanks removed ("" for an empty or null cell).
    const std::string& text(std::size_t record, std::size_t column) const;
    /// A cell as a finite number; throws input_error(file, record, field, value, reason) if it is
    /// empty or not a number ("1.5", "-3", "2e3"; not "1,5" nor "12 km").
    double number(std::size_t record, std::size_t column) const;
    /// As number(), std::nullopt for an empty cell.
    std::optional<double> optional_number(std::size_t record, std::size_t column) const;

    /// The record's point in WGS84 (std::nullopt when it has no geometry).
    const std::optional<LonLat>& point(std::size_t record) const { return m_points.at(record); }
    /// True if at least one record has a point.
    bool has_points() const noexcept { return m_has_points; }

    /// The 1-based record number used in messages (the record's position in the layer; for CSV,
    /// the data row, the header not counted).
    static std::int64_t record_number(std::size_t record) noexcept { return static_cast<std::int64_t>(record) + 1; }

private:
    friend Table read_table(const std::string& path, const TableReadOptions& options);
    std::string m_path;
    std::vector<std::string> m_columns;
    std::vector<std::vector<std::string>> m_cells;  // by column, then record
    std::vector<std::optional<LonLat>> m_points;
    bool m_has_points = false;
};

/// Reads every record of a table. Throws basural::input_error for a file GDAL cannot read, a
/// missing layer, a non-point geometry, a coordinate that is not a number or is out of range.
Table read_table(const std::string& path, const TableReadOptions& options = {});

/// Parses a whole string as a finite number (blanks around it allowed); std::nullopt otherwise.
std::optional<double> parse_number(std::string_view text) noexcept;

}  // namespace basural

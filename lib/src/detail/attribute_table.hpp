#pragma once
// Private: the one record reader of the tables and layers the library reads beside inventories: the
// attribute table of a vector dataset (a CSV through GDAL's CSV driver, or any OGR format) record by
// record, with values checked and errors naming file, record, field and value. Used by the places,
// the country waste parameters, a map's priority ranking and, through geo/polygon_layer.hpp (which
// adds the records' polygons), country boundaries, first-level units and a map's world.

#include "detail/gdal.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace basural::detail {

/// The columns a table must have, those it may have, and how to say what is missing.
struct TableColumns {
    std::vector<std::string> required;
    /// Read when the table has them; text() gives "" where it has not.
    std::vector<std::string> optional;
    /// Why the required columns are needed ("first-level units need iso3, admin1_code and name"): the
    /// first missing one is then reported as "has no '<column>' property; <why>". Empty: "missing
    /// column(s) <the missing ones>; expected the columns <required>".
    std::string needed_because;
    /// The reason given when the source has no layer at all.
    std::string no_layer = "has no table (no layer)";
};

class AttributeTable {
public:
    /// Opens `path` and checks that its first layer has every required column (throws
    /// basural::input_error naming the missing ones).
    AttributeTable(std::string path, const TableColumns& columns);
    AttributeTable(std::string path, const std::vector<std::string>& required_columns)
        : AttributeTable(std::move(path), TableColumns{required_columns, {}, {}})
    {
    }

    /// Moves to the next record; false at the end.
    bool next();
    /// 1-based number of the current record (data rows, header not counted).
    std::int64_t record() const noexcept { return m_record; }
    const std::string& path() const noexcept { return m_path; }

    /// The value as text, surrounding blanks removed; "" when empty or null, or when an optional
    /// column is not in the table.
    std::string text(const std::string& column) const;
    /// Whether the table has `column` (a required one always; an optional one when present).
    bool has(const std::string& column) const
    {
        const auto it = m_index.find(column);
        return it != m_index.end() && it->second >= 0;
    }
    /// A finite number, or std::nullopt when empty; throws input_error when not a number.
    std::optional<double> number(const std::string& column) const;
    /// A number in [lo, hi], or std::nullopt when empty.
    std::optional<double> number_in(const std::string& column, double lo, double hi) const;
    /// A whole non-negative number ("1234" or "1234.0"), or std::nullopt when empty.
    std::optional<std::int64_t> count(const std::string& column) const;

    /// An ISO 3166-1 alpha-3 code (three capital letters); throws input_error otherwise.
    std::string iso3(const std::string& column) const;

    /// Throws input_error about the current record.
    [[noreturn]] void fail(const std::string& column, const std::string& value, const std::string& reason) const;

    /// The current record's geometry (owned by the table, valid until next()), or nullptr.
    OGRGeometry* geometry() const noexcept { return m_feature ? m_feature->GetGeometryRef() : nullptr; }
    /// The layer's CRS, or nullptr when it declares none.
    const OGRSpatialReference* spatial_ref() const noexcept { return m_layer->GetSpatialRef(); }

private:
    std::string m_path;
    GDALDatasetUniquePtr m_dataset;
    OGRLayer* m_layer = nullptr;
    OGRFeatureUniquePtr m_feature;
    std::map<std::string, int, std::less<>> m_index;  // -1: an optional column the table lacks
    std::int64_t m_record = 0;
};

}  // namespace basural::detail

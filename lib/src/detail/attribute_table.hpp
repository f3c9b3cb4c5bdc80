#pragma once
// Private: reads the attribute table of a vector dataset (a CSV through GDAL's CSV driver, or any
// OGR format) record by record, with values checked and errors naming file, record, field and value.
// Used by the loaders of the shipped tables (places, country waste parameters).

#include "detail/gdal.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace basural::detail {

class AttributeTable {
public:
    /// Opens `path` and checks that its first layer has every column of `required_columns`
    /// (throws basural::input_error naming the missing ones).
    AttributeTable(std::string path, const std::vector<std::string>& required_columns);

    /// Moves to the next record; false at the end.
    bool next();
    /// 1-based number of the current record (data rows, header not counted).
    std::int64_t record() const noexcept { return m_record; }
    const std::string& path() const noexcept { return m_path; }

    /// The value as text, surrounding blanks removed; "" when empty or null.
    std::string text(const std::string& column) const;
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

private:
    std::string m_path;
    GDALDatasetUniquePtr m_dataset;
    OGRLayer* m_layer = nullptr;
    OGRFeatureUniquePtr m_feature;
    std::map<std::string, int, std::less<>> m_index;
    std::int64_t m_record = 0;
};

}  // namespace basural::detail

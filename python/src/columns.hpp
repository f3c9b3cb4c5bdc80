#pragma once
// Columns handed to the pure-Python layer (python/basural/_frames.py), which turns them into pandas
// and GeoPandas frames. A column is a tuple (name, kind, values, missing):
//   kind "text":    values a list of str (None where missing), missing None
//   kind "real":    values a float64 numpy array, NaN where missing; missing None
//   kind "integer": values an int64 numpy array, missing a bool numpy array (True = missing)
//   kind "bool":    values a bool numpy array, missing a bool numpy array
// Numeric arrays take over the vector they were built in (a capsule owns it): no per-site copy.

#include "bindings.hpp"

#include "basural/base/report_table.hpp"
#include "basural/geo/lon_lat.hpp"
#include "basural/planning/plan.hpp"

#include <pybind11/numpy.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace basural::python {

/// A numpy array owning `values` (moved, not copied).
template <typename T>
py::array_t<T> owned_array(std::vector<T>&& values)
{
    auto* heap = new std::vector<T>(std::move(values));
    py::capsule owner(heap, [](void* p) { delete static_cast<std::vector<T>*>(p); });
    return py::array_t<T>(static_cast<py::ssize_t>(heap->size()), heap->data(), owner);
}

/// A numpy bool array owning `flags` (one byte per value, 0 or 1).
py::array owned_bool_array(std::vector<std::uint8_t>&& flags);

/// Builds the columns of one table, column by column, from rows of any type.
class Columns {
public:
    /// Text; `get` returns std::optional<std::string> (missing: None).
    template <typename Row, typename Get>
    void text(const char* name, const std::vector<Row>& rows, Get get)
    {
        py::list values;
        for (const auto& r : rows) {
            const std::optional<std::string> v = get(r);
            if (v)
                values.append(py::str(*v));
            else
                values.append(py::none());
        }
        add(name, "text", values, py::none());
    }

    /// Reals; `get` returns std::optional<double> (missing: NaN).
    template <typename Row, typename Get>
    void real(const char* name, const std::vector<Row>& rows, Get get)
    {
        std::vector<double> values;
        values.reserve(rows.size());
        for (const auto& r : rows)
            values.push_back(std::optional<double>(get(r)).value_or(std::numeric_limits<double>::quiet_NaN()));
        add(name, "real", owned_array(std::move(values)), py::none());
    }

    /// Integers; `get` returns std::optional of an integer type.
    template <typename Row, typename Get>
    void integer(const char* name, const std::vector<Row>& rows, Get get)
    {
        std::vector<std::int64_t> values;
        std::vector<std::uint8_t> missing;
        values.reserve(rows.size());
        missing.reserve(rows.size());
        for (const auto& r : rows) {
            const auto v = get(r);
            values.push_back(v ? static_cast<std::int64_t>(*v) : 0);
            missing.push_back(v ? 0 : 1);
        }
        add(name, "integer", owned_array(std::move(values)), owned_bool_array(std::move(missing)));
    }

    /// Yes/no; `get` returns std::optional<bool>.
    template <typename Row, typename Get>
    void boolean(const char* name, const std::vector<Row>& rows, Get get)
    {
        std::vector<std::uint8_t> values;
        std::vector<std::uint8_t> missing;
        for (const auto& r : rows) {
            const std::optional<bool> v = get(r);
            values.push_back(v && *v ? 1 : 0);
            missing.push_back(v ? 0 : 1);
        }
        add(name, "bool", owned_bool_array(std::move(values)), owned_bool_array(std::move(missing)));
    }

    /// The columns, in the order added.
    py::list take() { return std::move(m_columns); }

private:
    void add(const char* name, const char* kind, py::object values, py::object missing);
    py::list m_columns;
};

/// The columns of a report table (coverage, methane, ranking...): a column is text when one of its
/// cells is text, else real when one is real, else integer; an empty cell is missing.
py::list report_table_columns(const ReportTable& table);

/// Longitudes and latitudes of points as two float64 arrays.
std::pair<py::array_t<double>, py::array_t<double>> lon_lat_arrays(const std::vector<LonLat>& points);

/// A plan layer as a dict: name, columns (as above, typed as written), geometry ("none", "point",
/// "multipolygon"), lon/lat arrays (points) or polygons (per row: a list of polygons, each a list of
/// rings, each an (n, 2) float64 array of lon, lat).
py::dict plan_layer_dict(const PlanLayerTable& layer);

}  // namespace basural::python

#include "columns.hpp"

#include <limits>
#include <variant>

namespace basural::python {

py::array owned_bool_array(std::vector<std::uint8_t>&& flags)
{
    auto* heap = new std::vector<std::uint8_t>(std::move(flags));
    py::capsule owner(heap, [](void* p) { delete static_cast<std::vector<std::uint8_t>*>(p); });
    return py::array(py::dtype("bool"), {static_cast<py::ssize_t>(heap->size())}, {}, heap->data(), owner);
}

void Columns::add(const char* name, const char* kind, py::object values, py::object missing)
{
    m_columns.append(py::make_tuple(name, kind, std::move(values), std::move(missing)));
}

namespace {

enum class CellKind { integer, real, text };

CellKind column_kind(const ReportTable& table, std::size_t c)
{
    CellKind kind = CellKind::integer;
    for (const auto& row : table.rows) {
        if (std::holds_alternative<std::string>(row[c]))
            return CellKind::text;
        if (std::holds_alternative<double>(row[c]))
            kind = CellKind::real;
    }
    return kind;
}

std::optional<double> cell_real(const ReportCell& cell)
{
    if (const auto* d = std::get_if<double>(&cell))
        return *d;
    if (const auto* i = std::get_if<std::int64_t>(&cell))
        return static_cast<double>(*i);
    return std::nullopt;
}

std::optional<std::int64_t> cell_integer(const ReportCell& cell)
{
    if (const auto* i = std::get_if<std::int64_t>(&cell))
        return *i;
    return std::nullopt;
}

std::optional<std::string> cell_text(const ReportCell& cell)
{
    if (const auto* s = std::get_if<std::string>(&cell))
        return *s;
    if (const auto* d = std::get_if<double>(&cell))
        return std::to_string(*d);
    if (const auto* i = std::get_if<std::int64_t>(&cell))
        return std::to_string(*i);
    return std::nullopt;
}

/// Adds column `c` of `rows` (cells) with the given kind.
void add_cells(Columns& out, const char* name, const std::vector<std::vector<ReportCell>>& rows, std::size_t c,
               CellKind kind)
{
    using Row = std::vector<ReportCell>;
    switch (kind) {
    case CellKind::text:
        out.text(name, rows, [c](const Row& r) { return cell_text(r[c]); });
        break;
    case CellKind::real:
        out.real(name, rows, [c](const Row& r) { return cell_real(r[c]); });
        break;
    case CellKind::integer:
        out.integer(name, rows, [c](const Row& r) { return cell_integer(r[c]); });
        break;
    }
}

}  // namespace

py::list report_table_columns(const ReportTable& table)
{
    Columns out;
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        add_cells(out, table.columns[c].name.c_str(), table.rows, c, column_kind(table, c));
    return out.take();
}

std::pair<py::array_t<double>, py::array_t<double>> lon_lat_arrays(const std::vector<LonLat>& points)
{
    std::vector<double> lon, lat;
    lon.reserve(points.size());
    lat.reserve(points.size());
    for (const auto& p : points) {
        lon.push_back(p.lon_deg);
        lat.push_back(p.lat_deg);
    }
    return {owned_array(std::move(lon)), owned_array(std::move(lat))};
}

namespace {

py::list polygon_rows(const std::vector<std::vector<std::vector<std::vector<LonLat>>>>& rows)
{
    py::list out;
    for (const auto& multipolygon : rows) {
        py::list polygons;
        for (const auto& polygon : multipolygon) {
            py::list rings;
            for (const auto& ring : polygon) {
                std::vector<double> xy;
                xy.reserve(2 * ring.size());
                for (const auto& v : ring) {
                    xy.push_back(v.lon_deg);
                    xy.push_back(v.lat_deg);
                }
                auto a = owned_array(std::move(xy));
                rings.append(a.reshape({static_cast<py::ssize_t>(ring.size()), py::ssize_t{2}}));
            }
            polygons.append(rings);
        }
        out.append(polygons);
    }
    return out;
}

}  // namespace

py::dict plan_layer_dict(const PlanLayerTable& layer)
{
    Columns columns;
    for (std::size_t c = 0; c < layer.columns.size(); ++c) {
        const auto& [name, type] = layer.columns[c];
        add_cells(columns, name.c_str(), layer.rows, c,
                  type == PlanColumnType::text      ? CellKind::text
                  : type == PlanColumnType::integer ? CellKind::integer
                                                    : CellKind::real);
    }
    py::dict d;
    d["name"] = layer.name;
    d["columns"] = columns.take();
    d["rows"] = layer.rows.size();
    switch (layer.geometry) {
    case PlanGeometry::none:
        d["geometry"] = "none";
        break;
    case PlanGeometry::point: {
        d["geometry"] = "point";
        auto [lon, lat] = lon_lat_arrays(layer.points);
        d["lon"] = lon;
        d["lat"] = lat;
        break;
    }
    case PlanGeometry::multipolygon:
        d["geometry"] = "multipolygon";
        d["polygons"] = polygon_rows(layer.polygons);
        break;
    }
    return d;
}

}  // namespace basural::python

#include "basural/geo/table.hpp"

#include "base/text.hpp"
#include "basural/base/number_text.hpp"
#include "basural/base/error.hpp"
#include "basural/base/limits.hpp"
#include "detail/crs.hpp"
#include "detail/gdal.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>

namespace basural {
namespace {

bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

std::optional<double> parse_number(std::string_view text) noexcept
{
    text = detail::trim_blanks(text);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty())
        return std::nullopt;
    double v = 0.0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<std::size_t> Table::find_column(std::string_view name) const
{
    for (std::size_t c = 0; c < m_columns.size(); ++c)
        if (iequals(m_columns[c], name))
            return c;
    return std::nullopt;
}

std::size_t Table::require_column(std::string_view name) const
{
    if (auto c = find_column(name))
        return *c;
    throw input_error(m_path, "no column '" + std::string(name) + "' (columns: " +
                                  (m_columns.empty() ? std::string("none") : detail::join_capped(m_columns)) + ")");
}

const std::string& Table::text(std::size_t record, std::size_t column) const
{
    return m_cells.at(column).at(record);
}

double Table::number(std::size_t record, std::size_t column) const
{
    const auto& t = text(record, column);
    if (t.empty())
        throw input_error(m_path, record_number(record), m_columns[column], t, "is empty; a number is needed");
    const auto v = parse_number(t);
    if (!v)
        throw input_error(m_path, record_number(record), m_columns[column], t,
                          "is not a number (write it like 1234.5, with a point and no units)");
    return *v;
}

std::optional<double> Table::optional_number(std::size_t record, std::size_t column) const
{
    if (text(record, column).empty())
        return std::nullopt;
    return number(record, column);
}

namespace {

bool is_csv(const std::string& path)
{
    auto ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".csv";
}

/// Opens the table; a CSV through GDAL's CSV driver with its point from the lon/lat columns.
GDALDatasetUniquePtr open_table(const std::string& path, const TableReadOptions& options, bool csv)
{
    std::vector<std::string> open_options;
    if (csv)
        open_options = {"X_POSSIBLE_NAMES=" + detail::join(options.lon_names, ","),
                        "Y_POSSIBLE_NAMES=" + detail::join(options.lat_names, ","), "KEEP_GEOM_COLUMNS=YES",
                        "HEADERS=YES", "AUTODETECT_TYPE=NO"};
    try {
        return detail::open_vector(path, open_options, csv ? std::vector<std::string>{"CSV"} : std::vector<std::string>{});
    } catch (const input_error& e) {
        if (!csv || e.reason().find("not a vector dataset") == std::string::npos)
            throw;
        // GDAL's CSV driver (3.6) opens only files whose header has at least two columns
        throw input_error(path, e.reason() + " (GDAL's CSV driver needs a header with at least two columns, "
                                             "comma-separated: add one, e.g. 'id,note')");
    }
}

/// The transformation of the layer's coordinates to WGS84 longitude/latitude; nullptr when they are.
detail::TransformPtr layer_to_wgs84(OGRLayer& layer, const std::string& path)
{
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (srs == nullptr)
        return nullptr;
    OGRSpatialReference src(*srs);
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (src.IsSame(&wgs84))
        return nullptr;
    detail::TransformPtr to_wgs84(OGRCreateCoordinateTransformation(&src, &wgs84));
    if (!to_wgs84)
        throw input_error(path, "cannot transform its coordinates to WGS84: " + detail::last_gdal_error());
    return to_wgs84;
}

/// The first of the columns named one of `names` (case-insensitive).
std::optional<std::size_t> first_column_of(const std::vector<std::string>& columns, const std::vector<std::string>& names)
{
    for (std::size_t c = 0; c < columns.size(); ++c)
        for (const auto& n : names)
            if (iequals(columns[c], n))
                return c;
    return std::nullopt;
}

/// The cells of one feature as text: reals in their shortest exact form, others trimmed.
std::vector<std::string> feature_cells(const OGRFeature& feature, const std::vector<OGRFieldType>& types)
{
    std::vector<std::string> cells(types.size());
    for (std::size_t f = 0; f < types.size(); ++f) {
        const int i = static_cast<int>(f);
        if (!feature.IsFieldSetAndNotNull(i))
            continue;
        if (types[f] == OFTReal)
            cells[f] = exact_number_text(feature.GetFieldAsDouble(i));
        else
            cells[f] = std::string(detail::trim_blanks(feature.GetFieldAsString(i)));
    }
    return cells;
}

/// The point of each record, checked: from the CSV columns GDAL takes the coordinates from (it
/// reads a bad number as no coordinate, so they are checked here) or the layer's geometry, in WGS84.
struct PointReader {
    const std::string& path;
    const std::vector<std::string>& columns;
    std::optional<std::size_t> lon, lat;  // CSV only
    detail::TransformPtr to_wgs84;

    std::optional<LonLat> operator()(const OGRFeature& feature, const std::vector<std::string>& cells,
                                     std::int64_t rec) const
    {
        if (lon && lat && cells[*lon].empty() != cells[*lat].empty()) {
            const std::size_t bad = cells[*lon].empty() ? *lon : *lat;
            throw input_error(path, rec, columns[bad], "",
                              "is empty or not a number (decimal degrees, WGS84) while " +
                                  columns[bad == *lon ? *lat : *lon] + " is given");
        }
        const OGRGeometry* g = feature.GetGeometryRef();
        if (g == nullptr || g->IsEmpty())
            return std::nullopt;
        if (wkbFlatten(g->getGeometryType()) != wkbPoint)
            throw input_error(path, rec, "geometry", g->getGeometryName(), "is not a point");
        double x = g->toPoint()->getX(), y = g->toPoint()->getY();
        if (to_wgs84 && !to_wgs84->Transform(1, &x, &y))
            throw input_error(path, rec, "geometry", format_value(x) + " " + format_value(y),
                              "cannot be transformed to WGS84");
        if (!(x >= -180.0 && x <= 180.0))
            throw input_error(path, rec, lon ? columns[*lon] : "longitude", format_value(x), "is outside [-180, 180]");
        if (!(y >= -90.0 && y <= 90.0))
            throw input_error(path, rec, lat ? columns[*lat] : "latitude", format_value(y), "is outside [-90, 90]");
        return LonLat{x, y};
    }
};

}  // namespace

Table read_table(const std::string& path, const TableReadOptions& options)
{
    const bool csv = is_csv(path);
    const auto ds = open_table(path, options, csv);
    if (ds->GetLayerCount() == 0)
        throw input_error(path, "has no layer (no table) to read");
    OGRLayer* layer = options.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(options.layer.c_str());
    if (layer == nullptr)
        throw input_error(path, "has no layer named '" + options.layer + "'");

    Table t;
    t.m_path = path;
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    std::vector<OGRFieldType> types;
    for (int f = 0; f < defn->GetFieldCount(); ++f) {
        t.m_columns.emplace_back(defn->GetFieldDefn(f)->GetNameRef());
        types.push_back(defn->GetFieldDefn(f)->GetType());
    }
    t.m_cells.resize(t.m_columns.size());
    PointReader point_of{path, t.m_columns, std::nullopt, std::nullopt, layer_to_wgs84(*layer, path)};
    if (csv) {
        point_of.lon = first_column_of(t.m_columns, options.lon_names);
        point_of.lat = first_column_of(t.m_columns, options.lat_names);
    }

    layer->ResetReading();
    std::size_t record = 0;
    const std::size_t cells_per_record = std::max<std::size_t>(1, t.m_columns.size());
    while (OGRFeatureUniquePtr feature{layer->GetNextFeature()}) {
        if ((record + 1) * cells_per_record > MAX_TABLE_CELLS)
            throw input_error(path, "has more than " + std::to_string(MAX_TABLE_CELLS / cells_per_record) +
                                        " records of " + std::to_string(t.m_columns.size()) + " columns (" +
                                        std::to_string(MAX_TABLE_CELLS) +
                                        " cells), the most basural reads from one table (docs/reliability.md)");
        ++record;
        auto cells = feature_cells(*feature, types);
        const auto point = point_of(*feature, cells, Table::record_number(t.m_points.size()));
        for (std::size_t c = 0; c < cells.size(); ++c)
            t.m_cells[c].push_back(std::move(cells[c]));
        t.m_has_points = t.m_has_points || point.has_value();
        t.m_points.push_back(point);
    }
    return t;
}

}  // namespace basural

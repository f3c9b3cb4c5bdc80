#include "basural/geo/table.hpp"

#include "base/text.hpp"
#include "basural/base/number_text.hpp"
#include "basural/base/error.hpp"
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
                                  (m_columns.empty() ? std::string("none") : detail::join(m_columns, ", ")) + ")");
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

Table read_table(const std::string& path, const TableReadOptions& options)
{
    auto ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    const bool csv = ext == ".csv";
    std::vector<std::string> open_options;
    if (csv)
        open_options = {"X_POSSIBLE_NAMES=" + detail::join(options.lon_names, ","),
                        "Y_POSSIBLE_NAMES=" + detail::join(options.lat_names, ","), "KEEP_GEOM_COLUMNS=YES",
                        "HEADERS=YES", "AUTODETECT_TYPE=NO"};
    GDALDatasetUniquePtr ds;
    try {
        ds = detail::open_vector(path, open_options, csv ? std::vector<std::string>{"CSV"} : std::vector<std::string>{});
    } catch (const input_error& e) {
        if (!csv || e.reason().find("not a vector dataset") == std::string::npos)
            throw;
        // GDAL's CSV driver (3.6) opens only files whose header has at least two columns
        throw input_error(path, e.reason() + " (GDAL's CSV driver needs a header with at least two columns, "
                                             "comma-separated: add one, e.g. 'id,note')");
    }
    if (ds->GetLayerCount() == 0)
        throw input_error(path, "has no layer (no table) to read");
    OGRLayer* layer = options.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(options.layer.c_str());
    if (layer == nullptr)
        throw input_error(path, "has no layer named '" + options.layer + "'");

    Table t;
    t.m_path = path;
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const int nfields = defn->GetFieldCount();
    std::vector<OGRFieldType> types;
    for (int f = 0; f < nfields; ++f) {
        t.m_columns.emplace_back(defn->GetFieldDefn(f)->GetNameRef());
        types.push_back(defn->GetFieldDefn(f)->GetType());
    }
    t.m_cells.resize(t.m_columns.size());

    // Coordinates not in WGS84 longitude/latitude are transformed.
    detail::TransformPtr to_wgs84;
    if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
        OGRSpatialReference src(*srs);
        src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRSpatialReference wgs84;
        wgs84.SetWellKnownGeogCS("WGS84");
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (!src.IsSame(&wgs84)) {
            to_wgs84.reset(OGRCreateCoordinateTransformation(&src, &wgs84));
            if (!to_wgs84)
                throw input_error(path, "cannot transform its coordinates to WGS84: " + detail::last_gdal_error());
        }
    }
    // CSV coordinates: GDAL reads a bad number as 0, so the columns it uses are checked here.
    std::optional<std::size_t> lon_col, lat_col;
    if (csv) {
        auto first_of = [&](const std::vector<std::string>& names) -> std::optional<std::size_t> {
            for (std::size_t c = 0; c < t.m_columns.size(); ++c)
                for (const auto& n : names)
                    if (iequals(t.m_columns[c], n))
                        return c;
            return std::nullopt;
        };
        lon_col = first_of(options.lon_names);
        lat_col = first_of(options.lat_names);
    }

    layer->ResetReading();
    std::size_t record = 0;
    while (OGRFeatureUniquePtr feature{layer->GetNextFeature()}) {
        for (int f = 0; f < nfields; ++f) {
            std::string cell;
            if (feature->IsFieldSetAndNotNull(f)) {
                if (types[static_cast<std::size_t>(f)] == OFTReal)
                    cell = exact_number_text(feature->GetFieldAsDouble(f));
                else
                    cell = std::string(detail::trim_blanks(feature->GetFieldAsString(f)));
            }
            t.m_cells[static_cast<std::size_t>(f)].push_back(std::move(cell));
        }
        const auto rec = Table::record_number(record);
        std::optional<LonLat> point;
        if (csv && lon_col && lat_col) {
            // GDAL leaves a coordinate that is not a number unset (and then makes no point)
            const auto& lon = t.m_cells[*lon_col].back();
            const auto& lat = t.m_cells[*lat_col].back();
            if (lon.empty() != lat.empty()) {
                const std::size_t bad = lon.empty() ? *lon_col : *lat_col;
                throw input_error(path, rec, t.m_columns[bad], "",
                                  "is empty or not a number (decimal degrees, WGS84) while " +
                                      t.m_columns[bad == *lon_col ? *lat_col : *lon_col] + " is given");
            }
        }
        if (const OGRGeometry* g = feature->GetGeometryRef(); g != nullptr && !g->IsEmpty()) {
            if (wkbFlatten(g->getGeometryType()) != wkbPoint)
                throw input_error(path, rec, "geometry", g->getGeometryName(), "is not a point");
            double x = g->toPoint()->getX(), y = g->toPoint()->getY();
            if (to_wgs84 && !to_wgs84->Transform(1, &x, &y))
                throw input_error(path, rec, "geometry", format_value(x) + " " + format_value(y),
                                  "cannot be transformed to WGS84");
            const std::string lon_name = lon_col ? t.m_columns[*lon_col] : "longitude";
            const std::string lat_name = lat_col ? t.m_columns[*lat_col] : "latitude";
            if (!(x >= -180.0 && x <= 180.0))
                throw input_error(path, rec, lon_name, format_value(x), "is outside [-180, 180]");
            if (!(y >= -90.0 && y <= 90.0))
                throw input_error(path, rec, lat_name, format_value(y), "is outside [-90, 90]");
            point = LonLat{x, y};
            t.m_has_points = true;
        }
        t.m_points.push_back(point);
        ++record;
    }
    return t;
}

}  // namespace basural

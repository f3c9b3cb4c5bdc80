#include "basural/inventory/writing.hpp"

#include "basural/base/atomic_output.hpp"
#include "basural/base/error.hpp"
#include "basural/base/number_text.hpp"

#include "detail/gdal.hpp"
#include "detail/vector_output.hpp"
#include "base/text.hpp"
#include "inventory/schema_fields.hpp"

#include <cmath>
#include <optional>

namespace basural {
namespace {

OGRFieldType write_type(const std::string& f)
{
    if (f == "lon" || f == "lat")
        return OFTReal;
    switch (detail::kind_of(f)) {
    case detail::FieldKind::real: return OFTReal;
    case detail::FieldKind::integer: return OFTInteger;
    default: return detail::is_yes_no_field(f) ? OFTInteger : OFTString;
    }
}

/// `index[k]` is the output field of schema column k: drivers may add or merge fields (KML's
/// Name/description), so positions are looked up by name, never assumed.
void set_site_fields(OGRFeature& feature, const std::vector<int>& index, const Site& s)
{
    std::size_t k = 0;
    auto text = [&](const std::string& v) {
        if (!v.empty())
            feature.SetField(index[k], v.c_str());
        ++k;
    };
    auto real = [&](const std::optional<double>& v) {
        if (v)
            feature.SetField(index[k], *v);
        ++k;
    };
    auto integer = [&](const std::optional<int>& v) {
        if (v)
            feature.SetField(index[k], *v);
        ++k;
    };
    auto boolean = [&](const std::optional<bool>& v) {
        if (v)
            feature.SetField(index[k], *v ? 1 : 0);
        ++k;
    };
    // site_schema_columns() order.
    text(s.site_id);
    text(s.name);
    text(s.country_iso3);
    text(s.admin1_name);
    text(s.admin1_code);
    text(s.municipality_name);
    text(s.municipality_code);
    real(s.location.lon_deg);
    real(s.location.lat_deg);
    text(std::string(to_string(s.location_precision)));
    text(std::string(to_string(s.site_type)));
    text(s.status == SiteStatus::unknown ? std::string{} : std::string(to_string(s.status)));
    real(s.area_ha);
    real(s.depth_m);
    real(s.waste_t_per_day);
    real(s.waste_in_place_t);
    integer(s.opening_year);
    integer(s.closure_year);
    boolean(s.open_burning);
    integer(s.waste_pickers);
    integer(s.child_waste_pickers);
    text(s.gas_capture == GasCapture::unknown ? std::string{} : std::string(to_string(s.gas_capture)));
    boolean(s.receives_other_municipalities);
    text(std::string(to_string(s.provenance)));
    text(s.waste_provenance ? std::string(to_string(*s.waste_provenance)) : std::string{});
    text(s.source);
    text(s.source_record);
    text(format_derived_fields(s.derived_fields));
    text(format_reporting_municipalities(s.reporting_municipalities));
}

}  // namespace

void write_inventory(const Inventory& inventory, const std::string& path, std::string_view layer_name)
{
    const bool database = detail::is_pg_source(path) || path.rfind("postgresql://", 0) == 0;
    const std::string driver_name = database ? std::string("PostgreSQL") : detail::vector_driver_for(path);
    if (driver_name == "ESRI Shapefile")
        throw usage_error("cannot write an inventory as a Shapefile: its 10-character column names cannot hold the "
                          "schema's; write .gpkg (or .geojson, .fgb, .csv, .xlsx) or a PG: table");
    const bool has_geometry = driver_name != "CSV" && driver_name != "XLSX";
    const std::string layer_text(layer_name);

    std::vector<detail::OutputField> fields;
    for (const auto& column : site_schema_columns()) {
        const bool yes_no = detail::is_yes_no_field(column);
        fields.push_back({column, write_type(column), yes_no ? OFSTBoolean : OFSTNone});
    }
    std::vector<std::string> layer_options;
    if (driver_name == "FlatGeobuf")
        layer_options.push_back("SPATIAL_INDEX=NO");  // keep features in inventory order
    if (driver_name == "CSV")
        layer_options.push_back("STRING_QUOTING=IF_NEEDED");  // plain CSV, like the shipped inventory
    if (database)
        layer_options.push_back("LAUNDER=NO");  // the table is named exactly as asked (the columns already are)

    // GeoPackages record the time they were written; a fixed date, set while the file is created,
    // filled and closed, keeps outputs byte-identical.
    const detail::ScopedConfigOption fixed_date("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z");
    detail::VectorOutput out(path);  // files: temporary then rename; PG: one transaction
    const auto& where = out.display_name();
    OGRLayer& layer =
        out.create_layer(layer_text, has_geometry ? wkbPoint : wkbNone, fields, layer_options);
    std::vector<int> index;
    for (const auto& column : site_schema_columns()) {
        index.push_back(layer.GetLayerDefn()->GetFieldIndex(column.c_str()));
        if (index.back() < 0)
            throw backend_error("GDAL: the " + driver_name + " driver did not keep field " + column + " in " + where);
    }
    for (const auto& site : inventory.sites) {
        const auto& p = site.location;
        if (!std::isfinite(p.lon_deg) || !std::isfinite(p.lat_deg) || std::fabs(p.lon_deg) > 180.0 ||
            std::fabs(p.lat_deg) > 90.0)
            throw input_error(where, "cannot write site '" + site.site_id + "': its position (" +
                                         format_value(p.lon_deg) + ", " + format_value(p.lat_deg) +
                                         ") is not a WGS84 longitude/latitude; nothing was written");
        OGRFeature feature(layer.GetLayerDefn());
        set_site_fields(feature, index, site);
        if (has_geometry)
            feature.SetGeometryDirectly(new OGRPoint(p.lon_deg, p.lat_deg));
        try {
            out.write(layer, feature);
        } catch (const backend_error& e) {
            throw backend_error("GDAL: cannot write site '" + site.site_id + "': " + e.what());
        }
    }
    out.commit();
}

void write_rejects(const std::vector<Reject>& rejects, const std::string& path)
{
    std::string text = "file,record,field,value,reason,check\n";
    for (const auto& r : rejects)
        text += detail::csv_field(r.file) + "," + std::to_string(r.record) + "," + detail::csv_field(r.field) + "," + detail::csv_field(r.value) +
                "," + detail::csv_field(r.reason) + "," + detail::csv_field(r.check) + "\n";
    write_file_atomically(path, text);
}

void write_merges(const std::vector<Merge>& merges, const std::string& path)
{
    std::string text = "record,site_id,into_record,into_site_id,distance_m\n";
    for (const auto& m : merges)
        text += std::to_string(m.record) + "," + detail::csv_field(m.site_id) + "," + std::to_string(m.into_record) + "," +
                detail::csv_field(m.into_site_id) + "," + format_value(std::round(m.distance_m * 10.0) / 10.0) + "\n";
    write_file_atomically(path, text);
}

}  // namespace basural

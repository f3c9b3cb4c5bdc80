#include "basural/planning/plan.hpp"

#include "base/text.hpp"
#include "basural/base/number_text.hpp"
#include "basural/base/error.hpp"
#include "detail/gdal.hpp"
#include "detail/vector_output.hpp"
#include "geo/polygon_layer.hpp"

#include <cmath>
#include <functional>
#include <sstream>
#include <unordered_set>
#include <utility>
#include <variant>

namespace basural {
namespace {

std::vector<std::string> split(const std::string& s)
{
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string item; std::getline(ss, item, ',');)
        if (!item.empty())
            out.push_back(item);
    return out;
}

OGRMultiPolygon to_ogr(const std::vector<std::vector<std::vector<LonLat>>>& polygons)
{
    OGRMultiPolygon mp;
    for (const auto& poly : polygons) {
        OGRPolygon p;
        for (const auto& ring : poly) {
            OGRLinearRing r;
            for (const auto& v : ring)
                r.addPoint(v.lon_deg, v.lat_deg);
            r.closeRings();
            p.addRing(&r);
        }
        mp.addGeometry(&p);
    }
    return mp;
}

/// Reads one layer of a plan feature by feature; every error names the source, layer, record and field.
/// Not detail::AttributeTable (the reader of the other tables): a plan is several named layers of one
/// open GeoPackage whose columns are typed, and a real is read as the double that was written
/// (GetFieldAsDouble), never through its text, so a plan read back gives the same totals to the last bit.
class LayerReader {
public:
    LayerReader(GDALDataset& ds, const std::string& source, const char* layer_name)
        : m_where(source + " layer " + layer_name)
    {
        m_layer = ds.GetLayerByName(layer_name);
        if (m_layer == nullptr)
            throw input_error(source, std::string("has no layer '") + layer_name +
                                          "'; is it a plan written by basural regionalize?");
        m_layer->ResetReading();
    }
    bool next()
    {
        m_feature.reset(m_layer->GetNextFeature());
        if (m_feature)
            ++m_record;
        return m_feature != nullptr;
    }
    [[noreturn]] void fail(const char* field, const std::string& value, const std::string& reason) const
    {
        throw input_error(m_where, m_record, field, value, reason);
    }
    int index(const char* field) const
    {
        const int i = m_feature->GetFieldIndex(field);
        if (i < 0)
            fail(field, "", "column is missing");
        return i;
    }
    /// Whether the layer has the column (columns added to plans later are absent from older plans).
    bool has(const char* field) const { return m_feature->GetFieldIndex(field) >= 0; }
    std::string text(const char* field) const
    {
        const int i = index(field);
        return m_feature->IsFieldSetAndNotNull(i) ? m_feature->GetFieldAsString(i) : "";
    }
    std::optional<double> opt_real(const char* field) const
    {
        const int i = index(field);
        if (!m_feature->IsFieldSetAndNotNull(i))
            return std::nullopt;
        return m_feature->GetFieldAsDouble(i);
    }
    double real(const char* field) const
    {
        auto v = opt_real(field);
        if (!v)
            fail(field, "", "is empty");
        return *v;
    }
    std::size_t count(const char* field) const
    {
        const double v = real(field);
        if (v < 0)
            fail(field, format_value(v), "must not be negative");
        return static_cast<std::size_t>(v);
    }
    LonLat point() const
    {
        const OGRGeometry* g = m_feature->GetGeometryRef();
        if (g == nullptr || wkbFlatten(g->getGeometryType()) != wkbPoint)
            fail("geometry", "", "must be a point");
        const auto* p = g->toPoint();
        return {p->getX(), p->getY()};
    }
    MultiPolygonRings polygons() const
    {
        const OGRGeometry* g = m_feature->GetGeometryRef();
        if (g == nullptr)
            return {};
        auto out = ogr_polygons(*g);
        if (!out)
            fail("geometry", "", "must be a polygon or multipolygon");
        return std::move(*out);
    }

private:
    std::string m_where;
    OGRLayer* m_layer = nullptr;
    OGRFeatureUniquePtr m_feature;
    std::int64_t m_record = 0;
};

// ---- one table of fields per layer, used by write_plan and read_plan ----------------------------

/// A value as written: null (std::monostate), text, integer or real.
using FieldValue = std::variant<std::monostate, std::string, int, double>;

/// A column of a layer whose rows are `Row`s: `get` gives the value written (null only for a nullable
/// column: optional_real), `set` stores the value read into a row; `set` is empty for a column derived
/// from others (written for readers of the file, not read back).
template <typename Row>
struct Field {
    const char* name;
    OGRFieldType type;
    std::function<FieldValue(const Row&)> get;
    std::function<void(Row&, const LayerReader&)> set;
};

template <typename Row>
Field<Row> text(const char* name, std::string Row::*member)
{
    return {name, OFTString, [member](const Row& r) -> FieldValue { return r.*member; },
            [name, member](Row& r, const LayerReader& in) { r.*member = in.text(name); }};
}

template <typename Row>
Field<Row> count(const char* name, std::size_t Row::*member)
{
    return {name, OFTInteger, [member](const Row& r) -> FieldValue { return static_cast<int>(r.*member); },
            [name, member](Row& r, const LayerReader& in) { r.*member = in.count(name); }};
}

template <typename Row>
Field<Row> real(const char* name, double Row::*member)
{
    return {name, OFTReal, [member](const Row& r) -> FieldValue { return r.*member; },
            [name, member](Row& r, const LayerReader& in) { r.*member = in.real(name); }};
}

/// A real that may be absent: written as null when absent or not finite.
template <typename Row>
Field<Row> optional_real(const char* name, std::optional<double> Row::*member)
{
    return {name, OFTReal,
            [member](const Row& r) -> FieldValue {
                const auto& v = r.*member;
                if (v && std::isfinite(*v))
                    return *v;
                return std::monostate{};
            },
            [name, member](Row& r, const LayerReader& in) { r.*member = in.opt_real(name); }};
}

/// A yes/no column written as "yes" or "no".
template <typename Row>
Field<Row> yes_no(const char* name, bool Row::*member)
{
    return {name, OFTString, [member](const Row& r) -> FieldValue { return std::string(r.*member ? "yes" : "no"); },
            [name, member](Row& r, const LayerReader& in) {
                const auto t = in.text(name);
                if (t != "yes" && t != "no")
                    in.fail(name, t, "must be 'yes' or 'no'");
                r.*member = t == "yes";
            }};
}

/// A t/day that is unknown when `unknown(row)` (written empty, read back as 0 with the row's own
/// count of unknown tonnages saying so), else a real.
template <typename Row>
Field<Row> known_real(const char* name, double Row::*member, bool (*unknown)(const Row&))
{
    return {name, OFTReal,
            [member, unknown](const Row& r) -> FieldValue {
                if (unknown(r))
                    return std::monostate{};
                return r.*member;
            },
            [name, member](Row& r, const LayerReader& in) { r.*member = in.opt_real(name).value_or(0.0); }};
}

bool facility_waste_unknown(const PlanFacility& f) { return f.sites_served > 0 && f.sites_waste_unknown == f.sites_served; }
bool summary_waste_unknown(const PlanCountrySummary& s)
{
    return s.demand_sites > 0 && s.demand_sites_waste_unknown == s.demand_sites;
}

template <typename Row>
struct Layer {
    const char* name;
    std::vector<Field<Row>> fields;
};

/// An enum that may be absent: written as its name (to_string) or null, read back with `parse`.
template <typename Row, typename Enum>
Field<Row> optional_enum(const char* name, std::optional<Enum> Row::*member,
                         std::optional<Enum> (*parse)(std::string_view) noexcept, const char* allowed)
{
    return {name, OFTString,
            [member](const Row& r) -> FieldValue {
                const auto& v = r.*member;
                if (!v)
                    return std::monostate{};
                return std::string(to_string(*v));
            },
            [name, member, parse, allowed](Row& r, const LayerReader& in) {
                const std::string t = in.text(name);
                const std::optional<Enum> v = t.empty() ? std::nullopt : parse(t);
                if (!t.empty() && !v)
                    in.fail(name, t, std::string("must be one of ") + allowed);
                r.*member = v;
            }};
}

/// A column added to plans after they were first written: absent from an older plan, its value
/// stays absent instead of the plan being refused.
template <typename Row>
Field<Row> added_later(Field<Row> field)
{
    field.set = [name = field.name, set = std::move(field.set)](Row& r, const LayerReader& in) {
        if (in.has(name))
            set(r, in);
    };
    return field;
}

template <typename Row>
Field<Row> waste_provenance_field(std::optional<Provenance> Row::*member)
{
    return added_later(optional_enum("waste_provenance", member, &parse_provenance, "observed, derived, estimated"));
}

template <typename Row>
Field<Row> location_precision_field(std::optional<LocationPrecision> Row::*member)
{
    return added_later(
        optional_enum("location_precision", member, &parse_location_precision, "surveyed, municipal_seat, estimated"));
}

const Layer<PlanFacility> FACILITIES{
    "facilities",
    {text("facility_id", &PlanFacility::facility_id),
     text("country", &PlanFacility::country_iso3),
     text("admin1_code", &PlanFacility::admin1_code),
     {"kind", OFTString,
      [](const PlanFacility& f) -> FieldValue { return std::string(f.existing ? "existing" : "proposed"); },
      [](PlanFacility& f, const LayerReader& in) {
          const auto kind = in.text("kind");
          if (kind != "existing" && kind != "proposed")
              in.fail("kind", kind, "must be 'proposed' or 'existing'");
          f.existing = kind == "existing";
      }},
     text("site_id", &PlanFacility::site_id),
     text("name", &PlanFacility::name),
     location_precision_field(&PlanFacility::location_precision),
     known_real("waste_t_per_day", &PlanFacility::waste_t_per_day, &facility_waste_unknown),
     added_later(optional_real("waste_t_per_day_estimated", &PlanFacility::waste_t_per_day_estimated)),
     added_later(real("waste_t_per_day_implausible", &PlanFacility::waste_t_per_day_implausible)),
     count("sites_served", &PlanFacility::sites_served),
     added_later(count("sites_waste_unknown", &PlanFacility::sites_waste_unknown)),
     {"municipalities_served", OFTInteger,
      [](const PlanFacility& f) -> FieldValue { return static_cast<int>(f.municipality_codes.size()); }, nullptr},
     {"municipality_codes", OFTString,
      [](const PlanFacility& f) -> FieldValue { return detail::join(f.municipality_codes); },
      [](PlanFacility& f, const LayerReader& in) { f.municipality_codes = split(in.text("municipality_codes")); }},
     real("mean_haul_km", &PlanFacility::mean_haul_km),
     real("max_haul_km", &PlanFacility::max_haul_km),
     optional_real("capacity_t_per_day", &PlanFacility::capacity_t_per_day),
     optional_real("cost_per_year", &PlanFacility::cost_per_year)}};

const Layer<PlanAssignment> ASSIGNMENTS{
    "assignments",
    {text("site_id", &PlanAssignment::site_id),
     text("country", &PlanAssignment::country_iso3),
     text("municipality_code", &PlanAssignment::municipality_code),
     location_precision_field(&PlanAssignment::location_precision),
     text("facility_id", &PlanAssignment::facility_id),
     real("haul_km", &PlanAssignment::haul_km),
     optional_real("waste_t_per_day", &PlanAssignment::waste_t_per_day),
     waste_provenance_field(&PlanAssignment::waste_provenance),
     added_later(yes_no("waste_implausible", &PlanAssignment::waste_implausible)),
     optional_real("cost_share_per_year", &PlanAssignment::cost_share_per_year)}};

const Layer<PlanCatchment> CATCHMENTS{
    "catchments",
    {text("facility_id", &PlanCatchment::facility_id), text("country", &PlanCatchment::country_iso3)}};

const Layer<PlanUnserved> UNSERVED{
    "unserved",
    {text("site_id", &PlanUnserved::site_id),
     text("country", &PlanUnserved::country_iso3),
     text("municipality_code", &PlanUnserved::municipality_code),
     location_precision_field(&PlanUnserved::location_precision),
     text("reason", &PlanUnserved::reason),
     optional_real("waste_t_per_day", &PlanUnserved::waste_t_per_day),
     waste_provenance_field(&PlanUnserved::waste_provenance),
     added_later(yes_no("waste_implausible", &PlanUnserved::waste_implausible))}};

const Layer<PlanUnusedLandfill> UNUSED_LANDFILLS{
    "unused_landfills",
    {text("site_id", &PlanUnusedLandfill::site_id),
     text("country", &PlanUnusedLandfill::country_iso3),
     text("name", &PlanUnusedLandfill::name),
     text("reason", &PlanUnusedLandfill::reason),
     optional_real("nearest_dump_haul_km", &PlanUnusedLandfill::nearest_dump_haul_km)}};

const Layer<PlanCountrySummary> SUMMARY{
    "summary",
    {text("country", &PlanCountrySummary::country_iso3),
     text("part", &PlanCountrySummary::part),
     count("demand_sites", &PlanCountrySummary::demand_sites),
     count("sites_served", &PlanCountrySummary::sites_served),
     count("sites_unserved", &PlanCountrySummary::sites_unserved),
     count("facilities_proposed", &PlanCountrySummary::facilities_proposed),
     count("facilities_existing", &PlanCountrySummary::facilities_existing),
     {"weighting", OFTString,
      [](const PlanCountrySummary& s) -> FieldValue {
          return std::string(s.weighted_by_site_count ? "site_count" : "t_per_day");
      },
      [](PlanCountrySummary& s, const LayerReader& in) {
          if (!in.has("weighting"))
              return;
          const auto w = in.text("weighting");
          if (w != "site_count" && w != "t_per_day")
              in.fail("weighting", w, "must be 't_per_day' or 'site_count'");
          s.weighted_by_site_count = w == "site_count";
      }},
     added_later(count("demand_sites_waste_unknown", &PlanCountrySummary::demand_sites_waste_unknown)),
     known_real("waste_t_per_day", &PlanCountrySummary::waste_t_per_day, &summary_waste_unknown),
     added_later(optional_real("waste_t_per_day_estimated", &PlanCountrySummary::waste_t_per_day_estimated)),
     added_later(count("demand_sites_waste_implausible", &PlanCountrySummary::demand_sites_waste_implausible)),
     added_later(real("waste_t_per_day_implausible", &PlanCountrySummary::waste_t_per_day_implausible)),
     known_real("waste_t_per_day_served", &PlanCountrySummary::waste_t_per_day_served, &summary_waste_unknown),
     real("mean_haul_km", &PlanCountrySummary::mean_haul_km),
     real("max_haul_km", &PlanCountrySummary::max_haul_km),
     real("objective", &PlanCountrySummary::objective),
     real("lower_bound", &PlanCountrySummary::lower_bound),
     real("gap", &PlanCountrySummary::gap)}};

using Parameter = std::pair<std::string, std::string>;
const Layer<Parameter> PARAMETERS{"parameters", {text("name", &Parameter::first), text("value", &Parameter::second)}};

// The geometry of a row: a point for rows with a location, a multipolygon for catchments, none otherwise.
template <typename Row>
constexpr OGRwkbGeometryType geometry_type()
{
    if constexpr (requires(const Row& r) { r.location; })
        return wkbPoint;
    else if constexpr (requires(const Row& r) { r.polygons; })
        return wkbMultiPolygon;
    else
        return wkbNone;
}

template <typename Row>
void write_layer(detail::VectorOutput& out, const Layer<Row>& layer, const std::vector<Row>& rows)
{
    std::vector<detail::OutputField> fields;
    for (const auto& f : layer.fields)
        fields.push_back({f.name, f.type});
    auto& ogr_layer = out.create_layer(layer.name, geometry_type<Row>(), fields);
    for (const auto& row : rows) {
        OGRFeature feature(ogr_layer.GetLayerDefn());
        for (const auto& f : layer.fields) {
            const FieldValue v = f.get(row);
            if (const auto* s = std::get_if<std::string>(&v))
                feature.SetField(f.name, s->c_str());
            else if (const auto* i = std::get_if<int>(&v))
                feature.SetField(f.name, *i);
            else if (const auto* d = std::get_if<double>(&v))
                feature.SetField(f.name, *d);
            else
                feature.SetFieldNull(feature.GetFieldIndex(f.name));
        }
        if constexpr (geometry_type<Row>() == wkbPoint) {
            OGRPoint pt(row.location.lon_deg, row.location.lat_deg);
            feature.SetGeometry(&pt);
        } else if constexpr (geometry_type<Row>() == wkbMultiPolygon) {
            auto mp = to_ogr(row.polygons);
            feature.SetGeometry(&mp);
        }
        out.write(ogr_layer, feature);
    }
}

template <typename Row>
std::vector<Row> read_layer(GDALDataset& ds, const std::string& source, const Layer<Row>& layer)
{
    std::vector<Row> rows;
    LayerReader in(ds, source, layer.name);
    while (in.next()) {
        Row row;
        for (const auto& f : layer.fields)
            if (f.set)
                f.set(row, in);
        if constexpr (geometry_type<Row>() == wkbPoint)
            row.location = in.point();
        else if constexpr (geometry_type<Row>() == wkbMultiPolygon)
            row.polygons = in.polygons();
        rows.push_back(std::move(row));
    }
    return rows;
}

/// A layer's rows as plain data: the values write_layer writes, the geometry it writes.
template <typename Row>
PlanLayerTable layer_table(const Layer<Row>& layer, const std::vector<Row>& rows)
{
    PlanLayerTable t;
    t.name = layer.name;
    for (const auto& f : layer.fields)
        t.columns.emplace_back(f.name, f.type == OFTString    ? PlanColumnType::text
                                       : f.type == OFTInteger ? PlanColumnType::integer
                                                              : PlanColumnType::real);
    t.rows.reserve(rows.size());
    for (const auto& row : rows) {
        std::vector<ReportCell> cells;
        cells.reserve(layer.fields.size());
        for (const auto& f : layer.fields) {
            const FieldValue v = f.get(row);
            if (const auto* s = std::get_if<std::string>(&v))
                cells.emplace_back(*s);
            else if (const auto* i = std::get_if<int>(&v))
                cells.emplace_back(static_cast<std::int64_t>(*i));
            else if (const auto* d = std::get_if<double>(&v))
                cells.emplace_back(*d);
            else
                cells.emplace_back(std::monostate{});
        }
        t.rows.push_back(std::move(cells));
        if constexpr (geometry_type<Row>() == wkbPoint)
            t.points.push_back(row.location);
        else if constexpr (geometry_type<Row>() == wkbMultiPolygon)
            t.polygons.push_back(row.polygons);
    }
    t.geometry = geometry_type<Row>() == wkbPoint          ? PlanGeometry::point
                 : geometry_type<Row>() == wkbMultiPolygon ? PlanGeometry::multipolygon
                                                           : PlanGeometry::none;
    return t;
}

/// Calls f(layer, rows) for each layer of a plan in the order a plan file holds them: the one list
/// write_plan and plan_layer_tables share.
template <typename F>
void for_each_plan_layer(const RegionalPlan& plan, F&& f)
{
    f(FACILITIES, plan.facilities);
    f(ASSIGNMENTS, plan.assignments);
    f(CATCHMENTS, plan.catchments);
    f(UNSERVED, plan.unserved);
    f(UNUSED_LANDFILLS, plan.unused_landfills);
    f(SUMMARY, plan.summary);
    f(PARAMETERS, std::vector<Parameter>(plan.parameters.begin(), plan.parameters.end()));
}

}  // namespace

std::vector<PlanLayerTable> plan_layer_tables(const RegionalPlan& plan)
{
    std::vector<PlanLayerTable> out;
    for_each_plan_layer(plan, [&](const auto& layer, const auto& rows) { out.push_back(layer_table(layer, rows)); });
    return out;
}

void write_plan(const RegionalPlan& plan, const std::string& destination)
{
    detail::VectorOutput out(destination);
    for_each_plan_layer(plan, [&](const auto& layer, const auto& rows) { write_layer(out, layer, rows); });
    out.commit();
}

RegionalPlan read_plan(const std::string& source)
{
    auto ds = detail::open_vector(source);
    RegionalPlan plan;
    plan.facilities = read_layer(*ds, source, FACILITIES);
    plan.assignments = read_layer(*ds, source, ASSIGNMENTS);
    plan.catchments = read_layer(*ds, source, CATCHMENTS);
    plan.unserved = read_layer(*ds, source, UNSERVED);
    if (ds->GetLayerByName(UNUSED_LANDFILLS.name) != nullptr)  // absent from plans written before
        plan.unused_landfills = read_layer(*ds, source, UNUSED_LANDFILLS);
    plan.summary = read_layer(*ds, source, SUMMARY);
    for (auto& [name, value] : read_layer(*ds, source, PARAMETERS))
        plan.parameters[name] = std::move(value);
    return plan;
}

void check_plan_sites(const RegionalPlan& plan, const std::vector<Site>& sites, const std::string& source)
{
    std::unordered_set<std::string> ids;
    for (const auto& s : sites)
        ids.insert(s.site_id);
    auto check = [&](const char* layer, std::size_t k, const std::string& site_id) {
        if (!ids.count(site_id))
            throw input_error(source + " layer " + layer, static_cast<std::int64_t>(k + 1), "site_id", site_id,
                              "is not a site of the inventory: the plan was made from another inventory");
    };
    for (std::size_t k = 0; k < plan.assignments.size(); ++k)
        check("assignments", k, plan.assignments[k].site_id);
    for (std::size_t k = 0; k < plan.unserved.size(); ++k)
        check("unserved", k, plan.unserved[k].site_id);
}

}  // namespace basural

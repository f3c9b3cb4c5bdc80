#include "basural/plan.hpp"

#include "basural/error.hpp"
#include "detail/gdal.hpp"
#include "detail/vector_output.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace basural {
namespace {

using detail::OutputField;

// ---- writing ------------------------------------------------------------------------------------

void set_opt(OGRFeature& f, const char* name, const std::optional<double>& v)
{
    if (v && std::isfinite(*v))
        f.SetField(name, *v);
    else
        f.SetFieldNull(f.GetFieldIndex(name));
}

void set_point(OGRFeature& f, const LonLat& p)
{
    OGRPoint pt(p.lon_deg, p.lat_deg);
    f.SetGeometry(&pt);
}

std::string join(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& s : items)
        out += (out.empty() ? "" : ",") + s;
    return out;
}

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

// ---- reading ------------------------------------------------------------------------------------

class LayerReader {
public:
    LayerReader(GDALDataset& ds, const std::string& source, const char* layer_name)
        : m_source(source), m_layer_name(layer_name)
    {
        m_layer = ds.GetLayerByName(layer_name);
        if (m_layer == nullptr)
            throw input_error(source, std::string("has no layer '") + layer_name +
                                          "'; is it a plan written by basural regionalize?");
        m_layer->ResetReading();
    }
    OGRFeature* next()
    {
        m_feature.reset(m_layer->GetNextFeature());
        if (m_feature)
            ++m_record;
        return m_feature.get();
    }
    int index(const char* field) const
    {
        const int i = m_feature->GetFieldIndex(field);
        if (i < 0)
            throw input_error(m_source + " layer " + m_layer_name, m_record, field, "",
                              "column is missing");
        return i;
    }
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
            throw input_error(m_source + " layer " + m_layer_name, m_record, field, "", "is empty");
        return *v;
    }
    std::size_t count(const char* field) const
    {
        const double v = real(field);
        if (v < 0)
            throw input_error(m_source + " layer " + m_layer_name, m_record, field, std::to_string(v),
                              "must not be negative");
        return static_cast<std::size_t>(v);
    }
    LonLat point() const
    {
        const OGRGeometry* g = m_feature->GetGeometryRef();
        if (g == nullptr || wkbFlatten(g->getGeometryType()) != wkbPoint)
            throw input_error(m_source + " layer " + m_layer_name, m_record, "geometry", "",
                              "must be a point");
        const auto* p = g->toPoint();
        return {p->getX(), p->getY()};
    }
    std::vector<std::vector<std::vector<LonLat>>> polygons() const
    {
        std::vector<std::vector<std::vector<LonLat>>> out;
        const OGRGeometry* g = m_feature->GetGeometryRef();
        if (g == nullptr)
            return out;
        auto add_polygon = [&](const OGRPolygon& poly) {
            std::vector<std::vector<LonLat>> rings;
            for (int r = 0; r < poly.getNumInteriorRings() + 1; ++r) {
                const OGRLinearRing* ring = r == 0 ? poly.getExteriorRing() : poly.getInteriorRing(r - 1);
                std::vector<LonLat> pts;
                for (int k = 0; k < ring->getNumPoints(); ++k)
                    pts.push_back({ring->getX(k), ring->getY(k)});
                rings.push_back(std::move(pts));
            }
            out.push_back(std::move(rings));
        };
        const auto type = wkbFlatten(g->getGeometryType());
        if (type == wkbPolygon)
            add_polygon(*g->toPolygon());
        else if (type == wkbMultiPolygon)
            for (const auto* poly : *g->toMultiPolygon())
                add_polygon(*poly);
        else
            throw input_error(m_source + " layer " + m_layer_name, m_record, "geometry", "",
                              "must be a polygon or multipolygon");
        return out;
    }

private:
    std::string m_source;
    std::string m_layer_name;
    OGRLayer* m_layer = nullptr;
    OGRFeatureUniquePtr m_feature;
    std::int64_t m_record = 0;
};

}  // namespace

void write_plan(const RegionalPlan& plan, const std::string& destination)
{
    detail::VectorOutput out(destination);

    auto& fac = out.create_layer("facilities", wkbPoint,
        {{"facility_id", OFTString}, {"country", OFTString}, {"admin1_code", OFTString},
         {"kind", OFTString}, {"site_id", OFTString}, {"name", OFTString},
         {"waste_t_per_day", OFTReal}, {"sites_served", OFTInteger}, {"municipalities_served", OFTInteger},
         {"municipality_codes", OFTString}, {"mean_haul_km", OFTReal}, {"max_haul_km", OFTReal},
         {"capacity_t_per_day", OFTReal}, {"cost_per_year", OFTReal}});
    for (const auto& f : plan.facilities) {
        OGRFeature row(fac.GetLayerDefn());
        row.SetField("facility_id", f.facility_id.c_str());
        row.SetField("country", f.country_iso3.c_str());
        row.SetField("admin1_code", f.admin1_code.c_str());
        row.SetField("kind", f.existing ? "existing" : "proposed");
        row.SetField("site_id", f.site_id.c_str());
        row.SetField("name", f.name.c_str());
        row.SetField("waste_t_per_day", f.waste_t_per_day);
        row.SetField("sites_served", static_cast<int>(f.sites_served));
        row.SetField("municipalities_served", static_cast<int>(f.municipality_codes.size()));
        row.SetField("municipality_codes", join(f.municipality_codes).c_str());
        row.SetField("mean_haul_km", f.mean_haul_km);
        row.SetField("max_haul_km", f.max_haul_km);
        set_opt(row, "capacity_t_per_day", f.capacity_t_per_day);
        set_opt(row, "cost_per_year", f.cost_per_year);
        set_point(row, f.location);
        out.write(fac, row);
    }

    auto& asg = out.create_layer("assignments", wkbPoint,
        {{"site_id", OFTString}, {"country", OFTString}, {"municipality_code", OFTString},
         {"facility_id", OFTString}, {"haul_km", OFTReal}, {"waste_t_per_day", OFTReal},
         {"cost_share_per_year", OFTReal}});
    for (const auto& a : plan.assignments) {
        OGRFeature row(asg.GetLayerDefn());
        row.SetField("site_id", a.site_id.c_str());
        row.SetField("country", a.country_iso3.c_str());
        row.SetField("municipality_code", a.municipality_code.c_str());
        row.SetField("facility_id", a.facility_id.c_str());
        row.SetField("haul_km", a.haul_km);
        set_opt(row, "waste_t_per_day", a.waste_t_per_day);
        set_opt(row, "cost_share_per_year", a.cost_share_per_year);
        set_point(row, a.location);
        out.write(asg, row);
    }

    auto& cat = out.create_layer("catchments", wkbMultiPolygon,
                                 {{"facility_id", OFTString}, {"country", OFTString}});
    for (const auto& c : plan.catchments) {
        OGRFeature row(cat.GetLayerDefn());
        row.SetField("facility_id", c.facility_id.c_str());
        row.SetField("country", c.country_iso3.c_str());
        auto mp = to_ogr(c.polygons);
        row.SetGeometry(&mp);
        out.write(cat, row);
    }

    auto& uns = out.create_layer("unserved", wkbPoint,
        {{"site_id", OFTString}, {"country", OFTString}, {"municipality_code", OFTString},
         {"reason", OFTString}, {"waste_t_per_day", OFTReal}});
    for (const auto& u : plan.unserved) {
        OGRFeature row(uns.GetLayerDefn());
        row.SetField("site_id", u.site_id.c_str());
        row.SetField("country", u.country_iso3.c_str());
        row.SetField("municipality_code", u.municipality_code.c_str());
        row.SetField("reason", u.reason.c_str());
        set_opt(row, "waste_t_per_day", u.waste_t_per_day);
        set_point(row, u.location);
        out.write(uns, row);
    }

    auto& sum = out.create_layer("summary", wkbNone,
        {{"country", OFTString}, {"part", OFTString}, {"demand_sites", OFTInteger},
         {"sites_served", OFTInteger}, {"sites_unserved", OFTInteger}, {"facilities_proposed", OFTInteger},
         {"facilities_existing", OFTInteger}, {"waste_t_per_day", OFTReal}, {"waste_t_per_day_served", OFTReal},
         {"mean_haul_km", OFTReal}, {"max_haul_km", OFTReal}, {"objective", OFTReal},
         {"lower_bound", OFTReal}, {"gap", OFTReal}});
    for (const auto& s : plan.summary) {
        OGRFeature row(sum.GetLayerDefn());
        row.SetField("country", s.country_iso3.c_str());
        row.SetField("part", s.part.c_str());
        row.SetField("demand_sites", static_cast<int>(s.demand_sites));
        row.SetField("sites_served", static_cast<int>(s.sites_served));
        row.SetField("sites_unserved", static_cast<int>(s.sites_unserved));
        row.SetField("facilities_proposed", static_cast<int>(s.facilities_proposed));
        row.SetField("facilities_existing", static_cast<int>(s.facilities_existing));
        row.SetField("waste_t_per_day", s.waste_t_per_day);
        row.SetField("waste_t_per_day_served", s.waste_t_per_day_served);
        row.SetField("mean_haul_km", s.mean_haul_km);
        row.SetField("max_haul_km", s.max_haul_km);
        row.SetField("objective", s.objective);
        row.SetField("lower_bound", s.lower_bound);
        row.SetField("gap", s.gap);
        out.write(sum, row);
    }

    auto& par = out.create_layer("parameters", wkbNone, {{"name", OFTString}, {"value", OFTString}});
    for (const auto& [name, value] : plan.parameters) {
        OGRFeature row(par.GetLayerDefn());
        row.SetField("name", name.c_str());
        row.SetField("value", value.c_str());
        out.write(par, row);
    }
    out.commit();
}

RegionalPlan read_plan(const std::string& source)
{
    auto ds = detail::open_vector(source);
    RegionalPlan plan;
    {
        LayerReader r(*ds, source, "facilities");
        while (r.next()) {
            PlanFacility f;
            f.facility_id = r.text("facility_id");
            f.country_iso3 = r.text("country");
            f.admin1_code = r.text("admin1_code");
            const auto kind = r.text("kind");
            if (kind != "existing" && kind != "proposed")
                throw input_error(source + " layer facilities", static_cast<std::int64_t>(plan.facilities.size() + 1),
                                  "kind", kind, "must be 'proposed' or 'existing'");
            f.existing = kind == "existing";
            f.site_id = r.text("site_id");
            f.name = r.text("name");
            f.location = r.point();
            f.waste_t_per_day = r.real("waste_t_per_day");
            f.sites_served = r.count("sites_served");
            f.municipality_codes = split(r.text("municipality_codes"));
            f.mean_haul_km = r.real("mean_haul_km");
            f.max_haul_km = r.real("max_haul_km");
            f.capacity_t_per_day = r.opt_real("capacity_t_per_day");
            f.cost_per_year = r.opt_real("cost_per_year");
            plan.facilities.push_back(std::move(f));
        }
    }
    {
        LayerReader r(*ds, source, "assignments");
        while (r.next()) {
            PlanAssignment a;
            a.site_id = r.text("site_id");
            a.country_iso3 = r.text("country");
            a.municipality_code = r.text("municipality_code");
            a.facility_id = r.text("facility_id");
            a.location = r.point();
            a.haul_km = r.real("haul_km");
            a.waste_t_per_day = r.opt_real("waste_t_per_day");
            a.cost_share_per_year = r.opt_real("cost_share_per_year");
            plan.assignments.push_back(std::move(a));
        }
    }
    {
        LayerReader r(*ds, source, "catchments");
        while (r.next())
            plan.catchments.push_back({r.text("facility_id"), r.text("country"), r.polygons()});
    }
    {
        LayerReader r(*ds, source, "unserved");
        while (r.next()) {
            PlanUnserved u;
            u.site_id = r.text("site_id");
            u.country_iso3 = r.text("country");
            u.municipality_code = r.text("municipality_code");
            u.location = r.point();
            u.reason = r.text("reason");
            u.waste_t_per_day = r.opt_real("waste_t_per_day");
            plan.unserved.push_back(std::move(u));
        }
    }
    {
        LayerReader r(*ds, source, "summary");
        while (r.next()) {
            PlanCountrySummary s;
            s.country_iso3 = r.text("country");
            s.part = r.text("part");
            s.demand_sites = r.count("demand_sites");
            s.sites_served = r.count("sites_served");
            s.sites_unserved = r.count("sites_unserved");
            s.facilities_proposed = r.count("facilities_proposed");
            s.facilities_existing = r.count("facilities_existing");
            s.waste_t_per_day = r.real("waste_t_per_day");
            s.waste_t_per_day_served = r.real("waste_t_per_day_served");
            s.mean_haul_km = r.real("mean_haul_km");
            s.max_haul_km = r.real("max_haul_km");
            s.objective = r.real("objective");
            s.lower_bound = r.real("lower_bound");
            s.gap = r.real("gap");
            plan.summary.push_back(std::move(s));
        }
    }
    {
        LayerReader r(*ds, source, "parameters");
        while (r.next())
            plan.parameters[r.text("name")] = r.text("value");
    }
    return plan;
}

}  // namespace basural

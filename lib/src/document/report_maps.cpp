// Country report: the country map and, for large countries, one map per state (country_report.hpp).
#include "document/report_model.hpp"

#include "basural/geo/geodesy.hpp"
#include "basural/maps/map_scene.hpp"

#include <set>

namespace basural::detail {
namespace {

/// Report maps: drawn at the text width of the page, 1.6 times as wide as high, so that two maps with
/// their headings and captions fit on an A4 page.
MapStyle report_map_style()
{
    MapStyle style;
    style.width_px = 960;
    style.height_px = 600;
    style.colour_by = ColourBy::type;
    return style;
}

bool same_unit(const Admin1Key& a, const Admin1Key& b)
{
    return a.country_iso3 == b.country_iso3 && a.code == b.code && a.name == b.name;
}

double area_km2(const MultiPolygonRings& polygons)
{
    double m2 = 0.0;
    for (const auto& poly : polygons)
        for (std::size_t r = 0; r < poly.size(); ++r)
            m2 += (r == 0 ? 1.0 : -1.0) * std::abs(geodesic_ring_area_m2(poly[r]));
    return m2 / 1e6;
}

bool wants_state_maps(const ReportModel& m)
{
    if (!m.in->admin1 || m.scope_unit)
        return false;
    switch (m.options->state_maps) {
    case StateMaps::none: return false;
    case StateMaps::all: return true;
    case StateMaps::automatic: break;
    }
    return area_km2(m.in->countries->polygons(m.iso3)) >= REPORT_STATE_MAPS_MIN_AREA_KM2;
}

struct FacilityCounts {
    std::size_t proposed = 0, reused = 0, other_landfills = 0;
};

FacilityCounts count_facilities(const MapScene& scene)
{
    FacilityCounts n;
    for (const auto& f : scene.facilities)
        switch (f.kind) {
        case FacilityKind::proposed: ++n.proposed; break;
        case FacilityKind::existing: ++n.reused; break;
        case FacilityKind::existing_unused: ++n.other_landfills; break;
        }
    return n;
}

DocMap report_map(const ReportModel& m, std::string id, MapScene scene)
{
    const FacilityCounts n = count_facilities(scene);
    DocMap map;
    map.id = std::move(id);
    const auto words = [&m](std::string_view key, std::size_t k) { return m.tn(key, static_cast<std::int64_t>(k)); };
    map.caption = m.t("report.map.caption", {{"sites", words("count.sites", scene.points.size())},
                                             {"proposed", words("map.count.proposed", n.proposed)},
                                             {"reused", words("map.count.existing_used", n.reused)},
                                             {"other", words("report.map.other_landfills", n.other_landfills)}});
    map.data = {{"sites", std::to_string(scene.points.size())},
                {"proposed", std::to_string(n.proposed)},
                {"reused", std::to_string(n.reused)},
                {"other-landfills", std::to_string(n.other_landfills)}};
    map.scene = std::move(scene);
    map.style = report_map_style();
    return map;
}

/// The unit (in the admin-1 layer) of a key, or std::nullopt.
std::optional<std::size_t> layer_unit(const ReportModel& m, const Admin1Key& k)
{
    if (!m.in->admin1 || k.code.empty())
        return std::nullopt;
    const auto u = m.in->admin1->find(m.iso3, k.code);
    return u && m.in->admin1->units()[*u].code == k.code ? u : std::nullopt;
}

/// The country's units of the admin-1 layer as the map draws them.
std::vector<MapRegion> country_regions(const ReportModel& m)
{
    std::vector<MapRegion> out;
    if (!m.in->admin1)
        return out;
    for (auto u : m.in->admin1->units_of(m.iso3)) {
        const Admin1Unit& unit = m.in->admin1->units()[u];
        out.push_back({m.iso3 + "-" + unit.code, unit.code, m.iso3, unit.name, m.in->admin1->polygons(u)});
    }
    return out;
}

/// The country's scene zoomed to one state (the map veils the rest of the country): the sites of the
/// state as the report counts them (groups), the landfills standing in it and their catchments.
MapScene state_scene(const ReportModel& m, const MapScene& country, const Admin1Key& unit)
{
    // The country's frame, without copying its sites and facilities (each with its popup), then the
    // state's.
    MapScene s;
    s.attribution_lines = country.attribution_lines;
    s.focus = country.focus;
    s.neighbours = country.neighbours;
    s.admin1 = country.admin1;
    s.places = country.places;
    s.size_label = country.size_label;
    s.locale = country.locale;
    for (const auto& r : s.admin1)
        if (r.code == unit.code)
            s.zoom_admin1 = r.id;
    const std::string place = m.t("map.admin1_of_country", {{"admin1", m.unit_label(unit)}, {"country", m.country_name}});
    s.title = m.t("map.title", {{"place", place}});
    const auto in_state = [&](const std::string& site_id) {
        const auto it = m.site_index.find(site_id);
        return it != m.site_index.end() && same_unit(m.groups.sites[it->second], unit);
    };
    for (const auto& p : country.points)
        if (in_state(p.id))
            s.points.push_back(p);
    std::set<std::string> facilities;
    for (const auto& f : country.facilities) {
        const auto fu = m.groups.facilities.find(f.id);
        if (fu != m.groups.facilities.end() ? same_unit(fu->second, unit) : in_state(f.id)) {
            s.facilities.push_back(f);
            facilities.insert(f.id);
        }
    }
    for (const auto& c : m.plan.catchments)
        if (facilities.count(c.facility_id))
            s.catchments.push_back({c.facility_id, c.polygons});
    const FacilityCounts n = count_facilities(s);
    s.subtitle = m.tn("count.sites", static_cast<std::int64_t>(s.points.size())) + "; " +
                 m.t("map.subtitle.plan", {{"proposed", m.tn("map.count.proposed", static_cast<std::int64_t>(n.proposed))},
                                           {"existing", m.tn("map.count.existing_used", static_cast<std::int64_t>(n.reused))}});
    return s;
}

}  // namespace

std::vector<DocSection> map_sections(const ReportModel& m)
{
    const std::vector<MapRegion> regions = country_regions(m);
    CountryMapOptions options;
    options.locale = m.locale;
    options.plan = &m.plan;
    options.context = m.in->context;
    options.admin1 = regions.empty() ? nullptr : &regions;
    options.places = &m.places;
    const MapScene country = build_country_scene(m.sites, *m.in->countries, m.iso3, options);
    DocSection s{"map", m.t("report.map.title"), 1, {}};
    s.blocks.push_back(DocParagraph{m.t("report.map.intro"), ParagraphStyle::note});
    if (m.scope_unit && layer_unit(m, *m.scope_unit))
        s.blocks.push_back(report_map(m, "state", state_scene(m, country, *m.scope_unit)));
    s.blocks.push_back(report_map(m, "country", country));
    std::vector<DocSection> out;
    out.push_back(std::move(s));
    if (!wants_state_maps(m))
        return out;
    for (const auto& r : m.coverage.countries) {
        if (r.country_iso3 != m.iso3 || !r.admin1 || r.sites == 0 || !layer_unit(m, *r.admin1))
            continue;
        DocSection state{"map-" + r.admin1->code, m.unit_label(*r.admin1), 2, {}};
        state.blocks.push_back(report_map(m, r.admin1->code, state_scene(m, country, *r.admin1)));
        out.push_back(std::move(state));
    }
    return out;
}

}  // namespace basural::detail

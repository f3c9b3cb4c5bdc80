// From an inventory and a plan to the scene of one country's (or state's) map (basural/maps/map_scene.hpp).
// The words of the scene (title, subtitle, popups, sources) are in map_scene_text.cpp.
#include "basural/maps/map_scene.hpp"

#include "basural/base/error.hpp"
#include "basural/base/messages.hpp"
#include "basural/inventory/site_predicates.hpp"
#include "basural/inventory/mapping.hpp"
#include "basural/models/cluster.hpp"
#include "maps/map_scene_text.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace basural {
namespace {

/// Longitude/latitude bounding box.
struct Box {
    double lon0 = std::numeric_limits<double>::infinity();
    double lat0 = std::numeric_limits<double>::infinity();
    double lon1 = -std::numeric_limits<double>::infinity();
    double lat1 = -std::numeric_limits<double>::infinity();

    void add(const LonLat& p)
    {
        lon0 = std::min(lon0, p.lon_deg);
        lat0 = std::min(lat0, p.lat_deg);
        lon1 = std::max(lon1, p.lon_deg);
        lat1 = std::max(lat1, p.lat_deg);
    }
    bool empty() const { return !(lon0 <= lon1 && lat0 <= lat1); }
    bool meets(const Box& o) const
    {
        return !empty() && !o.empty() && lon0 <= o.lon1 && o.lon0 <= lon1 && lat0 <= o.lat1 && o.lat0 <= lat1;
    }
    bool holds(const LonLat& p) const { return p.lon_deg >= lon0 && p.lon_deg <= lon1 && p.lat_deg >= lat0 && p.lat_deg <= lat1; }
};

Box box_of(const std::vector<MapPolygon>& polygons)
{
    Box b;
    for (const auto& poly : polygons)
        for (const auto& ring : poly)
            for (const auto& p : ring)
                b.add(p);
    return b;
}

/// Even-odd point in polygons, in longitude/latitude (the edges GeoJSON defines as straight).
bool in_polygons(const std::vector<MapPolygon>& polygons, const LonLat& p)
{
    bool inside = false;
    for (const auto& poly : polygons)
        for (const auto& ring : poly) {
            if (ring.size() < 3)
                continue;
            for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                const LonLat& a = ring[i];
                const LonLat& b = ring[j];
                if ((a.lat_deg > p.lat_deg) != (b.lat_deg > p.lat_deg) &&
                    p.lon_deg < (b.lon_deg - a.lon_deg) * (p.lat_deg - a.lat_deg) / (b.lat_deg - a.lat_deg) + a.lon_deg)
                    inside = !inside;
            }
        }
    return inside;
}

std::string country_name(const CountryBoundaries& countries, std::string_view iso3, const Locale& locale)
{
    if (const std::string key = "country." + std::string(iso3); has_message(key))
        return tr(locale, key);
    const auto names = countries.names();
    const auto it = names.find(std::string(iso3));
    return it != names.end() && !it->second.empty() ? it->second : std::string(iso3);
}

MapCountry map_country(const CountryBoundaries& countries, std::string_view iso3, const Locale& locale)
{
    MapCountry c;
    c.iso3 = std::string(iso3);
    c.name = country_name(countries, iso3, locale);
    c.polygons = countries.polygons(iso3);
    return c;
}

/// Which state of the country a site is in: the one its admin1_code names (as a code or id of the
/// layer), else the one its admin1_name names; a site whose code and name name no state of the layer
/// (or that has neither) is placed by its location.
class StateOfSite {
public:
    explicit StateOfSite(const std::vector<MapRegion>& regions) : m_regions(regions)
    {
        for (const auto& r : regions)
            m_names.push_back(normalize_term(r.name));
    }

    bool in(const Site& s, const MapRegion& zoom) const
    {
        if (!s.admin1_code.empty())
            for (const auto& r : m_regions)
                if (r.code == s.admin1_code || r.id == s.admin1_code)
                    return &r == &zoom;
        if (!s.admin1_name.empty()) {
            const std::string name = normalize_term(s.admin1_name);
            for (std::size_t i = 0; i < m_regions.size(); ++i)
                if (m_names[i] == name)
                    return &m_regions[i] == &zoom;
        }
        return in_polygons(zoom.polygons, s.location);
    }

private:
    const std::vector<MapRegion>& m_regions;
    std::vector<std::string> m_names;
};

std::string category_of(const Site& s, ColourBy by)
{
    switch (by) {
    case ColourBy::type: return std::string(to_string(s.site_type));
    case ColourBy::status: return std::string(to_string(s.status));
    case ColourBy::priority:
    case ColourBy::cluster: break;
    }
    return {};
}

/// Cluster labels of the shown sites: supplied, else the plan's facilities, else DBSCAN on them.
std::vector<std::string> cluster_labels(const std::vector<const Site*>& shown, const CountryMapOptions& options)
{
    std::vector<std::string> cluster(shown.size());
    if (options.colour_by != ColourBy::cluster)
        return cluster;
    if (options.cluster_labels != nullptr || options.plan != nullptr) {
        std::map<std::string, std::string> from_plan;
        if (options.cluster_labels == nullptr)
            for (const auto& a : options.plan->assignments)
                from_plan.emplace(a.site_id, a.facility_id);
        const auto& labels = options.cluster_labels != nullptr ? *options.cluster_labels : from_plan;
        for (std::size_t i = 0; i < shown.size(); ++i)
            if (const auto it = labels.find(shown[i]->site_id); it != labels.end())
                cluster[i] = it->second;
    } else if (!shown.empty()) {
        std::vector<LonLat> points;
        points.reserve(shown.size());
        for (const Site* s : shown)
            points.push_back(s->location);
        const auto result = dbscan(points, options.cluster_eps_m, options.cluster_min_points);
        for (std::size_t i = 0; i < shown.size(); ++i)
            if (result.label[i] != NOISE_LABEL)
                cluster[i] = std::to_string(result.label[i] + 1);
    }
    return cluster;
}

/// The scene's points: one per shown site, coloured, sized and explained.
void add_points(MapScene& scene, const std::vector<const Site*>& shown, const detail::PlanView& plan,
                const CountryMapOptions& options)
{
    const std::vector<std::string> cluster = cluster_labels(shown, options);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const Site& s = *shown[i];
        MapPoint p;
        p.id = s.site_id;
        p.location = s.location;
        p.category = options.colour_by == ColourBy::cluster ? cluster[i] : category_of(s, options.colour_by);
        if (options.priority_scores != nullptr)
            if (const auto it = options.priority_scores->find(s.site_id); it != options.priority_scores->end())
                p.priority = it->second;
        const detail::SiteWaste waste = plan.waste_of(s);
        p.size_value = waste.t_per_day;
        p.label = s.name.empty() ? s.site_id : s.name;
        p.properties = detail::site_popup(s, plan, waste, p.priority, options.locale);
        p.estimated = s.provenance == Provenance::estimated || s.location_precision == LocationPrecision::estimated ||
                      (waste.t_per_day && waste.provenance == Provenance::estimated);
        scene.points.push_back(std::move(p));
    }
}

/// The plan's facilities that concern the shown sites (all of the country's, or, zoomed, those that
/// serve the state's sites or stand in it), the landfills it leaves unused, and the catchments.
void add_plan(MapScene& scene, const std::vector<const Site*>& shown, const detail::PlanView& plan,
              const MapRegion* zoom, std::string_view iso3, const Locale& locale)
{
    if (plan.plan == nullptr)
        return;
    std::set<std::string> serving;
    for (const Site* s : shown)
        if (const auto* a = plan.assignment(s->site_id))
            serving.insert(a->facility_id);
    std::set<std::string> used_sites, drawn;
    for (const auto& f : plan.plan->facilities) {
        if (f.country_iso3 != iso3)
            continue;
        if (!f.site_id.empty())
            used_sites.insert(f.site_id);
        if (zoom != nullptr && serving.count(f.facility_id) == 0 && !in_polygons(zoom->polygons, f.location))
            continue;
        scene.facilities.push_back(detail::plan_facility(f, locale));
        drawn.insert(f.facility_id);
    }
    // Existing sanitary landfills of the inventory (status active or unknown, is_existing_landfill)
    // that the plan does not use: drawn apart, so the map's count of the plan's facilities is the plan's own.
    for (const Site* s : shown)
        if (is_existing_landfill(*s) && used_sites.count(s->site_id) == 0)
            scene.facilities.push_back(detail::unused_landfill(*s, locale));
    for (const auto& c : plan.plan->catchments)
        if (c.country_iso3 == iso3 && drawn.count(c.facility_id) != 0)
            scene.catchments.push_back({tr(locale, "map.popup.catchment", {{"facility", c.facility_id}}), c.polygons});
}

/// The country's largest towns (in the zoomed state's box when zoomed), largest first.
std::vector<MapPlace> largest_places(const std::vector<Place>& places, std::string_view iso3, const MapRegion* zoom)
{
    const Box box = zoom != nullptr ? box_of(zoom->polygons) : Box{};
    std::vector<const Place*> mine;
    for (const auto& p : places)
        if (p.country_iso3 == iso3 && p.population && (zoom == nullptr || box.holds(p.location)))
            mine.push_back(&p);
    std::stable_sort(mine.begin(), mine.end(), [](const Place* a, const Place* b) {
        return *a->population > *b->population;
    });
    std::vector<MapPlace> out;
    for (std::size_t i = 0; i < mine.size() && i < MAP_PLACE_CANDIDATES; ++i)
        out.push_back({mine[i]->name, mine[i]->location, mine[i]->population});
    return out;
}

/// The country's states and the one the map zooms to (nullptr when none).
const MapRegion* add_states(MapScene& scene, std::string_view iso3, const CountryMapOptions& options)
{
    if (options.admin1 == nullptr) {
        if (!options.zoom_admin1.empty())
            throw usage_error("zooming to the state '" + options.zoom_admin1 +
                              "' needs the states' boundaries (the shipped datasets/lac_admin1.geojson or "
                              "--admin1-boundaries FILE)");
        return nullptr;
    }
    for (const auto& r : *options.admin1)
        if (r.iso3 == iso3)
            scene.admin1.push_back(r);
    if (options.zoom_admin1.empty())
        return nullptr;
    const MapRegion* zoom = find_admin1(scene.admin1, iso3, options.zoom_admin1);
    if (zoom == nullptr) {
        std::string names;
        for (const auto& r : scene.admin1)
            names += (names.empty() ? "" : ", ") + r.name + " (" + r.code + ")";
        throw usage_error("'" + options.zoom_admin1 + "' is not a state of " + std::string(iso3) +
                          (names.empty() ? ": the boundaries have none" : "; give a name or code of: " + names));
    }
    scene.zoom_admin1 = zoom->id;
    return zoom;
}

}  // namespace

const MapRegion* find_admin1(const std::vector<MapRegion>& regions, std::string_view iso3,
                             std::string_view name_or_code)
{
    const std::string wanted = normalize_term(name_or_code);
    for (const auto& r : regions)
        if (r.iso3 == iso3 && (r.id == name_or_code || r.code == name_or_code))
            return &r;
    for (const auto& r : regions)
        if (r.iso3 == iso3 && !wanted.empty() && normalize_term(r.name) == wanted)
            return &r;
    return nullptr;
}

std::vector<std::string> countries_with_sites(const std::vector<Site>& sites, const CountryBoundaries& countries)
{
    std::set<std::string> codes;
    for (const auto& s : sites)
        if (countries.has(s.country_iso3))
            codes.insert(s.country_iso3);
    return {codes.begin(), codes.end()};
}

MapScene build_country_scene(const std::vector<Site>& sites, const CountryBoundaries& countries,
                             std::string_view iso3, const CountryMapOptions& options)
{
    if (!countries.has(iso3))
        throw usage_error("country '" + std::string(iso3) + "' is not in the boundaries file " + countries.path() +
                          (find_lac_country(iso3) == nullptr ? " (and is not one of the 33 LAC countries)" : ""));
    if (options.colour_by == ColourBy::priority && options.priority_scores == nullptr)
        throw usage_error("colouring by priority needs priority scores: give a ranking (--ranking RANKING.csv, "
                          "as basural prioritize writes it)");
    MapScene scene;
    scene.locale = options.locale;
    scene.focus = map_country(countries, iso3, options.locale);
    const MapRegion* zoom = add_states(scene, iso3, options);

    // Neighbours: anything whose box meets the country's box widened by its larger side + 1 degree.
    Box view = box_of(scene.focus.polygons);
    const double widen_deg = std::max(view.lon1 - view.lon0, view.lat1 - view.lat0) + 1.0;
    view.lon0 -= widen_deg;
    view.lon1 += widen_deg;
    view.lat0 -= widen_deg;
    view.lat1 += widen_deg;
    for (const auto& code : countries.codes())
        if (code != iso3 && box_of(countries.polygons(code)).meets(view))
            scene.neighbours.push_back(map_country(countries, code, options.locale));
    if (options.context != nullptr)
        for (const auto& c : *options.context)
            if (box_of(c.polygons).meets(view))
                scene.neighbours.push_back(c);

    // The country's (or state's) sites, in input order.
    std::vector<const Site*> shown;
    const StateOfSite state_of(scene.admin1);
    for (const auto& s : sites)
        if (s.country_iso3 == iso3 && (zoom == nullptr || state_of.in(s, *zoom)))
            shown.push_back(&s);
    const detail::PlanView plan(options.plan, iso3);
    add_points(scene, shown, plan, options);
    add_plan(scene, shown, plan, zoom, iso3, options.locale);
    if (options.places != nullptr)
        scene.places = largest_places(*options.places, iso3, zoom);
    scene.size_label = tr(options.locale, "map.legend.size");
    detail::add_scene_text(scene, shown, zoom, options);
    return scene;
}

}  // namespace basural

#include "basural/maps/map_scene.hpp"

#include "basural/models/cluster.hpp"
#include "basural/base/error.hpp"

#include "detail/gdal.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>
#include <sstream>
#include <tuple>

namespace basural {
namespace {

std::string number_text(double v)
{
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

template <class T>
std::string optional_text(const std::optional<T>& v)
{
    if (!v)
        return "unknown";
    if constexpr (std::is_same_v<T, bool>)
        return *v ? "yes" : "no";
    else if constexpr (std::is_same_v<T, double>)
        return number_text(*v);
    else
        return std::to_string(*v);
}

std::string text_or_unknown(const std::string& s) { return s.empty() ? "unknown" : s; }

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

std::string country_name(const CountryBoundaries& countries, std::string_view iso3)
{
    if (const auto* c = find_lac_country(iso3))
        return std::string(c->name);
    const auto names = countries.names();
    const auto it = names.find(std::string(iso3));
    return it != names.end() && !it->second.empty() ? it->second : std::string(iso3);
}

MapCountry map_country(const CountryBoundaries& countries, std::string_view iso3)
{
    MapCountry c;
    c.iso3 = std::string(iso3);
    c.name = country_name(countries, iso3);
    c.polygons = countries.polygons(iso3);
    return c;
}

/// 4415 -> "4,415".
std::string thousands(std::size_t n)
{
    const std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

/// "1 open dump" / "2,240 open dumps".
std::string counted(std::size_t n, const std::string& one, const std::string& many)
{
    return thousands(n) + " " + (n == 1 ? one : many);
}

std::string category_of(const Site& s, ColourBy by)
{
    switch (by) {
    case ColourBy::type:
        return std::string(to_string(s.site_type));
    case ColourBy::status:
        return std::string(to_string(s.status));
    case ColourBy::priority:
    case ColourBy::cluster:
        break;
    }
    return {};
}

/// Attribution lines for the sites shown (see docs/cli/map.md, "Sources on the map").
std::vector<std::string> site_source_lines(const std::vector<const Site*>& shown, std::string_view iso3)
{
    std::vector<std::string> lines;
    // Observed (or derived from observations) sources, in order of first appearance.
    std::vector<std::string> observed_sources;
    std::map<std::string, bool> all_at_seats;
    std::vector<std::string> model_sources;
    bool any_estimated = false;
    bool shipped_model = false;
    for (const Site* s : shown) {
        if (s->provenance == Provenance::estimated) {
            if (std::find(model_sources.begin(), model_sources.end(), s->source) == model_sources.end())
                model_sources.push_back(s->source);
            shipped_model = shipped_model || s->source.rfind("basural estimate", 0) == 0;
        } else {
            auto [it, added] = all_at_seats.emplace(s->source, true);
            if (added)
                observed_sources.push_back(s->source);
            it->second = it->second && s->location_precision == LocationPrecision::municipal_seat;
        }
        any_estimated = any_estimated || site_is_estimated(*s);
    }
    for (const auto& src : observed_sources) {
        std::string name = src.empty() ? std::string("source not stated") : src;
        if (src.rfind("SNIS", 0) == 0 && src.find("2022") != std::string::npos)
            name = "SNIS 2022 (Brazil, " + src + ")";
        std::string line = "Sites: " + name + ", observed";
        if (all_at_seats[src])
            line += "; placed at municipal seats (the source gives no coordinates)";
        lines.push_back(std::move(line));
    }
    for (const auto& src : model_sources) {
        std::string line = "Estimated sites: " + (src.empty() ? std::string("source not stated") : src);
        lines.push_back(std::move(line));
    }
    if (shipped_model) {
        const std::string anchors = iso3 == "MEX" ? "INEGI municipalities (Fuente: INEGI)"
                                                  : "GeoNames places (CC BY 4.0)";
        lines.push_back("Model inputs: " + anchors +
                        "; waste per person: World Bank What a Waste 2.0 (2018, CC BY 4.0)");
    }
    if (any_estimated)
        lines.emplace_back("Estimated sites are model outputs, not observations");
    return lines;
}

}  // namespace

bool site_is_estimated(const Site& s) noexcept
{
    return s.provenance == Provenance::estimated || s.location_precision == LocationPrecision::estimated ||
           (s.waste_t_per_day && s.waste_provenance == Provenance::estimated);
}

std::vector<std::pair<std::string, std::string>> site_popup_properties(const Site& s)
{
    const std::vector<std::string> values{
        s.site_id,
        text_or_unknown(s.name),
        s.country_iso3,
        text_or_unknown(s.admin1_name),
        text_or_unknown(s.admin1_code),
        text_or_unknown(s.municipality_name),
        text_or_unknown(s.municipality_code),
        number_text(s.location.lon_deg),
        number_text(s.location.lat_deg),
        std::string(to_string(s.location_precision)),
        std::string(to_string(s.site_type)),
        std::string(to_string(s.status)),
        optional_text(s.area_ha),
        optional_text(s.depth_m),
        optional_text(s.waste_t_per_day),
        optional_text(s.waste_in_place_t),
        optional_text(s.opening_year),
        optional_text(s.closure_year),
        optional_text(s.open_burning),
        optional_text(s.waste_pickers),
        optional_text(s.child_waste_pickers),
        std::string(to_string(s.gas_capture)),
        optional_text(s.receives_other_municipalities),
        std::string(to_string(s.provenance)),
        s.waste_provenance ? std::string(to_string(*s.waste_provenance)) : std::string("unknown"),
        text_or_unknown(s.source),
        text_or_unknown(s.source_record),
    };
    const auto& columns = site_schema_columns();
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(columns.size());
    for (std::size_t i = 0; i < columns.size() && i < values.size(); ++i)
        out.emplace_back(columns[i], values[i]);
    return out;
}

std::map<std::string, double> read_ranking(const std::string& path)
{
    auto ds = detail::open_vector(path);
    if (ds->GetLayerCount() < 1)
        throw input_error(path, "no table to read a ranking from");
    OGRLayer* layer = ds->GetLayer(0);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const int id_field = defn->GetFieldIndex("site_id");
    const int score_field = defn->GetFieldIndex("score");
    if (id_field < 0)
        throw input_error(path, -1, "site_id", "", "column is missing: a ranking needs the columns site_id and score");
    if (score_field < 0)
        throw input_error(path, -1, "score", "", "column is missing: a ranking needs the columns site_id and score");
    std::map<std::string, double> scores;
    std::int64_t record = 0;
    layer->ResetReading();
    for (OGRFeatureUniquePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        ++record;
        const std::string id = f->IsFieldSetAndNotNull(id_field) ? f->GetFieldAsString(id_field) : "";
        if (id.empty())
            throw input_error(path, record, "site_id", "", "is empty: every ranked row needs its site's id");
        const std::string text = f->IsFieldSetAndNotNull(score_field) ? f->GetFieldAsString(score_field) : "";
        double score = std::numeric_limits<double>::quiet_NaN();
        const char* end = text.data() + text.size();
        const auto r = std::from_chars(text.data(), end, score);
        if (text.empty() || r.ec != std::errc{} || r.ptr != end || !(score >= 0.0 && score <= 1.0))
            throw input_error(path, record, "score", text,
                              "is not a number in [0, 1] (1 = close first), as basural prioritize writes it");
        if (!scores.emplace(id, score).second)
            throw input_error(path, record, "site_id", id, "appears twice: a ranking has one row per site");
    }
    return scores;
}

std::vector<MapCountry> read_map_context(const std::string& path)
{
    auto ds = detail::open_vector(path);
    if (ds->GetLayerCount() < 1)
        throw input_error(path, "no layer of country polygons");
    OGRLayer* layer = ds->GetLayer(0);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const int name_field = defn->GetFieldIndex("name");
    const int code_field = defn->GetFieldIndex("iso_n3");
    std::vector<MapCountry> out;
    std::int64_t record = 0;
    layer->ResetReading();
    for (OGRFeatureUniquePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        ++record;
        MapCountry c;
        if (name_field >= 0 && f->IsFieldSetAndNotNull(name_field))
            c.name = f->GetFieldAsString(name_field);
        if (code_field >= 0 && f->IsFieldSetAndNotNull(code_field))
            c.iso3 = f->GetFieldAsString(code_field);
        const OGRGeometry* g = f->GetGeometryRef();
        const auto add_polygon = [&](const OGRPolygon& poly) {
            MapPolygon rings;
            for (const auto* ring : poly) {
                MapRing pts;
                for (const auto& p : *ring)
                    pts.push_back({p.getX(), p.getY()});
                rings.push_back(std::move(pts));
            }
            c.polygons.push_back(std::move(rings));
        };
        const auto type = g != nullptr ? wkbFlatten(g->getGeometryType()) : wkbUnknown;
        if (type == wkbPolygon)
            add_polygon(*g->toPolygon());
        else if (type == wkbMultiPolygon)
            for (const auto* poly : *g->toMultiPolygon())
                add_polygon(*poly);
        else
            throw input_error(path, record, "geometry", g != nullptr ? g->getGeometryName() : "",
                              "is not a Polygon or MultiPolygon");
        out.push_back(std::move(c));
    }
    return out;
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
    scene.focus = map_country(countries, iso3);
    const std::string name = scene.focus.name;

    // Neighbours: anything whose box meets the country's box widened by its larger side + 1 degree.
    Box view = box_of(scene.focus.polygons);
    const double widen_deg = std::max(view.lon1 - view.lon0, view.lat1 - view.lat0) + 1.0;
    view.lon0 -= widen_deg;
    view.lon1 += widen_deg;
    view.lat0 -= widen_deg;
    view.lat1 += widen_deg;
    for (const auto& code : countries.codes())
        if (code != iso3 && box_of(countries.polygons(code)).meets(view))
            scene.neighbours.push_back(map_country(countries, code));
    if (options.context != nullptr)
        for (const auto& c : *options.context)
            if (box_of(c.polygons).meets(view))
                scene.neighbours.push_back(c);

    // The country's sites, in input order.
    std::vector<const Site*> shown;
    for (const auto& s : sites)
        if (s.country_iso3 == iso3)
            shown.push_back(&s);

    // Cluster labels: supplied, else the plan's facilities, else DBSCAN on the country's sites.
    std::vector<std::string> cluster(shown.size());
    if (options.colour_by == ColourBy::cluster) {
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
    }

    std::size_t estimated = 0;
    std::map<SiteType, std::size_t> by_type;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const Site& s = *shown[i];
        MapPoint p;
        p.id = s.site_id;
        p.location = s.location;
        p.category = options.colour_by == ColourBy::cluster ? cluster[i] : category_of(s, options.colour_by);
        if (options.priority_scores != nullptr)
            if (const auto it = options.priority_scores->find(s.site_id); it != options.priority_scores->end())
                p.priority = it->second;
        p.size_value = s.waste_t_per_day;
        p.label = s.name.empty() ? s.site_id : s.name;
        p.properties = site_popup_properties(s);
        if (p.priority)
            p.properties.emplace_back("priority_score", number_text(*p.priority));
        if (options.colour_by == ColourBy::cluster)
            p.properties.emplace_back("cluster", cluster[i].empty() ? "unassigned" : cluster[i]);
        p.estimated = site_is_estimated(s);
        estimated += p.estimated ? 1 : 0;
        ++by_type[s.site_type];
        scene.points.push_back(std::move(p));
    }
    scene.size_label = "Waste received, t/day";

    // Facilities and catchments of the plan in this country.
    std::size_t proposed = 0, existing = 0;
    if (options.plan != nullptr) {
        std::set<std::string> in_plan;
        for (const auto& f : options.plan->facilities) {
            if (f.country_iso3 != iso3)
                continue;
            MapFacility m;
            m.id = f.facility_id;
            m.location = f.location;
            m.kind = f.existing ? FacilityKind::existing : FacilityKind::proposed;
            m.label = f.name.empty() ? f.facility_id : f.name;
            m.size_value = f.waste_t_per_day;
            m.properties = {{"facility_id", f.facility_id},
                            {"kind", f.existing ? "existing sanitary landfill" : "proposed regional landfill"},
                            {"site_id", text_or_unknown(f.site_id)},
                            {"waste_t_per_day", number_text(f.waste_t_per_day)},
                            {"sites_served", std::to_string(f.sites_served)},
                            {"mean_haul_km", number_text(f.mean_haul_km)},
                            {"max_haul_km", number_text(f.max_haul_km)},
                            {"capacity_t_per_day", optional_text(f.capacity_t_per_day)}};
            (f.existing ? existing : proposed) += 1;
            if (!f.site_id.empty())
                in_plan.insert(f.site_id);
            scene.facilities.push_back(std::move(m));
        }
        for (const Site* s : shown) {
            if (s->site_type != SiteType::sanitary_landfill || s->status != SiteStatus::active ||
                in_plan.count(s->site_id) != 0)
                continue;
            MapFacility m;
            m.id = s->site_id;
            m.location = s->location;
            m.kind = FacilityKind::existing;
            m.label = s->name.empty() ? s->site_id : s->name;
            m.size_value = s->waste_t_per_day;
            m.properties = {{"site_id", s->site_id}, {"kind", "existing sanitary landfill (inventory)"}};
            ++existing;
            scene.facilities.push_back(std::move(m));
        }
        for (const auto& c : options.plan->catchments)
            if (c.country_iso3 == iso3)
                scene.catchments.push_back({"Catchment of " + c.facility_id, c.polygons});
    }

    scene.title = name + ": disposal sites";
    if (shown.empty()) {
        scene.subtitle = "No site of " + name + " in the inventory";
    } else {
        std::ostringstream sub;
        // The types present, in schema order (a zero would read as "none exist", which the inventory
        // cannot tell).
        sub << counted(shown.size(), "site", "sites") << ": ";
        const char* sep = "";
        for (const auto& [type, one, many] :
             {std::tuple{SiteType::open_dump, "open dump", "open dumps"},
              std::tuple{SiteType::controlled_dump, "controlled dump", "controlled dumps"},
              std::tuple{SiteType::sanitary_landfill, "sanitary landfill", "sanitary landfills"},
              std::tuple{SiteType::other, "other", "other"}})
            if (by_type[type] > 0) {
                sub << sep << counted(by_type[type], one, many);
                sep = ", ";
            }
        if (estimated == shown.size())
            sub << "; all estimated";
        else if (estimated > 0)
            sub << "; " << thousands(estimated) << " estimated";
        if (options.plan != nullptr)
            sub << "; plan: " << counted(proposed, "proposed facility", "proposed facilities") << ", "
                << thousands(existing) << " existing";
        scene.subtitle = sub.str();
    }

    scene.attribution_lines.emplace_back("Boundaries: Natural Earth (public domain)");
    for (auto& line : site_source_lines(shown, iso3))
        scene.attribution_lines.push_back(std::move(line));
    if (options.plan != nullptr)
        scene.attribution_lines.emplace_back("Facilities and catchments: basural regionalize plan (model output)");
    if (options.priority_scores != nullptr && options.colour_by == ColourBy::priority)
        scene.attribution_lines.emplace_back("Priority: basural prioritize scores (model output)");
    return scene;
}

}  // namespace basural

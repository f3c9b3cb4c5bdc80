// The offline interactive map: one HTML file with Leaflet 1.9.4 inlined and the scene as GeoJSON.
// Every string from the scene reaches the page either HTML-escaped (title, subtitle) or inside the
// JSON data (escaped for a <script> element) and then into the DOM through textContent, never
// through innerHTML.
#include "basural/maps/map.hpp"

#include "basural/base/atomic_output.hpp"
#include "basural/base/messages.hpp"
#include "maps/leaflet_assets.hpp"
#include "maps/map_draw_kit.hpp"
#include "maps/map_html_page.hpp"
#include "maps/map_text.hpp"
#include "maps/map_view.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <tuple>

namespace basural {
namespace {

using Json = nlohmann::ordered_json;

/// Towns labelled on the page (the largest; Leaflet does not move labels out of each other's way).
constexpr std::size_t MAX_HTML_PLACES = 12;

std::string html_escape(std::string_view raw)
{
    const std::string s = detail::valid_utf8(raw);
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

/// JSON text that is safe inside a <script> element: "<", ">" and "&" (which can only occur in
/// strings) become \u escapes, so "</script>" or "<!--" in a name cannot end the script; U+2028 and
/// U+2029 are escaped for older JavaScript parsers. Invalid UTF-8 becomes U+FFFD.
std::string script_safe_json(const Json& j)
{
    const std::string raw = j.dump(-1, ' ', false, Json::error_handler_t::replace);
    std::string out;
    out.reserve(raw.size() + raw.size() / 16);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '<')
            out += "\\u003c";
        else if (c == '>')
            out += "\\u003e";
        else if (c == '&')
            out += "\\u0026";
        else if (c == '\xE2' && i + 2 < raw.size() && raw[i + 1] == '\x80' && (raw[i + 2] == '\xA8' || raw[i + 2] == '\xA9')) {
            out += raw[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

/// Degrees rounded to 1e-6 (about 0.1 m): enough for any map, and keeps the page small.
double round6(double v)
{
    return std::round(v * 1e6) / 1e6;
}

Json position(const LonLat& p)
{
    return Json::array({round6(p.lon_deg), round6(p.lat_deg)});
}

Json multipolygon(const std::vector<MapPolygon>& polygons)
{
    Json coords = Json::array();
    for (const auto& poly : polygons) {
        Json rings = Json::array();
        for (const auto& ring : poly) {
            if (ring.size() < 3)
                continue;
            Json r = Json::array();
            for (const auto& p : ring)
                if (std::isfinite(p.lon_deg) && std::isfinite(p.lat_deg))
                    r.push_back(position(p));
            if (r.size() < 3)
                continue;
            if (r.front() != r.back())
                r.push_back(r.front());  // GeoJSON rings are closed
            rings.push_back(std::move(r));
        }
        if (!rings.empty())
            coords.push_back(std::move(rings));
    }
    return Json{{"type", "MultiPolygon"}, {"coordinates", std::move(coords)}};
}

Json feature(Json geometry, Json properties)
{
    return Json{{"type", "Feature"}, {"properties", std::move(properties)}, {"geometry", std::move(geometry)}};
}

Json collection(Json features)
{
    return Json{{"type", "FeatureCollection"}, {"features", std::move(features)}};
}

Json country_feature(const MapCountry& c)
{
    return feature(multipolygon(c.polygons), Json{{"iso3", c.iso3}, {"name", c.name}});
}

Json pairs(const std::vector<std::pair<std::string, std::string>>& kv)
{
    Json out = Json::array();
    for (const auto& [k, v] : kv)
        out.push_back(Json::array({k, v}));
    return out;
}

/// Sites at one position with one colour, drawn as one marker (a municipal seat where several
/// sites of a municipality sit). The marker's area is proportional to their summed size value.
struct SiteGroup {
    std::vector<std::size_t> members;
    double size = 0.0;
    bool any_size = false;
    bool estimated = false;
};

std::vector<SiteGroup> site_groups(const MapScene& scene, const PointColours& colours)
{
    std::map<std::tuple<double, double, std::size_t>, std::size_t> index;
    std::vector<SiteGroup> groups;
    for (std::size_t i = 0; i < scene.points.size(); ++i) {
        const MapPoint& p = scene.points[i];
        if (!std::isfinite(p.location.lon_deg) || !std::isfinite(p.location.lat_deg))
            continue;  // as on the print map: a position that cannot be placed is not drawn
        const auto key = std::make_tuple(round6(p.location.lon_deg), round6(p.location.lat_deg), colours.legend_index[i]);
        const auto [it, added] = index.emplace(key, groups.size());
        if (added)
            groups.emplace_back();
        SiteGroup& g = groups[it->second];
        g.members.push_back(i);
        if (p.size_value && std::isfinite(*p.size_value) && *p.size_value > 0.0) {
            g.size += *p.size_value;
            g.any_size = true;
        }
        // Hollow when any member is estimated: the circle rests on an estimate.
        g.estimated = g.estimated || p.estimated;
    }
    return groups;
}

/// The largest summed size value of the markers (0 when no marker has one).
double max_group_size(const std::vector<SiteGroup>& groups)
{
    double max_size = 0.0;
    for (const auto& g : groups)
        if (g.any_size)
            max_size = std::max(max_size, g.size);
    return max_size;
}

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

/// The legend's reference circles, as the print map's: [{"text": "500", "radius_px": 12}, ...].
Json size_keys_json(const Locale& loc, double max_size)
{
    Json keys = Json::array();
    for (double v : detail::size_key_values(max_size))
        keys.push_back(Json{{"text", format_number(v, v < 1.0 ? 2 : 0, loc.numbers)},
                            {"radius_px", round2(symbol_radius_px(v, max_size))}});
    return keys;
}

Json sites_json(const MapScene& scene, const std::vector<SiteGroup>& groups, const PointColours& colours,
                double max_size)
{
    constexpr std::size_t MAX_POPUP_SITES = 25;
    const Locale& loc = scene.locale;
    std::vector<double> radius;
    for (const auto& g : groups)
        radius.push_back(round2(symbol_radius_px(g.any_size ? std::optional<double>(g.size) : std::nullopt, max_size)));
    // Larger symbols first (as on the print map) so small ones stay clickable on top.
    std::vector<std::size_t> order(groups.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return radius[a] > radius[b]; });
    Json sites = Json::array();
    for (std::size_t gi : order) {
        const SiteGroup& g = groups[gi];
        const MapPoint& first = scene.points[g.members.front()];
        Json members = Json::array();
        for (std::size_t k = 0; k < g.members.size() && k < MAX_POPUP_SITES; ++k) {
            const MapPoint& p = scene.points[g.members[k]];
            members.push_back(Json{{"id", p.id}, {"label", p.label.empty() ? p.id : p.label},
                                   {"estimated", p.estimated}, {"rows", pairs(p.properties)}});
        }
        const std::size_t more = g.members.size() > MAX_POPUP_SITES ? g.members.size() - MAX_POPUP_SITES : 0;
        std::string heading;
        if (g.members.size() > 1)
            heading = tr_n(loc, "map.html.sites_here", static_cast<std::int64_t>(g.members.size()));
        if (more > 0)
            heading += "; " + tr(loc, "map.legend.more", {{"n", format_count(static_cast<std::int64_t>(more), loc.numbers)}});
        sites.push_back(feature(Json{{"type", "Point"}, {"coordinates", position(first.location)}},
                                Json{{"colour", colours.colours[g.members.front()].hex()},
                                     {"group", colours.legend_index[g.members.front()]},
                                     {"radius_px", radius[gi]},
                                     {"estimated", g.estimated},
                                     {"heading", heading},
                                     {"more", more},
                                     {"members", std::move(members)}}));
    }
    return collection(std::move(sites));
}

std::string_view kind_name(FacilityKind k)
{
    switch (k) {
    case FacilityKind::proposed: return "proposed";
    case FacilityKind::existing: return "existing";
    case FacilityKind::existing_unused: return "existing_unused";
    }
    return "proposed";
}

Json facilities_json(const MapScene& scene)
{
    Json facilities = Json::array();
    for (const auto& f : scene.facilities) {
        if (!std::isfinite(f.location.lon_deg) || !std::isfinite(f.location.lat_deg))
            continue;
        const std::string kind(kind_name(f.kind));
        Json props{{"id", f.id},
                   {"kind", kind},
                   {"title", tr(scene.locale, "map.popup." + (kind == "existing" ? std::string("existing_used") : kind),
                                {{"name", f.label.empty() ? f.id : f.label}})},
                   {"rows", pairs(f.properties)}};
        facilities.push_back(feature(Json{{"type", "Point"}, {"coordinates", position(f.location)}}, std::move(props)));
    }
    return collection(std::move(facilities));
}

/// The country's states: polygons (names on hover; veiled when the map zooms to another) and their
/// shared boundaries as lines.
void add_states_json(const MapScene& scene, Json& out)
{
    const std::string zoom = scene.zoom_admin1;
    Json states = Json::array();
    for (const auto& r : scene.admin1)
        states.push_back(feature(multipolygon(r.polygons),
                                 Json{{"id", r.id}, {"name", r.name}, {"veiled", !zoom.empty() && r.id != zoom}}));
    const detail::RegionLines lines = detail::region_lines(scene.admin1, zoom);
    const auto lines_json = [](const std::vector<std::vector<LonLat>>& ls) {
        Json coords = Json::array();
        for (const auto& l : ls) {
            Json line = Json::array();
            for (const auto& p : l)
                line.push_back(position(p));
            coords.push_back(std::move(line));
        }
        Json features = Json::array();
        if (!coords.empty())
            features.push_back(feature(Json{{"type", "MultiLineString"}, {"coordinates", std::move(coords)}},
                                       Json::object()));
        return collection(std::move(features));
    };
    out["admin1"] = collection(std::move(states));
    out["admin1_lines"] = lines_json(lines.shared);
    out["admin1_zoom_lines"] = lines_json(lines.zoom);
}

/// The page's own words, in the scene's language, counts written in.
Json page_text(const MapScene& scene)
{
    const Locale& loc = scene.locale;
    const auto count_of_kind = [&](FacilityKind k) {
        return format_count(std::count_if(scene.facilities.begin(), scene.facilities.end(),
                                          [k](const MapFacility& f) { return f.kind == k; }),
                            loc.numbers);
    };
    const auto estimated = std::count_if(scene.points.begin(), scene.points.end(),
                                         [](const MapPoint& p) { return p.estimated; });
    const bool any_size = std::any_of(scene.points.begin(), scene.points.end(),
                                      [](const MapPoint& p) { return p.size_value.has_value(); });
    return Json{
        {"neighbours", tr(loc, "map.legend.neighbours")},
        {"admin1", tr(loc, "map.html.admin1")},
        {"places", tr(loc, "map.legend.places")},
        {"catchment", tr(loc, "map.legend.catchment")},
        {"catchments", tr(loc, "map.html.catchments",
                          {{"n", format_count(static_cast<std::int64_t>(scene.catchments.size()), loc.numbers)}})},
        {"proposed", tr(loc, "map.html.proposed", {{"n", count_of_kind(FacilityKind::proposed)}})},
        {"existing", tr(loc, "map.html.existing_used", {{"n", count_of_kind(FacilityKind::existing)}})},
        {"existing_unused", tr(loc, "map.html.existing_unused", {{"n", count_of_kind(FacilityKind::existing_unused)}})},
        {"hollow", estimated > 0 ? tr(loc, "map.html.hollow", {{"n", format_count(estimated, loc.numbers)}}) : ""},
        {"size", any_size ? tr(loc, "map.html.size") : ""},
        {"estimated_note", tr(loc, "map.popup.estimated_note")},
    };
}

Json scene_json(const MapScene& scene, const MapStyle& style)
{
    const PointColours colours = colour_points(scene, style.colour_by);
    const std::vector<SiteGroup> groups = site_groups(scene, colours);
    const double max_size = max_group_size(groups);
    Json neighbours = Json::array();
    for (const auto& c : scene.neighbours)
        neighbours.push_back(country_feature(c));
    Json catchments = Json::array();
    for (const auto& c : scene.catchments)
        catchments.push_back(feature(multipolygon(c.polygons), Json{{"label", c.label}}));
    Json legend = Json::array();
    for (const auto& e : colours.legend)
        legend.push_back(Json{{"text", e.count ? e.label + " (" + format_count(static_cast<std::int64_t>(e.count),
                                                                              scene.locale.numbers) + ")"
                                               : e.label},
                              {"colour", e.colour.hex()}});
    Json places = Json::array();
    for (std::size_t i = 0; i < scene.places.size() && i < MAX_HTML_PLACES; ++i)
        places.push_back(Json{{"name", scene.places[i].name},
                              {"lon", round6(scene.places[i].location.lon_deg)},
                              {"lat", round6(scene.places[i].location.lat_deg)}});

    // The same view as the print map: the country's (or the state's) main polygons and its sites.
    double lon_min = 180.0, lon_max = -180.0, lat_min = 90.0, lat_max = -90.0;
    for (const auto& p : detail::map_view_extent(scene)) {
        lon_min = std::min(lon_min, p.lon_deg);
        lon_max = std::max(lon_max, p.lon_deg);
        lat_min = std::min(lat_min, p.lat_deg);
        lat_max = std::max(lat_max, p.lat_deg);
    }
    Json out{{"title", scene.title},
             {"view", Json::array({Json::array({round6(lat_min), round6(lon_min)}),
                                   Json::array({round6(lat_max), round6(lon_max)})})},
             {"focus", collection(Json::array({country_feature(scene.focus)}))},
             {"neighbours", collection(std::move(neighbours))},
             {"catchments", collection(std::move(catchments))},
             {"sites", sites_json(scene, groups, colours, max_size)},
             {"size_keys", size_keys_json(scene.locale, max_size)},
             {"facilities", facilities_json(scene)},
             {"places", std::move(places)},
             {"legend_heading", colours.heading},
             {"legend", std::move(legend)},
             {"attribution", scene.attribution_lines},
             {"text", page_text(scene)}};
    add_states_json(scene, out);
    return out;
}

}  // namespace

void write_map_html(const MapScene& scene, const std::string& path, const MapStyle& style)
{
    std::string licence(detail::leaflet_license());
    for (std::size_t pos; (pos = licence.find("--")) != std::string::npos;)
        licence.replace(pos, 2, "- -");  // "--" may not appear inside an HTML comment

    std::string page;
    page.reserve(detail::leaflet_js().size() + detail::leaflet_css().size() + 65536);
    page += "<!DOCTYPE html>\n<html lang=\"" + std::string(to_string(scene.locale.language)) +
            "\" data-basural-errors=\"0\">\n<head>\n<meta charset=\"utf-8\">\n";
    page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    page += "<meta name=\"generator\" content=\"basural " BASURAL_VERSION_STRING "\">\n";
    page += "<title>" + html_escape(scene.title) + "</title>\n";
    page += "<!-- Leaflet 1.9.4 (https://leafletjs.com) is inlined below under its licence:\n" + licence + "-->\n";
    page += "<style>\n";
    page += detail::leaflet_css();
    page += "\n</style>\n<style>";
    page += detail::map_page_css();
    page += "</style>\n</head>\n<body>\n<pre id=\"basural-errors\"></pre>\n<script>";
    page += detail::map_page_error_hook();
    page += "</script>\n<header><h1>" + html_escape(scene.title) + "</h1>";
    if (!scene.subtitle.empty())
        page += "<p>" + html_escape(scene.subtitle) + "</p>";
    page += "</header>\n<div id=\"map\"></div>\n<script>\n";
    page += detail::leaflet_js();
    page += "\n</script>\n<script>\nvar DATA = ";
    page += script_safe_json(scene_json(scene, style));
    page += ";\n";
    page += detail::map_page_script();
    page += "</script>\n</body>\n</html>\n";
    write_file_atomically(path, page);
}

}  // namespace basural

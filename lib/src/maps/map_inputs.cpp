// What a map reads besides the inventory: a priority ranking, the world around LAC and the states
// (basural/maps/map_scene.hpp).
#include "basural/maps/map_scene.hpp"

#include "basural/base/error.hpp"
#include "basural/geo/table.hpp"
#include "detail/attribute_table.hpp"
#include "geo/polygon_layer.hpp"

#include <set>

namespace basural {

std::map<std::string, double> read_ranking(const std::string& path)
{
    detail::AttributeTable table(path, detail::TableColumns{{"site_id"}, {"total_score", "score"}, {},
                                                            "has no table to read a ranking from"});
    // prioritize writes total_score; a ranking made by hand may call it score
    const char* score_name = table.has("total_score") ? "total_score" : "score";
    if (!table.has(score_name))
        throw input_error(path, -1, "total_score", "", "column is missing: a ranking needs the columns site_id and "
                                                       "total_score (or score), as basural prioritize writes it");
    std::map<std::string, double> scores;
    while (table.next()) {
        const std::string id = table.text("site_id");
        if (id.empty())
            table.fail("site_id", "", "is empty: every ranked row needs its site's id");
        const std::string text = table.text(score_name);
        const auto score = parse_number(text);
        if (!score || !(*score >= 0.0 && *score <= 1.0))
            table.fail(score_name, text, "is not a number in [0, 1] (1 = close first), as basural prioritize writes it");
        if (!scores.emplace(id, *score).second)
            table.fail("site_id", id, "appears twice: a ranking has one row per site");
    }
    return scores;
}

std::vector<MapCountry> read_map_context(const std::string& path)
{
    PolygonLayer layer(path, {{}, {"name", "iso_n3"}, {}, "has no layer of country polygons"});
    std::vector<MapCountry> out;
    while (layer.next()) {
        MapCountry c{layer.text("iso_n3"), layer.text("name"), {}};
        c.polygons = layer.polygons("country " + c.name);
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<MapRegion> read_admin1_regions(const std::string& path)
{
    PolygonLayer layer(path, {{"iso3", "name"},
                              {"admin1_code", "admin1_id"},
                              "an admin-1 layer needs iso3 and name (admin1_code and admin1_id optional)",
                              "has no layer of first-level units (states, provinces)"});
    std::vector<MapRegion> out;
    std::set<std::string> ids;
    while (layer.next()) {
        MapRegion r;
        r.iso3 = layer.text("iso3");
        r.name = layer.text("name");
        r.code = layer.text("admin1_code");
        r.id = layer.text("admin1_id");
        if (r.iso3.empty())
            layer.fail("iso3", "", "is empty: every unit needs its country");
        if (r.name.empty())
            layer.fail("name", "", "is empty: every unit needs its name");
        if (r.id.empty())
            r.id = r.iso3 + "-" + (r.code.empty() ? std::to_string(layer.record()) : r.code);
        if (!ids.insert(r.id).second)
            layer.fail("admin1_id", r.id, "appears twice: each unit has its own id");
        r.polygons = layer.polygons("unit " + r.id);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace basural

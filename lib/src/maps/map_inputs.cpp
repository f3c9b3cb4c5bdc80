// What a map reads besides the inventory: a priority ranking, the world around LAC and the states
// (basural/maps/map_scene.hpp).
#include "basural/maps/map_scene.hpp"

#include "basural/base/error.hpp"
#include "detail/gdal.hpp"

#include <charconv>
#include <limits>
#include <set>

namespace basural {
namespace {

/// The polygons of a feature's Polygon or MultiPolygon geometry; throws input_error for anything else.
std::vector<MapPolygon> feature_polygons(const OGRFeature& f, const std::string& path, std::int64_t record)
{
    std::vector<MapPolygon> out;
    const OGRGeometry* g = f.GetGeometryRef();
    const auto add_polygon = [&](const OGRPolygon& poly) {
        MapPolygon rings;
        for (const auto* ring : poly) {
            MapRing pts;
            for (const auto& p : *ring)
                pts.push_back({p.getX(), p.getY()});
            rings.push_back(std::move(pts));
        }
        out.push_back(std::move(rings));
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
    return out;
}

std::string text_field(const OGRFeature& f, int index)
{
    return index >= 0 && f.IsFieldSetAndNotNull(index) ? f.GetFieldAsString(index) : "";
}

OGRLayer* first_layer(GDALDataset& ds, const std::string& path, const char* reason)
{
    if (ds.GetLayerCount() < 1)
        throw input_error(path, reason);
    return ds.GetLayer(0);
}

}  // namespace

std::map<std::string, double> read_ranking(const std::string& path)
{
    auto ds = detail::open_vector(path);
    OGRLayer* layer = first_layer(*ds, path, "no table to read a ranking from");
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const int id_field = defn->GetFieldIndex("site_id");
    // prioritize writes total_score; a ranking made by hand may call it score
    const int total_field = defn->GetFieldIndex("total_score");
    const int score_field = total_field >= 0 ? total_field : defn->GetFieldIndex("score");
    const char* score_name = total_field >= 0 ? "total_score" : "score";
    if (id_field < 0)
        throw input_error(path, -1, "site_id", "", "column is missing: a ranking needs the columns site_id and "
                                                   "total_score (or score), as basural prioritize writes it");
    if (score_field < 0)
        throw input_error(path, -1, "total_score", "", "column is missing: a ranking needs the columns site_id and "
                                                       "total_score (or score), as basural prioritize writes it");
    std::map<std::string, double> scores;
    std::int64_t record = 0;
    layer->ResetReading();
    for (OGRFeatureUniquePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        ++record;
        const std::string id = text_field(*f, id_field);
        if (id.empty())
            throw input_error(path, record, "site_id", "", "is empty: every ranked row needs its site's id");
        const std::string text = text_field(*f, score_field);
        double score = std::numeric_limits<double>::quiet_NaN();
        const char* end = text.data() + text.size();
        const auto r = std::from_chars(text.data(), end, score);
        if (text.empty() || r.ec != std::errc{} || r.ptr != end || !(score >= 0.0 && score <= 1.0))
            throw input_error(path, record, score_name, text,
                              "is not a number in [0, 1] (1 = close first), as basural prioritize writes it");
        if (!scores.emplace(id, score).second)
            throw input_error(path, record, "site_id", id, "appears twice: a ranking has one row per site");
    }
    return scores;
}

std::vector<MapCountry> read_map_context(const std::string& path)
{
    auto ds = detail::open_vector(path);
    OGRLayer* layer = first_layer(*ds, path, "no layer of country polygons");
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const int name_field = defn->GetFieldIndex("name");
    const int code_field = defn->GetFieldIndex("iso_n3");
    std::vector<MapCountry> out;
    std::int64_t record = 0;
    layer->ResetReading();
    for (OGRFeatureUniquePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        ++record;
        out.push_back({text_field(*f, code_field), text_field(*f, name_field), feature_polygons(*f, path, record)});
    }
    return out;
}

std::vector<MapRegion> read_admin1_regions(const std::string& path)
{
    auto ds = detail::open_vector(path);
    OGRLayer* layer = first_layer(*ds, path, "no layer of first-level units (states, provinces)");
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const int iso3_field = defn->GetFieldIndex("iso3");
    const int name_field = defn->GetFieldIndex("name");
    const int code_field = defn->GetFieldIndex("admin1_code");
    const int id_field = defn->GetFieldIndex("admin1_id");
    if (iso3_field < 0 || name_field < 0)
        throw input_error(path, -1, iso3_field < 0 ? "iso3" : "name", "",
                          "column is missing: an admin-1 layer needs iso3 and name (admin1_code and admin1_id "
                          "optional)");
    std::vector<MapRegion> out;
    std::set<std::string> ids;
    std::int64_t record = 0;
    layer->ResetReading();
    for (OGRFeatureUniquePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        ++record;
        MapRegion r;
        r.iso3 = text_field(*f, iso3_field);
        r.name = text_field(*f, name_field);
        r.code = text_field(*f, code_field);
        r.id = text_field(*f, id_field);
        if (r.iso3.empty())
            throw input_error(path, record, "iso3", "", "is empty: every unit needs its country");
        if (r.name.empty())
            throw input_error(path, record, "name", "", "is empty: every unit needs its name");
        if (r.id.empty())
            r.id = r.iso3 + "-" + (r.code.empty() ? std::to_string(record) : r.code);
        if (!ids.insert(r.id).second)
            throw input_error(path, record, "admin1_id", r.id, "appears twice: each unit has its own id");
        r.polygons = feature_polygons(*f, path, record);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace basural

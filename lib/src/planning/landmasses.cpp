#include "planning/landmasses.hpp"

#include "planning/union_find.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <utility>

namespace basural::planning_detail {

Landmasses::Landmasses(const CountryBoundaries& countries, bool merge_across_borders)
{
    for (const auto& iso3 : countries.codes()) {
        const auto& polys = countries.polygons(iso3);
        auto& parts = m_parts[iso3];
        for (const auto& poly : polys) {
            std::vector<std::vector<double>> rings;
            Envelope env{180, 90, -180, -90};
            for (const auto& ring : poly) {
                std::vector<double> flat;
                for (const auto& v : ring) {
                    flat.push_back(v.lon_deg);
                    flat.push_back(v.lat_deg);
                    env.min_lon = std::min(env.min_lon, v.lon_deg);
                    env.max_lon = std::max(env.max_lon, v.lon_deg);
                    env.min_lat = std::min(env.min_lat, v.lat_deg);
                    env.max_lat = std::max(env.max_lat, v.lat_deg);
                }
                rings.push_back(std::move(flat));
            }
            Part part;
            part.geom = detail::make_polygons(m_ctx, {rings});
            part.prepared = detail::prepare(m_ctx, part.geom.get());
            part.envelope = env;
            part.id = m_count++;
            parts.push_back(std::move(part));
        }
    }
    m_root.resize(m_count);
    std::iota(m_root.begin(), m_root.end(), std::size_t{0});
    if (merge_across_borders)
        merge_touching();
}


std::optional<std::size_t> Landmasses::landmass_of(const std::string& iso3, const LonLat& p)
{
    const auto it = m_parts.find(iso3);
    if (it == m_parts.end() || it->second.empty())
        return std::nullopt;
    auto point = detail::make_point(m_ctx, p.lon_deg, p.lat_deg);
    for (const auto& part : it->second)
        if (p.lon_deg >= part.envelope.min_lon && p.lon_deg <= part.envelope.max_lon &&
            p.lat_deg >= part.envelope.min_lat && p.lat_deg <= part.envelope.max_lat &&
            GEOSPreparedIntersects_r(m_ctx.get(), part.prepared.get(), point.get()) == 1)
            return m_root[part.id];
    double best = std::numeric_limits<double>::infinity();
    std::size_t best_id = it->second.front().id;
    for (const auto& part : it->second) {
        double d = 0.0;
        if (GEOSDistance_r(m_ctx.get(), part.geom.get(), point.get(), &d) == 1 && d < best) {
            best = d;
            best_id = part.id;
        }
    }
    return m_root[best_id];
}

void Landmasses::merge_touching()
{
    // Parts of different countries within 0.01 degree (about 1 km) of each other share a land
    // border (shared borders of generalised boundaries do not always meet exactly).
    constexpr double TOUCH_DEG = 0.01;
    std::vector<std::pair<const Part*, std::string>> all;
    for (const auto& [iso3, parts] : m_parts)
        for (const auto& part : parts)
            all.emplace_back(&part, iso3);
    UnionFind uf(m_count);
    for (std::size_t a = 0; a < all.size(); ++a)
        for (std::size_t b = a + 1; b < all.size(); ++b) {
            if (all[a].second == all[b].second)
                continue;
            const auto& ea = all[a].first->envelope;
            const auto& eb = all[b].first->envelope;
            if (ea.max_lon + TOUCH_DEG < eb.min_lon || eb.max_lon + TOUCH_DEG < ea.min_lon ||
                ea.max_lat + TOUCH_DEG < eb.min_lat || eb.max_lat + TOUCH_DEG < ea.min_lat)
                continue;
            double d = 0.0;
            if (GEOSDistance_r(m_ctx.get(), all[a].first->geom.get(), all[b].first->geom.get(), &d) == 1 &&
                d <= TOUCH_DEG)
                uf.unite(all[a].first->id, all[b].first->id);
        }
    for (std::size_t i = 0; i < m_count; ++i)
        m_root[i] = uf.find(i);
}

}  // namespace basural::planning_detail

#include "planning/catchments.hpp"

#include "basural/geo/geodesy.hpp"

#include <cmath>
#include <numbers>

namespace basural::planning_detail {

std::vector<std::vector<std::vector<LonLat>>> catchment_polygons(detail::GeosContext& ctx, const LonLat& centre,
                                                                 const std::vector<LonLat>& points, double ratio,
                                                                 double buffer_m)
{
    constexpr double DEG = std::numbers::pi / 180.0;
    std::vector<GEOSGeometry*> geoms;
    geoms.reserve(points.size() + 1);
    auto add = [&](const LonLat& p) {
        const auto inv = geodesic_inverse(centre, p);
        const double az = inv.azimuth1_deg * DEG;
        geoms.push_back(detail::make_point(ctx, inv.distance_m * std::sin(az), inv.distance_m * std::cos(az)).release());
    };
    add(centre);
    for (const auto& p : points)
        add(p);
    auto multipoint = detail::own(
        ctx, GEOSGeom_createCollection_r(ctx.get(), GEOS_MULTIPOINT, geoms.data(), static_cast<unsigned>(geoms.size())),
        "catchment points");
    auto hull = detail::own(ctx, GEOSConcaveHull_r(ctx.get(), multipoint.get(), ratio, 0), "catchment hull");
    auto buffered = detail::own(ctx, GEOSBuffer_r(ctx.get(), hull.get(), buffer_m, 8), "catchment buffer");

    auto ring_of = [&](const GEOSGeometry* ring) {
        std::vector<LonLat> out;
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx.get(), ring);
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(ctx.get(), seq, &n);
        for (unsigned k = 0; k < n; ++k) {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(ctx.get(), seq, k, &x, &y);
            const double d = std::hypot(x, y);
            out.push_back(d == 0.0 ? centre : geodesic_direct(centre, std::atan2(x, y) / DEG, d));
        }
        return out;
    };
    std::vector<std::vector<std::vector<LonLat>>> polygons;
    const int parts = GEOSGetNumGeometries_r(ctx.get(), buffered.get());
    for (int k = 0; k < parts; ++k) {
        const GEOSGeometry* poly = GEOSGetGeometryN_r(ctx.get(), buffered.get(), k);
        if (GEOSGeomTypeId_r(ctx.get(), poly) != GEOS_POLYGON || GEOSisEmpty_r(ctx.get(), poly) == 1)
            continue;
        std::vector<std::vector<LonLat>> rings;
        rings.push_back(ring_of(GEOSGetExteriorRing_r(ctx.get(), poly)));
        const int holes = GEOSGetNumInteriorRings_r(ctx.get(), poly);
        for (int h = 0; h < holes; ++h)
            rings.push_back(ring_of(GEOSGetInteriorRingN_r(ctx.get(), poly, h)));
        polygons.push_back(std::move(rings));
    }
    return polygons;
}

}  // namespace basural::planning_detail

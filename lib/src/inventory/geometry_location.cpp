#include "inventory/geometry_location.hpp"

#include "basural/geo/geodesy.hpp"

#include "detail/gdal.hpp"

#include <vector>

namespace basural::detail {
namespace {

GeomPtr to_geos(GeosContext& ctx, const OGRGeometry& g)
{
    std::vector<unsigned char> wkb(g.WkbSize());
    g.exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    return geom_from_wkb(ctx, wkb.data(), wkb.size());
}

double polygon_area_m2(const OGRPolygon& poly)
{
    auto ring_area = [](const OGRLinearRing* ring) {
        std::vector<LonLat> pts;
        pts.reserve(static_cast<std::size_t>(ring->getNumPoints()));
        for (int i = 0; i < ring->getNumPoints(); ++i)
            pts.push_back({ring->getX(i), ring->getY(i)});
        return geodesic_ring_area_m2(pts);
    };
    if (poly.getExteriorRing() == nullptr)
        return 0.0;
    double area = ring_area(poly.getExteriorRing());
    for (int i = 0; i < poly.getNumInteriorRings(); ++i)
        area -= ring_area(poly.getInteriorRing(i));
    return area;
}

}  // namespace

std::string transform_detail()
{
    const auto msg = last_gdal_error();
    return msg.empty() ? std::string{} : " (PROJ: " + msg + ")";
}

std::optional<Finding> locate_geometry(OGRGeometry& geometry, const GeometryToLocation& how, Site& site)
{
    OGRGeometry* g = &geometry;
    g->flattenTo2D();
    const auto type = wkbFlatten(g->getGeometryType());
    const std::string type_name = OGRGeometryTypeToName(type);
    if (type == wkbMultiPoint && g->toMultiPoint()->getNumGeometries() == 1) {
        auto* only = g->toMultiPoint()->getGeometryRef(0);
        site.location = {only->getX(), only->getY()};
    } else if (type == wkbPoint) {
        site.location = {g->toPoint()->getX(), g->toPoint()->getY()};
    } else if (type == wkbPolygon || type == wkbMultiPolygon) {
        const auto source_geom = to_geos(how.geos, *g);
        if (const auto why = invalid_reason(how.geos, source_geom.get()); !why.empty())
            return Finding{std::string(checks::INVALID_POLYGON), "geometry", type_name,
                           "footprint is not a valid polygon (" + why +
                               "); repair it at the source (e.g. QGIS \"Fix geometries\" or ogr2ogr -makevalid): "
                               "basural does not repair footprints silently"};
        if (how.to_wgs84 && g->transform(how.to_wgs84) != OGRERR_NONE)
            return Finding{std::string(checks::CRS_TRANSFORM), "geometry", type_name,
                           "cannot be transformed from " + how.crs_name + " to WGS84" + transform_detail() + "; is that the CRS of the data?"};
        const auto wgs84_geom = to_geos(how.geos, *g);
        const auto inside =
            own(how.geos, GEOSPointOnSurface_r(how.geos.get(), wgs84_geom.get()), "point on surface failed");
        point_xy(how.geos, inside.get(), site.location.lon_deg, site.location.lat_deg);
        double area_m2 = 0.0;
        if (type == wkbPolygon)
            area_m2 = polygon_area_m2(*g->toPolygon());
        else
            for (const auto* part : *g->toMultiPolygon())
                area_m2 += polygon_area_m2(*part);
        if (!site.area_ha)
            site.area_ha = area_m2 / M2_PER_HA;
        if (!how.precision_given)
            site.location_precision = LocationPrecision::surveyed;
        return std::nullopt;
    } else if (type == wkbLineString || type == wkbMultiLineString || type == wkbCircularString ||
               type == wkbCompoundCurve || type == wkbMultiCurve) {
        return Finding{std::string(checks::GEOMETRY_TYPE), "geometry", type_name,
                       "is a line; a site needs a point or a polygon footprint"};
    } else if (type == wkbMultiPoint) {
        return Finding{std::string(checks::GEOMETRY_TYPE), "geometry", type_name,
                       "has " + std::to_string(g->toMultiPoint()->getNumGeometries()) +
                           " points; a site needs one location"};
    } else {
        return Finding{std::string(checks::GEOMETRY_TYPE), "geometry", type_name,
                       "is not a point or a polygon footprint"};
    }
    if (how.to_wgs84 && !how.to_wgs84->Transform(1, &site.location.lon_deg, &site.location.lat_deg))
        return Finding{std::string(checks::CRS_TRANSFORM), "geometry", type_name,
                       "cannot be transformed from " + how.crs_name + " to WGS84" + transform_detail() + "; is that the CRS of the data?"};
    return std::nullopt;
}

}  // namespace basural::detail

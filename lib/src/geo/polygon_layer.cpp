#include "geo/polygon_layer.hpp"

#include "basural/base/error.hpp"
#include "detail/gdal.hpp"

namespace basural {
namespace {

Ring ring_points(const OGRLinearRing& ring)
{
    Ring pts;
    pts.reserve(static_cast<std::size_t>(ring.getNumPoints()));
    for (int i = 0; i < ring.getNumPoints(); ++i)
        pts.push_back({ring.getX(i), ring.getY(i)});
    if (!pts.empty() && !(pts.front() == pts.back()))
        pts.push_back(pts.front());
    return pts;
}

PolygonRings polygon_rings(const OGRPolygon& poly)
{
    PolygonRings rings;
    if (const auto* ext = poly.getExteriorRing(); ext != nullptr)
        rings.push_back(ring_points(*ext));
    for (int i = 0; i < poly.getNumInteriorRings(); ++i)
        rings.push_back(ring_points(*poly.getInteriorRing(i)));
    return rings;
}

}  // namespace

std::optional<MultiPolygonRings> ogr_polygons(const OGRGeometry& geometry)
{
    MultiPolygonRings polygons;
    const auto add = [&polygons](const OGRPolygon& poly) {
        if (auto rings = polygon_rings(poly); !rings.empty())
            polygons.push_back(std::move(rings));
    };
    const auto type = wkbFlatten(geometry.getGeometryType());
    if (type == wkbPolygon)
        add(*geometry.toPolygon());
    else if (type == wkbMultiPolygon)
        for (const auto* part : *geometry.toMultiPolygon())
            add(*part);
    else
        return std::nullopt;
    return polygons;
}

PolygonLayer::PolygonLayer(std::string path, const detail::TableColumns& columns)
    : AttributeTable(std::move(path), columns)
{
    if (const OGRSpatialReference* srs = spatial_ref(); srs != nullptr)
        m_to_wgs84 = detail::transform_to_wgs84(*srs);
}

MultiPolygonRings PolygonLayer::polygons(const std::string& what)
{
    OGRGeometry* geom = geometry();
    if (geom == nullptr || geom->IsEmpty())
        fail("geometry", "", what + " has no geometry");
    geom->flattenTo2D();
    if (m_to_wgs84 && geom->transform(m_to_wgs84.get()) != OGRERR_NONE)
        fail("geometry", what, "cannot be transformed to WGS84");
    auto polygons = ogr_polygons(*geom);
    if (!polygons)
        fail("geometry", OGRGeometryTypeToName(wkbFlatten(geom->getGeometryType())),
             "is not a polygon or multipolygon (" + what + ")");
    return std::move(*polygons);
}

}  // namespace basural

#include "detail/geos.hpp"

#include "basural/base/error.hpp"

namespace basural::detail {
namespace {

void collect_message(const char* message, void* userdata)
{
    if (message != nullptr && userdata != nullptr)
        *static_cast<std::string*>(userdata) = message;
}

}  // namespace

GeosContext::GeosContext() : m_handle(GEOS_init_r())
{
    if (m_handle == nullptr)
        throw backend_error("GEOS: cannot create a context");
    GEOSContext_setErrorMessageHandler_r(m_handle, collect_message, &m_error);
}

GeosContext::~GeosContext() { GEOS_finish_r(m_handle); }

std::string GeosContext::take_error()
{
    std::string msg;
    msg.swap(m_error);
    return msg;
}

void GeosContext::fail(const std::string& what)
{
    const auto msg = take_error();
    throw backend_error("GEOS: " + what + (msg.empty() ? std::string{} : ": " + msg));
}

GeomPtr own(GeosContext& ctx, GEOSGeometry* g, const char* what)
{
    if (g == nullptr)
        ctx.fail(what);
    return GeomPtr(g, GeomDeleter{ctx.get()});
}

GeomPtr geom_from_wkb(GeosContext& ctx, const unsigned char* wkb, std::size_t size)
{
    GEOSWKBReader* reader = GEOSWKBReader_create_r(ctx.get());
    if (reader == nullptr)
        ctx.fail("cannot create a WKB reader");
    GEOSGeometry* g = GEOSWKBReader_read_r(ctx.get(), reader, wkb, size);
    GEOSWKBReader_destroy_r(ctx.get(), reader);
    return own(ctx, g, "cannot read WKB");
}

PreparedPtr prepare(GeosContext& ctx, const GEOSGeometry* g)
{
    const GEOSPreparedGeometry* p = GEOSPrepare_r(ctx.get(), g);
    if (p == nullptr)
        ctx.fail("cannot prepare a geometry");
    return PreparedPtr(p, PreparedDeleter{ctx.get()});
}

GeomPtr make_point(GeosContext& ctx, double x, double y)
{
    return own(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), x, y), "cannot create a point");
}

GeomPtr make_polygons(GeosContext& ctx, const std::vector<std::vector<std::vector<double>>>& rings)
{
    const auto h = ctx.get();
    auto ring = [&](const std::vector<double>& xy) {
        GEOSCoordSequence* seq =
            GEOSCoordSeq_copyFromBuffer_r(h, xy.data(), static_cast<unsigned>(xy.size() / 2), 0, 0);
        if (seq == nullptr)
            ctx.fail("cannot create a coordinate sequence");
        GEOSGeometry* r = GEOSGeom_createLinearRing_r(h, seq);  // takes the sequence
        if (r == nullptr)
            ctx.fail("cannot create a ring (fewer than 4 points, or not closed?)");
        return GeomPtr(r, GeomDeleter{h});
    };
    std::vector<GeomPtr> polygons;
    for (const auto& poly : rings) {
        if (poly.empty())
            continue;
        auto shell = ring(poly[0]);
        std::vector<GeomPtr> holes;
        for (std::size_t i = 1; i < poly.size(); ++i)
            holes.push_back(ring(poly[i]));
        std::vector<GEOSGeometry*> raw_holes;
        for (auto& hole : holes)
            raw_holes.push_back(hole.get());
        GEOSGeometry* p = GEOSGeom_createPolygon_r(h, shell.get(), raw_holes.data(), static_cast<unsigned>(raw_holes.size()));
        if (p == nullptr)
            ctx.fail("cannot create a polygon");
        shell.release();  // now owned by the polygon
        for (auto& hole : holes)
            hole.release();
        polygons.emplace_back(p, GeomDeleter{h});
    }
    if (polygons.size() == 1)
        return std::move(polygons.front());
    std::vector<GEOSGeometry*> raw;
    for (auto& p : polygons)
        raw.push_back(p.get());
    GEOSGeometry* multi = GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, raw.data(), static_cast<unsigned>(raw.size()));
    if (multi == nullptr)
        ctx.fail("cannot create a multipolygon");
    for (auto& p : polygons)
        p.release();
    return GeomPtr(multi, GeomDeleter{h});
}

std::string invalid_reason(GeosContext& ctx, const GEOSGeometry* g)
{
    const char valid = GEOSisValid_r(ctx.get(), g);
    if (valid == 1)
        return {};
    if (valid != 0)
        ctx.fail("validity check failed");
    char* reason = GEOSisValidReason_r(ctx.get(), g);
    if (reason == nullptr)
        return "invalid geometry";
    std::string out = reason;
    GEOSFree_r(ctx.get(), reason);
    return out;
}

void point_xy(GeosContext& ctx, const GEOSGeometry* g, double& x, double& y)
{
    if (GEOSGeomGetX_r(ctx.get(), g, &x) == 0 || GEOSGeomGetY_r(ctx.get(), g, &y) == 0)
        ctx.fail("cannot read a point's coordinates");
}

}  // namespace basural::detail

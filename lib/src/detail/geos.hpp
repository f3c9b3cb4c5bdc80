#pragma once
// Private RAII wrapper over GEOS's stable C API (the _r functions only). Not installed: public
// headers never include GEOS.

#include <geos_c.h>

#include <memory>
#include <string>
#include <vector>

namespace basural::detail {

/// Owns one GEOS context (GEOS_init_r / GEOS_finish_r) and collects its error messages, which
/// check() turns into basural::backend_error. A context serves one thread at a time.
class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    GEOSContextHandle_t get() const noexcept { return m_handle; }
    /// The last error GEOS reported on this context ("" if none), and clears it.
    std::string take_error();
    /// Throws basural::backend_error("<what>: <GEOS message>").
    [[noreturn]] void fail(const std::string& what);

private:
    GEOSContextHandle_t m_handle = nullptr;
    std::string m_error;
};

struct GeomDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSGeometry* g) const noexcept
    {
        if (g != nullptr)
            GEOSGeom_destroy_r(ctx, g);
    }
};
struct PreparedDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(const GEOSPreparedGeometry* g) const noexcept
    {
        if (g != nullptr)
            GEOSPreparedGeom_destroy_r(ctx, g);
    }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

/// Takes ownership of a geometry a GEOS call returned; throws backend_error naming `what` when null.
GeomPtr own(GeosContext& ctx, GEOSGeometry* g, const char* what);

/// Reads a geometry from ISO/OGC WKB.
GeomPtr geom_from_wkb(GeosContext& ctx, const unsigned char* wkb, std::size_t size);

/// A prepared geometry (GEOS builds its index lazily on the first query).
PreparedPtr prepare(GeosContext& ctx, const GEOSGeometry* g);

/// A point geometry.
GeomPtr make_point(GeosContext& ctx, double x, double y);

/// A (multi)polygon from rings of (x, y) pairs: `rings[p][0]` is polygon p's shell, the rest its
/// holes; each ring is a flat, closed sequence x0 y0 x1 y1 ... A single polygon stays a Polygon.
GeomPtr make_polygons(GeosContext& ctx, const std::vector<std::vector<std::vector<double>>>& rings);

/// "" when valid, else GEOS's reason ("Self-intersection[-47.1 -15.2]").
std::string invalid_reason(GeosContext& ctx, const GEOSGeometry* g);

/// Coordinates of a point geometry.
void point_xy(GeosContext& ctx, const GEOSGeometry* g, double& x, double& y);

}  // namespace basural::detail

#pragma once
// Private CRS and coordinate-transformation helpers, the one wrapper over PROJ (directly, and through
// GDAL's OGR). Not installed: public headers never include PROJ or GDAL.
//
//  - For GDAL data (inventories, boundaries): reading a user-stated CRS and transforming to WGS84
//    lon/lat with OGR, which also transforms OGR geometries in place. Every OGRSpatialReference here
//    uses OAMS_TRADITIONAL_GIS_ORDER, so x is always longitude (or easting), whatever the CRS's
//    official axis order.
//  - For a PROJ definition of our own (the map projection): RAII handles for PJ_CONTEXT and PJ, and
//    ProjTransform, a batch forward transform. One context per ProjTransform (and so per thread):
//    a PJ is used only with the context it was created in.

#include <ogr_spatialref.h>
#include <proj.h>

#include <memory>
#include <string>
#include <vector>

namespace basural::detail {

// ---- OGR: CRSs of GDAL data -----------------------------------------------------------------------

struct TransformDeleter {
    void operator()(OGRCoordinateTransformation* ct) const noexcept { OGRCoordinateTransformation::DestroyCT(ct); }
};
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

/// WGS84 geographic (EPSG:4326) with longitude as x.
OGRSpatialReference wgs84_lonlat();

/// A CRS from user text ("EPSG:31983", WKT, PROJ string), x first; throws basural::usage_error
/// naming the text when neither GDAL nor PROJ knows it.
OGRSpatialReference crs_from_user(const std::string& text);

/// True when `srs` is WGS84 geographic (any axis order), so no transformation is needed.
bool is_wgs84_geographic(const OGRSpatialReference& srs);

/// A transformation from `source` to WGS84 lon/lat, or nullptr when `source` already is WGS84;
/// throws basural::backend_error with PROJ's message when none can be built.
TransformPtr transform_to_wgs84(const OGRSpatialReference& source);

/// A short human name for a CRS ("EPSG:31983 SIRGAS 2000 / UTM zone 23S").
std::string describe_crs(const OGRSpatialReference& srs);

// ---- PROJ: a coordinate operation of our own --------------------------------------------------------

struct ProjContextDeleter {
    void operator()(PJ_CONTEXT* ctx) const noexcept { proj_context_destroy(ctx); }
};
struct ProjDeleter {
    void operator()(PJ* pj) const noexcept { proj_destroy(pj); }
};
using ProjContextPtr = std::unique_ptr<PJ_CONTEXT, ProjContextDeleter>;
using ProjPtr = std::unique_ptr<PJ, ProjDeleter>;

/// A coordinate operation with its own context. Members are destroyed in reverse order, so the
/// PJ goes before the context it belongs to.
class ProjTransform {
public:
    /// `definition` is anything proj_create accepts (a PROJ string or pipeline, a WKT, "EPSG:..").
    /// PROJ's own logging is silenced: failures become basural::backend_error with its message.
    explicit ProjTransform(const std::string& definition);

    /// Transforms x[i], y[i] in place in the forward direction. Points PROJ cannot transform become
    /// HUGE_VAL (test with std::isfinite); returns how many did.
    std::size_t forward(std::vector<double>& x, std::vector<double>& y) const;

private:
    ProjContextPtr m_ctx;
    ProjPtr m_pj;
};

}  // namespace basural::detail

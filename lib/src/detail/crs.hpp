#pragma once
// Private CRS helpers over OGR/PROJ: reading a user-stated CRS and transforming to WGS84 lon/lat.
// Every OGRSpatialReference here uses OAMS_TRADITIONAL_GIS_ORDER, so x is always longitude
// (or easting), whatever the CRS's official axis order.

#include <ogr_spatialref.h>

#include <memory>
#include <string>

namespace basural::detail {

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

}  // namespace basural::detail

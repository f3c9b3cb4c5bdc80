#pragma once
// Private: step 2 of loading (validation.hpp) for a source geometry: a point, or a polygon
// footprint's point on the surface and geodesic area; CRS transformation to WGS84.

#include "basural/inventory/site.hpp"
#include "basural/inventory/validation.hpp"

#include "detail/geos.hpp"

#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include <optional>
#include <string>

namespace basural::detail {

/// What turning a geometry into a location needs.
struct GeometryToLocation {
    GeosContext& geos;
    OGRCoordinateTransformation* to_wgs84 = nullptr;  ///< nullptr: the source is WGS84 already
    const std::string& crs_name;                      ///< the source CRS as messages name it
    bool precision_given = false;  ///< the source gives location_precision (else footprints are surveyed)
};

/// Sets `site.location` (and area_ha and location_precision from a footprint when the source gives
/// none) from a non-empty geometry, or returns why it cannot: geometry_type, invalid_polygon,
/// crs_transform. Flattens `geometry` to 2D and transforms it in place.
std::optional<Finding> locate_geometry(OGRGeometry& geometry, const GeometryToLocation& how, Site& site);

/// PROJ's message for a failed transformation, " (PROJ: ...)" or "", taken off GDAL's error buffer
/// (so a handled failure is not later taken for a read error).
std::string transform_detail();

}  // namespace basural::detail

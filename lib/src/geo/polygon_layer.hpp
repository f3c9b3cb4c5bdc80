#pragma once
// Private: the one reader of polygon layers (country boundaries, first-level units, the countries
// around a map): a detail::AttributeTable whose records also give their Polygon or MultiPolygon as
// rings of WGS84 vertices, transformed from the layer's CRS, rings closed, empty parts left out.

#include "basural/geo/polygon_rings.hpp"
#include "detail/attribute_table.hpp"
#include "detail/crs.hpp"

#include <optional>
#include <string>

namespace basural {

/// The polygons of a Polygon or MultiPolygon geometry as they are (no CRS transformation), rings
/// closed, empty parts left out; std::nullopt for any other type of geometry.
std::optional<MultiPolygonRings> ogr_polygons(const OGRGeometry& geometry);

class PolygonLayer : public detail::AttributeTable {
public:
    /// Opens the first layer of `path` (as AttributeTable) and prepares the transformation of its
    /// CRS to WGS84.
    PolygonLayer(std::string path, const detail::TableColumns& columns);

    /// The current record's polygons. `what` names the record in messages ("country URY",
    /// "unit 05"). Throws basural::input_error (file, record, field "geometry") when the record has
    /// no geometry or an empty one, when it is not a Polygon or MultiPolygon, or when it cannot be
    /// transformed to WGS84.
    MultiPolygonRings polygons(const std::string& what);

private:
    detail::TransformPtr m_to_wgs84;
};

}  // namespace basural

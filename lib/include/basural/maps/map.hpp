#pragma once
/// \file map.hpp
/// Country maps: print-quality PNG, SVG and PDF, and one self-contained offline HTML page (Leaflet
/// inlined). The input is plain data (MapScene, map_data.hpp): no Site, no file, no GDAL here; the
/// `basural map` command builds the scene from an inventory and a plan (map_scene.hpp).
///
/// Method (docs/methods/maps.md): the map is drawn in a Lambert azimuthal equal-area projection on
/// the WGS84 ellipsoid centred on what the map shows (map_layout.hpp), so symbol densities and
/// catchment sizes compare truly across the map and the scale bar is exact at the centre. Site
/// symbols have an area proportional to their size value (map_palette.hpp).
///
/// Page geometry is in layout pixels: CSS pixels of 1/96 inch. A PNG has
/// round(width_px * dpi / 96) x round(height_px * dpi / 96) pixels; SVG and PDF pages measure
/// width_px * 0.75 x height_px * 0.75 points.

#include "basural/maps/map_data.hpp"
#include "basural/maps/map_layout.hpp"
#include "basural/maps/map_palette.hpp"

#include <string>

namespace basural {

/// Draws the map to `path`, the format chosen by its extension: .png, .svg, .pdf, or .html (which
/// calls write_map_html). PNG and PDF are painted by Cairo; the SVG is written by basural with its
/// text as <text> elements (readable, searchable, editable). Written atomically; same input, same
/// bytes. Throws basural::usage_error for an unknown extension or a bad style, basural::error when
/// the file cannot be written.
void render_map(const MapScene& scene, const MapStyle& style, const std::string& path);

/// The map as an SVG document (what render_map writes to a .svg file).
std::string map_svg(const MapScene& scene, const MapStyle& style);

/// Writes one self-contained HTML page that works offline: Leaflet 1.9.4 and its CSS inlined, the
/// scene as inline GeoJSON, layer toggles, a legend, a scale and the attribution lines, in the
/// scene's language. Written atomically; deterministic.
void write_map_html(const MapScene& scene, const std::string& path,
                    const MapStyle& style = default_map_style());

}  // namespace basural

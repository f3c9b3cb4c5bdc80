#pragma once
// Drawing a map onto a Cairo context: for the PNG and PDF writers (map_render.cpp) and for documents
// that place a map on their own pages (basural report).

#include "basural/maps/map_layout.hpp"
#include "maps/map_drawing.hpp"

#include <cairo.h>

namespace basural::detail {

/// Paints the drawing on `cr` in layout pixels (scale `cr` first for another unit).
void paint_drawing(cairo_t* cr, const MapDrawing& drawing);

/// Draws the whole map of `scene` on `cr` in layout pixels: paint_drawing(cr, map_drawing(scene, layout)).
void draw_map(cairo_t* cr, const MapScene& scene, const MapLayout& layout);

}  // namespace basural::detail

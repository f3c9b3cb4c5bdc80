#pragma once
// Painting a chart's Drawing (chart.hpp) with Cairo, text through Pango: the PDF report's charts.

#include "basural/document/chart.hpp"

#include <cairo.h>

namespace basural::detail {

/// Paints `drawing` in its layout pixels on `cr`, whose transformation the caller sets (e.g. a
/// translation to the chart's place on the page and 0.75 pt per pixel).
void paint_drawing(cairo_t* cr, const Drawing& drawing);

}  // namespace basural::detail

#pragma once
// A print map as a list of drawing operations in layout pixels (1/96 inch, y down), made once from the
// scene and the layout and then painted by Cairo (PNG, PDF: map_cairo.cpp) or written as SVG with its
// text as <text> elements (map_svg.cpp). One drawing, several outputs: they cannot disagree.

#include "basural/maps/map_layout.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace basural::detail {

struct Fill {
    Rgb colour;
    double alpha = 1.0;
};

struct Stroke {
    Rgb colour;
    double width_px = 1.0;
    double alpha = 1.0;
    std::vector<double> dash = {};  ///< on, off lengths in px; empty = solid
};

/// Rings (closed) or lines (open); filled with the even-odd rule.
struct DrawPath {
    std::vector<std::vector<PagePoint>> parts;
    bool closed = true;
    std::optional<Fill> fill;
    std::optional<Stroke> stroke;
};

struct DrawCircle {
    PagePoint centre;
    double radius_px = 1.0;
    std::optional<Fill> fill;
    std::optional<Stroke> stroke;
};

enum class TextAnchor { start, middle, end };

/// One line of text; `at` is on its baseline. `width_px` is its advance at `size_px` as measured when
/// the drawing was made (the SVG states it, so a viewer with another font keeps the layout).
struct DrawText {
    PagePoint at;
    std::string text;  ///< valid UTF-8
    double size_px = 11.0;
    bool bold = false;
    bool italic = false;
    Rgb colour;
    TextAnchor anchor = TextAnchor::start;
    double width_px = 0.0;
    std::optional<Rgb> halo;  ///< a 3 px outline behind the glyphs, so a label reads over any fill
};

/// A named group (an SVG <g id>), clipped to a rectangle and/or to rings (even-odd) when given;
/// closed by EndGroup.
struct BeginGroup {
    std::string id;
    std::optional<PageRect> clip;
    std::vector<std::vector<PagePoint>> clip_rings;
};
struct EndGroup {};

using DrawOp = std::variant<DrawPath, DrawCircle, DrawText, BeginGroup, EndGroup>;

struct MapDrawing {
    double width_px = 0.0;
    double height_px = 0.0;
    std::string title;
    std::vector<DrawOp> ops;  ///< painted in order
};

/// The whole print map: page, frame (sea, neighbours, country, states, catchments, sites, facilities,
/// labels), scale bar, north arrow, title, legend and sources.
MapDrawing map_drawing(const MapScene& scene, const MapLayout& layout);

/// The drawing as an SVG 1.1 document of width x height in points (1 layout px = 0.75 pt); text as
/// <text> in the DejaVu Sans family. Deterministic.
std::string map_drawing_svg(const MapDrawing& drawing);

}  // namespace basural::detail

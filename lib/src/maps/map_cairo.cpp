// Painting a map's drawing with Cairo (maps/map_draw.hpp).
#include "maps/map_draw.hpp"

#include "maps/map_text.hpp"

#include <cmath>
#include <type_traits>

namespace basural::detail {
namespace {

void set_colour(cairo_t* cr, Rgb c, double alpha = 1.0)
{
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, alpha);
}

void trace(cairo_t* cr, const std::vector<std::vector<PagePoint>>& parts, bool closed)
{
    for (const auto& part : parts) {
        if (part.empty())
            continue;
        cairo_move_to(cr, part[0].x_px, part[0].y_px);
        for (std::size_t i = 1; i < part.size(); ++i)
            cairo_line_to(cr, part[i].x_px, part[i].y_px);
        if (closed)
            cairo_close_path(cr);
    }
}

void fill_and_stroke(cairo_t* cr, const std::optional<Fill>& fill, const std::optional<Stroke>& stroke)
{
    if (fill) {
        set_colour(cr, fill->colour, fill->alpha);
        if (stroke)
            cairo_fill_preserve(cr);
        else
            cairo_fill(cr);
    }
    if (stroke) {
        set_colour(cr, stroke->colour, stroke->alpha);
        cairo_set_line_width(cr, stroke->width_px);
        cairo_set_dash(cr, stroke->dash.empty() ? nullptr : stroke->dash.data(), static_cast<int>(stroke->dash.size()),
                       0.0);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0.0);
    }
    cairo_new_path(cr);
}

void paint_text(cairo_t* cr, const DrawText& t)
{
    select_map_font(cr, t.size_px, t.bold, t.italic);
    double x = t.at.x_px;
    if (t.anchor == TextAnchor::middle)
        x -= t.width_px / 2.0;
    else if (t.anchor == TextAnchor::end)
        x -= t.width_px;
    if (t.halo) {
        cairo_move_to(cr, x, t.at.y_px);
        cairo_text_path(cr, t.text.c_str());
        set_colour(cr, *t.halo, 0.9);
        cairo_set_line_width(cr, 3.0);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
    }
    set_colour(cr, t.colour);
    cairo_move_to(cr, x, t.at.y_px);
    cairo_show_text(cr, t.text.c_str());
    cairo_new_path(cr);
}

}  // namespace

void paint_drawing(cairo_t* cr, const MapDrawing& drawing)
{
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (const DrawOp& op : drawing.ops) {
        std::visit(
            [cr](const auto& item) {
                using T = std::decay_t<decltype(item)>;
                if constexpr (std::is_same_v<T, DrawPath>) {
                    trace(cr, item.parts, item.closed);
                    fill_and_stroke(cr, item.fill, item.stroke);
                } else if constexpr (std::is_same_v<T, DrawCircle>) {
                    cairo_new_sub_path(cr);
                    cairo_arc(cr, item.centre.x_px, item.centre.y_px, item.radius_px, 0.0, 2.0 * std::acos(-1.0));
                    fill_and_stroke(cr, item.fill, item.stroke);
                } else if constexpr (std::is_same_v<T, DrawText>) {
                    paint_text(cr, item);
                } else if constexpr (std::is_same_v<T, BeginGroup>) {
                    cairo_save(cr);
                    if (item.clip) {
                        cairo_rectangle(cr, item.clip->x_px, item.clip->y_px, item.clip->width_px, item.clip->height_px);
                        cairo_clip(cr);
                    }
                    if (!item.clip_rings.empty()) {
                        trace(cr, item.clip_rings, true);
                        cairo_clip(cr);
                    }
                } else {
                    cairo_restore(cr);
                }
            },
            op);
    }
}

void draw_map(cairo_t* cr, const MapScene& scene, const MapLayout& layout)
{
    paint_drawing(cr, map_drawing(scene, layout));
}

}  // namespace basural::detail

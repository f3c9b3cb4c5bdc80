#include "document/drawing_cairo.hpp"

#include "document/pango_text.hpp"

#include <cmath>
#include <numbers>

namespace basural::detail {
namespace {

void set_colour(cairo_t* cr, const Rgb& c, double alpha = 1.0)
{
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, alpha);
}

void paint_rect(cairo_t* cr, const DrawRect& r)
{
    cairo_rectangle(cr, r.x_px, r.y_px, r.width_px, r.height_px);
    set_colour(cr, r.fill, r.fill_opacity);
    if (!r.stroke) {
        cairo_fill(cr);
        return;
    }
    cairo_fill_preserve(cr);
    set_colour(cr, *r.stroke);
    cairo_set_line_width(cr, r.stroke_width_px);
    cairo_stroke(cr);
}

void paint_line(cairo_t* cr, const DrawLine& l)
{
    cairo_move_to(cr, l.x0_px, l.y0_px);
    cairo_line_to(cr, l.x1_px, l.y1_px);
    set_colour(cr, l.colour);
    cairo_set_line_width(cr, l.width_px);
    cairo_stroke(cr);
}

void paint_text(cairo_t* cr, PangoText& pango, const DrawText& t)
{
    TextStyle style;
    style.size = t.size_px;
    style.bold = t.bold;
    style.r = t.colour.r / 255.0;
    style.g = t.colour.g / 255.0;
    style.b = t.colour.b / 255.0;
    pango.set(t.text, style, 0.0);
    const double w = pango.width();
    const double dx = t.anchor == TextAnchor::start ? 0.0 : t.anchor == TextAnchor::middle ? -w / 2.0 : -w;
    cairo_save(cr);
    cairo_translate(cr, t.x_px, t.y_px);
    if (t.rotate_deg != 0.0)
        cairo_rotate(cr, -t.rotate_deg * std::numbers::pi / 180.0);
    pango.draw(dx, -pango.baseline());
    cairo_restore(cr);
}

}  // namespace

void paint_drawing(cairo_t* cr, const Drawing& drawing)
{
    PangoText pango(cr);
    cairo_save(cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    for (const auto& item : drawing.items) {
        if (const auto* r = std::get_if<DrawRect>(&item))
            paint_rect(cr, *r);
        else if (const auto* l = std::get_if<DrawLine>(&item))
            paint_line(cr, *l);
        else
            paint_text(cr, pango, std::get<DrawText>(item));
    }
    cairo_restore(cr);
}

}  // namespace basural::detail

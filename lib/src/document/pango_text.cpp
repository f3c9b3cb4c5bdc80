#include "document/pango_text.hpp"

#include "basural/base/error.hpp"

namespace basural::detail {

PangoText::PangoText(cairo_t* cr) : m_cr(cr), m_layout(pango_cairo_create_layout(cr))
{
    if (!m_layout)
        throw backend_error("pango: cannot create a text layout");
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    PangoContext* context = pango_layout_get_context(m_layout.get());
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_layout_context_changed(m_layout.get());
}

void PangoText::set(const std::string& text, const TextStyle& style, double width)
{
    PangoFontDescriptionPtr font(pango_font_description_from_string("DejaVu Sans"));
    pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
    pango_font_description_set_weight(font.get(), style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font.get(), style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(m_layout.get(), font.get());
    pango_layout_set_wrap(m_layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_width(m_layout.get(), width > 0.0 ? static_cast<int>(width * PANGO_SCALE) : -1);
    pango_layout_set_alignment(m_layout.get(), style.align == TextAlign::centre  ? PANGO_ALIGN_CENTER
                                               : style.align == TextAlign::right ? PANGO_ALIGN_RIGHT
                                                                                 : PANGO_ALIGN_LEFT);
    pango_layout_set_text(m_layout.get(), text.c_str(), static_cast<int>(text.size()));
    m_r = style.r;
    m_g = style.g;
    m_b = style.b;
}

double PangoText::width() const
{
    PangoRectangle logical;
    pango_layout_get_extents(m_layout.get(), nullptr, &logical);
    return static_cast<double>(logical.width) / PANGO_SCALE;
}

double PangoText::height() const
{
    PangoRectangle logical;
    pango_layout_get_extents(m_layout.get(), nullptr, &logical);
    return static_cast<double>(logical.height) / PANGO_SCALE;
}

double PangoText::baseline() const
{
    return static_cast<double>(pango_layout_get_baseline(m_layout.get())) / PANGO_SCALE;
}

void PangoText::draw(double x, double y) const
{
    cairo_save(m_cr);
    cairo_set_source_rgb(m_cr, m_r, m_g, m_b);
    cairo_move_to(m_cr, x, y);
    pango_cairo_show_layout(m_cr, m_layout.get());
    cairo_restore(m_cr);
}

std::vector<std::pair<double, double>> PangoText::line_extents() const
{
    std::vector<std::pair<double, double>> out;
    PangoLayoutIter* it = pango_layout_get_iter(m_layout.get());
    do {
        int top = 0, bottom = 0;
        pango_layout_iter_get_line_yrange(it, &top, &bottom);
        out.emplace_back(static_cast<double>(top) / PANGO_SCALE, static_cast<double>(bottom) / PANGO_SCALE);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return out;
}

void PangoText::draw_lines(double x, double y, std::size_t first, std::size_t last) const
{
    cairo_save(m_cr);
    cairo_set_source_rgb(m_cr, m_r, m_g, m_b);
    PangoLayoutIter* it = pango_layout_get_iter(m_layout.get());
    double top = 0.0;
    std::size_t i = 0;
    do {
        if (i == first) {
            int y0 = 0, y1 = 0;
            pango_layout_iter_get_line_yrange(it, &y0, &y1);
            top = static_cast<double>(y0) / PANGO_SCALE;
        }
        if (i >= first) {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, nullptr, &logical);
            const double baseline = static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
            cairo_move_to(m_cr, x + static_cast<double>(logical.x) / PANGO_SCALE, y + baseline - top);
            pango_cairo_show_layout_line(m_cr, pango_layout_iter_get_line_readonly(it));
        }
        ++i;
    } while (i < last && pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    cairo_restore(m_cr);
}

}  // namespace basural::detail

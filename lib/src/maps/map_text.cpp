// Text on maps: UTF-8 clean-up and measuring (maps/map_text.hpp).
#include "maps/map_text.hpp"

#include "basural/base/error.hpp"

#include <algorithm>

namespace basural::detail {

std::string valid_utf8(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = byte(i);
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c < 0x80) len = 1;
        else if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;  // no overlong forms
            if (c == 0xED) hi = 0x9F;  // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
        }
        // One U+FFFD per maximal ill-formed subpart (Unicode 15, section 3.9): a truncated
        // sequence is replaced once, a byte that can start nothing on its own.
        std::size_t good = len > 0 ? 1 : 0;
        while (good > 0 && good < len && i + good < s.size()) {
            const unsigned char b = byte(i + good);
            if (!((good == 1) ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF)))
                break;
            ++good;
        }
        if (len > 0 && good == len)
            out.append(s.substr(i, len));
        else
            out += "\xEF\xBF\xBD";
        i += std::max<std::size_t>(good, 1);
    }
    return out;
}

void select_map_font(cairo_t* cr, double size_px, bool bold, bool italic)
{
    cairo_select_font_face(cr, MAP_FONT, italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size_px);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_set_font_options(cr, options);
    cairo_font_options_destroy(options);
}

TextMeasure::TextMeasure()
    : m_surface(cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)), m_cr(cairo_create(m_surface.get()))
{
    if (cairo_status(m_cr.get()) != CAIRO_STATUS_SUCCESS)
        throw error(std::string("map: cannot measure text: ") + cairo_status_to_string(cairo_status(m_cr.get())));
}

double TextMeasure::width_px(const std::string& text, double size_px, bool bold, bool italic) const
{
    select_map_font(m_cr.get(), size_px, bold, italic);
    cairo_text_extents_t ext;
    cairo_text_extents(m_cr.get(), text.c_str(), &ext);
    return ext.x_advance;
}

}  // namespace basural::detail

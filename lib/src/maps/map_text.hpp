#pragma once
// Text on maps: clean UTF-8, and widths measured with the font the maps are drawn in (DejaVu Sans,
// Debian package fonts-dejavu-core, through Cairo's text API).

#include "detail/cairo.hpp"

#include <string>
#include <string_view>

namespace basural::detail {

inline constexpr const char* MAP_FONT = "DejaVu Sans";

/// `s` with every byte sequence that is not well-formed UTF-8 (RFC 3629) replaced by U+FFFD:
/// Cairo refuses to draw invalid UTF-8 (it would fail the whole map over one bad name), and a page
/// must not carry it either.
std::string valid_utf8(std::string_view s);

/// Sets the map font on `cr` (normal or bold, upright or italic) at `size_px`, with unhinted metrics
/// so that widths do not depend on the output's resolution.
void select_map_font(cairo_t* cr, double size_px, bool bold, bool italic);

/// Measures the advance of a text in the map font.
class TextMeasure {
public:
    TextMeasure();
    /// Width in layout pixels of `text` (valid UTF-8) at `size_px`.
    double width_px(const std::string& text, double size_px, bool bold = false, bool italic = false) const;

private:
    CairoSurfacePtr m_surface;
    CairoPtr m_cr;
};

}  // namespace basural::detail

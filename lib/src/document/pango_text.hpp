#pragma once
// Text on a Cairo surface through Pango, for the PDF report and the charts painted into it: one reused
// PangoLayout, sizes in user units (absolute sizes, so the result does not depend on a screen
// resolution), metrics unhinted (the same layout on every surface and in the measuring pass).

#include "detail/pango.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace basural::detail {

enum class TextAlign { left, centre, right };

struct TextStyle {
    double size = 10.0;      ///< user units (points on a PDF page)
    bool bold = false;
    bool italic = false;
    double r = 0.1, g = 0.1, b = 0.1;
    TextAlign align = TextAlign::left;
};

/// Measures and draws text on one cairo context.
class PangoText {
public:
    explicit PangoText(cairo_t* cr);

    /// Sets the text, style and wrapping width (user units; <= 0: one line, no wrapping).
    void set(const std::string& text, const TextStyle& style, double width);
    /// The laid-out text's logical width and height.
    double width() const;
    double height() const;
    /// Distance from the top of the first line to its baseline.
    double baseline() const;
    /// Draws the laid-out text with its top-left corner at (x, y) (the alignment acts within the width).
    void draw(double x, double y) const;
    /// The laid-out lines: each one's top and bottom, from the top of the text.
    std::vector<std::pair<double, double>> line_extents() const;
    /// Draws lines [first, last) only, the top of line `first` at y (a text continued on the next page).
    void draw_lines(double x, double y, std::size_t first, std::size_t last) const;

private:
    cairo_t* m_cr;
    PangoLayoutPtr m_layout;
    double m_r = 0.0, m_g = 0.0, m_b = 0.0;
};

}  // namespace basural::detail

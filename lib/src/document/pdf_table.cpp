#include "document/pdf_table.hpp"

#include <algorithm>
#include <numeric>

namespace basural::detail {
namespace {

constexpr double CELL_PAD_X = 3.0;
constexpr double CELL_PAD_Y = 2.0;
constexpr double MIN_WRAP_WIDTH = 60.0;  // points: about 10 characters of table text

TextStyle cell_style(bool bold, bool numeric)
{
    TextStyle s;
    s.size = 7.5;
    s.bold = bold;
    s.align = numeric ? TextAlign::right : TextAlign::left;
    return s;
}

/// The widest word of `text` (headers wrap between words, never inside one).
double widest_word(PangoText& text, const std::string& s, const TextStyle& style)
{
    double w = 0.0;
    std::size_t i = 0;
    while (i <= s.size()) {
        const std::size_t j = std::min(s.find(' ', i), s.size());
        if (j > i) {
            text.set(s.substr(i, j - i), style, 0.0);
            w = std::max(w, text.width());
        }
        i = j + 1;
    }
    return w;
}

std::vector<double> natural_widths(PangoText& text, const DocTable& t)
{
    std::vector<double> natural(t.columns.size(), 0.0);
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        natural[c] = widest_word(text, t.columns[c].header, cell_style(true, false));
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const bool total = r + t.total_rows >= t.rows.size();
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            if (t.rows[r][c].empty())
                continue;
            text.set(t.rows[r][c], cell_style(total, t.columns[c].numeric), 0.0);
            natural[c] = std::max(natural[c], text.width());
        }
    }
    for (auto& w : natural)
        w += 2 * CELL_PAD_X + 0.5;
    return natural;
}

std::vector<double> fit_widths(const DocTable& t, std::vector<double> natural, double width)
{
    const std::size_t n = natural.size();
    const double total = std::accumulate(natural.begin(), natural.end(), 0.0);
    double weights = 0.0;
    for (const auto& c : t.columns)
        weights += c.wrap_weight;
    if (total <= width) {
        // Spare width goes to the columns that wrap (or to all, in proportion).
        for (std::size_t c = 0; c < n; ++c)
            natural[c] += (width - total) * (weights > 0.0 ? t.columns[c].wrap_weight / weights : natural[c] / total);
        return natural;
    }
    double fixed = 0.0;
    for (std::size_t c = 0; c < n; ++c)
        fixed += t.columns[c].wrap_weight > 0.0 ? 0.0 : natural[c];
    const auto wrapping = static_cast<double>(
        std::count_if(t.columns.begin(), t.columns.end(), [](const DocTableColumn& c) { return c.wrap_weight > 0.0; }));
    if (weights > 0.0 && width - fixed >= MIN_WRAP_WIDTH * wrapping) {
        // Water-filling: a wrapping column narrower than its share of what is left keeps its width, one
        // whose share would be under MIN_WRAP_WIDTH gets that; the others share the rest by weight. The
        // columns that do not wrap keep their widest cell, so their headings never break inside a word.
        std::vector<bool> settled(n, false);
        double left = width - fixed, open_weight = weights;
        for (bool changed = true; changed && open_weight > 0.0;) {
            changed = false;
            for (std::size_t c = 0; c < n; ++c) {
                if (t.columns[c].wrap_weight <= 0.0 || settled[c])
                    continue;
                const double share = left * t.columns[c].wrap_weight / open_weight;
                if (natural[c] <= share || share < MIN_WRAP_WIDTH) {
                    natural[c] = std::max(std::min(natural[c], share), std::min(natural[c], MIN_WRAP_WIDTH));
                    settled[c] = true;
                    left -= natural[c];
                    open_weight -= t.columns[c].wrap_weight;
                    changed = true;
                }
            }
        }
        for (std::size_t c = 0; c < n; ++c)
            if (t.columns[c].wrap_weight > 0.0 && !settled[c])
                natural[c] = left * t.columns[c].wrap_weight / open_weight;
        return natural;
    }
    // Even the columns that do not wrap are too wide together: every column narrows in proportion, its
    // cells wrapping where they must (at least MIN_WRAP_WIDTH for the ones meant to wrap).
    std::vector<double> out(n);
    for (std::size_t c = 0; c < n; ++c)
        out[c] = t.columns[c].wrap_weight > 0.0 ? MIN_WRAP_WIDTH : natural[c];
    const double sum = std::accumulate(out.begin(), out.end(), 0.0);
    for (auto& w : out)
        w *= width / sum;
    return out;
}

double cell_height(PangoText& text, const std::string& s, const TextStyle& style, double width)
{
    text.set(s.empty() ? " " : s, style, width - 2 * CELL_PAD_X);
    return text.height() + 2 * CELL_PAD_Y;
}

void fill_rect(cairo_t* cr, double x, double y, double w, double h, double grey)
{
    cairo_rectangle(cr, x, y, w, h);
    cairo_set_source_rgb(cr, grey, grey, grey);
    cairo_fill(cr);
}

void rule(cairo_t* cr, double x, double y, double w, double width, double grey)
{
    cairo_move_to(cr, x, y);
    cairo_line_to(cr, x + w, y);
    cairo_set_source_rgb(cr, grey, grey, grey);
    cairo_set_line_width(cr, width);
    cairo_stroke(cr);
}

}  // namespace

TableGeometry measure_table(PangoText& text, const DocTable& t, double width)
{
    TableGeometry g;
    g.widths = fit_widths(t, natural_widths(text, t), width);
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        g.header_height = std::max(g.header_height, cell_height(text, t.columns[c].header, cell_style(true, false), g.widths[c]));
    g.row_heights.reserve(t.rows.size());
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const bool total = r + t.total_rows >= t.rows.size();
        double h = 0.0;
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            h = std::max(h, cell_height(text, t.rows[r][c], cell_style(total, t.columns[c].numeric), g.widths[c]));
        g.row_heights.push_back(h);
    }
    return g;
}

void draw_table_header(cairo_t* cr, PangoText& text, const DocTable& t, const TableGeometry& g, double x, double y)
{
    const double w = std::accumulate(g.widths.begin(), g.widths.end(), 0.0);
    fill_rect(cr, x, y, w, g.header_height, 0.93);
    double cx = x;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        TextStyle s = cell_style(true, t.columns[c].numeric);
        text.set(t.columns[c].header, s, g.widths[c] - 2 * CELL_PAD_X);
        text.draw(cx + CELL_PAD_X, y + g.header_height - CELL_PAD_Y - text.height());
        cx += g.widths[c];
    }
    rule(cr, x, y + g.header_height, w, 0.8, 0.1);
}

// Seven parameters: the Cairo context and its text layout, the table and its geometry, the row and
// where on the page it goes.
void draw_table_row(cairo_t* cr, PangoText& text, const DocTable& t, const TableGeometry& g, std::size_t r, double x,
                    double y)
{
    const double w = std::accumulate(g.widths.begin(), g.widths.end(), 0.0);
    const bool total = r + t.total_rows >= t.rows.size();
    const bool first_total = total && r + t.total_rows == t.rows.size();
    if (!total && r % 2 == 1)
        fill_rect(cr, x, y, w, g.row_heights[r], 0.97);
    if (first_total)
        rule(cr, x, y, w, 1.0, 0.1);
    double cx = x;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        if (!t.rows[r][c].empty()) {
            text.set(t.rows[r][c], cell_style(total, t.columns[c].numeric), g.widths[c] - 2 * CELL_PAD_X);
            text.draw(cx + CELL_PAD_X, y + CELL_PAD_Y);
        }
        cx += g.widths[c];
    }
}

}  // namespace basural::detail

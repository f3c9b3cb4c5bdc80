// Charts laid out as drawings, and drawings written as SVG. The Cairo painter is in drawing_cairo.cpp.
#include "basural/document/chart.hpp"

#include "basural/base/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace basural {
namespace {

constexpr double MARGIN_PX = 8.0;
constexpr double TITLE_SIZE_PX = 14.0;
constexpr double LABEL_SIZE_PX = 11.0;
constexpr double TICK_SIZE_PX = 10.0;
constexpr double VALUE_SIZE_PX = 9.5;
constexpr double NOTE_SIZE_PX = 10.0;
constexpr double NOTE_LINE_PX = 13.0;
constexpr double LEGEND_ROW_PX = 16.0;
constexpr double HORIZONTAL_BAR_SLOT_PX = 22.0;
constexpr Rgb TEXT_COLOUR{0x1a, 0x1a, 0x1a};
constexpr Rgb MUTED_COLOUR{0x55, 0x55, 0x55};
constexpr Rgb GRID_COLOUR{0xdd, 0xdd, 0xdd};
constexpr Rgb AXIS_COLOUR{0x4d, 0x4d, 0x4d};
constexpr Rgb WHITE{0xff, 0xff, 0xff};
constexpr double ESTIMATED_OPACITY = 0.35;

/// Byte length of the UTF-8 sequence starting with `lead` (1 for a stray continuation byte).
std::size_t utf8_length(unsigned char lead)
{
    if (lead >= 0xF0)
        return 4;
    if (lead >= 0xE0)
        return 3;
    if (lead >= 0xC0)
        return 2;
    return 1;
}

/// The value axis: round ticks from 0 to `max`.
struct Ticks {
    double step = 1.0;
    double max = 1.0;
    int decimals = 0;
};

/// Ticks of a value axis from 0 to at least `max_value`, about five of them, 1, 2 or 5 x 10^k apart
/// (at least 1 apart for counts, which have no fractions).
Ticks nice_ticks(double max_value, bool percent, bool integer = false)
{
    if (!(max_value > 0.0) || !std::isfinite(max_value))
        max_value = 1.0;
    const double raw = max_value / 5.0;
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / p;
    double step = (f <= 1.0 ? 1.0 : f <= 2.0 ? 2.0 : f <= 5.0 ? 5.0 : 10.0) * p;
    if (integer)
        step = std::max(step, 1.0);
    Ticks t;
    t.step = step;
    t.max = std::ceil(max_value / step - 1e-9) * step;
    const double shown = percent ? step * 100.0 : step;
    t.decimals = shown >= 1.0 ? 0 : static_cast<int>(std::ceil(-std::log10(shown) - 1e-9));
    return t;
}

std::string tick_text(double v, const Ticks& t, bool percent, const NumberStyle& style)
{
    return percent ? format_percent(v, t.decimals, style) : format_number(v, t.decimals, style);
}

std::string value_text(double v, int decimals, bool percent, const NumberStyle& style)
{
    return percent ? format_percent(v, decimals, style) : format_number(v, decimals, style);
}

/// `text` shortened with an ellipsis so that it fits `max_px`.
std::string shorten(const std::string& text, double size_px, double max_px)
{
    if (approx_text_width_px(text, size_px) <= max_px)
        return text;
    const std::string ellipsis = "\u2026";
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = std::min(utf8_length(static_cast<unsigned char>(text[i])), text.size() - i);
        if (approx_text_width_px(out + text.substr(i, n) + ellipsis, size_px) > max_px)
            break;
        out += text.substr(i, n);
        i += n;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out + ellipsis;
}

/// Words of `text` in lines no wider than `max_px` (a word longer than a line is shortened).
std::vector<std::string> wrap(const std::string& text, double size_px, double max_px)
{
    std::vector<std::string> lines;
    std::string line;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t j = std::min(text.find(' ', i), text.size());
        const std::string word = text.substr(i, j - i);
        i = j + 1;
        if (word.empty())
            continue;
        const std::string joined = line.empty() ? word : line + " " + word;
        if (approx_text_width_px(joined, size_px) <= max_px || line.empty()) {
            line = joined;
        } else {
            lines.push_back(line);
            line = word;
        }
    }
    if (!line.empty())
        lines.push_back(line);
    for (auto& l : lines)
        l = shorten(l, size_px, max_px);
    return lines;
}

// Eight parameters, five of them defaulted: a text primitive's position, string and size, with
// anchor, colour, weight and rotation given only where they differ (an options struct would make
// the dozens of plain calls longer without making one clearer).
DrawText text_at(double x, double y, std::string s, double size, TextAnchor anchor = TextAnchor::start,
                 Rgb colour = TEXT_COLOUR, bool bold = false, double rotate = 0.0)
{
    DrawText t;
    t.x_px = x;
    t.y_px = y;
    t.text = std::move(s);
    t.size_px = size;
    t.anchor = anchor;
    t.colour = colour;
    t.bold = bold;
    t.rotate_deg = rotate;
    return t;
}

DrawLine line_at(double x0, double y0, double x1, double y1, Rgb colour, double width)
{
    return DrawLine{x0, y0, x1, y1, colour, width};
}

/// One entry of a legend: a swatch and its label.
struct LegendItem {
    std::string label;
    Rgb colour;
    bool estimated = false;
};

/// The title and the legend at the top of the drawing; returns the y where the plot may start.
double draw_header(Drawing& d, const std::string& title, const std::vector<LegendItem>& legend)
{
    double y = MARGIN_PX;
    if (!title.empty()) {
        d.items.push_back(text_at(MARGIN_PX, y + TITLE_SIZE_PX, shorten(title, TITLE_SIZE_PX, d.width_px - 2 * MARGIN_PX),
                                  TITLE_SIZE_PX, TextAnchor::start, TEXT_COLOUR, true));
        y += TITLE_SIZE_PX + 8.0;
    }
    if (legend.empty())
        return y;
    double x = MARGIN_PX;
    y += 2.0;
    for (const auto& item : legend) {
        const std::string label = shorten(item.label, LABEL_SIZE_PX, d.width_px - 2 * MARGIN_PX - 16.0);
        const double w = 14.0 + approx_text_width_px(label, LABEL_SIZE_PX) + 14.0;
        if (x > MARGIN_PX && x + w > d.width_px - MARGIN_PX) {
            x = MARGIN_PX;
            y += LEGEND_ROW_PX;
        }
        DrawRect sw;
        sw.x_px = x;
        sw.y_px = y + 2.0;
        sw.width_px = 10.0;
        sw.height_px = 10.0;
        sw.fill = item.colour;
        if (item.estimated) {
            sw.fill_opacity = ESTIMATED_OPACITY;
            sw.stroke = item.colour;
        }
        d.items.push_back(sw);
        d.items.push_back(text_at(x + 14.0, y + 11.0, label, LABEL_SIZE_PX));
        x += w;
    }
    return y + LEGEND_ROW_PX + 4.0;
}

/// The note's lines at the foot; returns the height they take.
double draw_note(Drawing& d, const std::string& note)
{
    if (note.empty())
        return 0.0;
    const auto lines = wrap(note, NOTE_SIZE_PX, d.width_px - 2 * MARGIN_PX);
    const double h = static_cast<double>(lines.size()) * NOTE_LINE_PX;
    double y = d.height_px - MARGIN_PX - h + NOTE_SIZE_PX;
    for (const auto& l : lines) {
        d.items.push_back(text_at(MARGIN_PX, y, l, NOTE_SIZE_PX, TextAnchor::start, MUTED_COLOUR));
        y += NOTE_LINE_PX;
    }
    return h + 4.0;
}

void check_bar_chart(const BarChart& c)
{
    for (const auto& s : c.series) {
        if (s.values.size() != c.categories.size())
            throw usage_error("chart '" + c.id + "': series '" + s.label + "' has " + std::to_string(s.values.size()) +
                              " values for " + std::to_string(c.categories.size()) + " categories");
        if (!s.estimated.empty() && s.estimated.size() != c.categories.size())
            throw usage_error("chart '" + c.id + "': series '" + s.label + "' flags " +
                              std::to_string(s.estimated.size()) + " values as estimated for " +
                              std::to_string(c.categories.size()) + " categories");
        for (const auto& v : s.values)
            if (v && (!std::isfinite(*v) || *v < 0.0))
                throw usage_error("chart '" + c.id + "': series '" + s.label + "' has the value " +
                                  std::to_string(*v) + "; bars show finite values of 0 or more");
    }
}

/// The largest bar (stacked: the largest stack) and each category's stack total.
std::pair<double, std::vector<double>> bar_extent(const BarChart& c)
{
    std::vector<double> totals(c.categories.size(), 0.0);
    double max_value = 0.0;
    for (std::size_t i = 0; i < c.categories.size(); ++i)
        for (const auto& s : c.series) {
            const double v = s.values[i].value_or(0.0);
            totals[i] += v;
            max_value = std::max(max_value, v);
        }
    if (c.layout == BarLayout::stacked)
        max_value = totals.empty() ? 0.0 : *std::max_element(totals.begin(), totals.end());
    return {max_value, totals};
}

std::vector<LegendItem> bar_legend(const BarChart& c)
{
    std::vector<LegendItem> legend;
    if (c.series.size() > 1)
        for (const auto& s : c.series)
            legend.push_back({s.label, s.colour, false});
    bool any_estimated = false;
    for (const auto& s : c.series)
        for (std::size_t i = 0; i < s.estimated.size(); ++i)
            any_estimated = any_estimated || (s.estimated[i] && s.values[i]);
    if (any_estimated && !c.estimated_label.empty())
        legend.push_back({c.estimated_label, c.series.size() == 1 ? c.series[0].colour : MUTED_COLOUR, true});
    return legend;
}

/// One bar: the rectangle of series s at category i, from `from` to `to` along the value axis.
/// Seven parameters: the chart, the bar (series, category) and the plot box (x, y, w, h) it sits in.
DrawRect bar_rect(const BarChart& c, std::size_t s, std::size_t i, double x, double y, double w, double h)
{
    const ChartSeries& series = c.series[s];
    DrawRect r;
    r.x_px = x;
    r.y_px = y;
    r.width_px = w;
    r.height_px = h;
    r.fill = series.colour;
    const bool estimated = i < series.estimated.size() && series.estimated[i];
    if (estimated) {
        r.fill_opacity = ESTIMATED_OPACITY;
        r.stroke = series.colour;
    }
    r.tooltip = c.categories[i] + (series.label.empty() ? "" : " \u2013 " + series.label) + ": " +
                value_text(*series.values[i], c.value_decimals, c.percent, c.numbers) +
                (estimated && !c.estimated_label.empty() ? " (" + c.estimated_label + ")" : "");
    return r;
}

void layout_vertical_bars(Drawing& d, const BarChart& c, double top)
{
    const auto [max_value, totals] = bar_extent(c);
    const Ticks ticks = nice_ticks(max_value, c.percent, c.value_decimals == 0 && !c.percent);
    double tick_w = 0.0;
    for (double v = 0.0; v <= ticks.max + ticks.step * 1e-6; v += ticks.step)
        tick_w = std::max(tick_w, approx_text_width_px(tick_text(v, ticks, c.percent, c.numbers), TICK_SIZE_PX));
    const double axis_title_w = c.value_axis.empty() ? 0.0 : 16.0;
    const double left = MARGIN_PX + axis_title_w + tick_w + 6.0;
    const double right = d.width_px - MARGIN_PX;
    const double n = static_cast<double>(std::max<std::size_t>(c.categories.size(), 1));
    const double slot = (right - left) / n;
    double label_w = 0.0;
    for (const auto& cat : c.categories)
        label_w = std::max(label_w, approx_text_width_px(cat, LABEL_SIZE_PX));
    const bool rotated = label_w > slot - 4.0;
    const double label_h = rotated ? std::min(label_w, 0.3 * d.height_px) + 8.0 : LABEL_SIZE_PX + 8.0;
    const double note_h = draw_note(d, c.note);
    const double plot_top = top + (c.value_labels ? 14.0 : 6.0);
    const double bottom = d.height_px - MARGIN_PX - note_h - label_h;
    if (bottom - plot_top < 30.0)
        throw usage_error("chart '" + c.id + "': " + std::to_string(static_cast<int>(d.height_px)) +
                          " px is too low for its title, legend, labels and note");
    const double scale = (bottom - plot_top) / ticks.max;
    for (double v = 0.0; v <= ticks.max + ticks.step * 1e-6; v += ticks.step) {
        const double y = bottom - v * scale;
        d.items.push_back(line_at(left, y, right, y, v == 0.0 ? AXIS_COLOUR : GRID_COLOUR, v == 0.0 ? 1.0 : 0.6));
        d.items.push_back(text_at(left - 4.0, y + 3.5, tick_text(v, ticks, c.percent, c.numbers), TICK_SIZE_PX,
                                  TextAnchor::end, MUTED_COLOUR));
    }
    if (!c.value_axis.empty())
        d.items.push_back(text_at(MARGIN_PX + 10.0, (plot_top + bottom) / 2.0,
                                  shorten(c.value_axis, LABEL_SIZE_PX, bottom - plot_top), LABEL_SIZE_PX,
                                  TextAnchor::middle, MUTED_COLOUR, false, 90.0));
    const std::size_t k = c.series.size();
    for (std::size_t i = 0; i < c.categories.size(); ++i) {
        const double x0 = left + static_cast<double>(i) * slot;
        double stack = 0.0;
        for (std::size_t s = 0; s < k; ++s) {
            const auto& v = c.series[s].values[i];
            if (!v)
                continue;
            if (c.layout == BarLayout::stacked) {
                d.items.push_back(bar_rect(c, s, i, x0 + slot * 0.15, bottom - (stack + *v) * scale, slot * 0.7, *v * scale));
                stack += *v;
            } else {
                const double w = slot * 0.8 / static_cast<double>(k);
                const double x = x0 + slot * 0.1 + static_cast<double>(s) * w;
                d.items.push_back(bar_rect(c, s, i, x, bottom - *v * scale, w, *v * scale));
                if (c.value_labels)
                    d.items.push_back(text_at(x + w / 2.0, bottom - *v * scale - 3.0,
                                              value_text(*v, c.value_decimals, c.percent, c.numbers), VALUE_SIZE_PX,
                                              TextAnchor::middle, MUTED_COLOUR));
            }
        }
        if (c.value_labels && c.layout == BarLayout::stacked)
            d.items.push_back(text_at(x0 + slot / 2.0, bottom - totals[i] * scale - 3.0,
                                      value_text(totals[i], c.value_decimals, c.percent, c.numbers), VALUE_SIZE_PX,
                                      TextAnchor::middle, MUTED_COLOUR));
        const double cx = x0 + slot / 2.0;
        if (rotated)
            d.items.push_back(text_at(cx + 4.0, bottom + 6.0, shorten(c.categories[i], LABEL_SIZE_PX, label_h - 8.0),
                                      LABEL_SIZE_PX, TextAnchor::end, TEXT_COLOUR, false, 90.0));
        else
            d.items.push_back(text_at(cx, bottom + LABEL_SIZE_PX + 4.0, c.categories[i], LABEL_SIZE_PX, TextAnchor::middle));
    }
}

void layout_horizontal_bars(Drawing& d, const BarChart& c, double top)
{
    const auto [max_value, totals] = bar_extent(c);
    const Ticks ticks = nice_ticks(max_value, c.percent, c.value_decimals == 0 && !c.percent);
    double label_w = 0.0;
    for (const auto& cat : c.categories)
        label_w = std::max(label_w, approx_text_width_px(cat, LABEL_SIZE_PX));
    label_w = std::min(label_w, 0.35 * d.width_px);
    double value_w = 0.0;
    if (c.value_labels)
        for (std::size_t i = 0; i < c.categories.size(); ++i)
            for (std::size_t s = 0; s < c.series.size(); ++s) {
                const double v = c.layout == BarLayout::stacked ? totals[i] : c.series[s].values[i].value_or(0.0);
                value_w = std::max(value_w, approx_text_width_px(value_text(v, c.value_decimals, c.percent, c.numbers),
                                                                 VALUE_SIZE_PX) + 6.0);
            }
    const double last_tick_w = approx_text_width_px(tick_text(ticks.max, ticks, c.percent, c.numbers), TICK_SIZE_PX);
    const double left = MARGIN_PX + label_w + 6.0;
    const double right = d.width_px - MARGIN_PX - std::max(value_w, last_tick_w / 2.0);
    const double note_h = draw_note(d, c.note);
    const double axis_h = TICK_SIZE_PX + 6.0 + (c.value_axis.empty() ? 0.0 : LABEL_SIZE_PX + 6.0);
    const double bottom = d.height_px - MARGIN_PX - note_h - axis_h;
    if (bottom - top < 20.0 || right - left < 40.0)
        throw usage_error("chart '" + c.id + "': " + std::to_string(static_cast<int>(d.width_px)) + " x " +
                          std::to_string(static_cast<int>(d.height_px)) + " px is too small for its bars and labels");
    const double scale = (right - left) / ticks.max;
    for (double v = 0.0; v <= ticks.max + ticks.step * 1e-6; v += ticks.step) {
        const double x = left + v * scale;
        d.items.push_back(line_at(x, top, x, bottom, v == 0.0 ? AXIS_COLOUR : GRID_COLOUR, v == 0.0 ? 1.0 : 0.6));
        d.items.push_back(text_at(x, bottom + TICK_SIZE_PX + 3.0, tick_text(v, ticks, c.percent, c.numbers),
                                  TICK_SIZE_PX, TextAnchor::middle, MUTED_COLOUR));
    }
    if (!c.value_axis.empty())
        d.items.push_back(text_at((left + right) / 2.0, bottom + TICK_SIZE_PX + 6.0 + LABEL_SIZE_PX,
                                  shorten(c.value_axis, LABEL_SIZE_PX, right - left), LABEL_SIZE_PX,
                                  TextAnchor::middle, MUTED_COLOUR));
    const double n = static_cast<double>(std::max<std::size_t>(c.categories.size(), 1));
    const double slot = (bottom - top) / n;
    const std::size_t k = c.series.size();
    for (std::size_t i = 0; i < c.categories.size(); ++i) {
        const double y0 = top + static_cast<double>(i) * slot;
        double stack = 0.0;
        for (std::size_t s = 0; s < k; ++s) {
            const auto& v = c.series[s].values[i];
            if (!v)
                continue;
            if (c.layout == BarLayout::stacked) {
                d.items.push_back(bar_rect(c, s, i, left + stack * scale, y0 + slot * 0.15, *v * scale, slot * 0.7));
                stack += *v;
            } else {
                const double h = slot * 0.8 / static_cast<double>(k);
                const double y = y0 + slot * 0.1 + static_cast<double>(s) * h;
                d.items.push_back(bar_rect(c, s, i, left, y, *v * scale, h));
                if (c.value_labels)
                    d.items.push_back(text_at(left + *v * scale + 3.0, y + h / 2.0 + 3.5,
                                              value_text(*v, c.value_decimals, c.percent, c.numbers), VALUE_SIZE_PX,
                                              TextAnchor::start, MUTED_COLOUR));
            }
        }
        if (c.value_labels && c.layout == BarLayout::stacked)
            d.items.push_back(text_at(left + totals[i] * scale + 3.0, y0 + slot / 2.0 + 3.5,
                                      value_text(totals[i], c.value_decimals, c.percent, c.numbers), VALUE_SIZE_PX,
                                      TextAnchor::start, MUTED_COLOUR));
        d.items.push_back(text_at(left - 6.0, y0 + slot / 2.0 + 4.0, shorten(c.categories[i], LABEL_SIZE_PX, label_w),
                                  LABEL_SIZE_PX, TextAnchor::end));
    }
}

void layout_bars(Drawing& d, const BarChart& c)
{
    check_bar_chart(c);
    const double top = draw_header(d, c.title, bar_legend(c));
    if (c.horizontal)
        layout_horizontal_bars(d, c, top);
    else
        layout_vertical_bars(d, c, top);
}

void check_histogram(const Histogram& h)
{
    if (h.edges.size() < 2 || h.counts.size() + 1 != h.edges.size())
        throw usage_error("chart '" + h.id + "': a histogram needs n + 1 edges for n counts (" +
                          std::to_string(h.edges.size()) + " edges, " + std::to_string(h.counts.size()) + " counts)");
    for (std::size_t i = 0; i + 1 < h.edges.size(); ++i)
        if (!(h.edges[i] < h.edges[i + 1]) || !std::isfinite(h.edges[i + 1]))
            throw usage_error("chart '" + h.id + "': histogram edges must be finite and ascending");
    for (double c : h.counts)
        if (!std::isfinite(c) || c < 0.0)
            throw usage_error("chart '" + h.id + "': histogram counts must be finite and 0 or more");
}

void layout_histogram(Drawing& d, const Histogram& h)
{
    check_histogram(h);
    const double top = draw_header(d, h.title, {}) + 6.0;
    const double max_count = *std::max_element(h.counts.begin(), h.counts.end());
    const bool integer = std::all_of(h.counts.begin(), h.counts.end(), [](double v) { return v == std::floor(v); });
    const Ticks ticks = nice_ticks(max_count, false, integer);
    const int count_decimals = ticks.decimals;
    double tick_w = 0.0;
    for (double v = 0.0; v <= ticks.max + ticks.step * 1e-6; v += ticks.step)
        tick_w = std::max(tick_w, approx_text_width_px(format_number(v, count_decimals, h.numbers), TICK_SIZE_PX));
    const double left = MARGIN_PX + (h.count_axis.empty() ? 0.0 : 16.0) + tick_w + 6.0;
    const double right = d.width_px - MARGIN_PX - 12.0;
    const double note_h = draw_note(d, h.note);
    const double bottom =
        d.height_px - MARGIN_PX - note_h - (TICK_SIZE_PX + 6.0) - (h.value_axis.empty() ? 0.0 : LABEL_SIZE_PX + 6.0);
    if (bottom - top < 30.0 || right - left < 40.0)
        throw usage_error("chart '" + h.id + "': the page is too small for the histogram");
    const double y_scale = (bottom - top) / ticks.max;
    for (double v = 0.0; v <= ticks.max + ticks.step * 1e-6; v += ticks.step) {
        const double y = bottom - v * y_scale;
        d.items.push_back(line_at(left, y, right, y, v == 0.0 ? AXIS_COLOUR : GRID_COLOUR, v == 0.0 ? 1.0 : 0.6));
        d.items.push_back(text_at(left - 4.0, y + 3.5, format_number(v, count_decimals, h.numbers), TICK_SIZE_PX,
                                  TextAnchor::end, MUTED_COLOUR));
    }
    if (!h.count_axis.empty())
        d.items.push_back(text_at(MARGIN_PX + 10.0, (top + bottom) / 2.0, shorten(h.count_axis, LABEL_SIZE_PX, bottom - top),
                                  LABEL_SIZE_PX, TextAnchor::middle, MUTED_COLOUR, false, 90.0));
    const double e0 = h.edges.front(), e1 = h.edges.back();
    const auto x_of = [&](double v) { return left + (v - e0) / (e1 - e0) * (right - left); };
    for (std::size_t i = 0; i < h.counts.size(); ++i) {
        if (h.counts[i] <= 0.0)
            continue;
        DrawRect r;
        r.x_px = x_of(h.edges[i]);
        r.width_px = x_of(h.edges[i + 1]) - r.x_px;
        r.y_px = bottom - h.counts[i] * y_scale;
        r.height_px = h.counts[i] * y_scale;
        r.fill = h.colour;
        r.stroke = WHITE;
        r.stroke_width_px = 0.8;
        r.tooltip = format_number(h.edges[i], 0, h.numbers) + "\u2013" + format_number(h.edges[i + 1], 0, h.numbers) +
                    ": " + format_number(h.counts[i], count_decimals, h.numbers);
        d.items.push_back(r);
    }
    // Edge labels: every k-th so that they do not overlap.
    double edge_w = 0.0;
    for (double e : h.edges)
        edge_w = std::max(edge_w, approx_text_width_px(format_number(e, 0, h.numbers), TICK_SIZE_PX) + 6.0);
    const double per_bin = (right - left) / static_cast<double>(h.counts.size());
    const auto every = static_cast<std::size_t>(std::max(1.0, std::ceil(edge_w / per_bin)));
    for (std::size_t i = 0; i < h.edges.size(); i += every)
        d.items.push_back(text_at(x_of(h.edges[i]), bottom + TICK_SIZE_PX + 3.0, format_number(h.edges[i], 0, h.numbers),
                                  TICK_SIZE_PX, TextAnchor::middle, MUTED_COLOUR));
    if (!h.value_axis.empty())
        d.items.push_back(text_at((left + right) / 2.0, bottom + TICK_SIZE_PX + 6.0 + LABEL_SIZE_PX,
                                  shorten(h.value_axis, LABEL_SIZE_PX, right - left), LABEL_SIZE_PX, TextAnchor::middle,
                                  MUTED_COLOUR));
}

std::string svg_number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (!s.empty() && s.back() == '0')
        s.pop_back();
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    if (s == "-0")
        s = "0";
    return s;
}

std::string xml_escape(const std::string& s)
{
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += ch;
        }
    }
    return out;
}

}  // namespace

Histogram make_histogram(const std::vector<double>& values, double first_edge, double bin_width)
{
    if (!(bin_width > 0.0) || !std::isfinite(bin_width) || !std::isfinite(first_edge))
        throw usage_error("histogram: the bin width must be a positive number, not " + std::to_string(bin_width));
    double max_value = first_edge;
    for (double v : values)
        if (std::isfinite(v))
            max_value = std::max(max_value, v);
    const auto bins = static_cast<std::size_t>(std::max(1.0, std::ceil((max_value - first_edge) / bin_width)));
    Histogram h;
    for (std::size_t i = 0; i <= bins; ++i)
        h.edges.push_back(first_edge + static_cast<double>(i) * bin_width);
    h.counts.assign(bins, 0.0);
    for (double v : values) {
        if (!std::isfinite(v) || v < first_edge)
            continue;
        // the last bin includes its upper edge
        const auto i = std::min(static_cast<std::size_t>(std::floor((v - first_edge) / bin_width)), bins - 1);
        h.counts[i] += 1.0;
    }
    return h;
}

const std::string& chart_id(const Chart& chart) noexcept
{
    return std::visit([](const auto& c) -> const std::string& { return c.id; }, chart);
}

Drawing layout_chart(const Chart& chart, double width_px, double height_px)
{
    if (!(width_px >= 200.0) || !(height_px >= 120.0) || width_px > 10000.0 || height_px > 10000.0)
        throw usage_error("chart '" + chart_id(chart) + "': " + std::to_string(width_px) + " x " +
                          std::to_string(height_px) + " px is outside 200..10000 x 120..10000");
    Drawing d;
    d.width_px = width_px;
    d.height_px = height_px;
    std::visit(
        [&](const auto& c) {
            d.title = c.title;
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, BarChart>)
                layout_bars(d, c);
            else
                layout_histogram(d, c);
        },
        chart);
    return d;
}

double chart_height_px(const Chart& chart, double default_px)
{
    const auto* bars = std::get_if<BarChart>(&chart);
    if (!bars || !bars->horizontal)
        return default_px;
    const double legend = bars->series.size() > 1 ? 2.0 * LEGEND_ROW_PX : LEGEND_ROW_PX;
    const double note = bars->note.empty() ? 0.0 : 3.0 * NOTE_LINE_PX;
    return std::max(160.0, HORIZONTAL_BAR_SLOT_PX * static_cast<double>(bars->categories.size()) + TITLE_SIZE_PX +
                               legend + note + 60.0);
}

std::string drawing_svg(const Drawing& d)
{
    std::string out;
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + svg_number(d.width_px) + "\" height=\"" +
           svg_number(d.height_px) + "\" viewBox=\"0 0 " + svg_number(d.width_px) + " " + svg_number(d.height_px) +
           "\" role=\"img\" font-family=\"DejaVu Sans, Verdana, sans-serif\">\n";
    out += "<title>" + xml_escape(d.title) + "</title>\n";
    for (const auto& item : d.items) {
        if (const auto* r = std::get_if<DrawRect>(&item)) {
            out += "<rect x=\"" + svg_number(r->x_px) + "\" y=\"" + svg_number(r->y_px) + "\" width=\"" +
                   svg_number(r->width_px) + "\" height=\"" + svg_number(r->height_px) + "\" fill=\"" + r->fill.hex() + "\"";
            if (r->fill_opacity < 1.0)
                out += " fill-opacity=\"" + svg_number(r->fill_opacity) + "\"";
            if (r->stroke)
                out += " stroke=\"" + r->stroke->hex() + "\" stroke-width=\"" + svg_number(r->stroke_width_px) + "\"";
            if (r->tooltip.empty())
                out += "/>\n";
            else
                out += "><title>" + xml_escape(r->tooltip) + "</title></rect>\n";
        } else if (const auto* l = std::get_if<DrawLine>(&item)) {
            out += "<line x1=\"" + svg_number(l->x0_px) + "\" y1=\"" + svg_number(l->y0_px) + "\" x2=\"" +
                   svg_number(l->x1_px) + "\" y2=\"" + svg_number(l->y1_px) + "\" stroke=\"" + l->colour.hex() +
                   "\" stroke-width=\"" + svg_number(l->width_px) + "\"/>\n";
        } else {
            const auto& t = std::get<DrawText>(item);
            out += "<text x=\"" + svg_number(t.x_px) + "\" y=\"" + svg_number(t.y_px) + "\" font-size=\"" +
                   svg_number(t.size_px) + "\" fill=\"" + t.colour.hex() + "\"";
            if (t.anchor != TextAnchor::start)
                out += std::string(" text-anchor=\"") + (t.anchor == TextAnchor::middle ? "middle" : "end") + "\"";
            if (t.bold)
                out += " font-weight=\"bold\"";
            if (t.rotate_deg != 0.0)
                out += " transform=\"rotate(" + svg_number(-t.rotate_deg) + " " + svg_number(t.x_px) + " " +
                       svg_number(t.y_px) + ")\"";
            out += ">" + xml_escape(t.text) + "</text>\n";
        }
    }
    out += "</svg>\n";
    return out;
}

double approx_text_width_px(const std::string& text, double size_px)
{
    double em = 0.0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t n = utf8_length(c);
        if (n == 1) {
            if (c == ' ' || c == '.' || c == ',' || c == ':' || c == ';' || c == '\'' || c == '!' || c == '|' ||
                c == 'i' || c == 'l' || c == 'j' || c == 'I' || c == '(' || c == ')' || c == '[' || c == ']')
                em += 0.32;
            else if (c == 'm' || c == 'w' || c == 'M' || c == 'W' || c == '%')
                em += 0.92;
            else if (c >= 'A' && c <= 'Z')
                em += 0.70;
            else
                em += 0.62;
        } else {
            em += 0.62;  // accented letters and other scripts: an average letter
        }
        i += n;
    }
    return em * size_px;
}

}  // namespace basural

#pragma once
/// \file chart.hpp
/// Charts for reports, drawn by basural itself (no network, no plotting library): bar charts (stacked
/// or grouped, vertical or horizontal) and histograms. A chart is first laid out as a Drawing (rectangles,
/// lines and text in layout pixels of 1/96 inch); the Drawing is then written as SVG (text as <text>
/// elements, so it can be read, searched and edited) or painted with Cairo into a PDF page
/// (document_pdf.hpp). One layout, two renderings: the HTML and the PDF report show the same chart.

#include "basural/base/locale.hpp"
#include "basural/maps/map.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace basural {

/// One series of a bar chart: a value per category (index-aligned with BarChart::categories).
struct ChartSeries {
    std::string label;
    Rgb colour;
    /// std::nullopt: unknown, drawn as no bar and counted in the chart's note, never as a zero.
    std::vector<std::optional<double>> values;
    /// Per category (empty: none): the value is an estimate, drawn as a lighter bar with an outline.
    std::vector<bool> estimated;
};

enum class BarLayout { stacked, grouped };

/// One bar (or stack, or group of bars) per category.
struct BarChart {
    std::string id;                      ///< machine name ("ch4_top20"): HTML id, test hook
    std::string title;
    std::string value_axis;              ///< what the bars measure, with its unit ("CH4, t/year")
    std::vector<std::string> categories;
    std::vector<ChartSeries> series;
    BarLayout layout = BarLayout::stacked;
    bool horizontal = false;             ///< categories down the left side (for long names)
    bool value_labels = false;           ///< print each bar's (stack's) total at its end
    int value_decimals = 0;
    /// The value axis as shares: ticks and value labels in percent of the value (0.25 -> "25%").
    bool percent = false;
    std::string estimated_label;         ///< legend text of estimated bars ("estimated"); "" = no entry
    std::string note;                    ///< a line under the chart (sources, what unknown means)
    NumberStyle numbers;                 ///< how ticks and value labels are written
};

/// Counts (or weights) of values in contiguous bins.
struct Histogram {
    std::string id;
    std::string title;
    std::string value_axis;              ///< the binned quantity with its unit ("Haul distance, km")
    std::string count_axis;              ///< what a bar's height is ("Dumps")
    std::vector<double> edges;           ///< bin edges, ascending; bins = edges.size() - 1
    std::vector<double> counts;          ///< one per bin
    Rgb colour;
    std::string note;
    NumberStyle numbers;
};

/// Counts `values` in bins of `bin_width` from `first_edge` up to the largest value: a value on an inner
/// edge falls in the upper bin, and the last bin includes its upper edge (as numpy.histogram). Values
/// below first_edge and non-finite values are left out. No values: one empty bin. Throws usage_error
/// when bin_width is not a positive number.
Histogram make_histogram(const std::vector<double>& values, double first_edge, double bin_width);

using Chart = std::variant<BarChart, Histogram>;

/// The machine name of a chart.
const std::string& chart_id(const Chart& chart) noexcept;

// ---- Drawings --------------------------------------------------------------------------------------

enum class TextAnchor { start, middle, end };

struct DrawRect {
    double x_px = 0.0, y_px = 0.0, width_px = 0.0, height_px = 0.0;
    Rgb fill;
    double fill_opacity = 1.0;
    std::optional<Rgb> stroke;
    double stroke_width_px = 1.0;
    std::string tooltip;                 ///< SVG <title> (hover text); not drawn in PDF
};

struct DrawLine {
    double x0_px = 0.0, y0_px = 0.0, x1_px = 0.0, y1_px = 0.0;
    Rgb colour;
    double width_px = 1.0;
};

/// Text whose baseline starts (start), is centred (middle) or ends (end) at (x, y); rotated
/// counter-clockwise by rotate_deg about that point (90: reads bottom to top).
struct DrawText {
    double x_px = 0.0, y_px = 0.0;
    std::string text;
    double size_px = 11.0;
    TextAnchor anchor = TextAnchor::start;
    bool bold = false;
    Rgb colour;
    double rotate_deg = 0.0;
};

using DrawItem = std::variant<DrawRect, DrawLine, DrawText>;

/// A picture in layout pixels (1/96 inch), origin top left, y down.
struct Drawing {
    double width_px = 0.0;
    double height_px = 0.0;
    std::string title;                   ///< accessible name (SVG <title>)
    std::vector<DrawItem> items;         ///< painted in order
};

/// Lays the chart out on a width x height page: title at the top, axes with round ticks, the bars, a
/// legend when there are several series or estimated bars, the note at the foot. Category labels too
/// long for their room are shortened with an ellipsis (the full label stays in the bar's tooltip).
/// Throws usage_error for a chart that cannot be drawn: a series whose values do not match the
/// categories, a negative or non-finite value, histogram edges not ascending, a page under 200 x 120 px.
Drawing layout_chart(const Chart& chart, double width_px, double height_px);

/// The height a horizontal bar chart needs for its categories (22 px a bar plus room for the title,
/// axis, legend and note); other charts: `default_px`.
double chart_height_px(const Chart& chart, double default_px);

/// The drawing as a standalone SVG 1.1 document (UTF-8, no XML declaration so it can be inlined in
/// HTML), with text as <text> elements in the DejaVu Sans family, and role="img" with its title.
/// Deterministic: the same drawing gives the same bytes.
std::string drawing_svg(const Drawing& drawing);

/// The width in layout pixels of `text` at `size_px` as the layout assumes it: an approximation of
/// DejaVu Sans's advances (0.6 em per character, 0.3 em for spaces and narrow punctuation), used to
/// place and shorten labels identically for SVG and PDF.
double approx_text_width_px(const std::string& text, double size_px);

}  // namespace basural

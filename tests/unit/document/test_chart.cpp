// Charts: histogram bins, the layout of bars (heights in proportion to values on a round axis), the SVG
// read back by libxml2 (text as <text>), and the errors for charts that cannot be drawn.
// Reference values are worked out by hand in each test.
#include "basural/base/error.hpp"
#include "basural/document/chart.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

using namespace basural;
using Catch::Matchers::WithinAbs;

namespace {

std::vector<DrawRect> rects(const Drawing& d)
{
    std::vector<DrawRect> out;
    for (const auto& item : d.items)
        if (const auto* r = std::get_if<DrawRect>(&item))
            out.push_back(*r);
    return out;
}

std::vector<std::string> texts(const Drawing& d)
{
    std::vector<std::string> out;
    for (const auto& item : d.items)
        if (const auto* t = std::get_if<DrawText>(&item))
            out.push_back(t->text);
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

/// Element names and text of an SVG document parsed by libxml2.
struct SvgContent {
    std::string root;
    std::size_t rects = 0;
    std::vector<std::string> texts;
};

SvgContent parse_svg(const std::string& svg)
{
    std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(
        xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "chart.svg", "UTF-8", XML_PARSE_NONET), xmlFreeDoc);
    REQUIRE(doc);
    SvgContent c;
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    c.root = reinterpret_cast<const char*>(root->name);
    std::function<void(const xmlNode*)> walk = [&](const xmlNode* n) {
        for (; n; n = n->next) {
            if (n->type == XML_ELEMENT_NODE) {
                const std::string name = reinterpret_cast<const char*>(n->name);
                if (name == "rect")
                    ++c.rects;
                if (name == "text") {
                    std::unique_ptr<xmlChar, void (*)(void*)> content(xmlNodeGetContent(n), xmlFree);
                    c.texts.emplace_back(reinterpret_cast<const char*>(content.get()));
                }
            }
            walk(n->children);
        }
    };
    walk(root);
    return c;
}

BarChart sites_by_type()
{
    BarChart c;
    c.id = "sites_by_type";
    c.title = "Sites by type";
    c.value_axis = "Sites";
    c.categories = {"North", "South", "East"};
    c.series = {{"Open dump", Rgb{0xd7, 0x30, 0x1f}, {30.0, 10.0, 0.0}, {}},
                {"Sanitary landfill", Rgb{0x2b, 0x8c, 0xbe}, {17.0, 5.0, std::nullopt}, {}}};
    return c;
}

}  // namespace

TEST_CASE("make_histogram counts values in bins, the last bin closed", "[document][chart]")
{
    // 0-10: 0, 3, 9.99; 10-20: 10, 15; 20-30: 25, 30 (30 is the maximum: in the last bin)
    const auto h = make_histogram({0.0, 3.0, 9.99, 10.0, 15.0, 25.0, 30.0, -1.0}, 0.0, 10.0);
    REQUIRE(h.edges == std::vector<double>{0.0, 10.0, 20.0, 30.0});
    CHECK(h.counts == std::vector<double>{3.0, 2.0, 2.0});
    const auto one = make_histogram({}, 0.0, 5.0);
    CHECK(one.edges == std::vector<double>{0.0, 5.0});
    CHECK(one.counts == std::vector<double>{0.0});
    CHECK_THROWS_AS(make_histogram({1.0}, 0.0, 0.0), usage_error);
}

TEST_CASE("Stacked bars: heights in proportion to the values on a round axis", "[document][chart]")
{
    const Drawing d = layout_chart(sites_by_type(), 600.0, 300.0);
    // The largest stack is North, 30 + 17 = 47: the axis runs 0..50 in steps of 10.
    const auto t = texts(d);
    for (const char* tick : {"0", "10", "20", "30", "40", "50"})
        CHECK(has(t, tick));
    CHECK_FALSE(has(t, "60"));
    CHECK(has(t, "Sites by type"));
    CHECK(has(t, "North"));
    CHECK(has(t, "Open dump"));  // legend: two series
    // Bars: North 30 and 17, South 10 and 5, East 0 (an empty bar); East's unknown landfill count: no bar.
    std::vector<DrawRect> bars;
    for (const auto& r : rects(d))
        if (!r.tooltip.empty())
            bars.push_back(r);
    REQUIRE(bars.size() == 5);
    const double unit = bars[0].height_px / 30.0;  // North's open dumps
    CHECK_THAT(bars[1].height_px, WithinAbs(17.0 * unit, 1e-9));
    CHECK_THAT(bars[2].height_px, WithinAbs(10.0 * unit, 1e-9));
    CHECK_THAT(bars[3].height_px, WithinAbs(5.0 * unit, 1e-9));
    CHECK(bars[4].height_px == 0.0);
    // Stacked: North's landfill bar sits on its open-dump bar.
    CHECK_THAT(bars[1].y_px + bars[1].height_px, WithinAbs(bars[0].y_px, 1e-9));
    CHECK(bars[0].tooltip == "North \u2013 Open dump: 30");
}

TEST_CASE("Horizontal grouped bars with value labels and estimated values", "[document][chart]")
{
    BarChart c;
    c.id = "ch4";
    c.title = "Largest emitters";
    c.value_axis = "CH4, t/year";
    c.horizontal = true;
    c.layout = BarLayout::grouped;
    c.value_labels = true;
    c.categories = {"A very long name of a dump that will not fit in the label column at all", "B"};
    c.series = {{"CH4", Rgb{0x4a, 0x14, 0x86}, {1500.0, 250.0}, {false, true}}};
    c.estimated_label = "estimated";
    c.numbers = number_style(Language::pt, "BR");
    const Drawing d = layout_chart(c, 500.0, chart_height_px(c, 300.0));
    const auto t = texts(d);
    CHECK(has(t, "1.500"));
    CHECK(has(t, "250"));
    CHECK(has(t, "estimated"));  // legend entry for the lighter bars
    // The long name is shortened with an ellipsis; the full name stays in the tooltip.
    const bool shortened = std::any_of(t.begin(), t.end(), [](const std::string& s) {
        return s.rfind("A very long", 0) == 0 && s.size() > 3 && s.substr(s.size() - 3) == "\u2026";
    });
    CHECK(shortened);
    std::vector<DrawRect> bars;
    for (const auto& r : rects(d))
        if (!r.tooltip.empty())
            bars.push_back(r);
    REQUIRE(bars.size() == 2);
    CHECK_THAT(bars[1].width_px / bars[0].width_px, WithinAbs(250.0 / 1500.0, 1e-9));
    CHECK(bars[0].fill_opacity == 1.0);
    CHECK(bars[1].fill_opacity < 1.0);  // estimated: lighter, outlined
    CHECK(bars[1].stroke.has_value());
    CHECK(bars[0].tooltip.find("A very long name of a dump that will not fit") != std::string::npos);
}

TEST_CASE("Percent axes and histograms", "[document][chart]")
{
    BarChart c;
    c.id = "coverage";
    c.title = "Coverage";
    c.percent = true;
    c.layout = BarLayout::grouped;
    c.value_labels = true;
    c.value_decimals = 1;
    c.categories = {"Sites", "Waste"};
    c.series = {{"Today", Rgb{0x96, 0x96, 0x96}, {0.1, 0.25}, {}}, {"With the plan", Rgb{0x4a, 0x14, 0x86}, {0.8, 0.955}, {}}};
    const auto t = texts(layout_chart(c, 500.0, 300.0));
    CHECK(has(t, "95.5%"));
    CHECK(has(t, "100%"));  // the axis of shares tops at 100%
    CHECK(has(t, "Today"));

    Histogram h = make_histogram({1.0, 2.0, 12.0, 49.0}, 0.0, 5.0);
    h.id = "haul";
    h.title = "Haul";
    h.value_axis = "km";
    h.count_axis = "Dumps";
    const Drawing d = layout_chart(h, 600.0, 260.0);
    // bins 0-5 (2), 10-15 (1), 45-50 (1): three bars, no bar for the empty bins
    std::size_t bars = 0;
    for (const auto& r : rects(d))
        bars += r.tooltip.empty() ? 0 : 1;
    CHECK(bars == 3);
    const auto ht = texts(d);
    CHECK(has(ht, "0"));
    CHECK(has(ht, "50"));
    CHECK(has(ht, "2"));  // count axis 0..2 in whole steps
    CHECK_FALSE(has(ht, "0.5"));
}

TEST_CASE("drawing_svg writes text as <text> elements that libxml2 reads back", "[document][chart]")
{
    const Drawing d = layout_chart(sites_by_type(), 600.0, 300.0);
    const std::string svg = drawing_svg(d);
    const auto content = parse_svg(svg);
    CHECK(content.root == "svg");
    CHECK(content.rects == rects(d).size());
    CHECK(content.texts == texts(d));
    CHECK(drawing_svg(d) == svg);  // deterministic
    // XML special characters are escaped.
    BarChart c = sites_by_type();
    c.title = "Sites <by> type & \"status\"";
    const auto escaped = parse_svg(drawing_svg(layout_chart(c, 600.0, 300.0)));
    CHECK(has(escaped.texts, "Sites <by> type & \"status\""));
}

TEST_CASE("Charts that cannot be drawn are refused", "[document][chart]")
{
    BarChart c = sites_by_type();
    c.series[0].values.pop_back();
    CHECK_THROWS_AS(layout_chart(c, 600.0, 300.0), usage_error);
    c = sites_by_type();
    c.series[0].values[0] = -1.0;
    CHECK_THROWS_AS(layout_chart(c, 600.0, 300.0), usage_error);
    CHECK_THROWS_AS(layout_chart(sites_by_type(), 100.0, 300.0), usage_error);
    Histogram h;
    h.edges = {0.0, 0.0};
    h.counts = {1.0};
    CHECK_THROWS_AS(layout_chart(h, 600.0, 300.0), usage_error);
}

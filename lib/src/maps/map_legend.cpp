// The print map's legend, scale bar and north arrow (docs/methods/maps.md, "The page").
#include "basural/base/messages.hpp"
#include "maps/map_draw_kit.hpp"
#include "maps/map_view.hpp"

#include <algorithm>
#include <cmath>

namespace basural::detail {
namespace {

// The legend is laid out as rows, then drawn; category rows are cut to what fits.
enum class RowKind { heading, site, hollow, size, proposed, existing, existing_unused, catchment, focus, admin1,
                     neighbour, note };
struct LegendRow {
    RowKind kind;
    std::string label;
    Rgb colour;
    double radius_px = 0.0;
};

double row_height(const LegendRow& r)
{
    switch (r.kind) {
    case RowKind::heading: return 22.0;
    case RowKind::size: return std::max(17.0, 2.0 * r.radius_px + 5.0);
    default: return 17.0;
    }
}

std::string with_count(const Locale& locale, const std::string& label, std::size_t n)
{
    return n == 0 ? label : label + " (" + format_count(static_cast<std::int64_t>(n), locale.numbers) + ")";
}

/// The rows under the colours: estimated sites, the size key, then what else is on the map.
std::vector<LegendRow> other_rows(const MapScene& scene, double max_size)
{
    const Locale& loc = scene.locale;
    std::vector<LegendRow> rows;
    const auto estimated = static_cast<std::size_t>(
        std::count_if(scene.points.begin(), scene.points.end(), [](const MapPoint& p) { return p.estimated; }));
    if (estimated > 0) {
        rows.push_back({RowKind::hollow, with_count(loc, tr(loc, "map.legend.hollow"), estimated), MUTED_TEXT});
        rows.push_back({RowKind::note, tr(loc, "map.legend.hollow_note"), MUTED_TEXT});
    }
    if (max_size > 0.0) {
        rows.push_back({RowKind::heading, scene.size_label.empty() ? tr(loc, "map.legend.size") : scene.size_label,
                        TEXT_COLOUR});
        for (double v : size_key_values(max_size))
            rows.push_back({RowKind::size, format_number(v, v < 1.0 ? 2 : 0, loc.numbers), MUTED_TEXT,
                            symbol_radius_px(v, max_size)});
        rows.push_back({RowKind::note, tr(loc, "map.legend.size_note"), MUTED_TEXT});
        const bool any_unknown = std::any_of(scene.points.begin(), scene.points.end(),
                                             [](const MapPoint& p) { return !p.size_value; });
        if (any_unknown)
            rows.push_back({RowKind::note, tr(loc, "map.legend.size_unknown"), MUTED_TEXT});
    }
    if (max_size == 0.0 && !scene.points.empty())
        rows.push_back({RowKind::note, tr(loc, "map.legend.size_all_unknown"), MUTED_TEXT});
    bool map_heading = false;
    const auto add_map_row = [&](LegendRow row) {
        if (!map_heading)
            rows.push_back({RowKind::heading, tr(loc, "map.legend.on_map"), TEXT_COLOUR});
        map_heading = true;
        rows.push_back(std::move(row));
    };
    const auto count_kind = [&](FacilityKind k) {
        return static_cast<std::size_t>(std::count_if(scene.facilities.begin(), scene.facilities.end(),
                                                      [k](const MapFacility& f) { return f.kind == k; }));
    };
    if (const auto n = count_kind(FacilityKind::proposed); n > 0)
        add_map_row({RowKind::proposed, with_count(loc, tr(loc, "map.legend.proposed"), n), PROPOSED_COLOUR});
    if (const auto n = count_kind(FacilityKind::existing); n > 0)
        add_map_row({RowKind::existing, with_count(loc, tr(loc, "map.legend.existing_used"), n), EXISTING_COLOUR});
    if (const auto n = count_kind(FacilityKind::existing_unused); n > 0)
        add_map_row({RowKind::existing_unused, with_count(loc, tr(loc, "map.legend.existing_unused"), n),
                     EXISTING_COLOUR});
    if (!scene.catchments.empty())
        add_map_row({RowKind::catchment, with_count(loc, tr(loc, "map.legend.catchment"), scene.catchments.size()),
                     CATCHMENT_COLOUR});
    add_map_row({RowKind::focus, scene.focus.name.empty() ? scene.focus.iso3 : scene.focus.name, FOCUS_FILL});
    if (!scene.admin1.empty())
        add_map_row({RowKind::admin1, tr(loc, "map.legend.admin1"), ADMIN1_LINE});
    if (!scene.neighbours.empty())
        add_map_row({RowKind::neighbour, tr(loc, "map.legend.neighbours"), NEIGHBOUR_FILL});
    return rows;
}

std::vector<LegendRow> legend_rows(const MapScene& scene, const PointColours& colours, double max_size,
                                   double height_px)
{
    std::vector<LegendRow> categories;
    for (const auto& e : colours.legend)
        categories.push_back({RowKind::site, with_count(scene.locale, e.label, e.count), e.colour});
    const std::vector<LegendRow> rest = other_rows(scene, max_size);
    std::vector<LegendRow> rows;
    rows.push_back({RowKind::heading, colours.heading, TEXT_COLOUR});
    double used = row_height(rows[0]);
    for (const auto& r : rest)
        used += row_height(r);
    const double row_h = 17.0;
    const auto fit = static_cast<std::size_t>(std::max(0.0, std::floor((height_px - used) / row_h)));
    if (categories.size() <= fit) {
        rows.insert(rows.end(), categories.begin(), categories.end());
    } else if (fit > 0) {
        rows.insert(rows.end(), categories.begin(), categories.begin() + static_cast<std::ptrdiff_t>(fit - 1));
        const auto more = static_cast<std::int64_t>(categories.size() - (fit - 1));
        rows.push_back({RowKind::note,
                        tr(scene.locale, "map.legend.more", {{"n", format_count(more, scene.locale.numbers)}}),
                        MUTED_TEXT});
    }
    rows.insert(rows.end(), rest.begin(), rest.end());
    return rows;
}

/// The symbol of one legend row, centred at (x, mid).
void add_row_symbol(DrawingBuilder& b, const LegendRow& r, double x, double mid)
{
    const PageRect swatch{x - 7.0, mid - 5.0, 14.0, 10.0};
    switch (r.kind) {
    case RowKind::site: b.add(site_symbol({x, mid}, 5.0, r.colour, false)); break;
    case RowKind::hollow: b.add(site_symbol({x, mid}, 5.0, r.colour, true)); break;
    case RowKind::size: b.add(site_symbol({x, mid}, r.radius_px, SIZE_KEY_COLOUR, false)); break;
    case RowKind::proposed: b.add(facility_symbol({x, mid}, FacilityKind::proposed)); break;
    case RowKind::existing: b.add(facility_symbol({x, mid}, FacilityKind::existing)); break;
    case RowKind::existing_unused: b.add(facility_symbol({x, mid}, FacilityKind::existing_unused)); break;
    case RowKind::catchment:
        b.add(rect_path(swatch, Fill{r.colour, CATCHMENT_FILL_ALPHA}, Stroke{r.colour, 1.2, 0.9}));
        break;
    case RowKind::focus: b.add(rect_path(swatch, Fill{r.colour}, Stroke{FOCUS_LINE, 0.8})); break;
    case RowKind::neighbour: b.add(rect_path(swatch, Fill{r.colour}, Stroke{NEIGHBOUR_LINE, 0.8})); break;
    case RowKind::admin1: {
        DrawPath line;
        line.closed = false;
        line.parts = {{{x - 7.0, mid}, {x + 7.0, mid}}};
        line.stroke = Stroke{ADMIN1_LINE, 0.8};
        b.add(std::move(line));
        break;
    }
    case RowKind::heading:
    case RowKind::note: break;
    }
}

}  // namespace

void add_legend(DrawingBuilder& b, const MapScene& scene, const PointColours& colours, double max_size,
                const PageRect& box)
{
    const auto rows = legend_rows(scene, colours, max_size, box.height_px - 12.0);
    const double sym_x = box.x_px + 10.0 + SYMBOL_MAX_RADIUS_PX / 2.0;
    const double text_x = box.x_px + 10.0 + SYMBOL_MAX_RADIUS_PX + 12.0;
    const double text_w = box.x_px + box.width_px - text_x - 4.0;
    double y = box.y_px + 4.0;
    for (const auto& r : rows) {
        const double h = row_height(r);
        if (y + h > box.y_px + box.height_px)
            break;
        const double mid = y + h / 2.0;
        if (r.kind == RowKind::heading) {
            b.text(r.label, box.x_px + 6.0, y + 16.0, box.width_px - 8.0, {12.0, true});
        } else {
            add_row_symbol(b, r, sym_x, mid);
            b.text(r.label, text_x, mid + 4.0, text_w,
                   {11.0, false, false, r.kind == RowKind::note ? MUTED_TEXT : TEXT_COLOUR});
        }
        y += h;
    }
}

std::vector<PageRect> add_scale_and_north(DrawingBuilder& b, const MapLayout& layout, const Locale& locale)
{
    const ScaleBar bar = layout.scale_bar();
    const PageRect& f = layout.map_frame();
    const double x = f.x_px + 14.0, y = f.y_px + f.height_px - 18.0, h = 5.0;
    const std::string label = format_number(bar.length_km, bar.length_km < 1.0 ? 1 : 0, locale.numbers) + " km";
    const double label_w = b.measure().width_px(label, 10.0);
    // A white backing so the bar reads over any fill.
    const PageRect backing{x - 6.0, y - 20.0, bar.length_px + 12.0 + label_w + 6.0, 30.0};
    b.begin("scale");
    b.add(rect_path(backing, Fill{PAGE_COLOUR, 0.8}, std::nullopt));
    for (int i = 0; i < 2; ++i)
        b.add(rect_path({x + i * bar.length_px / 2.0, y, bar.length_px / 2.0, h},
                        Fill{i == 0 ? TEXT_COLOUR : PAGE_COLOUR}, Stroke{TEXT_COLOUR, 0.8}));
    b.text("0", x - 3.0, y - 4.0, 40.0, {10.0});
    b.text(label, x + bar.length_px - 4.0, y - 4.0, 200.0, {10.0});
    b.end();

    const double nx = f.x_px + f.width_px - 22.0, ny = f.y_px + 16.0;
    DrawPath arrow;
    arrow.parts = {{{nx, ny}, {nx + 7.0, ny + 22.0}, {nx, ny + 17.0}, {nx - 7.0, ny + 22.0}}};
    arrow.fill = Fill{TEXT_COLOUR};
    b.begin("north");
    b.add(std::move(arrow));
    b.text(tr(locale, "map.north"), nx, ny + 36.0, 20.0, {12.0, true, false, TEXT_COLOUR, TextAnchor::middle});
    b.end();
    return {backing, {nx - 12.0, ny - 4.0, 24.0, 44.0}};
}

}  // namespace basural::detail

// The print map as a drawing (maps/map_drawing.hpp): the frame's layers, the title and the sources.
// The legend, scale bar and north arrow are in map_legend.cpp, the labels in map_labels.cpp.
#include "maps/map_drawing.hpp"

#include "maps/map_draw_kit.hpp"
#include "maps/map_view.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace basural::detail {

void DrawingBuilder::begin(std::string id, std::optional<PageRect> clip, std::vector<std::vector<PagePoint>> clip_rings)
{
    add(BeginGroup{std::move(id), clip, std::move(clip_rings)});
}

double DrawingBuilder::text(const std::string& raw_text, double x, double y, double max_width_px, const TextStyle& style)
{
    DrawText t;
    t.text = valid_utf8(raw_text);
    if (t.text.empty())
        return 0.0;
    t.size_px = style.size_px;
    t.width_px = m_measure.width_px(t.text, style.size_px, style.bold, style.italic);
    if (t.width_px > max_width_px && t.width_px > 0.0) {
        t.size_px = std::max(style.size_px * 0.6, style.size_px * max_width_px / t.width_px);
        t.width_px = m_measure.width_px(t.text, t.size_px, style.bold, style.italic);
    }
    t.at = {x, y};
    t.bold = style.bold;
    t.italic = style.italic;
    t.colour = style.colour;
    t.anchor = style.anchor;
    t.halo = style.halo;
    const double width = t.width_px;
    add(std::move(t));
    return width;
}

DrawPath rect_path(const PageRect& r, std::optional<Fill> fill, std::optional<Stroke> stroke)
{
    DrawPath p;
    p.parts = {{{r.x_px, r.y_px},
                {r.x_px + r.width_px, r.y_px},
                {r.x_px + r.width_px, r.y_px + r.height_px},
                {r.x_px, r.y_px + r.height_px}}};
    p.fill = fill;
    p.stroke = std::move(stroke);
    return p;
}

DrawCircle site_symbol(PagePoint at, double radius_px, Rgb colour, bool estimated)
{
    DrawCircle c;
    c.centre = at;
    c.radius_px = radius_px;
    if (estimated) {
        // Hollow: a ring in the category colour, so an estimate never reads as an observation.
        c.stroke = Stroke{colour, 1.6};
    } else {
        c.fill = Fill{colour};
        c.stroke = Stroke{SYMBOL_LINE, 0.6};
    }
    return c;
}

DrawPath facility_symbol(PagePoint at, FacilityKind kind)
{
    DrawPath p;
    if (kind == FacilityKind::proposed) {
        const double r_outer = FACILITY_RADIUS_PX, r_inner = r_outer * 0.42;
        const double pi = std::acos(-1.0);
        std::vector<PagePoint> star;
        for (int i = 0; i < 10; ++i) {
            const double r = (i % 2 == 0) ? r_outer : r_inner;
            const double a = -pi / 2.0 + i * pi / 5.0;
            star.push_back({at.x_px + r * std::cos(a), at.y_px + r * std::sin(a)});
        }
        p.parts = {std::move(star)};
        p.fill = Fill{PROPOSED_COLOUR};
        p.stroke = Stroke{PAGE_COLOUR, 1.2};
        return p;
    }
    const double half = FACILITY_RADIUS_PX * 0.62;
    const PageRect r{at.x_px - half, at.y_px - half, 2 * half, 2 * half};
    if (kind == FacilityKind::existing)
        return rect_path(r, Fill{EXISTING_COLOUR}, Stroke{PAGE_COLOUR, 1.2});
    // Not used by the plan: an open square, so it cannot be taken for a facility of the plan.
    return rect_path(r, Fill{PAGE_COLOUR}, Stroke{EXISTING_COLOUR, 1.4});
}

bool overlaps(const PageRect& a, const PageRect& b) noexcept
{
    return a.x_px < b.x_px + b.width_px && b.x_px < a.x_px + a.width_px && a.y_px < b.y_px + b.height_px &&
           b.y_px < a.y_px + a.height_px;
}

namespace {

/// Sutherland-Hodgman clipping of a ring to a rectangle (works for concave rings; edges that run
/// along the rectangle may result, which is why the frame is also a clip of the drawing).
std::vector<PagePoint> clip_ring(std::vector<PagePoint> ring, const PageRect& r)
{
    const double x0 = r.x_px, x1 = r.x_px + r.width_px, y0 = r.y_px, y1 = r.y_px + r.height_px;
    enum Edge { left, right, top, bottom };
    for (Edge e : {left, right, top, bottom}) {
        if (ring.empty())
            break;
        const auto inside = [&](const PagePoint& p) {
            switch (e) {
            case left: return p.x_px >= x0;
            case right: return p.x_px <= x1;
            case top: return p.y_px >= y0;
            case bottom: return p.y_px <= y1;
            }
            return true;
        };
        const auto cross = [&](const PagePoint& a, const PagePoint& b) {
            double t = 0.0;
            switch (e) {
            case left: t = (x0 - a.x_px) / (b.x_px - a.x_px); break;
            case right: t = (x1 - a.x_px) / (b.x_px - a.x_px); break;
            case top: t = (y0 - a.y_px) / (b.y_px - a.y_px); break;
            case bottom: t = (y1 - a.y_px) / (b.y_px - a.y_px); break;
            }
            return PagePoint{a.x_px + t * (b.x_px - a.x_px), a.y_px + t * (b.y_px - a.y_px)};
        };
        std::vector<PagePoint> out;
        out.reserve(ring.size() + 4);
        for (std::size_t i = 0; i < ring.size(); ++i) {
            const PagePoint& cur = ring[i];
            const PagePoint& prev = ring[(i + ring.size() - 1) % ring.size()];
            const bool in_cur = inside(cur), in_prev = inside(prev);
            if (in_cur) {
                if (!in_prev)
                    out.push_back(cross(prev, cur));
                out.push_back(cur);
            } else if (in_prev) {
                out.push_back(cross(prev, cur));
            }
        }
        ring.swap(out);
    }
    return ring;
}

/// Projected page points with vertices closer than 0.05 px to the previous one dropped (a national
/// boundary has far more vertices than a page has pixels).
std::vector<PagePoint> thinned(const MapLayout& layout, const std::vector<LonLat>& line)
{
    const std::vector<PagePoint> pts = layout.to_page(line);
    std::vector<PagePoint> thin;
    thin.reserve(pts.size());
    for (const auto& p : pts)
        if (thin.empty() || std::hypot(p.x_px - thin.back().x_px, p.y_px - thin.back().y_px) >= 0.05)
            thin.push_back(p);
    return thin;
}

/// The rings of the polygons on the page, clipped to `clip`; empty when none is left.
std::vector<std::vector<PagePoint>> page_rings(const MapLayout& layout, const std::vector<MapPolygon>& polygons,
                                               const PageRect& clip)
{
    std::vector<std::vector<PagePoint>> out;
    for (const auto& poly : polygons)
        for (const auto& ring : poly) {
            auto pts = clip_ring(thinned(layout, ring), clip);
            if (pts.size() >= 3)
                out.push_back(std::move(pts));
        }
    return out;
}

void add_area(DrawingBuilder& b, std::vector<std::vector<PagePoint>> rings, std::optional<Fill> fill,
              std::optional<Stroke> stroke)
{
    if (rings.empty())
        return;
    DrawPath p;
    p.parts = std::move(rings);
    p.fill = fill;
    p.stroke = std::move(stroke);
    b.add(std::move(p));
}

/// The country's states: their shared boundaries as thin lines, the zoomed one's darker, and a veil
/// over the others when the map zooms to one.
void add_states(DrawingBuilder& b, const MapScene& scene, const MapLayout& layout, const PageRect& clip)
{
    const MapRegion* zoom = zoom_region(scene);
    if (zoom != nullptr) {
        // The veil covers the country but the zoomed state, clipped to the country so the sea stays blue.
        b.begin("veil", std::nullopt, page_rings(layout, scene.focus.polygons, clip));
        for (const auto& r : scene.admin1)
            if (&r != zoom)
                add_area(b, page_rings(layout, r.polygons, clip), Fill{PAGE_COLOUR, ZOOM_VEIL_ALPHA}, std::nullopt);
        b.end();
    }
    const RegionLines lines = region_lines(scene.admin1, scene.zoom_admin1);
    const auto add_lines = [&](const std::vector<std::vector<LonLat>>& ls, const Stroke& stroke) {
        DrawPath p;
        p.closed = false;
        for (const auto& l : ls)
            if (auto pts = thinned(layout, l); pts.size() >= 2)
                p.parts.push_back(std::move(pts));
        p.stroke = stroke;
        if (!p.parts.empty())
            b.add(std::move(p));
    };
    add_lines(lines.shared, Stroke{ADMIN1_LINE, 0.6});
    add_lines(lines.zoom, Stroke{FOCUS_LINE, 1.4});
}

void add_catchments(DrawingBuilder& b, const MapScene& scene, const MapLayout& layout, const PageRect& clip)
{
    for (const auto& c : scene.catchments)
        add_area(b, page_rings(layout, c.polygons, clip), Fill{CATCHMENT_COLOUR, CATCHMENT_FILL_ALPHA},
                 Stroke{CATCHMENT_COLOUR, 1.2, 0.9, {4.0, 2.0}});
}

/// Sites, larger symbols first so that small ones stay visible on top (ties in input order); then
/// facilities, unused existing landfills under the plan's.
void add_symbols(DrawingBuilder& b, const MapScene& scene, const MapLayout& layout, const PointColours& colours,
                 double max_size)
{
    std::vector<LonLat> locations;
    for (const auto& p : scene.points)
        locations.push_back(p.location);
    std::vector<std::size_t> order(scene.points.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::vector<double> radius(scene.points.size());
    for (std::size_t i = 0; i < scene.points.size(); ++i)
        radius[i] = symbol_radius_px(scene.points[i].size_value, max_size);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) { return radius[i] > radius[j]; });
    b.begin("sites");
    for (std::size_t i : order)
        if (const auto pos = layout.to_page(scene.points[i].location))
            b.add(site_symbol(*pos, radius[i], colours.colours[i], scene.points[i].estimated));
    b.end();
    b.begin("facilities");
    for (FacilityKind kind : {FacilityKind::existing_unused, FacilityKind::existing, FacilityKind::proposed})
        for (const auto& fac : scene.facilities)
            if (fac.kind == kind)
                if (const auto pos = layout.to_page(fac.location))
                    b.add(facility_symbol(*pos, fac.kind));
    b.end();
}

/// The frame's layers, clipped to the frame.
std::vector<PageRect> add_frame(DrawingBuilder& b, const MapScene& scene, const MapLayout& layout,
                                const PointColours& colours, double max_size)
{
    const PageRect& f = layout.map_frame();
    const PageRect clip{f.x_px - 4.0, f.y_px - 4.0, f.width_px + 8.0, f.height_px + 8.0};
    b.begin("map", f);
    b.add(rect_path(f, Fill{SEA_COLOUR}, std::nullopt));
    b.begin("neighbours");
    for (const auto& c : scene.neighbours)
        add_area(b, page_rings(layout, c.polygons, clip), Fill{NEIGHBOUR_FILL}, Stroke{NEIGHBOUR_LINE, 0.6});
    b.end();
    b.begin("country");
    add_area(b, page_rings(layout, scene.focus.polygons, clip), Fill{FOCUS_FILL}, std::nullopt);
    add_states(b, scene, layout, clip);
    add_area(b, page_rings(layout, scene.focus.polygons, clip), std::nullopt, Stroke{FOCUS_LINE, 1.0});
    b.end();
    b.begin("catchments");
    add_catchments(b, scene, layout, clip);
    b.end();
    add_symbols(b, scene, layout, colours, max_size);
    b.end();
    b.add(rect_path(f, std::nullopt, Stroke{FOCUS_LINE, 0.8}));
    std::vector<PageRect> occupied = add_scale_and_north(b, layout, scene.locale);
    b.begin("labels", f);
    add_labels(b, scene, layout, occupied);
    b.end();
    return occupied;
}

}  // namespace

MapDrawing map_drawing(const MapScene& scene, const MapLayout& layout)
{
    const MapStyle& style = layout.style();
    MapDrawing d;
    d.width_px = style.width_px;
    d.height_px = style.height_px;
    d.title = valid_utf8(scene.title);
    DrawingBuilder b(d);
    b.add(rect_path({0.0, 0.0, d.width_px, d.height_px}, Fill{PAGE_COLOUR}, std::nullopt));

    const PointColours colours = colour_points(scene, style.colour_by);
    const double max_size = max_size_value(scene);
    add_frame(b, scene, layout, colours, max_size);

    const PageRect& t = layout.title_box();
    b.begin("title");
    b.text(scene.title, t.x_px, t.y_px + MAP_TITLE_SIZE_PX - 4.0, t.width_px, {MAP_TITLE_SIZE_PX, true});
    if (!scene.subtitle.empty())
        b.text(scene.subtitle, t.x_px, t.y_px + MAP_TITLE_SIZE_PX + MAP_SUBTITLE_SIZE_PX + 2.0, t.width_px,
               {MAP_SUBTITLE_SIZE_PX, false, false, MUTED_TEXT});
    b.end();
    b.begin("legend");
    add_legend(b, scene, colours, max_size, layout.legend_box());
    b.end();
    const PageRect& a = layout.attribution_box();
    b.begin("sources");
    for (std::size_t i = 0; i < scene.attribution_lines.size(); ++i)
        b.text(scene.attribution_lines[i], a.x_px, a.y_px + MAP_ATTRIBUTION_LINE_PX * static_cast<double>(i + 1) - 2.0,
               a.width_px, {MAP_ATTRIBUTION_SIZE_PX, false, false, MUTED_TEXT});
    b.end();
    return d;
}

}  // namespace basural::detail

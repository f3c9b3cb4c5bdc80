// Names on the print map: the boundaries between states and their names, and the largest towns
// (docs/methods/maps.md, "Labels").
#include "maps/map_draw_kit.hpp"
#include "maps/map_view.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace basural::detail {
namespace {

constexpr double STATE_LABEL_SIZE_PX = 9.5;
constexpr double PLACE_LABEL_SIZE_PX = 10.0;
constexpr std::size_t MAX_PLACE_LABELS = 15;

using Vertex = std::pair<double, double>;
using SegmentKey = std::pair<Vertex, Vertex>;

SegmentKey segment_key(const LonLat& a, const LonLat& b)
{
    Vertex va{a.lon_deg, a.lat_deg}, vb{b.lon_deg, b.lat_deg};
    return va < vb ? SegmentKey{va, vb} : SegmentKey{vb, va};
}

/// Calls f(a, b) for each edge of a ring, closing it when its last vertex does not repeat the first.
template <class F>
void for_each_edge(const MapRing& ring, F&& f)
{
    if (ring.size() < 2)
        return;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        f(ring[i], ring[i + 1]);
    if (!(ring.front() == ring.back()))
        f(ring.back(), ring.front());
}

/// The page rings' widest horizontal run inside the polygon, tried on a few horizontal lines: a point
/// well inside it (the centre of that run) and the run's width.
std::pair<PagePoint, double> inside_point(const std::vector<std::vector<PagePoint>>& rings)
{
    double y_min = std::numeric_limits<double>::infinity(), y_max = -y_min;
    for (const auto& r : rings)
        for (const auto& p : r) {
            y_min = std::min(y_min, p.y_px);
            y_max = std::max(y_max, p.y_px);
        }
    std::pair<PagePoint, double> best{{0.0, 0.0}, -1.0};
    for (double f : {0.5, 0.38, 0.62, 0.26, 0.74}) {
        const double y = y_min + f * (y_max - y_min);
        std::vector<double> xs;
        for (const auto& r : rings)
            for (std::size_t i = 0; i < r.size(); ++i) {
                const PagePoint& a = r[i];
                const PagePoint& b = r[(i + 1) % r.size()];
                if ((a.y_px <= y) != (b.y_px <= y))
                    xs.push_back(a.x_px + (y - a.y_px) / (b.y_px - a.y_px) * (b.x_px - a.x_px));
            }
        std::sort(xs.begin(), xs.end());
        for (std::size_t i = 0; i + 1 < xs.size(); i += 2)
            if (xs[i + 1] - xs[i] > best.second)
                best = {{(xs[i] + xs[i + 1]) / 2.0, y}, xs[i + 1] - xs[i]};
    }
    return best;
}

double ring_area_px2(const std::vector<PagePoint>& r)
{
    double a = 0.0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        const PagePoint& p = r[i];
        const PagePoint& q = r[(i + 1) % r.size()];
        a += p.x_px * q.y_px - q.x_px * p.y_px;
    }
    return std::abs(a) / 2.0;
}

bool inside_rect(const PageRect& inner, const PageRect& outer)
{
    return inner.x_px >= outer.x_px && inner.y_px >= outer.y_px &&
           inner.x_px + inner.width_px <= outer.x_px + outer.width_px &&
           inner.y_px + inner.height_px <= outer.y_px + outer.height_px;
}

bool free_at(const PageRect& r, const PageRect& frame, const std::vector<PageRect>& occupied)
{
    return inside_rect(r, frame) &&
           std::none_of(occupied.begin(), occupied.end(), [&](const PageRect& o) { return overlaps(r, o); });
}

/// A state's name inside its largest polygon, where the name fits across it and nothing else is.
void add_state_labels(DrawingBuilder& b, const MapScene& scene, const MapLayout& layout, std::vector<PageRect>& occupied)
{
    const PageRect& frame = layout.map_frame();
    for (const auto& region : scene.admin1) {
        std::vector<std::vector<PagePoint>> largest;
        double largest_area = 0.0;
        for (const auto& poly : region.polygons) {
            std::vector<std::vector<PagePoint>> rings;
            for (const auto& ring : poly)
                rings.push_back(layout.to_page(ring));
            if (rings.empty() || rings[0].size() < 3)
                continue;
            if (const double a = ring_area_px2(rings[0]); a > largest_area) {
                largest_area = a;
                largest = std::move(rings);
            }
        }
        if (largest.empty() || region.name.empty())
            continue;
        const auto [at, run_px] = inside_point(largest);
        const std::string name = valid_utf8(region.name);
        const double w = b.measure().width_px(name, STATE_LABEL_SIZE_PX, false, true);
        const PageRect box{at.x_px - w / 2.0 - 1.0, at.y_px - STATE_LABEL_SIZE_PX * 0.5, w + 2.0,
                           STATE_LABEL_SIZE_PX * 1.2};
        if (w > run_px || !free_at(box, frame, occupied))
            continue;
        b.text(name, at.x_px, at.y_px + STATE_LABEL_SIZE_PX * 0.35, w + 1.0,
               {STATE_LABEL_SIZE_PX, false, true, ADMIN1_TEXT, TextAnchor::middle, PAGE_COLOUR});
        occupied.push_back(box);
    }
}

/// The largest towns with a dot, their name right, left, above or below it, whichever is free first.
void add_place_labels(DrawingBuilder& b, const MapScene& scene, const MapLayout& layout, std::vector<PageRect>& occupied)
{
    const PageRect& frame = layout.map_frame();
    std::vector<LonLat> site_locations;
    for (const auto& p : scene.points)
        site_locations.push_back(p.location);
    const std::vector<PagePoint> sites = layout.to_page(site_locations);
    std::size_t placed = 0;
    for (const auto& place : scene.places) {
        if (placed == MAX_PLACE_LABELS)
            break;
        const auto at = layout.to_page(place.location);
        const std::string name = valid_utf8(place.name);
        if (!at || name.empty())
            continue;
        const double w = b.measure().width_px(name, PLACE_LABEL_SIZE_PX);
        const double h = PLACE_LABEL_SIZE_PX;
        const double x = at->x_px, y = at->y_px;
        const PageRect dot{x - 2.5, y - 2.5, 5.0, 5.0};
        // No dot over a site's symbol (sites placed at municipal seats sit on their town): the name
        // still goes beside it.
        const bool on_site = std::any_of(sites.begin(), sites.end(), [&](const PagePoint& p) {
            return std::hypot(p.x_px - x, p.y_px - y) < 4.0;
        });
        // Candidate boxes (text extent) and where the text starts on its baseline.
        struct Spot {
            PageRect box;
            PagePoint text_at;
        };
        const Spot spots[] = {
            {{x + 4.0, y - h * 0.75, w, h * 1.05}, {x + 4.0, y + h * 0.3}},
            {{x - 4.0 - w, y - h * 0.75, w, h * 1.05}, {x - 4.0 - w, y + h * 0.3}},
            {{x - w / 2.0, y - 4.0 - h, w, h * 1.05}, {x - w / 2.0, y - 5.0 - h * 0.05}},
            {{x - w / 2.0, y + 3.5, w, h * 1.05}, {x - w / 2.0, y + 3.5 + h * 0.8}},
        };
        if (!free_at(dot, frame, occupied))
            continue;
        for (const Spot& s : spots) {
            if (!free_at(s.box, frame, occupied))
                continue;
            if (!on_site)
                b.add(DrawCircle{{x, y}, 2.0, Fill{TEXT_COLOUR}, Stroke{PAGE_COLOUR, 0.8}});
            b.text(name, s.text_at.x_px, s.text_at.y_px, w + 1.0,
                   {PLACE_LABEL_SIZE_PX, false, false, TEXT_COLOUR, TextAnchor::start, PAGE_COLOUR});
            occupied.push_back(s.box);
            occupied.push_back(dot);
            ++placed;
            break;
        }
    }
}

}  // namespace

RegionLines region_lines(const std::vector<MapRegion>& regions, const std::string& zoom_id)
{
    // Which units each segment belongs to (a segment shared by two units is an internal boundary).
    std::map<SegmentKey, std::set<std::size_t>> owners;
    for (std::size_t i = 0; i < regions.size(); ++i)
        for (const auto& poly : regions[i].polygons)
            for (const auto& ring : poly)
                for_each_edge(ring, [&](const LonLat& a, const LonLat& b) { owners[segment_key(a, b)].insert(i); });
    RegionLines out;
    std::set<SegmentKey> emitted;
    for (std::size_t i = 0; i < regions.size(); ++i) {
        const bool is_zoom = !zoom_id.empty() && regions[i].id == zoom_id;
        for (const auto& poly : regions[i].polygons)
            for (const auto& ring : poly) {
                std::vector<LonLat> run, zoom_run;
                const auto flush = [](std::vector<LonLat>& r, std::vector<std::vector<LonLat>>& to) {
                    if (r.size() >= 2)
                        to.push_back(std::move(r));
                    r.clear();
                };
                for_each_edge(ring, [&](const LonLat& a, const LonLat& b) {
                    const SegmentKey key = segment_key(a, b);
                    const bool shared = owners[key].size() >= 2;
                    if (shared && emitted.insert(key).second) {
                        if (run.empty())
                            run.push_back(a);
                        run.push_back(b);
                    } else {
                        flush(run, out.shared);
                    }
                    if (is_zoom && shared) {
                        if (zoom_run.empty())
                            zoom_run.push_back(a);
                        zoom_run.push_back(b);
                    } else {
                        flush(zoom_run, out.zoom);
                    }
                });
                flush(run, out.shared);
                flush(zoom_run, out.zoom);
            }
    }
    return out;
}

void add_labels(DrawingBuilder& b, const MapScene& scene, const MapLayout& layout, std::vector<PageRect>& occupied)
{
    add_state_labels(b, scene, layout, occupied);
    add_place_labels(b, scene, layout, occupied);
}

}  // namespace basural::detail

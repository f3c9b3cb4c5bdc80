// Where a map lands on its page: the projection, the view and the page's parts (docs/methods/maps.md,
// "Projection" and "The page").
#include "basural/maps/map_layout.hpp"

#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "basural/maps/map_palette.hpp"
#include "detail/crs.hpp"
#include "maps/map_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace basural {
namespace {

constexpr double PAGE_MARGIN_PX = 16.0;
constexpr double GAP_PX = 14.0;
constexpr double FIT_MARGIN = 0.06;       // of the view's projected extent, on each side
constexpr double MIN_EXTENT_M = 10000.0;  // a point-sized "country" still gets a 10 km view

/// The page split into its parts, from the style and the scene's text.
struct PageRegions {
    PageRect title, frame, legend, attribution;
};

PageRegions page_regions(const MapScene& scene, const MapStyle& style)
{
    const double w = style.width_px, h = style.height_px;
    PageRegions r;
    double title_h = PAGE_MARGIN_PX + detail::MAP_TITLE_SIZE_PX + 6.0;
    if (!scene.subtitle.empty())
        title_h += detail::MAP_SUBTITLE_SIZE_PX + 6.0;
    r.title = {PAGE_MARGIN_PX, PAGE_MARGIN_PX, w - 2 * PAGE_MARGIN_PX, title_h - PAGE_MARGIN_PX};
    const double attribution_h =
        scene.attribution_lines.empty()
            ? 0.0
            : static_cast<double>(scene.attribution_lines.size()) * detail::MAP_ATTRIBUTION_LINE_PX + 6.0;
    const double legend_w = std::clamp(std::round(w * 0.22), 170.0, 300.0);
    const double frame_w = w - 2 * PAGE_MARGIN_PX - GAP_PX - legend_w;
    const double frame_h = h - title_h - PAGE_MARGIN_PX - attribution_h;
    if (frame_w < 80.0 || frame_h < 80.0)
        throw usage_error("map: a page of " + std::to_string(style.width_px) + " x " +
                          std::to_string(style.height_px) + " px is too small for the map, its legend and " +
                          std::to_string(scene.attribution_lines.size()) + " attribution lines");
    r.frame = {PAGE_MARGIN_PX, title_h, frame_w, frame_h};
    r.legend = {PAGE_MARGIN_PX + frame_w + GAP_PX, title_h, legend_w, frame_h};
    r.attribution = {PAGE_MARGIN_PX, title_h + frame_h + 4.0, w - 2 * PAGE_MARGIN_PX, attribution_h};
    return r;
}

struct LonLatBox {
    double lon_min = std::numeric_limits<double>::infinity(), lon_max = -lon_min;
    double lat_min = lon_min, lat_max = -lon_min;
    void add(const LonLat& p)
    {
        lon_min = std::min(lon_min, p.lon_deg);
        lon_max = std::max(lon_max, p.lon_deg);
        lat_min = std::min(lat_min, p.lat_deg);
        lat_max = std::max(lat_max, p.lat_deg);
    }
    bool near(const LonLat& p, double margin_deg) const
    {
        return p.lon_deg >= lon_min - margin_deg && p.lon_deg <= lon_max + margin_deg &&
               p.lat_deg >= lat_min - margin_deg && p.lat_deg <= lat_max + margin_deg;
    }
};

}  // namespace

double detail::nice_floor(double v)
{
    const double e = std::floor(std::log10(v));
    const double p = std::pow(10.0, e);
    const double f = v / p;
    return (f >= 5.0 ? 5.0 : f >= 2.0 ? 2.0 : 1.0) * p;
}

std::vector<double> detail::size_key_values(double max_size)
{
    std::vector<double> values;
    if (!(max_size > 0.0) || !std::isfinite(max_size))
        return values;
    const double v1 = nice_floor(max_size);
    for (double v : {v1, nice_floor(v1 / 4.0), nice_floor(v1 / 20.0)})
        if (v == v1 || symbol_radius_px(v, max_size) > SYMBOL_MIN_RADIUS_PX + 0.5)
            values.push_back(v);
    return values;
}

void check_map_style(const MapStyle& style)
{
    if (style.width_px < 320 || style.width_px > 16384 || style.height_px < 240 || style.height_px > 16384)
        throw usage_error("map: page size " + std::to_string(style.width_px) + " x " +
                          std::to_string(style.height_px) +
                          " px is outside 320..16384 x 240..16384 layout pixels (1/96 in)");
    if (!(style.dpi >= 24.0 && style.dpi <= 1200.0))
        throw usage_error("map: dpi " + std::to_string(style.dpi) + " is outside 24..1200");
}

const MapRegion* detail::zoom_region(const MapScene& scene)
{
    if (scene.zoom_admin1.empty())
        return nullptr;
    for (const auto& r : scene.admin1)
        if (r.id == scene.zoom_admin1)
            return &r;
    throw error("map: the scene zooms to the state '" + scene.zoom_admin1 + "', which is not among its " +
                std::to_string(scene.admin1.size()) + " states");
}

std::vector<LonLat> detail::map_view_extent(const MapScene& scene)
{
    struct Part {
        const MapPolygon* polygon;
        double area_m2;
    };
    // The view holds the zoomed state when there is one, else the focus country.
    const MapRegion* zoom = zoom_region(scene);
    const std::vector<MapPolygon>& polygons = zoom != nullptr ? zoom->polygons : scene.focus.polygons;
    std::vector<Part> parts;
    double total_m2 = 0.0;
    LonLatBox box;
    for (const auto& poly : polygons) {
        if (poly.empty() || poly[0].size() < 3)
            continue;
        const double a = geodesic_ring_area_m2(poly[0]);
        parts.push_back({&poly, std::isfinite(a) ? a : 0.0});
        total_m2 += parts.back().area_m2;
        for (const auto& p : poly[0])
            box.add(p);
    }
    if (parts.empty())
        throw error("map: the focus country '" + scene.focus.iso3 + "' has no boundary polygon to draw" +
                    (zoom == nullptr ? "" : " in the state '" + zoom->name + "' it zooms to"));
    // The main polygons: largest first until 99% of the area; specks of islands far offshore left out.
    std::stable_sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) { return a.area_m2 > b.area_m2; });
    std::vector<LonLat> out;
    double kept_m2 = 0.0;
    for (const Part& part : parts) {
        if (!out.empty() && total_m2 > 0.0 && kept_m2 >= 0.99 * total_m2)
            break;
        kept_m2 += part.area_m2;
        for (const auto& p : (*part.polygon)[0])
            if (std::isfinite(p.lon_deg) && std::isfinite(p.lat_deg))
                out.push_back(p);
    }
    // Sites and facilities within 1 degree of the box: a site on a remote island is shown, a bad
    // coordinate thousands of km away does not wreck the view.
    for (const auto& p : scene.points)
        if (box.near(p.location, 1.0))
            out.push_back(p.location);
    for (const auto& f : scene.facilities)
        if (f.kind != FacilityKind::existing_unused && box.near(f.location, 1.0))
            out.push_back(f.location);
    return out;
}

struct MapLayout::Impl {
    MapStyle style;
    std::string projection;
    LonLat centre;
    std::unique_ptr<detail::ProjTransform> proj;
    PageRegions regions;
    double view_x_m = 0.0, view_y_m = 0.0;  // projected metres at the frame's centre
    double px_per_m = 1.0;
};

MapLayout::MapLayout(const MapScene& scene, const MapStyle& style) : m_impl(std::make_unique<Impl>())
{
    check_map_style(style);
    Impl& im = *m_impl;
    im.style = style;
    im.regions = page_regions(scene, style);

    // Centre of the lon/lat bounding box of what the view must contain, rounded to 1e-6 degree
    // (0.1 m) so that the PROJ string states the projection exactly.
    const std::vector<LonLat> extent = detail::map_view_extent(scene);
    LonLatBox box;
    for (const auto& p : extent)
        box.add(p);
    const auto round6 = [](double v) { return std::round(v * 1e6) / 1e6; };
    im.centre = {round6((box.lon_min + box.lon_max) / 2.0), round6((box.lat_min + box.lat_max) / 2.0)};
    char buf[160];
    std::snprintf(buf, sizeof buf, "+proj=laea +lat_0=%.6f +lon_0=%.6f +ellps=WGS84 +units=m", im.centre.lat_deg,
                  im.centre.lon_deg);
    im.projection = buf;
    im.proj = std::make_unique<detail::ProjTransform>(
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step " + im.projection);

    // Fit the projected extent, plus a margin, into the frame.
    std::vector<double> xs, ys;
    for (const auto& p : extent) {
        xs.push_back(p.lon_deg);
        ys.push_back(p.lat_deg);
    }
    im.proj->forward(xs, ys);
    double x_min = std::numeric_limits<double>::infinity(), x_max = -x_min, y_min = x_min, y_max = -x_min;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (!std::isfinite(xs[i]))
            continue;
        x_min = std::min(x_min, xs[i]);
        x_max = std::max(x_max, xs[i]);
        y_min = std::min(y_min, ys[i]);
        y_max = std::max(y_max, ys[i]);
    }
    if (!std::isfinite(x_min))
        throw error("map: the focus country '" + scene.focus.iso3 + "' cannot be projected with " + im.projection);
    const double extent_x_m = std::max(x_max - x_min, MIN_EXTENT_M) * (1.0 + 2.0 * FIT_MARGIN);
    const double extent_y_m = std::max(y_max - y_min, MIN_EXTENT_M) * (1.0 + 2.0 * FIT_MARGIN);
    const PageRect& f = im.regions.frame;
    im.px_per_m = std::min(f.width_px / extent_x_m, f.height_px / extent_y_m);
    im.view_x_m = (x_min + x_max) / 2.0;
    im.view_y_m = (y_min + y_max) / 2.0;
}

MapLayout::~MapLayout() = default;
MapLayout::MapLayout(MapLayout&&) noexcept = default;
MapLayout& MapLayout::operator=(MapLayout&&) noexcept = default;

const std::string& MapLayout::projection() const noexcept
{
    return m_impl->projection;
}

LonLat MapLayout::centre() const noexcept
{
    return m_impl->centre;
}

std::optional<std::pair<double, double>> MapLayout::project_m(const LonLat& p) const
{
    std::vector<double> x{p.lon_deg}, y{p.lat_deg};
    if (m_impl->proj->forward(x, y) != 1)
        return std::nullopt;
    return std::make_pair(x[0], y[0]);
}

std::optional<PagePoint> MapLayout::to_page(const LonLat& p) const
{
    const auto pts = to_page(std::vector<LonLat>{p});
    if (pts.empty())
        return std::nullopt;
    return pts[0];
}

std::vector<PagePoint> MapLayout::to_page(const std::vector<LonLat>& points) const
{
    const Impl& im = *m_impl;
    std::vector<double> xs, ys;
    xs.reserve(points.size());
    ys.reserve(points.size());
    for (const auto& p : points) {
        xs.push_back(p.lon_deg);
        ys.push_back(p.lat_deg);
    }
    im.proj->forward(xs, ys);
    const PageRect& f = im.regions.frame;
    const double cx = f.x_px + f.width_px / 2.0, cy = f.y_px + f.height_px / 2.0;
    std::vector<PagePoint> out;
    out.reserve(points.size());
    for (std::size_t i = 0; i < xs.size(); ++i)
        if (std::isfinite(xs[i]))
            out.push_back({cx + (xs[i] - im.view_x_m) * im.px_per_m, cy - (ys[i] - im.view_y_m) * im.px_per_m});
    return out;
}

const PageRect& MapLayout::map_frame() const noexcept
{
    return m_impl->regions.frame;
}

const PageRect& MapLayout::title_box() const noexcept
{
    return m_impl->regions.title;
}

const PageRect& MapLayout::legend_box() const noexcept
{
    return m_impl->regions.legend;
}

const PageRect& MapLayout::attribution_box() const noexcept
{
    return m_impl->regions.attribution;
}

double MapLayout::metres_per_px() const noexcept
{
    return 1.0 / m_impl->px_per_m;
}

ScaleBar MapLayout::scale_bar() const noexcept
{
    const double target_km = 0.2 * m_impl->regions.frame.width_px / m_impl->px_per_m / 1000.0;
    ScaleBar s;
    s.length_km = detail::nice_floor(target_km);
    s.length_px = s.length_km * 1000.0 * m_impl->px_per_m;
    return s;
}

const MapStyle& MapLayout::style() const noexcept
{
    return m_impl->style;
}

}  // namespace basural

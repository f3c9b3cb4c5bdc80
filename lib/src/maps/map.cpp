// Country maps with Cairo: layout, projection, palettes and the PNG/SVG/PDF renderer.
// The method (projection, symbol scaling, palettes) is documented in docs/methods/maps.md.
#include "basural/maps/map.hpp"

#include "basural/base/atomic_output.hpp"
#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "detail/cairo.hpp"
#include "maps/map_view.hpp"
#include "detail/crs.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <numeric>
#include <sstream>

namespace basural {

// ---------------------------------------------------------------------------------------------
// Names, defaults, colours

std::string_view to_string(ColourBy v) noexcept
{
    switch (v) {
    case ColourBy::type: return "type";
    case ColourBy::status: return "status";
    case ColourBy::priority: return "priority";
    case ColourBy::cluster: return "cluster";
    }
    return "type";
}

std::optional<ColourBy> parse_colour_by(std::string_view s) noexcept
{
    for (ColourBy v : {ColourBy::type, ColourBy::status, ColourBy::priority, ColourBy::cluster})
        if (to_string(v) == s)
            return v;
    return std::nullopt;
}

MapStyle default_map_style()
{
    return MapStyle{};
}

std::string Rgb::hex() const
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
    return buf;
}

namespace {

constexpr Rgb rgb(unsigned v)
{
    return Rgb{static_cast<std::uint8_t>((v >> 16) & 0xffU), static_cast<std::uint8_t>((v >> 8) & 0xffU),
               static_cast<std::uint8_t>(v & 0xffU)};
}

// Palettes (docs/methods/maps.md). Site types and statuses in the schema's order.
struct NamedColour {
    std::string_view key;
    Rgb colour;
};
constexpr std::array<NamedColour, 4> TYPE_PALETTE{{
    {"open_dump", rgb(0xd7301f)},
    {"controlled_dump", rgb(0xfc8d59)},
    {"sanitary_landfill", rgb(0x2b8cbe)},
    {"other", rgb(0x969696)},
}};
// ColorBrewer RdYlGn 6 for the way from active dump to remediated site; unknown grey.
constexpr std::array<NamedColour, 6> STATUS_PALETTE{{
    {"active", rgb(0xd73027)},
    {"inactive", rgb(0xfc8d59)},
    {"closing", rgb(0xfee08b)},
    {"closed", rgb(0x91cf60)},
    {"remediated", rgb(0x1a9850)},
    {"unknown", rgb(0x969696)},
}};
// Tableau 10 without its grey (grey means "unknown" on these maps): 9 distinct hues.
constexpr std::array<Rgb, 9> QUALITATIVE_PALETTE{{rgb(0x1f77b4), rgb(0xff7f0e), rgb(0x2ca02c), rgb(0xd62728),
                                                  rgb(0x9467bd), rgb(0x8c564b), rgb(0xe377c2), rgb(0xbcbd22),
                                                  rgb(0x17becf)}};
// Keys outside a fixed palette: the Tableau 10 hues that the type and status palettes do not use
// (purple, brown, pink, olive, cyan), so a caller's own category never looks like a schema one.
constexpr std::array<Rgb, 5> EXTRA_PALETTE{{rgb(0x9467bd), rgb(0x8c564b), rgb(0xe377c2), rgb(0xbcbd22),
                                           rgb(0x17becf)}};
// ColorBrewer YlOrRd 5, stops at 0, 0.25, 0.5, 0.75, 1.
constexpr std::array<Rgb, 5> PRIORITY_RAMP{{rgb(0xffffb2), rgb(0xfecc5c), rgb(0xfd8d3c), rgb(0xf03b20),
                                           rgb(0xbd0026)}};
constexpr Rgb NO_VALUE_COLOUR = rgb(0xbdbdbd);

Rgb ramp_colour(double t)
{
    t = std::clamp(t, 0.0, 1.0) * static_cast<double>(PRIORITY_RAMP.size() - 1);
    const auto i = std::min(static_cast<std::size_t>(t), PRIORITY_RAMP.size() - 2);
    const double f = t - static_cast<double>(i);
    const auto mix = [f](std::uint8_t a, std::uint8_t b) {
        return static_cast<std::uint8_t>(std::lround(a + f * (b - a)));
    };
    const Rgb& a = PRIORITY_RAMP[i];
    const Rgb& b = PRIORITY_RAMP[i + 1];
    return Rgb{mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b)};
}

/// "open_dump" -> "Open dump"
std::string humanise(std::string_view key)
{
    std::string s(key);
    std::replace(s.begin(), s.end(), '_', ' ');
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
        s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::optional<long long> as_integer(const std::string& s)
{
    if (s.empty() || s.size() > 18)
        return std::nullopt;
    std::size_t i = (s[0] == '-') ? 1 : 0;
    if (i == s.size())
        return std::nullopt;
    for (std::size_t j = i; j < s.size(); ++j)
        if (!std::isdigit(static_cast<unsigned char>(s[j])))
            return std::nullopt;
    return std::stoll(s);
}

/// Natural order: integers numerically (before other labels), the rest by bytes.
bool natural_less(const std::string& a, const std::string& b)
{
    const auto ia = as_integer(a), ib = as_integer(b);
    if (ia && ib)
        return *ia < *ib || (*ia == *ib && a < b);
    if (ia != ib && (ia || ib))
        return ia.has_value();
    return a < b;
}

template <std::size_t N>
PointColours colour_by_fixed_palette(const MapScene& scene, const std::array<NamedColour, N>& palette)
{
    PointColours out;
    std::map<std::string, std::size_t> counts;
    for (const auto& p : scene.points)
        ++counts[p.category];
    // Keys outside the palette (a caller's own vocabulary) get EXTRA_PALETTE in natural order;
    // "" is "Unknown" in grey.
    std::vector<std::string> extra;
    for (const auto& [key, n] : counts) {
        const bool known = std::any_of(palette.begin(), palette.end(), [&](const auto& e) { return e.key == key; });
        if (!known && !key.empty())
            extra.push_back(key);
    }
    std::sort(extra.begin(), extra.end(), natural_less);
    std::map<std::string, std::size_t> entry_of;
    for (const auto& e : palette) {
        const auto it = counts.find(std::string(e.key));
        if (it != counts.end()) {
            entry_of[it->first] = out.legend.size();
            out.legend.push_back({humanise(e.key), e.colour, it->second});
        }
    }
    for (std::size_t i = 0; i < extra.size(); ++i) {
        entry_of[extra[i]] = out.legend.size();
        out.legend.push_back({humanise(extra[i]), EXTRA_PALETTE[i % EXTRA_PALETTE.size()], counts[extra[i]]});
    }
    if (const auto it = counts.find(""); it != counts.end()) {
        entry_of[""] = out.legend.size();
        out.legend.push_back({"Unknown", NO_VALUE_COLOUR, it->second});
    }
    for (const auto& p : scene.points) {
        out.legend_index.push_back(entry_of.at(p.category));
        out.colours.push_back(out.legend[out.legend_index.back()].colour);
    }
    return out;
}

PointColours colour_by_cluster(const MapScene& scene)
{
    PointColours out;
    std::map<std::string, std::size_t> counts;
    for (const auto& p : scene.points)
        ++counts[p.category];
    std::vector<std::string> labels;
    for (const auto& [key, n] : counts)
        if (!key.empty())
            labels.push_back(key);
    std::sort(labels.begin(), labels.end(), natural_less);
    std::map<std::string, std::size_t> entry_of;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        entry_of[labels[i]] = out.legend.size();
        out.legend.push_back(
            {"Cluster " + labels[i], QUALITATIVE_PALETTE[i % QUALITATIVE_PALETTE.size()], counts[labels[i]]});
    }
    if (const auto it = counts.find(""); it != counts.end()) {
        entry_of[""] = out.legend.size();
        out.legend.push_back({"Unassigned", NO_VALUE_COLOUR, it->second});
    }
    for (const auto& p : scene.points) {
        out.legend_index.push_back(entry_of.at(p.category));
        out.colours.push_back(out.legend[out.legend_index.back()].colour);
    }
    return out;
}

PointColours colour_by_priority(const MapScene& scene)
{
    PointColours out;
    static constexpr std::array<const char*, 5> STOP_LABELS{"0.00 (lowest)", "0.25", "0.50", "0.75",
                                                             "1.00 (highest)"};
    for (std::size_t i = 0; i < PRIORITY_RAMP.size(); ++i)
        out.legend.push_back({STOP_LABELS[i], PRIORITY_RAMP[i], 0});
    std::size_t unscored = 0;
    const double last_stop = static_cast<double>(PRIORITY_RAMP.size() - 1);
    for (const auto& p : scene.points) {
        if (p.priority && std::isfinite(*p.priority)) {
            out.colours.push_back(ramp_colour(*p.priority));
            out.legend_index.push_back(
                static_cast<std::size_t>(std::lround(std::clamp(*p.priority, 0.0, 1.0) * last_stop)));
        } else {
            out.colours.push_back(NO_VALUE_COLOUR);
            out.legend_index.push_back(PRIORITY_RAMP.size());
            ++unscored;
        }
    }
    if (unscored > 0)
        out.legend.push_back({"Not scored", NO_VALUE_COLOUR, unscored});
    return out;
}

}  // namespace

PointColours colour_points(const MapScene& scene, ColourBy by)
{
    PointColours out;
    switch (by) {
    case ColourBy::type:
        out = colour_by_fixed_palette(scene, TYPE_PALETTE);
        out.heading = "Site type";
        break;
    case ColourBy::status:
        out = colour_by_fixed_palette(scene, STATUS_PALETTE);
        out.heading = "Status";
        break;
    case ColourBy::priority:
        out = colour_by_priority(scene);
        out.heading = "Closure priority";
        break;
    case ColourBy::cluster:
        out = colour_by_cluster(scene);
        out.heading = "Cluster";
        break;
    }
    return out;
}

double symbol_radius_px(std::optional<double> value, double max_value) noexcept
{
    if (!value || !(*value > 0.0) || !(max_value > 0.0) || !std::isfinite(*value))
        return SYMBOL_MIN_RADIUS_PX;
    const double r = SYMBOL_MAX_RADIUS_PX * std::sqrt(std::min(*value, max_value) / max_value);
    return std::max(r, SYMBOL_MIN_RADIUS_PX);
}

// ---------------------------------------------------------------------------------------------
// Layout

namespace {

constexpr double PAGE_MARGIN_PX = 16.0;
constexpr double GAP_PX = 14.0;
constexpr double TITLE_SIZE_PX = 22.0;
constexpr double SUBTITLE_SIZE_PX = 13.0;
constexpr double ATTRIBUTION_SIZE_PX = 10.0;
constexpr double ATTRIBUTION_LINE_PX = 13.0;
constexpr double FIT_MARGIN = 0.06;       // of the country's projected extent, on each side
constexpr double MIN_EXTENT_M = 10000.0;  // a point-sized "country" still gets a 10 km view

/// The page split into its parts, from the style and the scene's text.
struct PageRegions {
    PageRect title, frame, legend, attribution;
};

PageRegions page_regions(const MapScene& scene, const MapStyle& style)
{
    const double w = style.width_px, h = style.height_px;
    PageRegions r;
    double title_h = PAGE_MARGIN_PX + TITLE_SIZE_PX + 6.0;
    if (!scene.subtitle.empty())
        title_h += SUBTITLE_SIZE_PX + 6.0;
    r.title = {PAGE_MARGIN_PX, PAGE_MARGIN_PX, w - 2 * PAGE_MARGIN_PX, title_h - PAGE_MARGIN_PX};
    const double attribution_h =
        scene.attribution_lines.empty() ? 0.0
                                        : static_cast<double>(scene.attribution_lines.size()) * ATTRIBUTION_LINE_PX + 6.0;
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

void check_style(const MapStyle& style)
{
    if (style.width_px < 320 || style.width_px > 16384 || style.height_px < 240 || style.height_px > 16384)
        throw usage_error("map: page size " + std::to_string(style.width_px) + " x " +
                          std::to_string(style.height_px) +
                          " px is outside 320..16384 x 240..16384 layout pixels (1/96 in)");
    if (!(style.dpi >= 24.0 && style.dpi <= 1200.0))
        throw usage_error("map: dpi " + std::to_string(style.dpi) + " is outside 24..1200");
}

/// 1, 2 or 5 x 10^k, the largest not above v (v > 0).
double nice_floor(double v)
{
    const double e = std::floor(std::log10(v));
    const double p = std::pow(10.0, e);
    const double f = v / p;
    return (f >= 5.0 ? 5.0 : f >= 2.0 ? 2.0 : 1.0) * p;
}

std::string format_number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

}  // namespace

std::vector<LonLat> detail::map_view_extent(const MapScene& scene)
{
    struct Part {
        const MapPolygon* polygon;
        double area_m2;
    };
    std::vector<Part> parts;
    double total_m2 = 0.0;
    double lon_min = std::numeric_limits<double>::infinity(), lon_max = -lon_min, lat_min = lon_min,
           lat_max = -lon_min;
    for (const auto& poly : scene.focus.polygons) {
        if (poly.empty() || poly[0].size() < 3)
            continue;
        const double a = geodesic_ring_area_m2(poly[0]);
        parts.push_back({&poly, std::isfinite(a) ? a : 0.0});
        total_m2 += parts.back().area_m2;
        for (const auto& p : poly[0]) {
            lon_min = std::min(lon_min, p.lon_deg);
            lon_max = std::max(lon_max, p.lon_deg);
            lat_min = std::min(lat_min, p.lat_deg);
            lat_max = std::max(lat_max, p.lat_deg);
        }
    }
    if (parts.empty())
        throw error("map: the focus country '" + scene.focus.iso3 + "' has no boundary polygon to draw");
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
    const auto near_country = [&](const LonLat& p) {
        return p.lon_deg >= lon_min - 1.0 && p.lon_deg <= lon_max + 1.0 && p.lat_deg >= lat_min - 1.0 &&
               p.lat_deg <= lat_max + 1.0;
    };
    for (const auto& p : scene.points)
        if (near_country(p.location))
            out.push_back(p.location);
    for (const auto& f : scene.facilities)
        if (near_country(f.location))
            out.push_back(f.location);
    return out;
}

std::string detail::valid_utf8(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = byte(i);
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c < 0x80) len = 1;
        else if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;  // no overlong forms
            if (c == 0xED) hi = 0x9F;  // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
        }
        // One U+FFFD per maximal ill-formed subpart (Unicode 15, section 3.9): a truncated
        // sequence is replaced once, a byte that can start nothing on its own.
        std::size_t good = len > 0 ? 1 : 0;
        while (good > 0 && good < len && i + good < s.size()) {
            const unsigned char b = byte(i + good);
            if (!((good == 1) ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF)))
                break;
            ++good;
        }
        if (len > 0 && good == len) {
            out.append(s.substr(i, len));
        } else {
            out += "\xEF\xBF\xBD";
        }
        i += std::max<std::size_t>(good, 1);
    }
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
    check_style(style);
    Impl& im = *m_impl;
    im.style = style;
    im.regions = page_regions(scene, style);

    // Centre of the lon/lat bounding box of what the view must contain, rounded to 1e-6 degree
    // (0.1 m) so that the PROJ string states the projection exactly.
    const std::vector<LonLat> extent = detail::map_view_extent(scene);
    double lon_min = std::numeric_limits<double>::infinity(), lon_max = -lon_min;
    double lat_min = lon_min, lat_max = -lon_min;
    for (const auto& p : extent) {
        lon_min = std::min(lon_min, p.lon_deg);
        lon_max = std::max(lon_max, p.lon_deg);
        lat_min = std::min(lat_min, p.lat_deg);
        lat_max = std::max(lat_max, p.lat_deg);
    }
    const auto round6 = [](double v) { return std::round(v * 1e6) / 1e6; };
    im.centre = {round6((lon_min + lon_max) / 2.0), round6((lat_min + lat_max) / 2.0)};
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

double MapLayout::metres_per_px() const noexcept
{
    return 1.0 / m_impl->px_per_m;
}

ScaleBar MapLayout::scale_bar() const noexcept
{
    const double target_km = 0.2 * m_impl->regions.frame.width_px / m_impl->px_per_m / 1000.0;
    ScaleBar s;
    s.length_km = nice_floor(target_km);
    s.length_px = s.length_km * 1000.0 * m_impl->px_per_m;
    return s;
}

const MapStyle& MapLayout::style() const noexcept
{
    return m_impl->style;
}

// ---------------------------------------------------------------------------------------------
// Drawing

namespace {

using detail::CairoPtr;
using detail::CairoSurfacePtr;

constexpr Rgb PAGE_COLOUR = rgb(0xffffff);
constexpr Rgb SEA_COLOUR = rgb(0xd4e6f1);
constexpr Rgb NEIGHBOUR_FILL = rgb(0xe3e3e3);
constexpr Rgb NEIGHBOUR_LINE = rgb(0xa6a6a6);
constexpr Rgb FOCUS_FILL = rgb(0xf5f1e6);
constexpr Rgb FOCUS_LINE = rgb(0x4d4d4d);
constexpr Rgb CATCHMENT_COLOUR = rgb(0x6a51a3);
constexpr double CATCHMENT_FILL_ALPHA = 0.15;
constexpr Rgb PROPOSED_COLOUR = rgb(0x4a1486);
constexpr Rgb EXISTING_COLOUR = rgb(0x252525);
constexpr Rgb SYMBOL_LINE = rgb(0x333333);
constexpr Rgb TEXT_COLOUR = rgb(0x1a1a1a);
constexpr Rgb MUTED_TEXT = rgb(0x555555);
constexpr double FACILITY_RADIUS_PX = 8.0;
constexpr const char* FONT = "DejaVu Sans";

void set_colour(cairo_t* cr, Rgb c, double alpha = 1.0)
{
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, alpha);
}

/// Sutherland-Hodgman clipping of a ring to a rectangle (works for concave rings; edges that run
/// along the rectangle may result, which is why the frame is also a Cairo clip).
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

/// Adds the polygons to Cairo's current path: projected, clipped to `clip`, with vertices closer
/// than 0.05 px to the previous one dropped (a national boundary has far more vertices than a page
/// has pixels). Returns whether anything was added.
bool add_polygons(cairo_t* cr, const MapLayout& layout, const std::vector<MapPolygon>& polygons, const PageRect& clip)
{
    bool any = false;
    for (const auto& poly : polygons)
        for (const auto& ring : poly) {
            std::vector<PagePoint> pts = layout.to_page(ring);
            std::vector<PagePoint> thin;
            thin.reserve(pts.size());
            for (const auto& p : pts)
                if (thin.empty() || std::hypot(p.x_px - thin.back().x_px, p.y_px - thin.back().y_px) >= 0.05)
                    thin.push_back(p);
            thin = clip_ring(std::move(thin), clip);
            if (thin.size() < 3)
                continue;
            cairo_move_to(cr, thin[0].x_px, thin[0].y_px);
            for (std::size_t i = 1; i < thin.size(); ++i)
                cairo_line_to(cr, thin[i].x_px, thin[i].y_px);
            cairo_close_path(cr);
            any = true;
        }
    return any;
}

void star_path(cairo_t* cr, double x, double y, double r_outer)
{
    const double r_inner = r_outer * 0.42;
    const double pi = std::acos(-1.0);
    for (int i = 0; i < 10; ++i) {
        const double r = (i % 2 == 0) ? r_outer : r_inner;
        const double a = -pi / 2.0 + i * pi / 5.0;
        const double px = x + r * std::cos(a), py = y + r * std::sin(a);
        if (i == 0)
            cairo_move_to(cr, px, py);
        else
            cairo_line_to(cr, px, py);
    }
    cairo_close_path(cr);
}

void draw_site_symbol(cairo_t* cr, double x, double y, double radius, Rgb colour, bool estimated)
{
    cairo_new_sub_path(cr);
    cairo_arc(cr, x, y, radius, 0.0, 2.0 * std::acos(-1.0));
    if (estimated) {
        // Hollow: a ring in the category colour, so an estimate never reads as an observation.
        cairo_set_line_width(cr, 1.6);
        set_colour(cr, colour);
        cairo_stroke(cr);
    } else {
        set_colour(cr, colour);
        cairo_fill_preserve(cr);
        cairo_set_line_width(cr, 0.6);
        set_colour(cr, SYMBOL_LINE);
        cairo_stroke(cr);
    }
}

void draw_facility_symbol(cairo_t* cr, double x, double y, FacilityKind kind)
{
    if (kind == FacilityKind::proposed) {
        star_path(cr, x, y, FACILITY_RADIUS_PX);
        set_colour(cr, PROPOSED_COLOUR);
    } else {
        const double half = FACILITY_RADIUS_PX * 0.62;
        cairo_rectangle(cr, x - half, y - half, 2 * half, 2 * half);
        set_colour(cr, EXISTING_COLOUR);
    }
    cairo_fill_preserve(cr);
    cairo_set_line_width(cr, 1.2);
    set_colour(cr, PAGE_COLOUR);
    cairo_stroke(cr);
}

/// Draws `text` with its baseline at (x, y), shrunk (down to 60%) to fit `max_width_px`.
void draw_text(cairo_t* cr, const std::string& raw_text, double x, double y, double size_px, bool bold,
               double max_width_px, Rgb colour = TEXT_COLOUR)
{
    const std::string text = detail::valid_utf8(raw_text);
    cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size_px);
    cairo_text_extents_t ext;
    cairo_text_extents(cr, text.c_str(), &ext);
    if (ext.x_advance > max_width_px && ext.x_advance > 0.0)
        cairo_set_font_size(cr, std::max(size_px * 0.6, size_px * max_width_px / ext.x_advance));
    set_colour(cr, colour);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, text.c_str());
    cairo_new_path(cr);
}

double text_width(cairo_t* cr, const std::string& raw_text, double size_px, bool bold)
{
    const std::string text = detail::valid_utf8(raw_text);
    cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size_px);
    cairo_text_extents_t ext;
    cairo_text_extents(cr, text.c_str(), &ext);
    return ext.x_advance;
}

void draw_scale_bar(cairo_t* cr, const MapLayout& layout)
{
    const ScaleBar bar = layout.scale_bar();
    const PageRect& f = layout.map_frame();
    const double x = f.x_px + 14.0, y = f.y_px + f.height_px - 18.0, h = 5.0;
    const std::string label = format_number(bar.length_km) + " km";
    // A white backing so the bar reads over any fill.
    set_colour(cr, PAGE_COLOUR, 0.8);
    cairo_rectangle(cr, x - 6.0, y - 20.0, bar.length_px + 12.0 + text_width(cr, label, 10.0, false) + 6.0, 30.0);
    cairo_fill(cr);
    for (int i = 0; i < 2; ++i) {
        cairo_rectangle(cr, x + i * bar.length_px / 2.0, y, bar.length_px / 2.0, h);
        set_colour(cr, i == 0 ? TEXT_COLOUR : PAGE_COLOUR);
        cairo_fill_preserve(cr);
        set_colour(cr, TEXT_COLOUR);
        cairo_set_line_width(cr, 0.8);
        cairo_stroke(cr);
    }
    draw_text(cr, "0", x - 3.0, y - 4.0, 10.0, false, 40.0);
    draw_text(cr, label, x + bar.length_px - 4.0, y - 4.0, 10.0, false, 200.0);
}

void draw_north_arrow(cairo_t* cr, const MapLayout& layout)
{
    const PageRect& f = layout.map_frame();
    const double x = f.x_px + f.width_px - 22.0, y = f.y_px + 16.0;
    cairo_move_to(cr, x, y);
    cairo_line_to(cr, x + 7.0, y + 22.0);
    cairo_line_to(cr, x, y + 17.0);
    cairo_line_to(cr, x - 7.0, y + 22.0);
    cairo_close_path(cr);
    set_colour(cr, TEXT_COLOUR);
    cairo_fill(cr);
    draw_text(cr, "N", x - 4.5, y + 36.0, 12.0, true, 20.0);
}

// The legend is laid out as rows, then drawn; category rows are cut to what fits.
enum class RowKind { heading, site, hollow, size, proposed, existing, catchment, focus, neighbour, note };
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

std::string with_count(const std::string& label, std::size_t n)
{
    return n == 0 ? label : label + " (" + std::to_string(n) + ")";
}

std::vector<LegendRow> legend_rows(const MapScene& scene, const PointColours& colours, double max_size,
                                   double height_px)
{
    std::vector<LegendRow> categories, rest;
    for (const auto& e : colours.legend)
        categories.push_back({RowKind::site, with_count(e.label, e.count), e.colour});
    const std::size_t estimated = static_cast<std::size_t>(
        std::count_if(scene.points.begin(), scene.points.end(), [](const MapPoint& p) { return p.estimated; }));
    if (estimated > 0) {
        rest.push_back({RowKind::hollow, with_count("Hollow: estimated", estimated), MUTED_TEXT});
        rest.push_back({RowKind::note, "(model output, not observed)", MUTED_TEXT});
    }
    if (max_size > 0.0) {
        rest.push_back({RowKind::heading, scene.size_label.empty() ? "Symbol size" : scene.size_label, TEXT_COLOUR});
        // Round reference values: the largest 1-2-5 value not above the maximum, then about a
        // quarter and a twentieth of it, keeping those whose symbols are distinguishable.
        const double v1 = nice_floor(max_size);
        for (double v : {v1, nice_floor(v1 / 4.0), nice_floor(v1 / 20.0)}) {
            const double r = symbol_radius_px(v, max_size);
            if (v == v1 || r > SYMBOL_MIN_RADIUS_PX + 0.5)
                rest.push_back({RowKind::size, format_number(v), MUTED_TEXT, r});
        }
    }
    bool map_heading = false;
    const auto add_map_row = [&](LegendRow row) {
        if (!map_heading)
            rest.push_back({RowKind::heading, "On the map", TEXT_COLOUR});
        map_heading = true;
        rest.push_back(std::move(row));
    };
    const auto count_kind = [&](FacilityKind k) {
        return static_cast<std::size_t>(std::count_if(scene.facilities.begin(), scene.facilities.end(),
                                                      [k](const MapFacility& f) { return f.kind == k; }));
    };
    if (const auto n = count_kind(FacilityKind::proposed); n > 0)
        add_map_row({RowKind::proposed, with_count("Proposed facility", n), PROPOSED_COLOUR});
    if (const auto n = count_kind(FacilityKind::existing); n > 0)
        add_map_row({RowKind::existing, with_count("Existing landfill", n), EXISTING_COLOUR});
    if (!scene.catchments.empty())
        add_map_row({RowKind::catchment, with_count("Catchment", scene.catchments.size()), CATCHMENT_COLOUR});
    add_map_row({RowKind::focus, scene.focus.name.empty() ? scene.focus.iso3 : scene.focus.name, FOCUS_FILL});
    if (!scene.neighbours.empty())
        add_map_row({RowKind::neighbour, "Neighbouring countries", NEIGHBOUR_FILL});

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
        rows.push_back({RowKind::note, "+ " + std::to_string(categories.size() - (fit - 1)) + " more", MUTED_TEXT});
    }
    rows.insert(rows.end(), rest.begin(), rest.end());
    return rows;
}

void draw_legend(cairo_t* cr, const MapScene& scene, const PointColours& colours, double max_size,
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
        switch (r.kind) {
        case RowKind::heading: draw_text(cr, r.label, box.x_px + 6.0, y + 16.0, 12.0, true, box.width_px - 8.0); break;
        case RowKind::site: draw_site_symbol(cr, sym_x, mid, 5.0, r.colour, false); break;
        case RowKind::hollow: draw_site_symbol(cr, sym_x, mid, 5.0, r.colour, true); break;
        case RowKind::size: draw_site_symbol(cr, sym_x, mid, r.radius_px, NO_VALUE_COLOUR, false); break;
        case RowKind::proposed: draw_facility_symbol(cr, sym_x, mid, FacilityKind::proposed); break;
        case RowKind::existing: draw_facility_symbol(cr, sym_x, mid, FacilityKind::existing); break;
        case RowKind::catchment:
            cairo_rectangle(cr, sym_x - 7.0, mid - 5.0, 14.0, 10.0);
            set_colour(cr, r.colour, CATCHMENT_FILL_ALPHA);
            cairo_fill_preserve(cr);
            set_colour(cr, r.colour, 0.9);
            cairo_set_line_width(cr, 1.2);
            cairo_stroke(cr);
            break;
        case RowKind::focus:
        case RowKind::neighbour:
            cairo_rectangle(cr, sym_x - 7.0, mid - 5.0, 14.0, 10.0);
            set_colour(cr, r.colour);
            cairo_fill_preserve(cr);
            set_colour(cr, r.kind == RowKind::focus ? FOCUS_LINE : NEIGHBOUR_LINE);
            cairo_set_line_width(cr, 0.8);
            cairo_stroke(cr);
            break;
        case RowKind::note: break;
        }
        if (r.kind != RowKind::heading)
            draw_text(cr, r.label, text_x, mid + 4.0, 11.0, false, text_w,
                      r.kind == RowKind::note ? MUTED_TEXT : TEXT_COLOUR);
        y += h;
    }
}

double max_size_value(const MapScene& scene)
{
    double m = 0.0;
    for (const auto& p : scene.points)
        if (p.size_value && std::isfinite(*p.size_value))
            m = std::max(m, *p.size_value);
    return m;
}

/// Draws the whole map in layout pixels on `cr`.
void draw_map(cairo_t* cr, const MapScene& scene, const MapLayout& layout)
{
    const MapStyle& style = layout.style();
    const PageRegions regions = page_regions(scene, style);
    const PageRect& f = regions.frame;

    set_colour(cr, PAGE_COLOUR);
    cairo_paint(cr);

    // The map frame: sea, neighbours, focus country, catchments, sites, facilities; clipped.
    cairo_save(cr);
    cairo_rectangle(cr, f.x_px, f.y_px, f.width_px, f.height_px);
    cairo_clip(cr);
    set_colour(cr, SEA_COLOUR);
    cairo_paint(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    const PageRect clip{f.x_px - 4.0, f.y_px - 4.0, f.width_px + 8.0, f.height_px + 8.0};
    for (const auto& c : scene.neighbours) {
        if (!add_polygons(cr, layout, c.polygons, clip))
            continue;
        set_colour(cr, NEIGHBOUR_FILL);
        cairo_fill_preserve(cr);
        set_colour(cr, NEIGHBOUR_LINE);
        cairo_set_line_width(cr, 0.6);
        cairo_stroke(cr);
    }
    if (add_polygons(cr, layout, scene.focus.polygons, clip)) {
        set_colour(cr, FOCUS_FILL);
        cairo_fill_preserve(cr);
        set_colour(cr, FOCUS_LINE);
        cairo_set_line_width(cr, 1.0);
        cairo_stroke(cr);
    }
    for (const auto& c : scene.catchments) {
        if (!add_polygons(cr, layout, c.polygons, clip))
            continue;
        set_colour(cr, CATCHMENT_COLOUR, CATCHMENT_FILL_ALPHA);
        cairo_fill_preserve(cr);
        set_colour(cr, CATCHMENT_COLOUR, 0.9);
        cairo_set_line_width(cr, 1.2);
        const double dash[] = {4.0, 2.0};
        cairo_set_dash(cr, dash, 2, 0.0);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0.0);
    }

    // Sites: larger symbols first so that small ones stay visible on top; ties in input order.
    const PointColours colours = colour_points(scene, style.colour_by);
    const double max_size = max_size_value(scene);
    std::vector<LonLat> locations;
    for (const auto& p : scene.points)
        locations.push_back(p.location);
    std::vector<std::size_t> order(scene.points.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::vector<double> radius(scene.points.size());
    for (std::size_t i = 0; i < scene.points.size(); ++i)
        radius[i] = symbol_radius_px(scene.points[i].size_value, max_size);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return radius[a] > radius[b]; });
    for (std::size_t i : order) {
        const auto pos = layout.to_page(scene.points[i].location);
        if (!pos)
            continue;
        draw_site_symbol(cr, pos->x_px, pos->y_px, radius[i], colours.colours[i], scene.points[i].estimated);
    }
    for (const auto& fac : scene.facilities)
        if (const auto pos = layout.to_page(fac.location))
            draw_facility_symbol(cr, pos->x_px, pos->y_px, fac.kind);
    cairo_restore(cr);

    set_colour(cr, FOCUS_LINE);
    cairo_set_line_width(cr, 0.8);
    cairo_rectangle(cr, f.x_px, f.y_px, f.width_px, f.height_px);
    cairo_stroke(cr);
    draw_scale_bar(cr, layout);
    draw_north_arrow(cr, layout);

    // Title, legend, attribution.
    const PageRect& t = regions.title;
    draw_text(cr, scene.title, t.x_px, t.y_px + TITLE_SIZE_PX - 4.0, TITLE_SIZE_PX, true, t.width_px);
    if (!scene.subtitle.empty())
        draw_text(cr, scene.subtitle, t.x_px, t.y_px + TITLE_SIZE_PX + SUBTITLE_SIZE_PX + 2.0, SUBTITLE_SIZE_PX,
                  false, t.width_px, MUTED_TEXT);
    draw_legend(cr, scene, colours, max_size, regions.legend);
    const PageRect& a = regions.attribution;
    for (std::size_t i = 0; i < scene.attribution_lines.size(); ++i)
        draw_text(cr, scene.attribution_lines[i], a.x_px, a.y_px + ATTRIBUTION_LINE_PX * static_cast<double>(i + 1) - 2.0,
                  ATTRIBUTION_SIZE_PX, false, a.width_px, MUTED_TEXT);
}

void check_cairo(cairo_status_t status, const std::string& what, const std::string& path)
{
    if (status != CAIRO_STATUS_SUCCESS)
        throw error("map: cannot write " + what + " '" + path + "': " + cairo_status_to_string(status));
}

/// Cairo numbers SVG groups with surface ids that count up for the whole process ("surface6",
/// "surface16"), so the same map drawn twice differs. Renumber them in order of appearance.
std::string renumber_svg_surfaces(const std::string& svg)
{
    static constexpr std::string_view KEY = "surface";
    std::map<std::string, std::string> ids;
    std::string out;
    out.reserve(svg.size());
    std::size_t i = 0;
    while (i < svg.size()) {
        const std::size_t hit = svg.find(KEY, i);
        if (hit == std::string::npos) {
            out.append(svg, i, std::string::npos);
            break;
        }
        std::size_t end = hit + KEY.size();
        while (end < svg.size() && std::isdigit(static_cast<unsigned char>(svg[end])))
            ++end;
        const bool is_id = end > hit + KEY.size() && hit > 0 && (svg[hit - 1] == '"' || svg[hit - 1] == '#');
        out.append(svg, i, hit - i);
        if (is_id) {
            const std::string old_id = svg.substr(hit, end - hit);
            auto it = ids.find(old_id);
            if (it == ids.end())
                it = ids.emplace(old_id, std::string(KEY) + std::to_string(ids.size() + 1)).first;
            out += it->second;
        } else {
            out.append(svg, hit, end - hit);
        }
        i = end;
    }
    return out;
}

std::string read_all(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    if (!in && !in.eof())
        throw error("map: cannot read back '" + p.string() + "'");
    return s.str();
}

std::string lower_extension(const std::string& path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

}  // namespace

void render_map(const MapScene& scene, const MapStyle& style, const std::string& path)
{
    const std::string ext = lower_extension(path);
    if (ext == ".html" || ext == ".htm") {
        write_map_html(scene, path, style);
        return;
    }
    if (ext != ".png" && ext != ".svg" && ext != ".pdf")
        throw usage_error("map: cannot tell the format of '" + path + "' from its extension: use .png, .svg, .pdf or .html");
    const MapLayout layout(scene, style);
    AtomicOutput out(path);
    const std::string temp = out.temp_path().string();
    const double w = style.width_px, h = style.height_px;

    if (ext == ".png") {
        const double scale = style.dpi / 96.0;
        const long width = std::lround(w * scale), height = std::lround(h * scale);
        if (width > 32767 || height > 32767)
            throw usage_error("map: " + std::to_string(width) + " x " + std::to_string(height) +
                              " pixels is larger than a PNG can be drawn (32767): lower --dpi or the page size");
        CairoSurfacePtr surface(
            cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(width), static_cast<int>(height)));
        check_cairo(cairo_surface_status(surface.get()), "PNG", path);
        {
            CairoPtr cr(cairo_create(surface.get()));
            cairo_scale(cr.get(), scale, scale);
            draw_map(cr.get(), scene, layout);
            check_cairo(cairo_status(cr.get()), "PNG", path);
        }
        cairo_surface_flush(surface.get());
        check_cairo(cairo_surface_write_to_png(surface.get(), temp.c_str()), "PNG", path);
    } else {
        // Vector pages: 1 layout pixel = 0.75 pt.
        const double pt_per_px = 72.0 / 96.0;
        CairoSurfacePtr surface(ext == ".svg" ? cairo_svg_surface_create(temp.c_str(), w * pt_per_px, h * pt_per_px)
                                              : cairo_pdf_surface_create(temp.c_str(), w * pt_per_px, h * pt_per_px));
        check_cairo(cairo_surface_status(surface.get()), ext == ".svg" ? "SVG" : "PDF", path);
        if (ext == ".pdf") {
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, scene.title.c_str());
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "basural " BASURAL_VERSION_STRING);
            // Cairo 1.16 stamps the current time as CreationDate unless told otherwise; an empty
            // date leaves it out, so the same map gives the same bytes.
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "");
        }
        {
            CairoPtr cr(cairo_create(surface.get()));
            cairo_scale(cr.get(), pt_per_px, pt_per_px);
            draw_map(cr.get(), scene, layout);
            check_cairo(cairo_status(cr.get()), ext == ".svg" ? "SVG" : "PDF", path);
        }
        cairo_surface_finish(surface.get());
        check_cairo(cairo_surface_status(surface.get()), ext == ".svg" ? "SVG" : "PDF", path);
        surface.reset();
        if (ext == ".svg") {
            const std::string svg = renumber_svg_surfaces(read_all(out.temp_path()));
            std::ofstream f(out.temp_path(), std::ios::binary | std::ios::trunc);
            f.write(svg.data(), static_cast<std::streamsize>(svg.size()));
            f.flush();
            if (!f)
                throw error("map: cannot write SVG '" + path + "'");
        }
    }
    out.commit();
}

}  // namespace basural

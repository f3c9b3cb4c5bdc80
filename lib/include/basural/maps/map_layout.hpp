#pragma once
/// \file map_layout.hpp
/// Where everything lands on a map page: the projection (Lambert azimuthal equal-area on the WGS84
/// ellipsoid, centred on what the map shows), the map frame, the scale. Page geometry is in layout
/// pixels: CSS pixels of 1/96 inch, from the top-left corner, y down.

#include "basural/maps/map_data.hpp"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace basural {

/// A position on the page, in layout pixels from the top-left corner, y down.
struct PagePoint {
    double x_px = 0.0;
    double y_px = 0.0;
};

/// A rectangle on the page, in layout pixels.
struct PageRect {
    double x_px = 0.0, y_px = 0.0, width_px = 0.0, height_px = 0.0;
};

/// The scale bar: a round number of kilometres and its length on the page.
struct ScaleBar {
    double length_km = 0.0;
    double length_px = 0.0;
};

/// Where everything lands on the page: the projection, the map frame and the scale. Built from the
/// focus country (or the zoomed state); render_map uses it, and tests and callers can ask where a
/// position is drawn.
class MapLayout {
public:
    /// Throws basural::usage_error for a bad style (size or dpi out of range) and basural::error
    /// when the focus country has no polygon.
    MapLayout(const MapScene& scene, const MapStyle& style);
    ~MapLayout();
    MapLayout(MapLayout&&) noexcept;
    MapLayout& operator=(MapLayout&&) noexcept;
    MapLayout(const MapLayout&) = delete;
    MapLayout& operator=(const MapLayout&) = delete;

    /// The projection's PROJ string (e.g. "+proj=laea +lat_0=-14.2 +lon_0=-51.9 +ellps=WGS84").
    const std::string& projection() const noexcept;
    /// The projection centre: the centre of the longitude/latitude bounding box of what the view holds.
    LonLat centre() const noexcept;
    /// Projected metres, for a WGS84 position; std::nullopt where the projection is undefined.
    std::optional<std::pair<double, double>> project_m(const LonLat& p) const;
    /// Page position of a WGS84 position; std::nullopt where the projection is undefined.
    std::optional<PagePoint> to_page(const LonLat& p) const;
    /// Page positions of many WGS84 positions in one PROJ call, same order; positions the
    /// projection cannot place are left out.
    std::vector<PagePoint> to_page(const std::vector<LonLat>& points) const;
    /// The rectangle the map is drawn in (the rest of the page holds title, legend and sources).
    const PageRect& map_frame() const noexcept;
    /// The title band, the legend column and the sources band.
    const PageRect& title_box() const noexcept;
    const PageRect& legend_box() const noexcept;
    const PageRect& attribution_box() const noexcept;
    /// Projected metres per layout pixel; true on the ground at the centre (LAEA's scale is 1 there).
    double metres_per_px() const noexcept;
    /// A round length (1, 2 or 5 x 10^k km) about a fifth of the frame's width.
    ScaleBar scale_bar() const noexcept;
    const MapStyle& style() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace basural

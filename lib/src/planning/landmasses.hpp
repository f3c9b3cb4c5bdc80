#pragma once
/// \file landmasses.hpp
/// Which polygon of its country a site stands on, so that no haul crosses the sea (private to the
/// planning layer; docs/methods/regionalization.md, "Islands and borders").

#include "basural/geo/lon_lat.hpp"
#include "basural/inventory/countries.hpp"
#include "detail/geos.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace basural::planning_detail {

struct Envelope {
    double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
};

/// Polygon parts of every country, as GEOS prepared geometries; a landmass is a (country, part) pair,
/// merged across countries whose parts touch when crossing borders is allowed.
class Landmasses {
public:
    Landmasses(const CountryBoundaries& countries, bool merge_across_borders);

    /// The landmass of a point stated to be in `iso3`: the part containing it, else the nearest part
    /// (planar distance in degrees: only used to choose among the country's own parts for a coastal
    /// site just outside them). std::nullopt when the country has no boundary.
    std::optional<std::size_t> landmass_of(const std::string& iso3, const LonLat& p);

private:
    struct Part {
        detail::GeomPtr geom;
        detail::PreparedPtr prepared;
        Envelope envelope;
        std::size_t id = 0;
    };

    void merge_touching();

    detail::GeosContext m_ctx;
    std::map<std::string, std::vector<Part>> m_parts;
    std::vector<std::size_t> m_root;
    std::size_t m_count = 0;
};

}  // namespace basural::planning_detail

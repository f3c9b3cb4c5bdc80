#pragma once
/// \file exposure.hpp
/// People living near active dumps: the population of populated places within set geodesic distances
/// of at least one receiving open or controlled dump (is_receiving_dump: status active, closing or
/// unknown), per country without double counting, and per site.
/// Method and limits: docs/methods/exposure.md.

#include "basural/inventory/places.hpp"
#include "basural/inventory/site.hpp"
#include "basural/inventory/site_predicates.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace basural {

struct ExposureParams {
    std::vector<double> band_radii_m{1000.0, 2000.0, 5000.0};  ///< distance bands, metres
    double site_radius_m = 2000.0;                             ///< radius of the per-site figure
};

/// One country's exposed population; vectors are index-aligned with ExposureReport::band_radii_m.
struct CountryExposure {
    std::string country_iso3;                         ///< the country of the places
    std::size_t active_dumps = 0;                     ///< active dumps located in the country
    std::vector<std::int64_t> population;             ///< people in places within the band of any active dump
    std::vector<std::size_t> places;                  ///< places of known population within the band
    std::vector<std::size_t> places_unknown_population;  ///< places within the band whose population is unknown
};

/// One active dump's neighbours within site_radius_m (a place near two dumps counts for both).
struct SiteExposure {
    std::size_t site_index = 0;  ///< index in the input sites
    std::string site_id;
    std::string country_iso3;
    std::int64_t population = 0;
    std::size_t places = 0;
    std::size_t places_unknown_population = 0;
};

struct ExposureReport {
    std::vector<double> band_radii_m;
    double site_radius_m = 0.0;
    /// One row per country that has an active dump or a place within a band, sorted by ISO3 code.
    /// A place counts once per band, for its own country, however many dumps (of any country) are near.
    std::vector<CountryExposure> countries;
    /// One row per active dump, in input order.
    std::vector<SiteExposure> sites;
    /// Per place (index-aligned with the places given): the geodesic distance in metres to its nearest
    /// active dump, +infinity when none is within the largest band or site radius. Lets a caller count
    /// the people of any grouping of places (e.g. per first-level unit) by the same rule.
    std::vector<double> place_nearest_dump_m;
};

/// Geodesic (WGS84) distances from every active dump to every place; a place is within a band when its
/// distance to the nearest active dump is <= the band's radius. Throws usage_error when a radius is not
/// positive or no band is given.
ExposureReport population_near_dumps(const std::vector<Site>& sites, const std::vector<Place>& places,
                                     const ExposureParams& params = {});

}  // namespace basural

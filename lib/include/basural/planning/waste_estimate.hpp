#pragma once
/// \file waste_estimate.hpp
/// Waste received per site where the inventory has no tonnage: the population of each populated place
/// is allocated to the nearest receiving disposal site of its country, and a site's tonnage is
/// estimated from the population it serves and its country's generation and collection rates.
/// Method, parameters and limits: docs/methods/waste_estimate.md.

#include "basural/inventory/country_waste.hpp"
#include "basural/inventory/places.hpp"
#include "basural/inventory/site.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace basural {

struct WasteEstimateParams {
    /// A place is served by the nearest receiving site of its country only within this geodesic distance.
    double max_distance_m = 50000.0;
};

/// What the allocation did in one country (the country of the places and sites counted).
struct CountryWasteAllocation {
    std::string country_iso3;
    std::size_t places = 0;                     ///< places of the country
    std::size_t places_without_population = 0;  ///< not allocated: their population is unknown
    std::size_t places_allocated = 0;
    std::int64_t population_allocated = 0;      ///< population of the allocated places
    std::int64_t population_unallocated = 0;    ///< known population with no receiving site within reach
    std::size_t receiving_sites = 0;
    std::size_t sites_observed = 0;             ///< receiving sites that had a tonnage (kept as is)
    std::size_t sites_estimated = 0;            ///< receiving sites given an estimated tonnage
    std::size_t sites_unknown = 0;              ///< receiving sites still without a tonnage
    bool parameters_missing = false;            ///< no kg/capita/day or collection coverage for the country
};

struct WasteEstimateResult {
    /// The input sites in input order, with waste_t_per_day and waste_provenance = estimated written
    /// where the tonnage was unknown and an estimate could be made; every other field unchanged.
    std::vector<Site> sites;
    /// Population allocated to each site (index-aligned with `sites`), also for sites with observed tonnage.
    std::vector<std::int64_t> served_population;
    /// One row per country with places or sites, sorted by ISO3 code.
    std::vector<CountryWasteAllocation> countries;
};

/// Allocates every place of known population to the nearest receiving site of the same country within
/// params.max_distance_m (ties: the site that comes first in `sites`) and, for each receiving site whose
/// waste_t_per_day is unknown and that serves people, writes
///     waste_t_per_day = served population x kg/capita/day x collection coverage / 100 / 1000
/// with the country's msw_kg_per_capita_day_of() and collection_coverage_pct. Sites with an observed
/// tonnage keep it (their places are still allocated to them, so they do not inflate a neighbour).
/// Throws usage_error when max_distance_m is not positive.
WasteEstimateResult estimate_waste(const std::vector<Site>& sites, const std::vector<Place>& places,
                                   const std::vector<CountryWaste>& countries, const WasteEstimateParams& params = {});

}  // namespace basural

#include "basural/planning/waste_estimate.hpp"

#include "basural/base/number_text.hpp"
#include "basural/inventory/site_predicates.hpp"
#include "basural/base/error.hpp"
#include "basural/geo/spatial_index.hpp"

#include <cmath>
#include <map>
#include <optional>

namespace basural {
namespace {

// The receiving sites of one country and an index over their positions.
struct CountrySites {
    std::vector<std::size_t> site_indices;
    std::vector<LonLat> points;
    std::optional<SpatialIndex> index;
};

}  // namespace

WasteEstimateResult estimate_waste(const std::vector<Site>& sites, const std::vector<Place>& places,
                                   const std::vector<CountryWaste>& countries, const WasteEstimateParams& params)
{
    if (!std::isfinite(params.max_distance_m) || params.max_distance_m <= 0.0)
        throw usage_error("waste estimate: the maximum distance must be positive, got " +
                          format_value(params.max_distance_m) + " m");

    WasteEstimateResult result;
    result.sites = sites;
    result.served_population.assign(sites.size(), 0);

    std::map<std::string, CountryWasteAllocation> summary;
    const auto row = [&](const std::string& iso3) -> CountryWasteAllocation& {
        auto& r = summary[iso3];
        r.country_iso3 = iso3;
        return r;
    };

    std::map<std::string, CountrySites> by_country;
    for (std::size_t i = 0; i < sites.size(); ++i) {
        auto& r = row(sites[i].country_iso3);
        if (!receives_waste(sites[i]))
            continue;
        ++r.receiving_sites;
        auto& c = by_country[sites[i].country_iso3];
        c.site_indices.push_back(i);
        c.points.push_back(sites[i].location);
    }
    for (auto& [iso3, c] : by_country)
        c.index.emplace(c.points);

    for (const auto& place : places) {
        auto& r = row(place.country_iso3);
        ++r.places;
        if (!place.population) {
            ++r.places_without_population;
            continue;
        }
        const auto it = by_country.find(place.country_iso3);
        if (it != by_country.end()) {
            const auto nearest = it->second.index->nearest(place.location, 1);
            if (!nearest.empty() && nearest.front().distance_m <= params.max_distance_m) {
                result.served_population[it->second.site_indices[nearest.front().index]] += *place.population;
                ++r.places_allocated;
                r.population_allocated += *place.population;
                continue;
            }
        }
        r.population_unallocated += *place.population;
    }

    std::map<std::string, const CountryWaste*, std::less<>> parameters;
    for (const auto& c : countries)
        parameters.emplace(c.iso3, &c);

    for (std::size_t i = 0; i < result.sites.size(); ++i) {
        Site& s = result.sites[i];
        if (!receives_waste(s))
            continue;
        auto& r = row(s.country_iso3);
        if (s.waste_t_per_day) {
            ++r.sites_observed;
            continue;
        }
        const auto p = parameters.find(s.country_iso3);
        const std::optional<double> kg_per_capita_day =
            p == parameters.end() ? std::nullopt : msw_kg_per_capita_day_of(*p->second);
        const std::optional<double> coverage_pct =
            p == parameters.end() ? std::nullopt : p->second->collection_coverage_pct;
        if (!kg_per_capita_day || !coverage_pct) {
            r.parameters_missing = true;
            ++r.sites_unknown;
            continue;
        }
        if (result.served_population[i] <= 0) {
            ++r.sites_unknown;
            continue;
        }
        s.waste_t_per_day = static_cast<double>(result.served_population[i]) * *kg_per_capita_day *
                            (*coverage_pct / 100.0) / 1000.0;
        s.waste_provenance = Provenance::estimated;
        ++r.sites_estimated;
    }

    result.countries.reserve(summary.size());
    for (auto& [iso3, r] : summary)
        result.countries.push_back(std::move(r));
    return result;
}

}  // namespace basural

#include "basural/planning/waste_estimate.hpp"

#include "basural/base/number_text.hpp"
#include "basural/inventory/site_predicates.hpp"
#include "basural/base/error.hpp"
#include "basural/geo/spatial_index.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
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

std::string_view to_string(WasteSource s) noexcept
{
    switch (s) {
    case WasteSource::given: return "given";
    case WasteSource::places: return "places";
    case WasteSource::country_median: return "country_median";
    case WasteSource::unknown: return "unknown";
    case WasteSource::not_receiving: return "not_receiving";
    }
    return "";
}

namespace {

double median_of(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

/// Step 3 of fill_waste: receiving dumps still without a tonnage take the median of the known
/// positive tonnages of their country's receiving dumps.
void fill_country_medians(WasteEstimateResult& r)
{
    std::map<std::string, std::vector<double>> known;
    for (const auto& s : r.sites)
        if (is_receiving_dump(s) && s.waste_t_per_day && *s.waste_t_per_day > 0.0)
            known[s.country_iso3].push_back(*s.waste_t_per_day);
    std::map<std::string, double> median;
    for (auto& [iso3, v] : known)
        median[iso3] = median_of(std::move(v));
    for (std::size_t i = 0; i < r.sites.size(); ++i) {
        Site& s = r.sites[i];
        if (r.source[i] != WasteSource::unknown || !is_receiving_dump(s))
            continue;
        const auto m = median.find(s.country_iso3);
        if (m == median.end())
            continue;
        s.waste_t_per_day = m->second;
        s.waste_provenance = Provenance::estimated;
        r.source[i] = WasteSource::country_median;
    }
}

}  // namespace

namespace {

/// Per country: the waste collected in its most populous place, t/day (absent without places or rates).
std::map<std::string, double> largest_city_waste(const std::vector<Place>& places, const std::vector<CountryWaste>& countries)
{
    std::map<std::string, std::int64_t> largest;
    for (const auto& p : places)
        if (p.population)
            largest[p.country_iso3] = std::max(largest[p.country_iso3], *p.population);
    std::map<std::string, double> out;
    for (const auto& c : countries) {
        const auto it = largest.find(c.iso3);
        const auto g = msw_kg_per_capita_day_of(c);
        if (it != largest.end() && it->second > 0 && g && c.collection_coverage_pct)
            out[c.iso3] = static_cast<double>(it->second) * *g * (*c.collection_coverage_pct / 100.0) / 1000.0;
    }
    return out;
}

}  // namespace

PlausibilityCheck check_waste_plausibility(const std::vector<Site>& sites, const std::vector<Place>& places,
                                           const std::vector<CountryWaste>& countries, double multiple)
{
    if (!(multiple > 0.0) || !std::isfinite(multiple))
        throw usage_error("waste estimate: the plausible multiple of the mean must be positive");
    PlausibilityCheck r;
    r.implausible.assign(sites.size(), 0);
    r.ceiling_t_per_day.assign(sites.size(), std::numeric_limits<double>::quiet_NaN());
    struct Known {
        double sum = 0.0, observed_max = 0.0;
        std::size_t count = 0;
    };
    std::map<std::string, Known> known;
    for (const auto& s : sites)
        if (receives_waste(s) && s.waste_t_per_day) {
            auto& k = known[s.country_iso3];
            k.sum += *s.waste_t_per_day;
            ++k.count;
            if (s.waste_provenance == Provenance::observed)
                k.observed_max = std::max(k.observed_max, *s.waste_t_per_day);
        }
    const auto city = largest_city_waste(places, countries);
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const Site& s = sites[i];
        if (!receives_waste(s) || !s.waste_t_per_day)
            continue;
        const Known& k = known.at(s.country_iso3);
        if (k.count < 2)
            continue;  // the country's one site with a tonnage: all its waste can only go there
        if (const auto c = city.find(s.country_iso3); c != city.end())
            r.ceiling_t_per_day[i] = std::max(k.observed_max, c->second);
        else
            r.ceiling_t_per_day[i] =
                std::max(k.observed_max, multiple * (k.sum - *s.waste_t_per_day) / static_cast<double>(k.count - 1));
        if (s.waste_provenance == Provenance::estimated && *s.waste_t_per_day > r.ceiling_t_per_day[i]) {
            r.implausible[i] = 1;
            ++r.count;
        }
    }
    return r;
}

WasteEstimateResult fill_waste(const std::vector<Site>& sites, const std::vector<Place>& places,
                               const std::vector<CountryWaste>& countries, const WasteFillParams& params)
{
    if (!(params.plausible_multiple_of_mean > 0.0) || !std::isfinite(params.plausible_multiple_of_mean))
        throw usage_error("waste estimate: the plausible multiple of the mean must be positive");
    WasteEstimateResult r;
    if (params.from_places) {
        r = estimate_waste(sites, places, countries, params.estimate);
    } else {
        r.sites = sites;
        r.served_population.assign(sites.size(), 0);
    }
    r.source.assign(sites.size(), WasteSource::not_receiving);
    for (std::size_t i = 0; i < sites.size(); ++i)
        if (receives_waste(sites[i]))
            r.source[i] = sites[i].waste_t_per_day    ? WasteSource::given
                          : r.sites[i].waste_t_per_day ? WasteSource::places
                                                       : WasteSource::unknown;
    fill_country_medians(r);
    for (const auto src : r.source)
        switch (src) {
        case WasteSource::given: ++r.counts.given; break;
        case WasteSource::places: ++r.counts.places; break;
        case WasteSource::country_median: ++r.counts.country_median; break;
        case WasteSource::unknown: ++r.counts.unknown; break;
        case WasteSource::not_receiving: break;
        }
    auto check = check_waste_plausibility(r.sites, places, countries, params.plausible_multiple_of_mean);
    r.implausible = std::move(check.implausible);
    r.counts.implausible = check.count;
    r.plausible_ceiling_t_per_day = std::move(check.ceiling_t_per_day);
    return r;
}

std::string waste_sources_line(const WasteEstimateResult& waste)
{
    const auto& c = waste.counts;
    double implausible_t = 0.0;
    for (std::size_t i = 0; i < waste.sites.size() && i < waste.implausible.size(); ++i)
        if (waste.implausible[i])
            implausible_t += waste.sites[i].waste_t_per_day.value_or(0.0);
    char t[64];
    std::snprintf(t, sizeof t, "%.1f", implausible_t);
    return "Tonnage of the " + std::to_string(c.receiving()) + " receiving sites: " + std::to_string(c.given) +
           " given, " + std::to_string(c.places) + " estimated from places and country rates, " +
           std::to_string(c.country_median) + " their country's median, " + std::to_string(c.unknown) +
           " unknown; " + std::to_string(c.implausible) + " implausible estimates (" + t +
           " t/day; docs/methods/waste_estimate.md).";
}

}  // namespace basural

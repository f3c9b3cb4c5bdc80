#include "basural/reports/exposure.hpp"

#include "basural/base/number_text.hpp"
#include "basural/inventory/site_predicates.hpp"
#include "basural/base/error.hpp"
#include "basural/geo/spatial_index.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace basural {
namespace {

void require_radius(double r_m, const char* what)
{
    if (!std::isfinite(r_m) || r_m <= 0.0)
        throw usage_error(std::string("exposure: ") + what + " must be a positive distance, got " +
                          format_value(r_m) + " m");
}

}  // namespace

ExposureReport population_near_dumps(const std::vector<Site>& sites, const std::vector<Place>& places,
                                     const ExposureParams& params)
{
    if (params.band_radii_m.empty())
        throw usage_error("exposure: at least one distance band is needed");
    for (double r : params.band_radii_m)
        require_radius(r, "a band radius");
    require_radius(params.site_radius_m, "the per-site radius");

    ExposureReport report;
    report.band_radii_m = params.band_radii_m;
    report.site_radius_m = params.site_radius_m;
    const std::size_t n_bands = params.band_radii_m.size();
    const double search_m =
        std::max(*std::max_element(params.band_radii_m.begin(), params.band_radii_m.end()), params.site_radius_m);

    std::vector<LonLat> points;
    points.reserve(places.size());
    for (const auto& p : places)
        points.push_back(p.location);
    const SpatialIndex index(std::move(points));

    std::map<std::string, CountryExposure> by_country;
    const auto row = [&](const std::string& iso3) -> CountryExposure& {
        auto& r = by_country[iso3];
        if (r.population.empty()) {
            r.country_iso3 = iso3;
            r.population.assign(n_bands, 0);
            r.places.assign(n_bands, 0);
            r.places_unknown_population.assign(n_bands, 0);
        }
        return r;
    };

    // Distance from each place to its nearest active dump (infinity when none is within search_m).
    std::vector<double> nearest_dump_m(places.size(), std::numeric_limits<double>::infinity());
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const Site& s = sites[i];
        if (!is_receiving_dump(s))
            continue;
        ++row(s.country_iso3).active_dumps;
        SiteExposure se;
        se.site_index = i;
        se.site_id = s.site_id;
        se.country_iso3 = s.country_iso3;
        for (const auto& hit : index.within_m(s.location, search_m)) {
            nearest_dump_m[hit.index] = std::min(nearest_dump_m[hit.index], hit.distance_m);
            if (hit.distance_m > params.site_radius_m)
                continue;
            if (const auto& pop = places[hit.index].population) {
                se.population += *pop;
                ++se.places;
            } else {
                ++se.places_unknown_population;
            }
        }
        report.sites.push_back(std::move(se));
    }

    for (std::size_t j = 0; j < places.size(); ++j) {
        if (!std::isfinite(nearest_dump_m[j]))
            continue;
        const Place& p = places[j];
        bool within_any = false;
        for (std::size_t b = 0; b < n_bands; ++b)
            within_any = within_any || nearest_dump_m[j] <= params.band_radii_m[b];
        if (!within_any)
            continue;
        auto& r = row(p.country_iso3);
        for (std::size_t b = 0; b < n_bands; ++b) {
            if (nearest_dump_m[j] > params.band_radii_m[b])
                continue;
            if (p.population) {
                r.population[b] += *p.population;
                ++r.places[b];
            } else {
                ++r.places_unknown_population[b];
            }
        }
    }

    report.countries.reserve(by_country.size());
    for (auto& [iso3, r] : by_country)
        report.countries.push_back(std::move(r));
    report.place_nearest_dump_m = std::move(nearest_dump_m);
    return report;
}

}  // namespace basural

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

/// Rows per country, created with one zero per band when first asked for.
class CountryRows {
public:
    explicit CountryRows(std::size_t n_bands) : m_bands(n_bands) {}
    CountryExposure& operator()(const std::string& iso3)
    {
        auto& r = m_rows[iso3];
        if (r.population.empty()) {
            r.country_iso3 = iso3;
            r.population.assign(m_bands, 0);
            r.places.assign(m_bands, 0);
            r.places_unknown_population.assign(m_bands, 0);
        }
        return r;
    }
    std::vector<CountryExposure> take()
    {
        std::vector<CountryExposure> out;
        out.reserve(m_rows.size());
        for (auto& [iso3, r] : m_rows)
            out.push_back(std::move(r));
        return out;
    }

private:
    std::size_t m_bands;
    std::map<std::string, CountryExposure> m_rows;
};

/// The places indexed, how far to search around a dump, and what the search fills.
struct ExposureSearch {
    const SpatialIndex& index;
    double search_m;
    CountryRows& rows;
    /// Each place's distance to its nearest receiving dump (infinity when none is within search_m).
    std::vector<double>& nearest_dump_m;
};

/// Per receiving dump, the people within the per-site radius (report.sites), and each place's
/// distance to its nearest receiving dump.
void expose_sites(const std::vector<Site>& sites, const std::vector<Place>& places, const ExposureParams& params,
                  ExposureSearch& search, ExposureReport& report)
{
    auto& nearest_dump_m = search.nearest_dump_m;
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const Site& s = sites[i];
        if (!is_receiving_dump(s))
            continue;
        ++search.rows(s.country_iso3).active_dumps;
        SiteExposure se;
        se.site_index = i;
        se.site_id = s.site_id;
        se.country_iso3 = s.country_iso3;
        for (const auto& hit : search.index.within_m(s.location, search.search_m)) {
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
}

/// Each place counted once per band its nearest receiving dump is within, in its country's row.
void count_bands(const std::vector<Place>& places, const std::vector<double>& nearest_dump_m,
                 const ExposureParams& params, CountryRows& rows)
{
    const std::size_t n_bands = params.band_radii_m.size();
    for (std::size_t j = 0; j < places.size(); ++j) {
        if (!std::isfinite(nearest_dump_m[j]))
            continue;
        const Place& p = places[j];
        bool within_any = false;
        for (std::size_t b = 0; b < n_bands; ++b)
            within_any = within_any || nearest_dump_m[j] <= params.band_radii_m[b];
        if (!within_any)
            continue;
        auto& r = rows(p.country_iso3);
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
    const double search_m =
        std::max(*std::max_element(params.band_radii_m.begin(), params.band_radii_m.end()), params.site_radius_m);

    std::vector<LonLat> points;
    points.reserve(places.size());
    for (const auto& p : places)
        points.push_back(p.location);
    const SpatialIndex index(std::move(points));

    CountryRows rows(params.band_radii_m.size());
    std::vector<double> nearest_dump_m(places.size(), std::numeric_limits<double>::infinity());
    ExposureSearch search{index, search_m, rows, nearest_dump_m};
    expose_sites(sites, places, params, search, report);
    count_bands(places, nearest_dump_m, params, rows);
    report.countries = rows.take();
    report.place_nearest_dump_m = std::move(nearest_dump_m);
    return report;
}

}  // namespace basural

#include "basural/planning/waste_estimate.hpp"

#include "basural/base/messages.hpp"

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

/// Keeps `place` as the site's main place when it is more populous than the one kept so far.
void note_main_place(MainPlace& main, const Place& place, const std::vector<Neighbour>& nearest)
{
    if (*place.population <= main.population)
        return;
    main.name = place.name;
    main.population = *place.population;
    main.distance_m = nearest.front().distance_m;
    main.runner_up_distance_m =
        nearest.size() > 1 ? nearest[1].distance_m : std::numeric_limits<double>::infinity();
}

/// The allocation summary per country, a row created when first asked for.
using AllocationRows = std::map<std::string, CountryWasteAllocation>;

CountryWasteAllocation& allocation_row(AllocationRows& rows, const std::string& iso3)
{
    auto& r = rows[iso3];
    r.country_iso3 = iso3;
    return r;
}

/// The receiving sites of each country, indexed; every site's country gets a row.
std::map<std::string, CountrySites> receiving_sites_by_country(const std::vector<Site>& sites, AllocationRows& rows)
{
    std::map<std::string, CountrySites> by_country;
    for (std::size_t i = 0; i < sites.size(); ++i) {
        auto& r = allocation_row(rows, sites[i].country_iso3);
        if (!receives_waste(sites[i]))
            continue;
        ++r.receiving_sites;
        auto& c = by_country[sites[i].country_iso3];
        c.site_indices.push_back(i);
        c.points.push_back(sites[i].location);
    }
    for (auto& [iso3, c] : by_country)
        c.index.emplace(c.points);
    return by_country;
}

/// Each populated place to its nearest receiving site of the same country within max_distance_m
/// (served_population, main_place); the rest counted as unallocated.
void allocate_places(const std::vector<Place>& places, const std::map<std::string, CountrySites>& by_country,
                     double max_distance_m, WasteEstimateResult& result, AllocationRows& rows)
{
    for (const auto& place : places) {
        auto& r = allocation_row(rows, place.country_iso3);
        ++r.places;
        if (!place.population) {
            ++r.places_without_population;
            continue;
        }
        const auto it = by_country.find(place.country_iso3);
        if (it != by_country.end()) {
            const auto nearest = it->second.index->nearest(place.location, 2);
            if (!nearest.empty() && nearest.front().distance_m <= max_distance_m) {
                const std::size_t site = it->second.site_indices[nearest.front().index];
                result.served_population[site] += *place.population;
                note_main_place(result.main_place[site], place, nearest);
                ++r.places_allocated;
                r.population_allocated += *place.population;
                continue;
            }
        }
        r.population_unallocated += *place.population;
    }
}

/// A receiving site without a given tonnage gets served population x kg per person per day x
/// collection coverage, labelled estimated; unknown when the country's rates or the population are.
void estimate_from_population(const std::vector<CountryWaste>& countries, WasteEstimateResult& result,
                              AllocationRows& rows)
{
    std::map<std::string, const CountryWaste*, std::less<>> parameters;
    for (const auto& c : countries)
        parameters.emplace(c.iso3, &c);
    for (std::size_t i = 0; i < result.sites.size(); ++i) {
        Site& s = result.sites[i];
        if (!receives_waste(s))
            continue;
        auto& r = allocation_row(rows, s.country_iso3);
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
}

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
    result.main_place.assign(sites.size(), MainPlace{});
    AllocationRows rows;
    const auto by_country = receiving_sites_by_country(sites, rows);
    allocate_places(places, by_country, params.max_distance_m, result, rows);
    estimate_from_population(countries, result, rows);
    result.countries.reserve(rows.size());
    for (auto& [iso3, r] : rows)
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

/// The country's waste, t/day: msw_t_per_year / 365 when given, otherwise population x kg/capita/day.
std::optional<double> generated_t_per_day(const CountryWaste& c)
{
    if (c.msw_t_per_year)
        return *c.msw_t_per_year / 365.0;
    const auto g = msw_kg_per_capita_day_of(c);
    if (g && c.population)
        return static_cast<double>(*c.population) * *g / 1000.0;
    return std::nullopt;
}

}  // namespace

std::optional<FallbackBudget> fallback_budget(const CountryWaste& country, double receiving_known_t_per_day)
{
    const auto generated = generated_t_per_day(country);
    if (!generated)
        return std::nullopt;
    FallbackBudget b;
    b.collected_t_per_day = *generated * country.collection_coverage_pct.value_or(100.0) / 100.0;
    b.room_t_per_day = std::max(0.0, b.collected_t_per_day - receiving_known_t_per_day);
    return b;
}

namespace {

/// The row of `iso3` in r.countries (sorted by code), added when missing.
CountryWasteAllocation& country_row(WasteEstimateResult& r, const std::string& iso3)
{
    auto it = std::lower_bound(r.countries.begin(), r.countries.end(), iso3,
                               [](const CountryWasteAllocation& a, const std::string& b) { return a.country_iso3 < b; });
    if (it == r.countries.end() || it->country_iso3 != iso3) {
        it = r.countries.insert(it, CountryWasteAllocation{});
        it->country_iso3 = iso3;
    }
    return *it;
}

/// Step 3 of fill_waste: receiving dumps still without a tonnage take the median of the known
/// positive tonnages of their country's receiving dumps, scaled down so that together they take no
/// more than the country's fallback_budget leaves; with no room left they stay unknown.
void fill_country_medians(WasteEstimateResult& r, const std::vector<CountryWaste>& countries)
{
    struct Country {
        std::vector<double> known_dumps;
        double receiving_known_t = 0.0;
        std::size_t to_fill = 0;
    };
    std::map<std::string, Country> by_country;
    for (std::size_t i = 0; i < r.sites.size(); ++i) {
        const Site& s = r.sites[i];
        auto& c = by_country[s.country_iso3];
        if (r.source[i] == WasteSource::unknown && is_receiving_dump(s))
            ++c.to_fill;
        if (!receives_waste(s) || !s.waste_t_per_day)
            continue;
        c.receiving_known_t += *s.waste_t_per_day;
        if (is_receiving_dump(s) && *s.waste_t_per_day > 0.0)
            c.known_dumps.push_back(*s.waste_t_per_day);
    }
    std::map<std::string, const CountryWaste*, std::less<>> figures;
    for (const auto& c : countries)
        figures.emplace(c.iso3, &c);
    std::map<std::string, double> fill;  // t/day each dump to fill takes, per country
    for (auto& [iso3, c] : by_country) {
        if (c.to_fill == 0 || c.known_dumps.empty())
            continue;
        auto& row = country_row(r, iso3);
        row.median_t_per_day = median_of(std::move(c.known_dumps));
        double each = *row.median_t_per_day;
        if (const auto f = figures.find(iso3); f != figures.end())
            if ((row.fallback_budget = fallback_budget(*f->second, c.receiving_known_t)))
                each = std::min(each, row.fallback_budget->room_t_per_day / static_cast<double>(c.to_fill));
        row.fallback_t_per_day = each;
        if (each > 0.0) {
            fill[iso3] = each;
            row.sites_fallback = c.to_fill;
            r.counts.country_median_scaled += each < *row.median_t_per_day ? c.to_fill : 0;
        } else {
            row.sites_no_room = c.to_fill;
            r.counts.unknown_no_room += c.to_fill;
        }
    }
    for (std::size_t i = 0; i < r.sites.size(); ++i) {
        Site& s = r.sites[i];
        if (r.source[i] != WasteSource::unknown || !is_receiving_dump(s))
            continue;
        const auto f = fill.find(s.country_iso3);
        if (f == fill.end())
            continue;
        s.waste_t_per_day = f->second;
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

namespace {

/// The shared-city rule (SHARED_CITY_*) over the sites estimated from places.
void flag_shared_cities(WasteEstimateResult& r)
{
    r.shared_city.assign(r.sites.size(), 0);
    for (std::size_t i = 0; i < r.sites.size() && i < r.main_place.size(); ++i) {
        const MainPlace& m = r.main_place[i];
        if (r.source[i] != WasteSource::places || m.population < SHARED_CITY_MIN_POPULATION ||
            2 * m.population <= r.served_population[i] ||
            m.runner_up_distance_m > SHARED_CITY_DISTANCE_RATIO * m.distance_m)
            continue;
        r.shared_city[i] = 1;
        ++r.counts.implausible_shared_city;
        // the estimate is proportional to the population served: what the other places carry
        const double rest = *r.sites[i].waste_t_per_day * static_cast<double>(r.served_population[i] - m.population) /
                            static_cast<double>(r.served_population[i]);
        if (!r.implausible[i]) {
            r.implausible[i] = 1;
            ++r.counts.implausible;
            r.plausible_ceiling_t_per_day[i] = rest;
        } else {
            r.plausible_ceiling_t_per_day[i] = std::min(r.plausible_ceiling_t_per_day[i], rest);
        }
    }
}

}  // namespace

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
    fill_country_medians(r, countries);
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
    flag_shared_cities(r);
    return r;
}

std::string waste_sources_line(const WasteEstimateResult& waste, const Locale& locale)
{
    const auto& c = waste.counts;
    double implausible_t = 0.0;
    for (std::size_t i = 0; i < waste.sites.size() && i < waste.implausible.size(); ++i)
        if (waste.implausible[i])
            implausible_t += waste.sites[i].waste_t_per_day.value_or(0.0);
    const auto count = [&](std::size_t n) { return format_count(static_cast<std::int64_t>(n), locale.numbers); };
    return tr_n(locale, "assume.tonnage", static_cast<std::int64_t>(c.receiving()),
                {{"given", count(c.given)},
                 {"places", count(c.places)},
                 {"median", count(c.country_median)},
                 {"scaled", c.country_median_scaled > 0
                                ? tr(locale, "plan.assume.tonnage_scaled", {{"n", count(c.country_median_scaled)}})
                                : std::string()},
                 {"unknown", count(c.unknown)},
                 {"no_room", c.unknown_no_room > 0
                                 ? tr(locale, "plan.assume.tonnage_no_room", {{"n", count(c.unknown_no_room)}})
                                 : std::string()},
                 {"implausible", count(c.implausible)},
                 {"t", format_number(implausible_t, 1, locale.numbers)}});
}

namespace {

std::string count_of(std::size_t n, const std::string& one, const std::string& many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

bool is_shared_city(const WasteEstimateResult& waste, std::size_t i)
{
    return i < waste.shared_city.size() && waste.shared_city[i];
}

/// The site with the largest implausible tonnage of one rule; sites.size() when none.
std::size_t largest_implausible(const WasteEstimateResult& waste, bool shared_city)
{
    std::size_t worst = waste.sites.size();
    for (std::size_t i = 0; i < waste.sites.size() && i < waste.implausible.size(); ++i)
        if (waste.implausible[i] && is_shared_city(waste, i) == shared_city &&
            (worst == waste.sites.size() || *waste.sites[i].waste_t_per_day > *waste.sites[worst].waste_t_per_day))
            worst = i;
    return worst;
}

std::string site_label(const Site& s)
{
    return s.site_id + (s.name.empty() ? "" : " " + s.name);
}

std::string whole(double v)
{
    char t[64];
    std::snprintf(t, sizeof t, "%.0f", v);
    return t;
}

std::string km(double m)
{
    char t[64];
    std::snprintf(t, sizeof t, "%.1f", m / 1000.0);
    return t;
}

/// The warning of each plausibility rule, with its largest case.
void add_implausible_lines(const WasteEstimateResult& waste, std::vector<std::string>& lines)
{
    const std::size_t shared = waste.counts.implausible_shared_city;
    const std::size_t above = waste.counts.implausible - shared;
    if (const std::size_t w = largest_implausible(waste, false); above > 0 && w < waste.sites.size())
        lines.push_back(count_of(above, "estimated tonnage is", "estimated tonnages are") +
                        " implausible (above what their country's largest city collects; the largest: " +
                        site_label(waste.sites[w]) + ", " + whole(*waste.sites[w].waste_t_per_day) +
                        " t/day against " + whole(waste.plausible_ceiling_t_per_day[w]) +
                        "): a city's population may have gone to a site outside it; check them "
                        "(docs/methods/waste_estimate.md, \"Plausibility\")");
    if (const std::size_t w = largest_implausible(waste, true); shared > 0 && w < waste.sites.size()) {
        const MainPlace& m = waste.main_place[w];
        lines.push_back(count_of(shared, "estimated tonnage rests", "estimated tonnages rest") +
                        " mostly on a city another receiving site is as near to (within " +
                        whole((SHARED_CITY_DISTANCE_RATIO - 1.0) * 100.0) + "%): the whole city "
                        "went to the nearer one, flagged implausible; the largest: " +
                        site_label(waste.sites[w]) + ", " + whole(*waste.sites[w].waste_t_per_day) + " t/day, " +
                        whole(*waste.sites[w].waste_t_per_day * static_cast<double>(m.population) /
                              static_cast<double>(waste.served_population[w])) +
                        " of them from " + m.name + " (" + km(m.distance_m) + " km; the next site " +
                        km(m.runner_up_distance_m) + " km); check which site receives the city's waste "
                        "(docs/methods/waste_estimate.md, \"Plausibility\")");
    }
}

}  // namespace

std::vector<std::string> waste_fill_warnings(const WasteEstimateResult& waste)
{
    std::vector<std::string> lines;
    const auto& c = waste.counts;
    if (c.unknown > c.unknown_no_room)
        lines.push_back("tonnage could not be estimated for " + std::to_string(c.unknown - c.unknown_no_room) +
                        " of " + count_of(c.receiving(), "receiving site", "receiving sites") +
                        " (no place within reach, and the country median fills only dumps of a country where some dump's "
                        "tonnage is known): it stays unknown; "
                        "give --places covering them or map a tonnage column");
    if (c.unknown_no_room > 0)
        lines.push_back(count_of(c.unknown_no_room, "dump without a place of its own keeps",
                                 "dumps without a place of their own keep") +
                        " an unknown tonnage: the sites of the country "
                        "already carry all the waste it generates and collects (What a Waste), so the country "
                        "median would add waste that does not exist (docs/methods/site_rules.md, \"Tonnage\")");
    if (c.country_median_scaled > 0)
        lines.push_back(count_of(c.country_median_scaled, "dump takes less than its", "dumps take less than their") +
                        " country's median tonnage: the median would give the country more "
                        "waste than it generates and collects (docs/methods/site_rules.md, \"Tonnage\")");
    if (c.implausible > 0)
        add_implausible_lines(waste, lines);
    return lines;
}

}  // namespace basural

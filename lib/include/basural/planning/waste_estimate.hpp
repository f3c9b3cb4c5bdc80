#pragma once
/// \file waste_estimate.hpp
/// Waste received per site where the inventory has no tonnage: the population of each populated place
/// is allocated to the nearest receiving disposal site of its country, and a site's tonnage is
/// estimated from the population it serves and its country's generation and collection rates.
/// fill_waste is the one rule every command uses: given > estimated from places > the country's
/// median > unknown, with estimates far above what the country's sites carry flagged implausible.
/// Method, parameters and limits: docs/methods/waste_estimate.md.

#include "basural/base/locale.hpp"
#include "basural/inventory/country_waste.hpp"
#include "basural/inventory/places.hpp"
#include "basural/inventory/site.hpp"
#include "basural/inventory/site_predicates.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace basural {

struct WasteEstimateParams {
    /// A place is served by the nearest receiving site of its country only within this geodesic distance.
    double max_distance_m = 50000.0;
};

/// How much the country-median fallback may add in a country (fill_waste, step 3), t/day.
struct FallbackBudget {
    double collected_t_per_day = 0.0;  ///< the country's waste x its collection coverage (100% when unknown)
    /// collected - the tonnage its receiving sites already carry (given or estimated from places);
    /// never below 0.
    double room_t_per_day = 0.0;
};

/// The fallback budget of `country` (its waste: msw_t_per_year / 365, or population x kg/capita/day),
/// given the t/day its receiving sites already carry; absent when the country's waste is unknown.
/// docs/methods/site_rules.md, "The budget of the median".
std::optional<FallbackBudget> fallback_budget(const CountryWaste& country, double receiving_known_t_per_day);

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
    /// Set by fill_waste when some receiving dump of the country has no tonnage after the places:
    /// the median of the known dump tonnages, the budget, and what each such dump takes
    /// (min(median, room / dumps to fill)); sites_no_room of them stay unknown when the room is 0.
    std::optional<double> median_t_per_day;
    std::optional<FallbackBudget> fallback_budget;
    std::optional<double> fallback_t_per_day;
    std::size_t sites_fallback = 0;
    std::size_t sites_no_room = 0;
};

/// The most populous place allocated to a site (estimate_waste), and how near the runner-up
/// receiving site of its country is to that place.
struct MainPlace {
    std::string name;                 ///< empty when no place was allocated to the site
    std::int64_t population = 0;
    double distance_m = 0.0;          ///< from the place to the site
    /// From the place to the second-nearest receiving site of its country; infinity when none.
    double runner_up_distance_m = 0.0;
};

/// Where a site's tonnage comes from after fill_waste.
enum class WasteSource {
    given,           ///< waste_t_per_day was in the inventory (observed, or estimated by its publisher)
    places,          ///< estimated from the places it serves and its country's rates (estimate_waste)
    country_median,  ///< a receiving dump no place was allocated to: the median of its country's dumps
    unknown,         ///< a receiving site nothing could be estimated for
    not_receiving,   ///< not a receiving site (closed, inactive, remediated, or type other): left as is
};
std::string_view to_string(WasteSource s) noexcept;

/// Counts of receiving sites by the source of their tonnage.
struct WasteFillCounts {
    std::size_t given = 0, places = 0, country_median = 0, unknown = 0;
    std::size_t implausible = 0;  ///< estimated tonnages above their plausible ceiling (either rule)
    std::size_t implausible_shared_city = 0;  ///< of which by the shared-city rule (SHARED_CITY_*)
    /// Of country_median: dumps given less than the median, so their country's fallback stays
    /// within its budget (FallbackBudget).
    std::size_t country_median_scaled = 0;
    /// Of unknown: dumps the median would have filled, left unknown because their country's known
    /// tonnages already reach its budget.
    std::size_t unknown_no_room = 0;
    std::size_t receiving() const noexcept { return given + places + country_median + unknown; }
};

struct WasteEstimateResult {
    /// The input sites in input order, with waste_t_per_day and waste_provenance = estimated written
    /// where the tonnage was unknown and an estimate could be made; every other field unchanged.
    std::vector<Site> sites;
    /// Population allocated to each site (index-aligned with `sites`), also for sites with observed tonnage.
    std::vector<std::int64_t> served_population;
    /// The main place of each site (index-aligned with `sites`); empty after fill_waste without places.
    std::vector<MainPlace> main_place;
    /// Per site (index-aligned, set by fill_waste): its estimate rests mostly on a city shared with
    /// another site (SHARED_CITY_*): also counted in `implausible`.
    std::vector<char> shared_city;
    /// One row per country with places or sites, sorted by ISO3 code.
    std::vector<CountryWasteAllocation> countries;
    /// Set by fill_waste (empty after estimate_waste alone), index-aligned with `sites`: where the
    /// tonnage comes from, and whether it is an implausible estimate.
    std::vector<WasteSource> source;
    std::vector<char> implausible;
    /// Per site (index-aligned): the ceiling above which its estimated tonnage is implausible; NaN
    /// where there is none (not receiving, no tonnage, or no other known tonnage in its country).
    std::vector<double> plausible_ceiling_t_per_day;
    WasteFillCounts counts;
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

/// Without a largest city to compare with (no places or rates for the country), an estimated tonnage
/// is implausible above this multiple of the mean known tonnage of the country's other receiving
/// sites (check_waste_plausibility; docs/methods/waste_estimate.md, "Plausibility").
inline constexpr double PLAUSIBLE_MULTIPLE_OF_MEAN = 10.0;

/// A site's estimate from places is implausible when more than half of it is one place of at least
/// SHARED_CITY_MIN_POPULATION people whose second-nearest receiving site is at most
/// SHARED_CITY_DISTANCE_RATIO times as far as the site: the whole city went to whichever site is a
/// little nearer, though it may as well go to the other (Guadalajara to "STERIMED S.A. DE C.V.",
/// 23.6 km against 25.3). Its ceiling is then what the rest of its places carry.
/// docs/methods/waste_estimate.md, "Plausibility".
inline constexpr std::int64_t SHARED_CITY_MIN_POPULATION = 100000;
inline constexpr double SHARED_CITY_DISTANCE_RATIO = 1.1;

/// "Tonnage of the N receiving sites: G given, P estimated from places and country rates, M their
/// country's median, U unknown; I implausible estimates (T t/day)." (docs/methods/waste_estimate.md)
/// In `locale`'s language (the message catalogue), numbers in its digits.
std::string waste_sources_line(const WasteEstimateResult& waste, const Locale& locale = Locale{});

/// The warning lines about a fill (every command prints them in its block "results rest on
/// unknowns"; the Python module and the report use the same): receiving sites whose tonnage stays
/// unknown and why, and the implausible estimates with the largest of them. Empty when neither.
std::vector<std::string> waste_fill_warnings(const WasteEstimateResult& waste);

/// Which estimated tonnages are implausible (see fill_waste), index-aligned with the sites checked.
struct PlausibilityCheck {
    std::vector<char> implausible;
    std::size_t count = 0;
    /// Per site: its ceiling, NaN where there is none.
    std::vector<double> ceiling_t_per_day;
};

/// The plausibility check of fill_waste on sites already filled. No site is expected to receive more
/// than its country's largest city collects: a receiving site's tonnage that is an estimate
/// (waste_provenance estimated) is implausible above its ceiling,
///   max(largest observed tonnage of a receiving site of the country, P x g x c / 100 / 1000)
/// with P the population of the country's most populous place in `places` and g, c its rates as in
/// estimate_waste; for a country without places or rates, max(largest observed, multiple_of_mean x
/// the mean known tonnage of the country's other receiving sites). A site alone with a tonnage in
/// its country has no ceiling: all of the country's waste can only go there.
/// Throws usage_error for a multiple that is not positive.
PlausibilityCheck check_waste_plausibility(const std::vector<Site>& sites, const std::vector<Place>& places,
                                           const std::vector<CountryWaste>& countries,
                                           double multiple_of_mean = PLAUSIBLE_MULTIPLE_OF_MEAN);

struct WasteFillParams {
    WasteEstimateParams estimate;
    /// Estimate unknown tonnages from places and country rates (false: only the country median).
    bool from_places = true;
    double plausible_multiple_of_mean = PLAUSIBLE_MULTIPLE_OF_MEAN;
};

/// The one tonnage rule of every command (coverage, regionalize, prioritize, methane, progress),
/// over the receiving sites (receives_waste: unknown status counts as receiving):
///   1. a tonnage in the inventory is kept (WasteSource::given);
///   2. otherwise it is estimated from the places the site serves (estimate_waste; skipped when
///      params.from_places is false);
///   3. a receiving dump still without one takes the median of the known positive tonnages of its
///      country's receiving dumps (after step 2), waste_provenance = estimated; scaled down so that
///      the dumps it fills take together no more than the country's fallback_budget room (none
///      left: they stay unknown);
///   4. otherwise it stays unknown (never 0).
/// Then every receiving site whose tonnage is estimated (from the inventory or from steps 2-3) is
/// checked by check_waste_plausibility (with the places and rates given, also when from_places is
/// false), and each estimated from places by the shared-city rule (SHARED_CITY_*). Sites that do not receive waste are left as they are. Throws usage_error for a
/// non-positive distance or multiple.
WasteEstimateResult fill_waste(const std::vector<Site>& sites, const std::vector<Place>& places,
                               const std::vector<CountryWaste>& countries, const WasteFillParams& params = {});

}  // namespace basural

#pragma once
/// \file regionalize.hpp
/// Regional landfill plans from an inventory (domain layer): which dumps share a regional sanitary
/// landfill, where it goes, who stays unserved and why (density clusters of sites: site_clusters.hpp).
/// Pipeline, defaults and their justification: docs/methods/regionalization.md.

#include "basural/inventory/countries.hpp"
#include "basural/models/location/facility_location.hpp"
#include "basural/planning/plan.hpp"
#include "basural/base/limits.hpp"
#include "basural/base/progress.hpp"
#include "basural/inventory/site.hpp"
#include "basural/inventory/site_predicates.hpp"
#include "basural/planning/travel_matrix.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace basural {

/// Default concave-hull ratio of catchments (GEOSConcaveHull_r: 0 most concave, 1 the convex hull).
inline constexpr double DEFAULT_CATCHMENT_HULL_RATIO = 0.5;
/// Default buffer around catchment hulls, metres (so 1- and 2-site catchments are polygons).
inline constexpr double DEFAULT_CATCHMENT_BUFFER_M = 2000.0;

/// Cost model (optional): facility cost per year = a x throughput_t_per_day ^ b (economies of scale,
/// b < 1), haul cost per year = 365 x sum of t/day x haul km x haul_cost_per_t_km.
struct CostModel {
    double a = 0.0;                   ///< currency units per year for 1 t/day (b applied)
    double b = 1.0;                   ///< scale exponent
    double haul_cost_per_t_km = 0.0;  ///< currency units per tonne-km (haul in the cost unit of the plan)
};

struct RegionalizeOptions {
    /// ISO3 codes of the countries to plan; empty = every country with demand.
    std::vector<std::string> countries;
    /// Largest haul from a dump to its regional facility, km (in the matrix's unit with a matrix).
    double max_haul_km = DEFAULT_MAX_HAUL_KM;
    /// Road km / geodesic km applied to geodesic hauls (>= 1; 1 = geodesic). Not used with a matrix.
    double detour_factor = 1.0;
    /// Minimum viable throughput of a proposed regional landfill, t/day; 0 = none.
    double min_t_per_day = 0.0;
    /// Capacity of every facility, t/day; std::nullopt = unlimited.
    std::optional<double> capacity_t_per_day;
    /// Existing active sanitary landfills are always open (required) facilities. Without it they are
    /// still candidates, opened only when the model chooses them.
    bool reuse_existing = false;
    /// Solve each first-level division (admin1_code) on its own.
    bool per_admin1 = false;
    /// Allow a dump to be served across a land border (default: never).
    bool allow_cross_border = false;
    /// Cost model for facility costs and pro-rata shares; std::nullopt = no costs in the plan.
    std::optional<CostModel> cost;
    /// Travel costs between sites (site_ids) replacing geodesic km (read_travel_matrix, or built with
    /// TravelMatrix::add); empty = geodesic.
    TravelMatrix matrix;
    /// The matrix's name in error messages (its file).
    std::string matrix_source = "travel matrix";
    /// Per input site (index-aligned with the sites given to regionalize; empty = none): its tonnage
    /// is an implausible estimate (fill_waste's WasteEstimateResult::implausible). Flagged in the
    /// plan's rows and summary.
    std::vector<char> implausible_waste;
    /// Threads solving independent groups and components at once; 0 = one per hardware thread; at
    /// most MAX_THREADS. The plan is the same for any number of threads.
    std::size_t threads = 0;
    double catchment_hull_ratio = DEFAULT_CATCHMENT_HULL_RATIO;
    double catchment_buffer_m = DEFAULT_CATCHMENT_BUFFER_M;
    /// The solvers' options for every component; regionalize then stops every bound at a step factor
    /// of at least 0.005 and gives components of more than 1,000 dumps a lighter search with
    /// averaged p-median subgradients (subgradient_weight 0.5; docs/methods/regionalization.md).
    SolveOptions solve;
};

/// The plan's demand and candidate rules in one line each (plan parameters demand_rule and
/// candidate_rule; the status rule is STATUS_RULE, site_predicates.hpp).
inline constexpr std::string_view DEMAND_RULE = "open_dump or controlled_dump with status active, closing or unknown";
inline constexpr std::string_view CANDIDATE_RULE = "demand sites and sanitary landfills with status active or unknown";

/// Builds the plan: see docs/methods/regionalization.md. Demand: is_receiving_dump (status active,
/// closing or unknown); every demand site of the selected countries ends in exactly one of
/// plan.assignments and plan.unserved, and every existing landfill not used in plan.unused_landfills.
/// Tonnages are used as given (fill them with fill_waste first): a group (country, or admin-1 part)
/// in which a demand site's tonnage is unknown is planned by site count (every dump weighs 1, no
/// t/day limit applies) and its summary row says so. Sites options.implausible_waste flags are
/// flagged in the rows. Deterministic and independent of
/// the order of `sites`. Throws usage_error for bad options (max_haul_km not positive, detour < 1,
/// negative throughput..., a country code not among the sites or boundaries, a site_id used twice)
/// and input_error naming options.matrix_source when no pair of the matrix joins two planned sites.
RegionalPlan regionalize(const std::vector<Site>& sites, const RegionalizeOptions& options,
                         const CountryBoundaries& countries, const ProgressFn& progress = {});

}  // namespace basural

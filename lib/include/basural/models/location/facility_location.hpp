#pragma once
/// \file facility_location.hpp
/// Location-allocation models on a sparse demand x candidate cost matrix: the location set covering
/// problem (LSCP), the p-median problem (optionally capacitated, single-sourcing) and the maximal
/// covering location problem (MCLP). Models layer: weights and costs only, no sites, no files.
///
/// Every solution carries a bound from a Lagrangian relaxation, so the distance to the (unknown)
/// optimum is reported, never guessed. Formulations, algorithms and sources:
/// docs/methods/location_models.md. Results are deterministic: same problem and options, same
/// solution (seeded generator, ties broken by the smaller index); only time_ms varies.

#include "basural/base/progress.hpp"
#include "basural/geo/cost_matrix.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

namespace basural {

enum class LocationModel {
    lscp,      ///< fewest facilities covering every coverable demand point within the cutoff
    p_median,  ///< p facilities minimising sum of weight x cost
    mclp       ///< p facilities maximising the weight covered within the cutoff
};

/// "lscp", "p-median", "mclp".
std::string_view to_string(LocationModel m) noexcept;
/// Parses the spelling of to_string(); std::nullopt otherwise.
std::optional<LocationModel> parse_location_model(std::string_view s) noexcept;

/// Capacity of a candidate without a limit.
inline constexpr double UNLIMITED_CAPACITY = std::numeric_limits<double>::infinity();

struct LocationProblem {
    /// One weight per demand point (row of `costs`), >= 0: e.g. waste_t_per_day. p-median minimises
    /// sum weight x cost; MCLP maximises the covered weight. LSCP ignores weights.
    std::vector<double> demand_weights;
    /// What each demand point adds to its facility's load (capacity, minimum throughput), >= 0.
    /// Empty: the weights. (The capacitated benchmark instances count every customer once in the
    /// objective, weight 1, and its demand against the capacity: load.)
    std::vector<double> demand_loads;
    /// Costs of the allowed demand x candidate pairs (see cost_matrix.hpp for units).
    SparseCostMatrix costs;
    /// Facilities to open (p-median, MCLP). Counts the required ones unless required_count_towards_p
    /// is false, in which case p new facilities are opened besides them. LSCP ignores it.
    std::size_t p = 0;
    /// Cutoff: a pair with cost > max_cost is not allowed (LSCP/MCLP: the coverage standard, e.g.
    /// a maximum haul). Applied on top of the matrix's own cutoff.
    double max_cost = NO_COST_CUTOFF;
    /// Empty (no limits) or one capacity per candidate, in load units; UNLIMITED_CAPACITY for none.
    /// p-median only.
    std::vector<double> candidate_capacity;
    /// A proposed (not required) facility whose load would be below this is not proposed: it is
    /// closed, its demand points go to another open facility within the cutoff (with room) or are
    /// reported as needing a local solution. 0 = no minimum. p-median and MCLP.
    double min_throughput = 0.0;
    /// Candidates that are always open (existing sanitary landfills): never closed, not subject to
    /// min_throughput. Their capacity is candidate_capacity like any other's.
    std::vector<std::size_t> required;
    bool required_count_towards_p = true;
    /// p-median: cost per unit of weight of a demand point left unserved although some candidate is
    /// within the cutoff (no open facility within the cutoff, capacities exhausted, or facility closed
    /// for low throughput). Default: twice the cutoff (twice the largest stored cost without one),
    /// so serving a point is always cheaper than leaving it; must be at least the largest allowed
    /// cost. Demand points with no candidate at all within the cutoff are left out of the objective
    /// (they are constant; reported as no_candidate_within_cutoff).
    std::optional<double> unserved_cost;
};

struct SolveOptions {
    /// Seed of the generator behind the randomized restarts (the answer depends on it only through them).
    std::uint64_t seed = 20240601;
    /// Restarts after the deterministic start: randomized greedy (p-median, MCLP, LSCP), random
    /// two-swap perturbations of the best set (capacitated p-median).
    std::size_t restarts = 4;
    /// Variable-neighbourhood search (p-median, MCLP): stop after this many shakes of the best
    /// solution in a row (each followed by local search) without improvement.
    std::size_t perturbations = 60;
    /// Maximum subgradient iterations of the Lagrangian bound.
    std::size_t max_bound_iterations = 3000;
    /// The subgradient optimisation also stops when its step factor (2, halved after 30 iterations
    /// without a better bound) falls below this. Beasley (1993) stops at 0.005, a quicker and slightly
    /// weaker bound; the default goes further.
    double min_step_factor = 1e-4;
    /// p-median bounds: weight of the new subgradient in the search direction, the rest being the
    /// previous direction (d = w g + (1 - w) d_prev, the running average of Barahona & Anbil's volume
    /// algorithm); the step length stays the plain one. 1 is the plain subgradient method. An average
    /// (0.5, what `regionalize` uses on components of more than 1,000 dumps) raises the bound much
    /// faster when the iterations are few, and ends marginally lower on OR-Library's pmed instances
    /// after 3000 (docs/methods/location_models.md). In (0, 1], else the solvers refuse it (usage_error).
    double subgradient_weight = 1.0;
    /// LSCP: nodes the exact branch and bound may visit before it gives up (then the Lagrangian bound
    /// is reported). 0 disables it.
    std::size_t exact_node_limit = 200000;
    /// Threads for the steps of the uncapacitated search that split into independent parts (sorting
    /// the columns of the weighted view, recomputing every point's closest facilities, the gains):
    /// 0 = one per CPU, at most MAX_THREADS (base/limits.hpp). The answer is the same for any number.
    /// `regionalize` solves its components in parallel instead and leaves this at 1.
    std::size_t threads = 1;
    /// Receives ("bound", fraction of max_bound_iterations) while the p-median's Lagrangian bound
    /// runs (it stops earlier when it meets the best solution: then 1); may be empty.
    ProgressFn progress;
};

enum class AssignmentStatus {
    assigned,
    no_candidate_within_cutoff,       ///< no candidate at all within the cutoff: needs a local solution
    no_open_facility_within_cutoff,   ///< candidates within the cutoff exist, none of them is open
    capacity_exhausted,               ///< the open facilities within the cutoff are full
    below_min_throughput              ///< its facility was closed for low throughput and no other can take it
};
/// "assigned", "no_candidate_within_cutoff", ...
std::string_view to_string(AssignmentStatus s) noexcept;

struct DemandAssignment {
    AssignmentStatus status = AssignmentStatus::assigned;
    std::optional<std::size_t> facility;  ///< candidate index when assigned
    double cost = 0.0;                    ///< cost to the facility (0 when unassigned)
};

struct OpenFacility {
    std::size_t candidate = 0;
    bool required = false;
    std::size_t demand_points = 0;  ///< demand points assigned
    double weight = 0.0;            ///< sum of their weights
    double load = 0.0;              ///< sum of their loads
    double capacity = UNLIMITED_CAPACITY;
};

struct LocationSolution {
    LocationModel model = LocationModel::p_median;
    std::vector<OpenFacility> facilities;         ///< sorted by candidate index
    std::vector<DemandAssignment> assignments;    ///< one per demand point
    /// LSCP: facilities open. p-median: sum of weight x cost over assigned points + unserved_cost x
    /// unserved weight. MCLP: covered weight.
    double objective = 0.0;
    /// For minimisation (LSCP, p-median) the bound is the lower bound and upper_bound = objective;
    /// for MCLP lower_bound = objective and upper_bound is the Lagrangian bound.
    double lower_bound = 0.0;
    double upper_bound = 0.0;
    /// (objective - lower_bound) / objective, or (upper_bound - objective) / upper_bound for MCLP;
    /// 0 when both are 0.
    double gap = 0.0;
    bool proven_optimal = false;   ///< the bound meets the objective (for the problem as posed)
    double assigned_cost = 0.0;    ///< sum of weight x cost over assigned demand points
    double served_weight = 0.0;    ///< weight of the assigned demand points
    double unserved_weight = 0.0;  ///< weight of the others (every status but assigned)
    double unserved_cost = 0.0;    ///< the per-unit penalty used (p-median), else 0
    std::vector<std::size_t> closed_below_min_throughput;  ///< candidates opened then closed, by index
    std::size_t iterations = 0;        ///< improving local-search moves (all restarts)
    std::size_t bound_iterations = 0;  ///< subgradient iterations (or branch-and-bound nodes for LSCP)
    double time_ms = 0.0;              ///< wall time of the solve: reported only, never compared
};

/// Validates the problem for a model and throws basural::usage_error naming what is wrong
/// (sizes, negative weights, p out of range, capacities with a model that has none...).
void validate(const LocationProblem& problem, LocationModel model);

LocationSolution solve_lscp(const LocationProblem& problem, const SolveOptions& options = {});
LocationSolution solve_p_median(const LocationProblem& problem, const SolveOptions& options = {});
LocationSolution solve_mclp(const LocationProblem& problem, const SolveOptions& options = {});
/// Dispatches to the three above.
LocationSolution solve_location(LocationModel model, const LocationProblem& problem, const SolveOptions& options = {});

}  // namespace basural

#pragma once
/// \file regional_components.hpp
/// Steps 1 and 2 of regionalize() (private to the planning layer): the allowed (demand, candidate)
/// links of each group of planned sites, the connected components they form, each a location problem
/// of its own, and each component solved (LSCP, p-median, coverage repair).
/// docs/methods/regionalization.md, "Pipeline".

#include "basural/base/progress.hpp"
#include "basural/inventory/site.hpp"
#include "basural/models/location/facility_location.hpp"
#include "basural/planning/regionalize.hpp"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace basural::planning_detail {

/// Components with more demand sites than this are solved with a lighter search (see regionalize()).
constexpr std::size_t LARGE_COMPONENT_SITES = 1000;

struct Group {
    std::string country;  // "LAC" across borders
    std::string part;     // admin1 code when per admin-1
    std::vector<std::size_t> nodes;  // indices into the sorted sites: demand and existing landfills
    /// A demand site of the group has no tonnage: every dump weighs 1 (site count), and the minimum
    /// throughput and capacity (t/day) do not apply.
    bool by_site_count = false;
};

/// One connected part of a group: its demand sites and candidates (local node indices of the group)
/// and the location problem over them.
struct Component {
    std::size_t group = 0;
    std::vector<std::size_t> dem;
    std::vector<std::size_t> cand;
    std::vector<CostTriplet> triplets;  // the allowed pairs (demand row, candidate, haul), until solved
    LocationProblem problem;            // costs built from the triplets when the component is solved
    double total_t_per_day = 0.0;
};

/// What solving a component gives, per demand row of the component.
struct ComponentOutcome {
    double objective = 0.0;
    double lower_bound = 0.0;
    std::set<std::size_t> open;                        // candidate indices
    std::vector<std::optional<std::size_t>> fac_of;    // facility (candidate index) per demand row
    std::vector<double> haul_of;
    std::vector<AssignmentStatus> status;
    std::size_t repaired = 0;                          // facilities added by the coverage repair
    std::vector<double> nearest_demand_haul;           // per candidate: its nearest demand row's haul
};

/// Travel-matrix pairs by origin site (indices into the planned sites): (destination, cost).
using MatrixRows = std::vector<std::vector<std::pair<std::size_t, double>>>;

/// What step 1 reads: the planned sites, their groups and landmasses, the matrix and the options.
struct LinkInputs {
    const std::vector<Site>& sites;
    const std::vector<Group>& groups;
    const std::vector<std::optional<std::size_t>>& landmass;
    const MatrixRows& matrix_from;
    const RegionalizeOptions& options;
};

/// Step 1: the allowed (demand, candidate) links within the haul and on one landmass, and the
/// connected parts they form, each a location problem of its own; per group, in group order.
std::vector<std::vector<Component>> build_components(const LinkInputs& in);

/// Step 2, per component (in parallel, largest first): LSCP for the number of facilities, the
/// p-median for where, then the coverage repair; outcomes in group and component order.
std::vector<ComponentOutcome> solve_components(std::vector<std::vector<Component>>& components_of,
                                               const std::vector<Group>& groups, const RegionalizeOptions& options,
                                               const ProgressFn& progress);

}  // namespace basural::planning_detail

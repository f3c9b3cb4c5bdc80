#include "planning/regional_components.hpp"

#include "basural/inventory/site_predicates.hpp"
#include "basural/geo/cost_matrix.hpp"
#include "basural/geo/spatial_index.hpp"
#include "base/parallel.hpp"
#include "planning/union_find.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <numeric>
#include <tuple>
#include <unordered_map>

namespace basural::planning_detail {
namespace {

// ---- step 1: the allowed links and the components they form -------------------------------------

struct Link {
    std::size_t demand;
    std::size_t candidate;
    double haul;
};

/// Per group: its demand nodes, the spatial index over its nodes and the links found per chunk.
struct GroupWork {
    std::vector<std::size_t> demand_nodes;  // local node indices
    std::vector<char> is_demand;
    std::optional<SpatialIndex> index;
    std::vector<std::vector<Link>> chunk_links;
};

constexpr std::size_t NODES_PER_CHUNK = 256;

/// Two local nodes of a group stand on one landmass (or one of them on none known).
bool same_land(const LinkInputs& in, const Group& g, std::size_t a, std::size_t b)
{
    const auto& la = in.landmass[g.nodes[a]];
    const auto& lb = in.landmass[g.nodes[b]];
    return !la || !lb || *la == *lb;
}

/// Group indices, the largest group first (ties in group order).
std::vector<std::size_t> largest_groups_first(const std::vector<Group>& groups)
{
    std::vector<std::size_t> order(groups.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return groups[a].nodes.size() > groups[b].nodes.size(); });
    return order;
}

/// (a) per group, in parallel: the demand nodes and, for geodesic hauls, the spatial index and the
/// chunks of nodes whose pairs are to be measured.
std::vector<GroupWork> prepare_group_work(const LinkInputs& in, const std::vector<std::size_t>& group_order)
{
    std::vector<GroupWork> work(in.groups.size());
    const bool use_matrix = !in.options.matrix.empty();
    detail::run_jobs(group_order, in.options.threads, [&](std::size_t gi) {
        const Group& g = in.groups[gi];
        GroupWork& w = work[gi];
        w.is_demand.assign(g.nodes.size(), 0);
        for (std::size_t k = 0; k < g.nodes.size(); ++k)
            if (is_receiving_dump(in.sites[g.nodes[k]])) {
                w.demand_nodes.push_back(k);
                w.is_demand[k] = 1;
            }
        if (w.demand_nodes.empty() || use_matrix)
            return;
        std::vector<LonLat> all_pts;
        for (const auto i : g.nodes)
            all_pts.push_back(in.sites[i].location);
        w.index.emplace(std::move(all_pts));
        w.chunk_links.resize((g.nodes.size() + NODES_PER_CHUNK - 1) / NODES_PER_CHUNK);
    });
    return work;
}

/// (b) the geodesics, in chunks of nodes across all groups (so that one large country does not keep
/// a thread busy alone): every pair of sites within reach measured once (the haul from a to b is the
/// haul from b to a, bit for bit).
void measure_geodesic_links(const LinkInputs& in, const std::vector<std::size_t>& group_order,
                            std::vector<GroupWork>& work)
{
    std::vector<std::pair<std::size_t, std::size_t>> pair_chunks;  // (group, chunk), largest groups first
    for (const auto gi : group_order)
        for (std::size_t c = 0; c < work[gi].chunk_links.size(); ++c)
            pair_chunks.emplace_back(gi, c);
    std::vector<std::size_t> chunk_order(pair_chunks.size());
    std::iota(chunk_order.begin(), chunk_order.end(), std::size_t{0});
    const auto& options = in.options;
    detail::run_jobs(chunk_order, options.threads, [&](std::size_t job) {
        const auto [gi, chunk] = pair_chunks[job];
        const Group& g = in.groups[gi];
        GroupWork& w = work[gi];
        auto& links = w.chunk_links[chunk];
        w.index->for_each_pair_within_m(
            options.max_haul_km / options.detour_factor * 1000.0,
            [&](std::size_t a, std::size_t b, double distance_m) {
                const double haul_km = distance_m / 1000.0 * options.detour_factor;
                if (!(haul_km <= options.max_haul_km) || !same_land(in, g, a, b))
                    return;
                if (w.is_demand[a])
                    links.push_back({a, b, haul_km});
                if (w.is_demand[b])
                    links.push_back({b, a, haul_km});
            },
            &w.is_demand, chunk * NODES_PER_CHUNK, (chunk + 1) * NODES_PER_CHUNK);
    });
}

/// Each demand node to itself at 0, then the travel-matrix pairs within reach on one landmass.
std::vector<Link> own_and_matrix_links(const LinkInputs& in, const Group& g, const GroupWork& gw)
{
    std::vector<Link> links;
    for (const auto k : gw.demand_nodes)
        links.push_back({k, k, 0.0});
    if (in.options.matrix.empty())
        return links;
    std::unordered_map<std::size_t, std::size_t> local_of;  // site index -> local node
    for (std::size_t k = 0; k < g.nodes.size(); ++k)
        local_of.emplace(g.nodes[k], k);
    for (const auto k : gw.demand_nodes)
        for (const auto& [site, cost] : in.matrix_from[g.nodes[k]]) {
            const auto j = local_of.find(site);
            if (j != local_of.end() && j->second != k && cost <= in.options.max_haul_km && same_land(in, g, k, j->second))
                links.push_back({k, j->second, cost});
        }
    return links;
}

/// The components of a group's links that hold demand, numbered by their smallest node, with their
/// demand rows and candidates; component_of (per local node, NO_COMPONENT outside) and the position
/// and demand row of each node within its component are written for the bucketing of the links.
constexpr std::size_t NO_COMPONENT = std::numeric_limits<std::size_t>::max();

struct NodePlaces {
    std::vector<std::size_t> component_of, position, row_of;
};

std::vector<Component> group_components(const LinkInputs& in, std::size_t gi,
                                        const std::vector<std::vector<Link>*>& link_lists,
                                        const std::vector<std::size_t>& demand_nodes, NodePlaces& places)
{
    const Group& g = in.groups[gi];
    const std::size_t n = g.nodes.size();
    UnionFind uf(n);
    for (const auto* list : link_lists)
        for (const auto& l : *list)
            uf.unite(l.demand, l.candidate);
    std::vector<char> has_demand(n, 0);
    for (const auto k : demand_nodes)
        has_demand[uf.find(k)] = 1;
    places.component_of.assign(n, NO_COMPONENT);
    places.position.assign(n, 0);
    places.row_of.assign(n, 0);
    std::vector<Component> components;
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t root = uf.find(k);
        if (!has_demand[root])
            continue;
        if (root == k) {  // the smallest node of its component (UnionFind keeps the smaller root)
            places.component_of[k] = components.size();
            components.emplace_back();
            components.back().group = gi;
        } else {
            places.component_of[k] = places.component_of[root];
        }
        Component& c = components[places.component_of[k]];
        places.position[k] = c.cand.size();
        c.cand.push_back(k);
        if (is_receiving_dump(in.sites[g.nodes[k]])) {
            places.row_of[k] = c.dem.size();
            c.dem.push_back(k);
        }
    }
    return components;
}

/// Each component's location problem: its demand weights, haul cutoff and required candidates.
void set_component_problems(const LinkInputs& in, const Group& g, std::vector<Component>& components)
{
    for (Component& c : components) {
        for (const auto k : c.dem) {
            const double w = g.by_site_count ? 1.0 : in.sites[g.nodes[k]].waste_t_per_day.value_or(0.0);
            c.problem.demand_weights.push_back(w);
            c.total_t_per_day += w;
        }
        c.problem.max_cost = in.options.max_haul_km;
        if (in.options.reuse_existing)
            for (std::size_t t = 0; t < c.cand.size(); ++t)
                if (is_existing_landfill(in.sites[g.nodes[c.cand[t]]]))
                    c.problem.required.push_back(t);
    }
}

/// (c) one group: the links in node order (the same whatever the chunks), the components they form
/// and the links bucketed by component as cost triplets.
std::vector<Component> components_of_group(const LinkInputs& in, std::size_t gi, GroupWork& gw)
{
    if (gw.demand_nodes.empty())
        return {};
    const Group& g = in.groups[gi];
    std::vector<Link> links = own_and_matrix_links(in, g, gw);
    std::vector<std::vector<Link>*> link_lists{&links};
    for (auto& chunk : gw.chunk_links)
        link_lists.push_back(&chunk);
    gw.index.reset();

    NodePlaces places;
    auto components = group_components(in, gi, link_lists, gw.demand_nodes, places);
    std::vector<std::size_t> link_count(components.size(), 0);
    for (const auto* list : link_lists)
        for (const auto& l : *list)
            ++link_count[places.component_of[l.demand]];
    for (std::size_t ci = 0; ci < components.size(); ++ci)
        components[ci].triplets.reserve(link_count[ci]);
    for (auto* list : link_lists) {
        for (const auto& l : *list)
            components[places.component_of[l.demand]].triplets.push_back(
                {places.row_of[l.demand], places.position[l.candidate], l.haul});
        *list = {};  // free each list once bucketed
    }
    set_component_problems(in, g, components);
    return components;
}

// ---- step 2: each component solved --------------------------------------------------------------

/// The solvers' options for a component of `demand_sites` dumps. Every bound stops at Beasley's step
/// factor of 0.005 (a plan is one of many runs of an analyst's session; the bound and gap reported
/// are what the bound reached). Large components (thousands of dumps within reach of each other) get
/// a lighter search: the bound and the gap are still computed and reported.
SolveOptions component_solve_options(const RegionalizeOptions& options, std::size_t demand_sites)
{
    SolveOptions solve = options.solve;
    solve.min_step_factor = std::max(solve.min_step_factor, 0.005);
    if (demand_sites > LARGE_COMPONENT_SITES) {
        solve.restarts = 0;
        solve.exact_node_limit = 0;
        solve.perturbations = std::min<std::size_t>(solve.perturbations, 10);
        solve.max_bound_iterations = std::min<std::size_t>(solve.max_bound_iterations, 300);
        // Within those 300 iterations, averaged subgradients raise the p-median bound much
        // further than plain ones (whole LAC: gap 1.15% -> 0.21%; docs/benchmarks.md). Smaller
        // components run until the step factor falls, where plain steps end as high, sooner.
        solve.subgradient_weight = 0.5;
    }
    return solve;
}

/// The t/day limits of a component's facilities: the options', except for a group weighed by site
/// count, where a t/day limit would compare tonnes with site counts (none then applies).
struct ThroughputLimits {
    double min_t_per_day = 0.0;
    std::optional<double> capacity_t_per_day;
};

ThroughputLimits limits_of(const Group& group, const RegionalizeOptions& options)
{
    if (group.by_site_count)
        return {};
    return {options.min_t_per_day, options.capacity_t_per_day};
}

/// The coverage repair: p-median trades a small dump left unserved (penalty 2 x cutoff per t/day)
/// for shorter hauls elsewhere, but every dump of a component can be covered (LSCP). Dumps left with
/// no open facility within reach get more facilities, greedily: the candidate reaching the most of
/// their t/day (then the most dumps, then the first), filled nearest first up to the capacity; one
/// that would stay below the minimum throughput is not opened (its dumps: below_min_throughput).
void repair_coverage(const LocationProblem& pr, const ThroughputLimits& limits, ComponentOutcome& out)
{
    const std::size_t n_dem = out.status.size(), n_cand = pr.costs.candidate_count();
    const double capacity = limits.capacity_t_per_day.value_or(UNLIMITED_CAPACITY);
    auto& status = out.status;
    for (;;) {
        std::vector<double> reach_weight(n_cand, 0.0);
        std::vector<std::size_t> reach_count(n_cand, 0);
        bool any = false;
        for (std::size_t r = 0; r < n_dem; ++r)
            if (status[r] == AssignmentStatus::no_open_facility_within_cutoff)
                for (const auto& cc : pr.costs.row(r)) {
                    reach_weight[cc.candidate] += pr.demand_weights[r];
                    ++reach_count[cc.candidate];
                    any = true;
                }
        if (!any)
            break;
        std::size_t best = 0;
        for (std::size_t c = 1; c < n_cand; ++c)
            if (std::tie(reach_weight[c], reach_count[c]) > std::tie(reach_weight[best], reach_count[best]))
                best = c;
        std::vector<std::pair<double, std::size_t>> rows;  // (haul, demand row) reaching `best`
        for (const auto& dc : pr.costs.column(best))
            if (status[dc.demand] == AssignmentStatus::no_open_facility_within_cutoff)
                rows.emplace_back(dc.cost, dc.demand);
        std::sort(rows.begin(), rows.end());
        if (reach_weight[best] < limits.min_t_per_day) {
            for (std::size_t r = 0; r < n_dem; ++r)  // no candidate can gather enough
                if (status[r] == AssignmentStatus::no_open_facility_within_cutoff)
                    status[r] = AssignmentStatus::below_min_throughput;
            break;
        }
        double load = 0.0;
        std::vector<std::size_t> taken;
        for (const auto& [c, r] : rows)
            if (load + pr.demand_weights[r] <= capacity) {
                load += pr.demand_weights[r];
                taken.push_back(r);
            } else {
                status[r] = AssignmentStatus::capacity_exhausted;
            }
        if (taken.empty() || load < limits.min_t_per_day) {
            for (const auto r : taken)
                status[r] = AssignmentStatus::below_min_throughput;
            continue;
        }
        out.open.insert(best);
        ++out.repaired;
        for (const auto r : taken) {
            status[r] = AssignmentStatus::assigned;
            out.fac_of[r] = best;
            out.haul_of[r] = *pr.costs.cost(r, best);
        }
    }
}

/// One component: LSCP for the number of facilities, the p-median for where, then the coverage
/// repair. The component's cost triplets are consumed and its matrix freed.
ComponentOutcome solve_component(Component& comp, const Group& group, const RegionalizeOptions& options)
{
    const ThroughputLimits limits = limits_of(group, options);
    const auto& dem = comp.dem;
    const auto& cand = comp.cand;
    LocationProblem& pr = comp.problem;
    pr.costs = SparseCostMatrix::from_triplets(dem.size(), cand.size(), std::move(comp.triplets), options.max_haul_km);
    const SolveOptions solve = component_solve_options(options, dem.size());
    const auto cover = solve_lscp(pr, solve);
    std::size_t p = cover.facilities.size();
    if (limits.capacity_t_per_day) {
        pr.candidate_capacity.assign(cand.size(), *limits.capacity_t_per_day);
        p = std::max(p, static_cast<std::size_t>(std::ceil(comp.total_t_per_day / *limits.capacity_t_per_day - 1e-9)));
    }
    pr.p = std::clamp(p, std::max<std::size_t>(pr.required.size(), 1), cand.size());
    pr.min_throughput = limits.min_t_per_day;
    const auto sol = solve_p_median(pr, solve);

    ComponentOutcome out;
    out.objective = sol.objective;
    out.lower_bound = sol.lower_bound;
    out.fac_of.assign(dem.size(), std::nullopt);
    out.haul_of.assign(dem.size(), 0.0);
    out.status.assign(dem.size(), AssignmentStatus::assigned);
    for (const auto& f : sol.facilities)
        out.open.insert(f.candidate);
    for (std::size_t r = 0; r < dem.size(); ++r) {
        const auto& a = sol.assignments[r];
        out.status[r] = a.status;
        if (a.status == AssignmentStatus::assigned && a.facility) {
            out.fac_of[r] = a.facility;
            out.haul_of[r] = a.cost;
        }
    }
    repair_coverage(pr, limits, out);
    out.nearest_demand_haul.assign(cand.size(), std::numeric_limits<double>::infinity());
    for (std::size_t c = 0; c < cand.size(); ++c)
        for (const auto& dc : pr.costs.column(c))
            out.nearest_demand_haul[c] = std::min(out.nearest_demand_haul[c], dc.cost);
    pr.costs = SparseCostMatrix{};  // the matrix is no longer needed: free it early
    return out;
}

}  // namespace

std::vector<std::vector<Component>> build_components(const LinkInputs& in)
{
    const auto group_order = largest_groups_first(in.groups);
    auto work = prepare_group_work(in, group_order);
    if (in.options.matrix.empty())
        measure_geodesic_links(in, group_order, work);
    std::vector<std::vector<Component>> components_of(in.groups.size());
    detail::run_jobs(group_order, in.options.threads,
                     [&](std::size_t gi) { components_of[gi] = components_of_group(in, gi, work[gi]); });
    return components_of;
}

std::vector<ComponentOutcome> solve_components(std::vector<std::vector<Component>>& components_of,
                                               const std::vector<Group>& groups, const RegionalizeOptions& options,
                                               const ProgressFn& progress)
{
    std::vector<Component*> components;
    for (auto& list : components_of)
        for (auto& c : list)
            components.push_back(&c);
    std::vector<ComponentOutcome> outcomes(components.size());
    std::vector<std::size_t> component_order(components.size());
    std::iota(component_order.begin(), component_order.end(), std::size_t{0});
    std::stable_sort(component_order.begin(), component_order.end(), [&](std::size_t a, std::size_t b) {
        return components[a]->triplets.size() > components[b]->triplets.size();
    });
    std::mutex progress_mutex;
    std::size_t done = 0;
    detail::run_jobs(component_order, options.threads, [&](std::size_t ci) {
        Component& comp = *components[ci];
        outcomes[ci] = solve_component(comp, groups[comp.group], options);
        if (progress) {
            // one stage for all countries: the fraction is of all components, so a stage named after the
            // country just solved stopped short of 100% on a terminal whenever another country followed
            const std::lock_guard<std::mutex> lock(progress_mutex);
            ++done;
            progress("regionalize", static_cast<double>(done) / static_cast<double>(components.size()));
        }
    });
    return outcomes;
}

}  // namespace basural::planning_detail

#include "basural/planning/regionalize.hpp"

#include "base/text.hpp"
#include "basural/base/limits.hpp"
#include "basural/base/number_text.hpp"
#include "basural/inventory/site_predicates.hpp"
#include "basural/base/datasets.hpp"
#include "basural/base/error.hpp"
#include "basural/geo/cost_matrix.hpp"
#include "basural/geo/spatial_index.hpp"
#include "base/parallel.hpp"
#include "detail/geos.hpp"
#include "planning/catchments.hpp"
#include "planning/landmasses.hpp"
#include "planning/regional_components.hpp"
#include "basural/planning/waste_estimate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <mutex>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

// regionalize() is a list of named steps (docs/methods/regionalization.md, "Pipeline"):
//   check_countries -> select_planned_sites -> matrix_rows -> site_landmasses -> make_groups
//                                                         (the problem; this file)
//   build_components, solve_components                   (steps 1 and 2: regional_components.cpp)
//   collect_outcomes -> add_facilities -> add_catchments -> add_assignments -> summarize
//   -> set_parameters                                     (step 3, the plan; this file)

namespace basural {
namespace {

using namespace planning_detail;

// ---- the problem -------------------------------------------------------------------------------

void check_options(const RegionalizeOptions& o)
{
    if (!(o.max_haul_km > 0.0) || !std::isfinite(o.max_haul_km))
        throw usage_error("max haul must be a positive number of km, not " + format_value(o.max_haul_km));
    if (!(o.detour_factor >= 1.0) || !std::isfinite(o.detour_factor))
        throw usage_error("detour factor must be >= 1 (road km / straight-line km), not " +
                          format_value(o.detour_factor));
    if (o.detour_factor != 1.0 && !o.matrix.empty())
        throw usage_error("the detour factor applies to geodesic hauls only, not to a travel matrix");
    if (!(o.min_t_per_day >= 0.0) || !std::isfinite(o.min_t_per_day))
        throw usage_error("minimum throughput must be >= 0 t/day, not " + format_value(o.min_t_per_day));
    if (o.capacity_t_per_day && (!(*o.capacity_t_per_day > 0.0) || !std::isfinite(*o.capacity_t_per_day)))
        throw usage_error("capacity must be a positive number of t/day, not " + format_value(*o.capacity_t_per_day));
    if (o.capacity_t_per_day && *o.capacity_t_per_day < o.min_t_per_day)
        throw usage_error("capacity (" + format_value(*o.capacity_t_per_day) +
                          " t/day) is below the minimum throughput (" + format_value(o.min_t_per_day) + " t/day)");
    if (o.per_admin1 && o.allow_cross_border)
        throw usage_error("solving per admin-1 and across borders exclude each other");
    if (o.cost) {
        if (!std::isfinite(o.cost->a) || o.cost->a < 0.0 || !std::isfinite(o.cost->b) || o.cost->b <= 0.0 ||
            !std::isfinite(o.cost->haul_cost_per_t_km) || o.cost->haul_cost_per_t_km < 0.0)
            throw usage_error("cost model needs a >= 0, b > 0 and a haul cost per t-km >= 0");
    }
    if (!(o.catchment_hull_ratio >= 0.0 && o.catchment_hull_ratio <= 1.0))
        throw usage_error("catchment hull ratio must be in [0, 1]");
    if (!(o.catchment_buffer_m > 0.0) || !std::isfinite(o.catchment_buffer_m))
        throw usage_error("catchment buffer must be a positive number of metres");
    if (o.threads > MAX_THREADS)
        throw usage_error("threads must be at most " + std::to_string(MAX_THREADS) + " (0 = one per CPU), not " +
                          std::to_string(o.threads));
}

/// Every country asked for is in the inventory or the boundaries.
void check_countries(const std::vector<Site>& sites, const std::set<std::string>& wanted,
                     const CountryBoundaries& countries)
{
    std::set<std::string> present;
    for (const auto& s : sites)
        present.insert(s.country_iso3);
    for (const auto& c : wanted)
        if (!present.count(c) && !countries.has(c))
            throw usage_error("country '" + c + "' is neither in the inventory nor in " + countries.path());
}

/// The sites planned (demand and existing landfills of the wanted countries), sorted by site_id:
/// every later step follows this order.
struct PlannedSites {
    std::vector<Site> sites;
    std::unordered_map<std::string, std::size_t> index_of;  ///< site_id -> index into sites
    std::vector<char> implausible;  ///< per site: its tonnage is an implausible estimate (fill_waste)
};

PlannedSites select_planned_sites(const std::vector<Site>& input, const std::set<std::string>& wanted,
                                  const std::vector<char>& implausible)
{
    std::vector<std::size_t> planned;  // sorted as indices: moving whole sites around costs more
    for (std::size_t i = 0; i < input.size(); ++i) {
        const Site& s = input[i];
        if ((wanted.empty() || wanted.count(s.country_iso3)) && (is_receiving_dump(s) || is_existing_landfill(s)))
            planned.push_back(i);
    }
    std::sort(planned.begin(), planned.end(),
              [&](std::size_t a, std::size_t b) { return input[a].site_id < input[b].site_id; });
    PlannedSites out;
    out.sites.reserve(planned.size());
    for (const auto i : planned) {
        out.sites.push_back(input[i]);
        out.implausible.push_back(i < implausible.size() ? implausible[i] : 0);
    }
    for (std::size_t i = 1; i < out.sites.size(); ++i)
        if (out.sites[i].site_id == out.sites[i - 1].site_id)
            throw usage_error("site_id '" + out.sites[i].site_id + "' is used by two sites: ids must be unique");
    for (std::size_t i = 0; i < out.sites.size(); ++i)
        out.index_of.emplace(out.sites[i].site_id, i);
    return out;
}

/// How the travel matrix's pairs were used: pairs of two planned sites are used; pairs naming a
/// site_id that is not in the inventory at all are counted apart (other pairs join sites that are
/// not planned: other countries, closed sites).
struct MatrixUse {
    std::size_t pairs = 0, used = 0, unknown_ids = 0;
};

/// Per id of the matrix: whether the inventory has it, and its planned site (NOT_PLANNED if none).
struct MatrixIds {
    static constexpr std::size_t NOT_PLANNED = std::numeric_limits<std::size_t>::max();
    std::vector<char> known;
    std::vector<std::size_t> planned;
};

MatrixIds matrix_ids(const TravelMatrix& matrix, const std::vector<Site>& input, const PlannedSites& planned)
{
    std::unordered_map<std::string_view, char> in_inventory;
    for (const auto& s : input)
        in_inventory.emplace(s.site_id, 1);
    MatrixIds out{std::vector<char>(matrix.ids.size(), 0),
                  std::vector<std::size_t>(matrix.ids.size(), MatrixIds::NOT_PLANNED)};
    for (std::size_t i = 0; i < matrix.ids.size(); ++i) {
        out.known[i] = in_inventory.count(matrix.ids[i]) ? 1 : 0;
        if (const auto it = planned.index_of.find(matrix.ids[i]); it != planned.index_of.end())
            out.planned[i] = it->second;
    }
    return out;
}

/// Travel-matrix pairs by origin site (indices into the planned sites), destinations ascending; a
/// pair given twice keeps its last cost. Empty without a matrix. Throws input_error naming the
/// matrix when it has pairs and none joins two planned sites: a plan made without one of its costs
/// would give every dump a facility of its own in silence.
MatrixRows matrix_rows(const TravelMatrix& matrix, const std::vector<Site>& input, const PlannedSites& planned,
                       const std::string& matrix_source, MatrixUse& use)
{
    if (matrix.empty())
        return {};
    const MatrixIds ids = matrix_ids(matrix, input, planned);
    MatrixRows rows(planned.sites.size());
    use.pairs = matrix.size();
    for (const auto& m : matrix.pairs) {
        if (m.origin >= matrix.ids.size() || m.destination >= matrix.ids.size())
            throw usage_error(matrix_source + ": a pair names id number " +
                              std::to_string(std::max(m.origin, m.destination)) + " of " +
                              std::to_string(matrix.ids.size()) + " ids");
        if (!ids.known[m.origin] || !ids.known[m.destination])
            ++use.unknown_ids;
        const auto o = ids.planned[m.origin], d = ids.planned[m.destination];
        if (o == MatrixIds::NOT_PLANNED || d == MatrixIds::NOT_PLANNED)
            continue;  // a pair of sites not planned (other countries, closed sites): irrelevant
        rows[o].emplace_back(d, m.cost);
        ++use.used;
    }
    if (use.used == 0)
        throw input_error(matrix_source, "none of its " + std::to_string(use.pairs) +
                                             " pairs joins two planned sites (" + std::to_string(use.unknown_ids) +
                                             " name a site_id that is not in the inventory): origin_id and "
                                             "destination_id must be site_ids of the inventory's receiving dumps "
                                             "and landfills");
    for (auto& row : rows) {  // destinations ascending, the last cost of a pair given twice
        std::stable_sort(row.begin(), row.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        const auto last_of_each = std::unique(row.rbegin(), row.rend(),
                                              [](const auto& a, const auto& b) { return a.first == b.first; });
        row.erase(row.begin(), last_of_each.base());
    }
    return rows;
}

/// The landmass of each site (std::nullopt when its country has no boundary).
std::vector<std::optional<std::size_t>> site_landmasses(const std::vector<Site>& sites,
                                                        const CountryBoundaries& countries, bool cross_border)
{
    Landmasses landmasses(countries, cross_border);
    std::vector<std::optional<std::size_t>> out(sites.size());
    for (std::size_t i = 0; i < sites.size(); ++i)
        out[i] = landmasses.landmass_of(sites[i].country_iso3, sites[i].location);
    return out;
}

struct RawFacility {
    std::size_t site = 0;  // index into sorted sites
    std::string group_country;
    std::string part;
    bool existing = false;
    std::vector<std::size_t> served;  // sorted site indices
    std::vector<double> haul;         // per served
};

/// The groups solved on their own: per country ("LAC" across borders) and per admin-1 when asked,
/// in (country, part) order.
std::vector<Group> make_groups(const std::vector<Site>& sites, const RegionalizeOptions& options)
{
    std::map<std::pair<std::string, std::string>, Group> group_map;
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const std::string country = options.allow_cross_border ? "LAC" : sites[i].country_iso3;
        const std::string part = options.per_admin1 ? sites[i].admin1_code : "";
        auto& g = group_map[{country, part}];
        g.country = country;
        g.part = part;
        g.nodes.push_back(i);
        if (is_receiving_dump(sites[i]) && !sites[i].waste_t_per_day)
            g.by_site_count = true;
    }
    std::vector<Group> groups;
    for (auto& [key, g] : group_map)
        groups.push_back(std::move(g));
    return groups;
}

// ---- step 3: the plan ---------------------------------------------------------------------------

struct PendingAssignment {
    std::size_t site = 0;
    std::size_t facility = 0;  // into raw
    double haul_km = 0.0;
};

/// The outcomes gathered in group and component order: the facilities opened (raw, numbered later),
/// the assignments pending their facility's id, and the facilities added by the coverage repair.
struct Collected {
    std::vector<RawFacility> raw;
    std::vector<PendingAssignment> pending;
    std::size_t repaired = 0;
};

/// Gathers the outcomes; writes the plan's unserved rows and one summary row per group with demand
/// (its objective and bound; the counts come in summarize()).
Collected collect_outcomes(const PlannedSites& planned, const std::vector<Group>& groups,
                           const std::vector<std::vector<Component>>& components_of,
                           const std::vector<ComponentOutcome>& outcomes, RegionalPlan& plan)
{
    const auto& sites = planned.sites;
    Collected col;
    std::size_t next_component = 0;
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const Group& g = groups[gi];
        if (components_of[gi].empty())
            continue;  // no demand (every demand site is a component of its own at least)
        PlanCountrySummary summary;
        summary.country_iso3 = g.country;
        summary.part = g.part;
        summary.weighted_by_site_count = g.by_site_count;
        for (const auto& c : components_of[gi]) {
            const ComponentOutcome& out = outcomes[next_component++];  // components are in this order
            summary.objective += out.objective;
            summary.lower_bound += out.lower_bound;
            col.repaired += out.repaired;
            std::map<std::size_t, std::size_t> raw_of;  // candidate index -> raw facility
            for (const auto ck : out.open) {
                raw_of[ck] = col.raw.size();
                RawFacility rf;
                rf.site = g.nodes[c.cand[ck]];
                rf.group_country = g.country;
                rf.part = g.part;
                rf.existing = is_existing_landfill(sites[rf.site]);
                col.raw.push_back(std::move(rf));
            }
            for (std::size_t r = 0; r < c.dem.size(); ++r) {
                const std::size_t site = g.nodes[c.dem[r]];
                if (out.status[r] == AssignmentStatus::assigned && out.fac_of[r]) {
                    const std::size_t fi = raw_of.at(*out.fac_of[r]);
                    col.raw[fi].served.push_back(site);
                    col.raw[fi].haul.push_back(out.haul_of[r]);
                    col.pending.push_back({site, fi, out.haul_of[r]});
                } else {
                    const auto& s = sites[site];
                    plan.unserved.push_back({s.site_id, s.country_iso3, s.municipality_code, s.location,
                                             std::string(to_string(out.status[r])), s.waste_t_per_day,
                                             s.waste_provenance, s.location_precision,
                                             planned.implausible[site] != 0});
                }
            }
        }
        plan.summary.push_back(std::move(summary));
    }
    return col;
}

/// A facility's row: its site, the t/day and hauls of the sites it serves, its cost when asked.
PlanFacility make_facility(const PlannedSites& planned, const RawFacility& rf, std::string id,
                           const RegionalizeOptions& options)
{
    const auto& sites = planned.sites;
    const auto& s = sites[rf.site];
    PlanFacility f;
    f.facility_id = std::move(id);
    f.country_iso3 = s.country_iso3;
    f.admin1_code = rf.part;
    f.existing = rf.existing;
    f.site_id = s.site_id;
    f.name = s.name;
    f.location = s.location;
    f.location_precision = s.location_precision;
    f.sites_served = rf.served.size();
    f.waste_t_per_day_estimated = 0.0;
    std::set<std::string> codes;
    double weighted = 0.0, unweighted = 0.0, haul_cost = 0.0;
    for (std::size_t k = 0; k < rf.served.size(); ++k) {
        const auto& d = sites[rf.served[k]];
        const double w = d.waste_t_per_day.value_or(0.0);
        f.waste_t_per_day += w;
        if (d.waste_provenance == Provenance::estimated)
            *f.waste_t_per_day_estimated += w;
        if (planned.implausible[rf.served[k]])
            f.waste_t_per_day_implausible += w;
        if (!d.waste_t_per_day)
            ++f.sites_waste_unknown;
        weighted += w * rf.haul[k];
        unweighted += rf.haul[k];
        f.max_haul_km = std::max(f.max_haul_km, rf.haul[k]);
        if (!d.municipality_code.empty())
            codes.insert(d.municipality_code);
        if (options.cost)
            haul_cost += 365.0 * w * rf.haul[k] * options.cost->haul_cost_per_t_km;
    }
    f.municipality_codes.assign(codes.begin(), codes.end());
    if (f.waste_t_per_day > 0.0)
        f.mean_haul_km = weighted / f.waste_t_per_day;
    else if (!rf.served.empty())
        f.mean_haul_km = unweighted / static_cast<double>(rf.served.size());
    f.capacity_t_per_day = options.capacity_t_per_day;
    if (options.cost)
        f.cost_per_year = options.cost->a * std::pow(f.waste_t_per_day, options.cost->b) + haul_cost;
    return f;
}

/// The facilities numbered per country of their site by site_id ("<ISO3>-F<nnn>"): order[k] is the
/// raw facility of plan.facilities[k], id_of[raw] its id.
struct FacilityNumbering {
    std::vector<std::size_t> order;
    std::vector<std::string> id_of;
};

FacilityNumbering add_facilities(const PlannedSites& planned, const std::vector<RawFacility>& raw,
                                 const RegionalizeOptions& options, RegionalPlan& plan)
{
    const auto& sites = planned.sites;
    FacilityNumbering num;
    num.order.resize(raw.size());
    std::iota(num.order.begin(), num.order.end(), std::size_t{0});
    std::sort(num.order.begin(), num.order.end(), [&](std::size_t a, std::size_t b) {
        const auto& sa = sites[raw[a].site];
        const auto& sb = sites[raw[b].site];
        return std::tie(sa.country_iso3, sa.site_id) < std::tie(sb.country_iso3, sb.site_id);
    });
    num.id_of.resize(raw.size());
    std::map<std::string, int> next;
    for (const auto fi : num.order) {
        const auto& s = sites[raw[fi].site];
        char buf[32];
        std::snprintf(buf, sizeof buf, "-F%03d", ++next[s.country_iso3]);
        num.id_of[fi] = s.country_iso3 + buf;
        PlanFacility f = make_facility(planned, raw[fi], num.id_of[fi], options);
        plan.catchments.push_back({f.facility_id, f.country_iso3, {}});
        plan.facilities.push_back(std::move(f));
    }
    return num;
}

/// Catchment polygons, in parallel: chunks of facilities, one GEOS context per chunk.
void add_catchments(const std::vector<Site>& sites, const std::vector<RawFacility>& raw,
                    const FacilityNumbering& num, const RegionalizeOptions& options, RegionalPlan& plan)
{
    constexpr std::size_t CATCHMENTS_PER_JOB = 64;
    const std::size_t n = num.order.size();
    std::vector<std::size_t> chunks((n + CATCHMENTS_PER_JOB - 1) / CATCHMENTS_PER_JOB);
    std::iota(chunks.begin(), chunks.end(), std::size_t{0});
    detail::run_jobs(chunks, options.threads, [&](std::size_t chunk) {
        detail::GeosContext geos;
        std::vector<LonLat> pts;
        for (std::size_t k = chunk * CATCHMENTS_PER_JOB; k < std::min(n, (chunk + 1) * CATCHMENTS_PER_JOB); ++k) {
            pts.clear();
            for (const auto i : raw[num.order[k]].served)
                pts.push_back(sites[i].location);
            plan.catchments[k].polygons = catchment_polygons(geos, plan.facilities[k].location, pts,
                                                             options.catchment_hull_ratio, options.catchment_buffer_m);
        }
    });
}

/// The assignment rows (with each site's pro-rata cost share when asked), then assignments and
/// unserved sorted by site_id.
void add_assignments(const PlannedSites& planned, const std::vector<PendingAssignment>& pending,
                     const FacilityNumbering& num, const RegionalizeOptions& options, RegionalPlan& plan)
{
    const auto& sites = planned.sites;
    std::vector<const PlanFacility*> fac_by_raw(num.order.size(), nullptr);
    for (std::size_t k = 0; k < num.order.size(); ++k)
        fac_by_raw[num.order[k]] = &plan.facilities[k];
    for (const auto& pa : pending) {
        const auto& s = sites[pa.site];
        PlanAssignment a{s.site_id,          s.country_iso3, s.municipality_code, num.id_of[pa.facility],
                         s.location,         pa.haul_km,     s.waste_t_per_day,   std::nullopt,
                         s.waste_provenance, s.location_precision, planned.implausible[pa.site] != 0};
        if (options.cost) {
            const PlanFacility& f = *fac_by_raw[pa.facility];
            const double w = s.waste_t_per_day.value_or(0.0);
            const double fixed = options.cost->a * std::pow(f.waste_t_per_day, options.cost->b);
            const double share = f.waste_t_per_day > 0.0 ? w / f.waste_t_per_day
                                                         : 1.0 / static_cast<double>(f.sites_served);
            a.cost_share_per_year = fixed * share + 365.0 * w * pa.haul_km * options.cost->haul_cost_per_t_km;
        }
        plan.assignments.push_back(std::move(a));
    }
    std::sort(plan.assignments.begin(), plan.assignments.end(),
              [](const PlanAssignment& a, const PlanAssignment& b) { return a.site_id < b.site_id; });
    std::sort(plan.unserved.begin(), plan.unserved.end(),
              [](const PlanUnserved& a, const PlanUnserved& b) { return a.site_id < b.site_id; });
}

/// The summary row of a site's group (nullptr when the group has no demand).
class SummaryIndex {
public:
    SummaryIndex(RegionalPlan& plan, const RegionalizeOptions& options) : m_options(options)
    {
        for (auto& sm : plan.summary)
            m_of[{sm.country_iso3, sm.part}] = &sm;
    }
    PlanCountrySummary* operator()(const Site& s) const
    {
        const auto it = m_of.find({m_options.allow_cross_border ? "LAC" : s.country_iso3,
                                   m_options.per_admin1 ? s.admin1_code : ""});
        return it == m_of.end() ? nullptr : it->second;
    }

private:
    const RegionalizeOptions& m_options;
    std::map<std::pair<std::string, std::string>, PlanCountrySummary*> m_of;
};

/// The demand of each summary row: sites, t/day (known tonnages), and the estimated, unknown and
/// implausible parts.
void summarize_demand(const PlannedSites& planned, const SummaryIndex& summary_for, RegionalPlan& plan)
{
    for (auto& sm : plan.summary)
        sm.waste_t_per_day_estimated = 0.0;
    for (std::size_t i = 0; i < planned.sites.size(); ++i) {
        const Site& s = planned.sites[i];
        auto* sm = is_receiving_dump(s) ? summary_for(s) : nullptr;
        if (sm == nullptr)
            continue;
        ++sm->demand_sites;
        const double w = s.waste_t_per_day.value_or(0.0);
        sm->waste_t_per_day += w;
        if (s.waste_provenance == Provenance::estimated)
            *sm->waste_t_per_day_estimated += w;
        if (!s.waste_t_per_day)
            ++sm->demand_sites_waste_unknown;
        if (planned.implausible[i]) {
            ++sm->demand_sites_waste_implausible;
            sm->waste_t_per_day_implausible += w;
        }
    }
}

/// The summary rows' counts and t/day from the plan's rows: each row adds to the summary of its
/// site's group (sums in row order). Hauls are averaged with the weights the model used: t/day, or
/// 1 per site in a group weighed by site count.
void summarize(const PlannedSites& planned, const RegionalizeOptions& options, RegionalPlan& plan)
{
    const SummaryIndex summary_for(plan, options);
    auto site_of = [&](const std::string& id) -> const Site& { return planned.sites[planned.index_of.at(id)]; };
    summarize_demand(planned, summary_for, plan);
    std::vector<double> weighted(plan.summary.size(), 0.0), weight(plan.summary.size(), 0.0);
    for (const auto& a : plan.assignments)
        if (auto* sm = summary_for(site_of(a.site_id))) {
            ++sm->sites_served;
            const double w = a.waste_t_per_day.value_or(0.0);
            sm->waste_t_per_day_served += w;
            const auto k = static_cast<std::size_t>(sm - plan.summary.data());
            const double model_w = sm->weighted_by_site_count ? 1.0 : w;
            weighted[k] += model_w * a.haul_km;
            weight[k] += model_w;
            sm->max_haul_km = std::max(sm->max_haul_km, a.haul_km);
        }
    for (const auto& u : plan.unserved)
        if (auto* sm = summary_for(site_of(u.site_id)))
            ++sm->sites_unserved;
    for (const auto& f : plan.facilities)
        if (auto* sm = summary_for(site_of(f.site_id)))
            ++(f.existing ? sm->facilities_existing : sm->facilities_proposed);
    for (std::size_t k = 0; k < plan.summary.size(); ++k) {
        auto& sm = plan.summary[k];
        sm.mean_haul_km = weight[k] > 0.0 ? weighted[k] / weight[k] : 0.0;
        sm.gap = sm.objective > 0.0 ? std::max(0.0, (sm.objective - sm.lower_bound) / sm.objective) : 0.0;
    }
}

/// Existing landfills of the planned groups that no facility stands at: in a component but not
/// opened ("not_chosen", with the haul to its nearest dump), or linked to no dump ("no_dump_within_reach").
void list_unused_landfills(const PlannedSites& planned, const std::vector<Group>& groups,
                           const std::vector<std::vector<Component>>& components_of,
                           const std::vector<ComponentOutcome>& outcomes, RegionalPlan& plan)
{
    const auto& sites = planned.sites;
    std::vector<char> seen(sites.size(), 0);
    std::size_t next_component = 0;
    auto add = [&](std::size_t site, const char* reason, std::optional<double> haul) {
        const Site& s = sites[site];
        plan.unused_landfills.push_back({s.site_id, s.country_iso3, s.name, s.location, reason, haul});
    };
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        for (const auto& c : components_of[gi]) {
            const ComponentOutcome& out = outcomes[next_component++];
            for (std::size_t t = 0; t < c.cand.size(); ++t) {
                const std::size_t site = groups[gi].nodes[c.cand[t]];
                seen[site] = 1;
                if (is_existing_landfill(sites[site]) && !out.open.count(t))
                    add(site, "not_chosen", out.nearest_demand_haul[t]);
            }
        }
        for (const auto site : groups[gi].nodes)
            if (!seen[site] && is_existing_landfill(sites[site]))
                add(site, "no_dump_within_reach", std::nullopt);
    }
    std::sort(plan.unused_landfills.begin(), plan.unused_landfills.end(),
              [](const PlanUnusedLandfill& a, const PlanUnusedLandfill& b) { return a.site_id < b.site_id; });
}

/// The plan's parameters layer: the options, the rules, how the matrix was used and the tonnage of
/// the demand sites (the sources of the tonnages are added by record_waste_sources, plan_summary.hpp).
void set_parameters(const std::vector<Site>& sites, const RegionalizeOptions& options,
                    const std::set<std::string>& wanted, const MatrixUse& matrix, RegionalPlan& plan)
{
    auto& par = plan.parameters;
    par["basural_version"] = std::string(version());
    par["countries"] = wanted.empty() ? "all" : detail::join(std::vector<std::string>(wanted.begin(), wanted.end()));
    par["max_haul_km"] = format_value(options.max_haul_km);
    par["haul_unit"] = options.matrix.empty() ? "km" : "matrix";
    par["detour_factor"] = format_value(options.detour_factor);
    par["min_t_per_day"] = format_value(options.min_t_per_day);
    par["capacity_t_per_day"] = options.capacity_t_per_day ? format_value(*options.capacity_t_per_day) : "unlimited";
    par["reuse_existing"] = options.reuse_existing ? "yes" : "no";
    par["per_admin1"] = options.per_admin1 ? "yes" : "no";
    par["allow_cross_border"] = options.allow_cross_border ? "yes" : "no";
    par["status_rule"] = std::string(STATUS_RULE);
    par["demand_rule"] = std::string(DEMAND_RULE);
    par["candidate_rule"] = std::string(CANDIDATE_RULE);
    par["catchment_hull_ratio"] = format_value(options.catchment_hull_ratio);
    par["catchment_buffer_m"] = format_value(options.catchment_buffer_m);
    if (options.cost) {
        par["cost_a"] = format_value(options.cost->a);
        par["cost_b"] = format_value(options.cost->b);
        par["haul_cost_per_t_km"] = format_value(options.cost->haul_cost_per_t_km);
    }
    if (!options.matrix.empty()) {
        par["matrix_pairs"] = std::to_string(matrix.pairs);
        par["matrix_pairs_used"] = std::to_string(matrix.used);
        par["matrix_pairs_unknown_site_id"] = std::to_string(matrix.unknown_ids);
    }
    std::size_t estimated = 0, unknown = 0, status_unknown = 0;
    for (const auto& s : sites)
        if (is_receiving_dump(s)) {
            status_unknown += s.status == SiteStatus::unknown ? 1 : 0;
            if (!s.waste_t_per_day)
                ++unknown;
            else if (s.waste_provenance == Provenance::estimated)
                ++estimated;
        }
    std::string by_count;
    for (const auto& sm : plan.summary)
        if (sm.weighted_by_site_count)
            by_count += (by_count.empty() ? "" : ",") + sm.country_iso3 + (sm.part.empty() ? "" : "/" + sm.part);
    par["weighting"] = by_count.empty() ? "t_per_day" : "site_count in " + by_count + "; t_per_day elsewhere";
    par["demand_sites_status_unknown"] = std::to_string(status_unknown);
    par["demand_sites_waste_estimated"] = std::to_string(estimated);
    par["demand_sites_waste_unknown"] = std::to_string(unknown);
}

}  // namespace

RegionalPlan regionalize(const std::vector<Site>& input_sites, const RegionalizeOptions& options,
                         const CountryBoundaries& countries, const ProgressFn& progress)
{
    check_options(options);
    const std::set<std::string> wanted(options.countries.begin(), options.countries.end());
    check_countries(input_sites, wanted, countries);
    if (!options.implausible_waste.empty() && options.implausible_waste.size() != input_sites.size())
        throw usage_error("regionalize: implausible_waste must have one flag per site");
    const PlannedSites planned = select_planned_sites(input_sites, wanted, options.implausible_waste);
    const auto& sites = planned.sites;
    MatrixUse matrix_use;
    const MatrixRows matrix_from = matrix_rows(options.matrix, input_sites, planned, options.matrix_source, matrix_use);
    const auto landmass = site_landmasses(sites, countries, options.allow_cross_border);
    const std::vector<Group> groups = make_groups(sites, options);

    auto components_of = build_components(LinkInputs{sites, groups, landmass, matrix_from, options});
    const auto outcomes = solve_components(components_of, groups, options, progress);

    RegionalPlan plan;
    const Collected collected = collect_outcomes(planned, groups, components_of, outcomes, plan);
    const FacilityNumbering numbering = add_facilities(planned, collected.raw, options, plan);
    add_catchments(sites, collected.raw, numbering, options, plan);
    add_assignments(planned, collected.pending, numbering, options, plan);
    list_unused_landfills(planned, groups, components_of, outcomes, plan);
    summarize(planned, options, plan);
    set_parameters(sites, options, wanted, matrix_use, plan);
    plan.parameters["facilities_added_for_coverage"] = std::to_string(collected.repaired);
    if (progress)
        progress("regionalize", 1.0);
    return plan;
}

}  // namespace basural

#include "basural/planning/regionalize.hpp"

#include "basural/geo/cost_matrix.hpp"
#include "basural/base/datasets.hpp"
#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "basural/geo/spatial_index.hpp"
#include "basural/geo/table.hpp"
#include "detail/geos.hpp"
#include "base/parallel.hpp"
#include "detail/vector_output.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <numbers>
#include <limits>
#include <numeric>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace basural {
namespace {

// ---- small helpers ------------------------------------------------------------------------------

class UnionFind {
public:
    explicit UnionFind(std::size_t n) : m_parent(n) { std::iota(m_parent.begin(), m_parent.end(), std::size_t{0}); }
    std::size_t find(std::size_t x)
    {
        while (m_parent[x] != x) {
            m_parent[x] = m_parent[m_parent[x]];
            x = m_parent[x];
        }
        return x;
    }
    void unite(std::size_t a, std::size_t b)
    {
        a = find(a);
        b = find(b);
        if (a != b)
            m_parent[std::max(a, b)] = std::min(a, b);  // the smaller index is the root: deterministic
    }

private:
    std::vector<std::size_t> m_parent;
};

std::string number_text(double v)
{
    std::ostringstream s;
    s.precision(12);
    s << v;
    return s.str();
}

std::string join(const std::vector<std::string>& items, const char* sep = ",")
{
    std::string out;
    for (const auto& s : items)
        out += (out.empty() ? "" : sep) + s;
    return out;
}

// ---- landmasses: which polygon of its country a site stands on ----------------------------------

struct Envelope {
    double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
};

/// Polygon parts of every country, as GEOS prepared geometries; a landmass is a (country, part) pair,
/// merged across countries whose parts touch when crossing borders is allowed.
class Landmasses {
public:
    Landmasses(const CountryBoundaries& countries, bool merge_across_borders)
    {
        for (const auto& iso3 : countries.codes()) {
            const auto& polys = countries.polygons(iso3);
            auto& parts = m_parts[iso3];
            for (const auto& poly : polys) {
                std::vector<std::vector<double>> rings;
                Envelope env{180, 90, -180, -90};
                for (const auto& ring : poly) {
                    std::vector<double> flat;
                    for (const auto& v : ring) {
                        flat.push_back(v.lon_deg);
                        flat.push_back(v.lat_deg);
                        env.min_lon = std::min(env.min_lon, v.lon_deg);
                        env.max_lon = std::max(env.max_lon, v.lon_deg);
                        env.min_lat = std::min(env.min_lat, v.lat_deg);
                        env.max_lat = std::max(env.max_lat, v.lat_deg);
                    }
                    rings.push_back(std::move(flat));
                }
                Part part;
                part.geom = detail::make_polygons(m_ctx, {rings});
                part.prepared = detail::prepare(m_ctx, part.geom.get());
                part.envelope = env;
                part.id = m_count++;
                parts.push_back(std::move(part));
            }
        }
        m_root.resize(m_count);
        std::iota(m_root.begin(), m_root.end(), std::size_t{0});
        if (merge_across_borders)
            merge_touching();
    }

    /// The landmass of a point stated to be in `iso3`: the part containing it, else the nearest part
    /// (planar distance in degrees: only used to choose among the country's own parts for a coastal
    /// site just outside them). std::nullopt when the country has no boundary.
    std::optional<std::size_t> landmass_of(const std::string& iso3, const LonLat& p)
    {
        const auto it = m_parts.find(iso3);
        if (it == m_parts.end() || it->second.empty())
            return std::nullopt;
        auto point = detail::make_point(m_ctx, p.lon_deg, p.lat_deg);
        for (const auto& part : it->second)
            if (p.lon_deg >= part.envelope.min_lon && p.lon_deg <= part.envelope.max_lon &&
                p.lat_deg >= part.envelope.min_lat && p.lat_deg <= part.envelope.max_lat &&
                GEOSPreparedIntersects_r(m_ctx.get(), part.prepared.get(), point.get()) == 1)
                return m_root[part.id];
        double best = std::numeric_limits<double>::infinity();
        std::size_t best_id = it->second.front().id;
        for (const auto& part : it->second) {
            double d = 0.0;
            if (GEOSDistance_r(m_ctx.get(), part.geom.get(), point.get(), &d) == 1 && d < best) {
                best = d;
                best_id = part.id;
            }
        }
        return m_root[best_id];
    }

private:
    struct Part {
        detail::GeomPtr geom;
        detail::PreparedPtr prepared;
        Envelope envelope;
        std::size_t id = 0;
    };

    void merge_touching()
    {
        // Parts of different countries within 0.01 degree (about 1 km) of each other share a land
        // border (shared borders of generalised boundaries do not always meet exactly).
        constexpr double TOUCH_DEG = 0.01;
        std::vector<std::pair<const Part*, std::string>> all;
        for (const auto& [iso3, parts] : m_parts)
            for (const auto& part : parts)
                all.emplace_back(&part, iso3);
        UnionFind uf(m_count);
        for (std::size_t a = 0; a < all.size(); ++a)
            for (std::size_t b = a + 1; b < all.size(); ++b) {
                if (all[a].second == all[b].second)
                    continue;
                const auto& ea = all[a].first->envelope;
                const auto& eb = all[b].first->envelope;
                if (ea.max_lon + TOUCH_DEG < eb.min_lon || eb.max_lon + TOUCH_DEG < ea.min_lon ||
                    ea.max_lat + TOUCH_DEG < eb.min_lat || eb.max_lat + TOUCH_DEG < ea.min_lat)
                    continue;
                double d = 0.0;
                if (GEOSDistance_r(m_ctx.get(), all[a].first->geom.get(), all[b].first->geom.get(), &d) == 1 &&
                    d <= TOUCH_DEG)
                    uf.unite(all[a].first->id, all[b].first->id);
            }
        for (std::size_t i = 0; i < m_count; ++i)
            m_root[i] = uf.find(i);
    }

    detail::GeosContext m_ctx;
    std::map<std::string, std::vector<Part>> m_parts;
    std::vector<std::size_t> m_root;
    std::size_t m_count = 0;
};

// ---- catchments ---------------------------------------------------------------------------------

/// Concave hull of the facility and its sites, buffered by buffer_m, built on an azimuthal equidistant
/// projection centred on the facility (x = d sin az, y = d cos az from exact geodesics) and projected
/// back with geodesic_direct.
std::vector<std::vector<std::vector<LonLat>>> catchment_polygons(detail::GeosContext& ctx, const LonLat& centre,
                                                                 const std::vector<LonLat>& points, double ratio,
                                                                 double buffer_m)
{
    constexpr double DEG = std::numbers::pi / 180.0;
    std::vector<GEOSGeometry*> geoms;
    geoms.reserve(points.size() + 1);
    auto add = [&](const LonLat& p) {
        const auto inv = geodesic_inverse(centre, p);
        const double az = inv.azimuth1_deg * DEG;
        geoms.push_back(detail::make_point(ctx, inv.distance_m * std::sin(az), inv.distance_m * std::cos(az)).release());
    };
    add(centre);
    for (const auto& p : points)
        add(p);
    auto multipoint = detail::own(
        ctx, GEOSGeom_createCollection_r(ctx.get(), GEOS_MULTIPOINT, geoms.data(), static_cast<unsigned>(geoms.size())),
        "catchment points");
    auto hull = detail::own(ctx, GEOSConcaveHull_r(ctx.get(), multipoint.get(), ratio, 0), "catchment hull");
    auto buffered = detail::own(ctx, GEOSBuffer_r(ctx.get(), hull.get(), buffer_m, 8), "catchment buffer");

    auto ring_of = [&](const GEOSGeometry* ring) {
        std::vector<LonLat> out;
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx.get(), ring);
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(ctx.get(), seq, &n);
        for (unsigned k = 0; k < n; ++k) {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(ctx.get(), seq, k, &x, &y);
            const double d = std::hypot(x, y);
            out.push_back(d == 0.0 ? centre : geodesic_direct(centre, std::atan2(x, y) / DEG, d));
        }
        return out;
    };
    std::vector<std::vector<std::vector<LonLat>>> polygons;
    const int parts = GEOSGetNumGeometries_r(ctx.get(), buffered.get());
    for (int k = 0; k < parts; ++k) {
        const GEOSGeometry* poly = GEOSGetGeometryN_r(ctx.get(), buffered.get(), k);
        if (GEOSGeomTypeId_r(ctx.get(), poly) != GEOS_POLYGON || GEOSisEmpty_r(ctx.get(), poly) == 1)
            continue;
        std::vector<std::vector<LonLat>> rings;
        rings.push_back(ring_of(GEOSGetExteriorRing_r(ctx.get(), poly)));
        const int holes = GEOSGetNumInteriorRings_r(ctx.get(), poly);
        for (int h = 0; h < holes; ++h)
            rings.push_back(ring_of(GEOSGetInteriorRingN_r(ctx.get(), poly, h)));
        polygons.push_back(std::move(rings));
    }
    return polygons;
}

// ---- the plan ----------------------------------------------------------------------------------

void check_options(const RegionalizeOptions& o)
{
    if (!(o.max_haul_km > 0.0) || !std::isfinite(o.max_haul_km))
        throw usage_error("max haul must be a positive number of km, not " + number_text(o.max_haul_km));
    if (!(o.detour_factor >= 1.0) || !std::isfinite(o.detour_factor))
        throw usage_error("detour factor must be >= 1 (road km / straight-line km), not " +
                          number_text(o.detour_factor));
    if (o.detour_factor != 1.0 && !o.matrix.empty())
        throw usage_error("the detour factor applies to geodesic hauls only, not to a travel matrix");
    if (!(o.min_t_per_day >= 0.0) || !std::isfinite(o.min_t_per_day))
        throw usage_error("minimum throughput must be >= 0 t/day, not " + number_text(o.min_t_per_day));
    if (o.capacity_t_per_day && (!(*o.capacity_t_per_day > 0.0) || !std::isfinite(*o.capacity_t_per_day)))
        throw usage_error("capacity must be a positive number of t/day, not " + number_text(*o.capacity_t_per_day));
    if (o.capacity_t_per_day && *o.capacity_t_per_day < o.min_t_per_day)
        throw usage_error("capacity (" + number_text(*o.capacity_t_per_day) +
                          " t/day) is below the minimum throughput (" + number_text(o.min_t_per_day) + " t/day)");
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

/// Components with more demand sites than this are solved with a lighter search (see regionalize()).
constexpr std::size_t LARGE_COMPONENT_SITES = 1000;

struct Group {
    std::string country;  // "LAC" across borders
    std::string part;     // admin1 code when per admin-1
    std::vector<std::size_t> nodes;  // indices into the sorted sites: demand and existing landfills
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
};

struct RawFacility {
    std::size_t site = 0;  // index into sorted sites
    std::string group_country;
    std::string part;
    bool existing = false;
    std::vector<std::size_t> served;  // sorted site indices
    std::vector<double> haul;         // per served
};

}  // namespace

bool is_regional_demand(const Site& s) noexcept
{
    return is_inadequate(s.site_type) &&
           (s.status == SiteStatus::active || s.status == SiteStatus::closing || s.status == SiteStatus::unknown);
}

bool is_existing_landfill(const Site& s) noexcept
{
    return s.site_type == SiteType::sanitary_landfill &&
           (s.status == SiteStatus::active || s.status == SiteStatus::unknown);
}

std::size_t impute_missing_waste(std::vector<Site>& sites)
{
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        const std::size_t n = v.size();
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    };
    std::map<std::string, std::vector<double>> known;
    std::vector<double> all;
    for (const auto& s : sites)
        if (is_regional_demand(s) && s.waste_t_per_day) {
            known[s.country_iso3].push_back(*s.waste_t_per_day);
            all.push_back(*s.waste_t_per_day);
        }
    const double lac = all.empty() ? 0.0 : median(all);
    std::map<std::string, double> by_country;
    for (auto& [iso3, v] : known)
        by_country[iso3] = median(v);
    std::size_t filled = 0;
    for (auto& s : sites)
        if (is_regional_demand(s) && !s.waste_t_per_day) {
            const auto it = by_country.find(s.country_iso3);
            s.waste_t_per_day = it != by_country.end() ? it->second : lac;
            s.waste_provenance = Provenance::estimated;
            ++filled;
        }
    return filled;
}

std::vector<SiteTravelCost> read_travel_matrix(const std::string& path)
{
    const Table t = read_table(path);
    const std::size_t ocol = t.require_column("origin_id"), dcol = t.require_column("destination_id"),
                      ccol = t.require_column("cost");
    std::vector<SiteTravelCost> out;
    std::map<std::pair<std::string, std::string>, std::size_t> seen;
    for (std::size_t r = 0; r < t.size(); ++r) {
        SiteTravelCost c{t.text(r, ocol), t.text(r, dcol), t.number(r, ccol)};
        if (c.origin_id.empty())
            throw input_error(path, Table::record_number(r), "origin_id", "", "is empty");
        if (c.destination_id.empty())
            throw input_error(path, Table::record_number(r), "destination_id", "", "is empty");
        if (c.cost < 0.0)
            throw input_error(path, Table::record_number(r), "cost", t.text(r, ccol), "is negative");
        if (const auto [it, fresh] = seen.emplace(std::make_pair(c.origin_id, c.destination_id), r); !fresh)
            throw input_error(path, Table::record_number(r), "destination_id", c.destination_id,
                              "is given twice for origin '" + c.origin_id + "' (first at record " +
                                  std::to_string(Table::record_number(it->second)) + ")");
        out.push_back(std::move(c));
    }
    return out;
}

RegionalPlan regionalize(const std::vector<Site>& input_sites, const RegionalizeOptions& options,
                         const CountryBoundaries& countries, const ProgressFn& progress)
{
    check_options(options);
    const std::set<std::string> wanted(options.countries.begin(), options.countries.end());
    {
        std::set<std::string> present;
        for (const auto& s : input_sites)
            present.insert(s.country_iso3);
        for (const auto& c : wanted)
            if (!present.count(c) && !countries.has(c))
                throw usage_error("country '" + c + "' is neither in the inventory nor in " + countries.path());
    }

    // The sites planned, sorted by site_id: every later step follows this order.
    std::vector<std::size_t> planned;  // sorted as indices: moving whole sites around costs more
    for (std::size_t i = 0; i < input_sites.size(); ++i) {
        const Site& s = input_sites[i];
        if ((wanted.empty() || wanted.count(s.country_iso3)) && (is_regional_demand(s) || is_existing_landfill(s)))
            planned.push_back(i);
    }
    std::sort(planned.begin(), planned.end(),
              [&](std::size_t a, std::size_t b) { return input_sites[a].site_id < input_sites[b].site_id; });
    std::vector<Site> sites;
    sites.reserve(planned.size());
    for (const auto i : planned)
        sites.push_back(input_sites[i]);
    for (std::size_t i = 1; i < sites.size(); ++i)
        if (sites[i].site_id == sites[i - 1].site_id)
            throw usage_error("site_id '" + sites[i].site_id + "' is used by two sites: ids must be unique");

    std::unordered_map<std::string, std::size_t> index_of;
    for (std::size_t i = 0; i < sites.size(); ++i)
        index_of.emplace(sites[i].site_id, i);
    std::map<std::pair<std::size_t, std::size_t>, double> matrix;
    for (const auto& m : options.matrix) {
        const auto o = index_of.find(m.origin_id);
        const auto d = index_of.find(m.destination_id);
        if (o == index_of.end() || d == index_of.end())
            continue;  // a pair of sites not planned (other countries, closed sites): irrelevant
        matrix[{o->second, d->second}] = m.cost;
    }
    const bool use_matrix = !options.matrix.empty();

    Landmasses landmasses(countries, options.allow_cross_border);
    std::vector<std::optional<std::size_t>> landmass(sites.size());
    for (std::size_t i = 0; i < sites.size(); ++i)
        landmass[i] = landmasses.landmass_of(sites[i].country_iso3, sites[i].location);

    // Groups solved on their own.
    std::map<std::pair<std::string, std::string>, Group> group_map;
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const std::string country = options.allow_cross_border ? "LAC" : sites[i].country_iso3;
        const std::string part = options.per_admin1 ? sites[i].admin1_code : "";
        auto& g = group_map[{country, part}];
        g.country = country;
        g.part = part;
        g.nodes.push_back(i);
    }
    std::vector<Group> groups;
    for (auto& [key, g] : group_map)
        groups.push_back(std::move(g));

    // Travel-matrix pairs by origin site (indices into the sorted sites).
    std::vector<std::vector<std::pair<std::size_t, double>>> matrix_from(use_matrix ? sites.size() : 0);
    for (const auto& [od, cost] : matrix)
        matrix_from[od.first].emplace_back(od.second, cost);

    // Step 1: the allowed (demand, candidate) links within the haul and on one landmass, and the
    // connected parts they form, each a location problem of its own. (a) per group, in parallel: the
    // demand nodes and the spatial index; (b) the geodesics, in chunks of nodes across all groups, so
    // that one large country does not keep a thread busy alone; (c) per group, in parallel: the
    // links in node order (the same whatever the chunks) and the components.
    struct Link {
        std::size_t demand;
        std::size_t candidate;
        double haul;
    };
    struct GroupWork {
        std::vector<std::size_t> demand_nodes;  // local node indices
        std::vector<char> is_demand;
        std::optional<SpatialIndex> index;
        std::vector<std::vector<Link>> chunk_links;
    };
    constexpr std::size_t NODES_PER_CHUNK = 256;
    std::vector<GroupWork> work(groups.size());
    std::vector<std::size_t> group_order(groups.size());
    std::iota(group_order.begin(), group_order.end(), std::size_t{0});
    std::stable_sort(group_order.begin(), group_order.end(),
                     [&](std::size_t a, std::size_t b) { return groups[a].nodes.size() > groups[b].nodes.size(); });
    auto same_land = [&](const Group& g, std::size_t a, std::size_t b) {
        const auto& la = landmass[g.nodes[a]];
        const auto& lb = landmass[g.nodes[b]];
        return !la || !lb || *la == *lb;
    };
    detail::run_jobs(group_order, options.threads, [&](std::size_t gi) {
        const Group& g = groups[gi];
        GroupWork& w = work[gi];
        w.is_demand.assign(g.nodes.size(), 0);
        for (std::size_t k = 0; k < g.nodes.size(); ++k)
            if (is_regional_demand(sites[g.nodes[k]])) {
                w.demand_nodes.push_back(k);
                w.is_demand[k] = 1;
            }
        if (w.demand_nodes.empty() || use_matrix)
            return;
        std::vector<LonLat> all_pts;
        for (const auto i : g.nodes)
            all_pts.push_back(sites[i].location);
        w.index.emplace(std::move(all_pts));
        w.chunk_links.resize((g.nodes.size() + NODES_PER_CHUNK - 1) / NODES_PER_CHUNK);
    });
    std::vector<std::pair<std::size_t, std::size_t>> pair_chunks;  // (group, chunk), largest groups first
    for (const auto gi : group_order)
        for (std::size_t c = 0; c < work[gi].chunk_links.size(); ++c)
            pair_chunks.emplace_back(gi, c);
    std::vector<std::size_t> chunk_order(pair_chunks.size());
    std::iota(chunk_order.begin(), chunk_order.end(), std::size_t{0});
    detail::run_jobs(chunk_order, options.threads, [&](std::size_t job) {
        // every pair of sites within reach measured once (the haul from a to b is the haul from b to
        // a, bit for bit)
        const auto [gi, chunk] = pair_chunks[job];
        const Group& g = groups[gi];
        GroupWork& w = work[gi];
        auto& links = w.chunk_links[chunk];
        w.index->for_each_pair_within_m(
            options.max_haul_km / options.detour_factor * 1000.0,
            [&](std::size_t a, std::size_t b, double distance_m) {
                const double haul_km = distance_m / 1000.0 * options.detour_factor;
                if (!(haul_km <= options.max_haul_km) || !same_land(g, a, b))
                    return;
                if (w.is_demand[a])
                    links.push_back({a, b, haul_km});
                if (w.is_demand[b])
                    links.push_back({b, a, haul_km});
            },
            &w.is_demand, chunk * NODES_PER_CHUNK, (chunk + 1) * NODES_PER_CHUNK);
    });

    std::vector<std::vector<Component>> components_of(groups.size());
    detail::run_jobs(group_order, options.threads, [&](std::size_t gi) {
        const Group& g = groups[gi];
        GroupWork& gw = work[gi];
        const std::size_t n = g.nodes.size();
        const auto& demand_nodes = gw.demand_nodes;
        if (demand_nodes.empty())
            return;
        // each demand node to itself at 0, then the pairs within reach (the chunks', in node order)
        std::vector<Link> links;
        for (const auto k : demand_nodes)
            links.push_back({k, k, 0.0});
        std::vector<std::vector<Link>*> link_lists{&links};
        for (auto& chunk : gw.chunk_links)
            link_lists.push_back(&chunk);
        if (use_matrix) {
            std::unordered_map<std::size_t, std::size_t> local_of;  // site index -> local node
            for (std::size_t k = 0; k < n; ++k)
                local_of.emplace(g.nodes[k], k);
            for (const auto k : demand_nodes)
                for (const auto& [site, cost] : matrix_from[g.nodes[k]]) {
                    const auto j = local_of.find(site);
                    if (j != local_of.end() && j->second != k && cost <= options.max_haul_km && same_land(g, k, j->second))
                        links.push_back({k, j->second, cost});
                }
        }
        gw.index.reset();

        // Components with demand, numbered by their smallest node; links bucketed by component.
        UnionFind uf(n);
        for (const auto* list : link_lists)
            for (const auto& l : *list)
                uf.unite(l.demand, l.candidate);
        std::vector<char> has_demand(n, 0);
        for (const auto k : demand_nodes)
            has_demand[uf.find(k)] = 1;
        constexpr std::size_t NO_COMPONENT = std::numeric_limits<std::size_t>::max();
        std::vector<std::size_t> component_of(n, NO_COMPONENT), position(n, 0), row_of(n, 0);
        auto& components = components_of[gi];
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t root = uf.find(k);
            if (!has_demand[root])
                continue;
            if (root == k) {  // the smallest node of its component (UnionFind keeps the smaller root)
                component_of[k] = components.size();
                components.emplace_back();
                components.back().group = gi;
            } else {
                component_of[k] = component_of[root];
            }
            Component& c = components[component_of[k]];
            position[k] = c.cand.size();
            c.cand.push_back(k);
            if (is_regional_demand(sites[g.nodes[k]])) {
                row_of[k] = c.dem.size();
                c.dem.push_back(k);
            }
        }
        std::vector<std::size_t> link_count(components.size(), 0);
        for (const auto* list : link_lists)
            for (const auto& l : *list)
                ++link_count[component_of[l.demand]];
        for (std::size_t ci = 0; ci < components.size(); ++ci)
            components[ci].triplets.reserve(link_count[ci]);
        for (auto* list : link_lists) {
            for (const auto& l : *list)
                components[component_of[l.demand]].triplets.push_back({row_of[l.demand], position[l.candidate], l.haul});
            *list = {};  // free each list once bucketed
        }
        for (std::size_t ci = 0; ci < components.size(); ++ci) {
            Component& c = components[ci];
            for (const auto k : c.dem) {
                const double w = sites[g.nodes[k]].waste_t_per_day.value_or(0.0);
                c.problem.demand_weights.push_back(w);
                c.total_t_per_day += w;
            }
            c.problem.max_cost = options.max_haul_km;
            if (options.reuse_existing)
                for (std::size_t t = 0; t < c.cand.size(); ++t)
                    if (is_existing_landfill(sites[g.nodes[c.cand[t]]]))
                        c.problem.required.push_back(t);
        }
    });

    // Step 2, per component (in parallel, largest first): LSCP for the number of facilities, the
    // p-median, then the coverage repair.
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
        const auto& dem = comp.dem;
        const auto& cand = comp.cand;
        LocationProblem& pr = comp.problem;
        pr.costs = SparseCostMatrix::from_triplets(dem.size(), cand.size(), std::move(comp.triplets), options.max_haul_km);
        ComponentOutcome& out = outcomes[ci];
        // Large components (thousands of dumps within reach of each other) get a lighter search:
        // the bound and the gap are still computed and reported.
        // Every bound stops at Beasley's step factor of 0.005 (a plan is one of many runs of an
        // analyst's session; the bound and gap reported are what the bound reached).
        SolveOptions solve = options.solve;
        solve.min_step_factor = std::max(solve.min_step_factor, 0.005);
        if (dem.size() > LARGE_COMPONENT_SITES) {
            solve.restarts = 0;
            solve.exact_node_limit = 0;
            solve.perturbations = std::min<std::size_t>(solve.perturbations, 10);
            solve.max_bound_iterations = std::min<std::size_t>(solve.max_bound_iterations, 300);
            // Within those 300 iterations, averaged subgradients raise the p-median bound much
            // further than plain ones (whole LAC: gap 1.15% -> 0.21%; docs/benchmarks.md). Smaller
            // components run until the step factor falls, where plain steps end as high, sooner.
            solve.subgradient_weight = 0.5;
        }
        const auto cover = solve_lscp(pr, solve);
        std::size_t p = cover.facilities.size();
        if (options.capacity_t_per_day) {
            pr.candidate_capacity.assign(cand.size(), *options.capacity_t_per_day);
            p = std::max(p, static_cast<std::size_t>(std::ceil(comp.total_t_per_day / *options.capacity_t_per_day - 1e-9)));
        }
        pr.p = std::clamp(p, std::max<std::size_t>(pr.required.size(), 1), cand.size());
        pr.min_throughput = options.min_t_per_day;
        const auto sol = solve_p_median(pr, solve);
        out.objective = sol.objective;
        out.lower_bound = sol.lower_bound;

        // The solution as arrays, then the coverage repair: p-median trades a small dump left
        // unserved (penalty 2 x cutoff per t/day) for shorter hauls elsewhere, but every dump here
        // can be covered (LSCP). Dumps left with no open facility within reach get more
        // facilities, greedily: the candidate reaching the most of their t/day (then the most
        // dumps, then the first), filled nearest first up to the capacity; one that would stay
        // below the minimum throughput is not opened (its dumps: below_min_throughput).
        const double capacity = options.capacity_t_per_day.value_or(UNLIMITED_CAPACITY);
        auto& fac_of = out.fac_of;
        auto& haul_of = out.haul_of;
        auto& status = out.status;
        auto& open = out.open;
        fac_of.assign(dem.size(), std::nullopt);
        haul_of.assign(dem.size(), 0.0);
        status.assign(dem.size(), AssignmentStatus::assigned);
        for (const auto& f : sol.facilities)
            open.insert(f.candidate);
        for (std::size_t r = 0; r < dem.size(); ++r) {
            const auto& a = sol.assignments[r];
            status[r] = a.status;
            if (a.status == AssignmentStatus::assigned && a.facility) {
                fac_of[r] = a.facility;
                haul_of[r] = a.cost;
            }
        }
        for (;;) {
            std::vector<double> reach_weight(cand.size(), 0.0);
            std::vector<std::size_t> reach_count(cand.size(), 0);
            bool any = false;
            for (std::size_t r = 0; r < dem.size(); ++r)
                if (status[r] == AssignmentStatus::no_open_facility_within_cutoff)
                    for (const auto& cc : pr.costs.row(r)) {
                        reach_weight[cc.candidate] += pr.demand_weights[r];
                        ++reach_count[cc.candidate];
                        any = true;
                    }
            if (!any)
                break;
            std::size_t best = 0;
            for (std::size_t c = 1; c < cand.size(); ++c)
                if (std::tie(reach_weight[c], reach_count[c]) > std::tie(reach_weight[best], reach_count[best]))
                    best = c;
            std::vector<std::pair<double, std::size_t>> rows;  // (haul, demand row) reaching `best`
            for (const auto& dc : pr.costs.column(best))
                if (status[dc.demand] == AssignmentStatus::no_open_facility_within_cutoff)
                    rows.emplace_back(dc.cost, dc.demand);
            std::sort(rows.begin(), rows.end());
            if (reach_weight[best] < options.min_t_per_day) {
                for (std::size_t r = 0; r < dem.size(); ++r)  // no candidate can gather enough
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
            if (taken.empty() || load < options.min_t_per_day) {
                for (const auto r : taken)
                    status[r] = AssignmentStatus::below_min_throughput;
                continue;
            }
            open.insert(best);
            ++out.repaired;
            for (const auto r : taken) {
                status[r] = AssignmentStatus::assigned;
                fac_of[r] = best;
                haul_of[r] = *pr.costs.cost(r, best);
            }
        }

        pr.costs = SparseCostMatrix{};  // the matrix is no longer needed: free it early
        if (progress) {
            const std::lock_guard<std::mutex> lock(progress_mutex);
            ++done;
            progress("regionalize " + groups[comp.group].country +
                         (groups[comp.group].part.empty() ? "" : " " + groups[comp.group].part),
                     static_cast<double>(done) / static_cast<double>(components.size()));
        }
    });

    // Step 3, in group and component order: facilities, assignments and the unserved.
    RegionalPlan plan;
    std::vector<RawFacility> raw;
    struct PendingAssignment {
        std::size_t site = 0;
        std::size_t facility = 0;  // into raw
        double haul_km = 0.0;
    };
    std::vector<PendingAssignment> pending;
    std::size_t repaired = 0, next_component = 0;
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const Group& g = groups[gi];
        if (components_of[gi].empty())
            continue;  // no demand (every demand site is a component of its own at least)
        PlanCountrySummary summary;
        summary.country_iso3 = g.country;
        summary.part = g.part;
        for (const auto& c : components_of[gi]) {
            const ComponentOutcome& out = outcomes[next_component++];  // components are in this order
            const auto& dem = c.dem;
            const auto& cand = c.cand;
            summary.objective += out.objective;
            summary.lower_bound += out.lower_bound;
            repaired += out.repaired;
            std::map<std::size_t, std::size_t> raw_of;  // candidate index -> raw facility
            for (const auto ck : out.open) {
                raw_of[ck] = raw.size();
                RawFacility rf;
                rf.site = g.nodes[cand[ck]];
                rf.group_country = g.country;
                rf.part = g.part;
                rf.existing = is_existing_landfill(sites[rf.site]);
                raw.push_back(std::move(rf));
            }
            for (std::size_t r = 0; r < dem.size(); ++r) {
                const std::size_t site = g.nodes[dem[r]];
                if (out.status[r] == AssignmentStatus::assigned && out.fac_of[r]) {
                    const std::size_t fi = raw_of.at(*out.fac_of[r]);
                    raw[fi].served.push_back(site);
                    raw[fi].haul.push_back(out.haul_of[r]);
                    pending.push_back({site, fi, out.haul_of[r]});
                } else {
                    const auto& s = sites[site];
                    plan.unserved.push_back({s.site_id, s.country_iso3, s.municipality_code, s.location,
                                             std::string(to_string(out.status[r])), s.waste_t_per_day,
                                             s.waste_provenance, s.location_precision});
                }
            }
        }
        plan.summary.push_back(std::move(summary));
    }

    // Facility ids: per country of the facility's site, numbered by site_id.
    std::vector<std::size_t> order(raw.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& sa = sites[raw[a].site];
        const auto& sb = sites[raw[b].site];
        return std::tie(sa.country_iso3, sa.site_id) < std::tie(sb.country_iso3, sb.site_id);
    });
    std::vector<std::string> fac_id(raw.size());
    std::map<std::string, int> next;
    for (const auto fi : order) {
        const auto& rf = raw[fi];
        const auto& s = sites[rf.site];
        char buf[32];
        std::snprintf(buf, sizeof buf, "-F%03d", ++next[s.country_iso3]);
        fac_id[fi] = s.country_iso3 + buf;

        PlanFacility f;
        f.facility_id = fac_id[fi];
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

        plan.catchments.push_back({f.facility_id, f.country_iso3, {}});
        plan.facilities.push_back(std::move(f));
    }
    // Catchment polygons, in parallel: chunks of facilities, one GEOS context per chunk.
    constexpr std::size_t CATCHMENTS_PER_JOB = 64;
    std::vector<std::size_t> chunks((order.size() + CATCHMENTS_PER_JOB - 1) / CATCHMENTS_PER_JOB);
    std::iota(chunks.begin(), chunks.end(), std::size_t{0});
    detail::run_jobs(chunks, options.threads, [&](std::size_t chunk) {
        detail::GeosContext geos;
        std::vector<LonLat> pts;
        for (std::size_t k = chunk * CATCHMENTS_PER_JOB; k < std::min(order.size(), (chunk + 1) * CATCHMENTS_PER_JOB); ++k) {
            pts.clear();
            for (const auto i : raw[order[k]].served)
                pts.push_back(sites[i].location);
            plan.catchments[k].polygons = catchment_polygons(geos, plan.facilities[k].location, pts,
                                                             options.catchment_hull_ratio, options.catchment_buffer_m);
        }
    });

    std::map<std::size_t, const PlanFacility*> fac_by_raw;
    for (std::size_t k = 0; k < order.size(); ++k)
        fac_by_raw[order[k]] = &plan.facilities[k];
    for (const auto& pa : pending) {
        const auto& s = sites[pa.site];
        PlanAssignment a{s.site_id,        s.country_iso3,     s.municipality_code, fac_id[pa.facility],
                         s.location,       pa.haul_km,         s.waste_t_per_day,   std::nullopt,
                         s.waste_provenance, s.location_precision};
        if (options.cost) {
            const PlanFacility& f = *fac_by_raw.at(pa.facility);
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

    // Summaries from the rows: each row adds to the summary of its site's group (sums in row order).
    std::map<std::pair<std::string, std::string>, PlanCountrySummary*> summary_of;
    for (auto& sm : plan.summary)
        summary_of[{sm.country_iso3, sm.part}] = &sm;
    auto summary_for = [&](const Site& s) -> PlanCountrySummary* {
        const auto it = summary_of.find({options.allow_cross_border ? "LAC" : s.country_iso3,
                                         options.per_admin1 ? s.admin1_code : ""});
        return it == summary_of.end() ? nullptr : it->second;
    };
    std::vector<double> weighted(plan.summary.size(), 0.0);  // t/day x haul km served, per summary
    for (auto& sm : plan.summary)
        sm.waste_t_per_day_estimated = 0.0;
    for (const auto& s : sites)
        if (is_regional_demand(s))
            if (auto* sm = summary_for(s)) {
                ++sm->demand_sites;
                sm->waste_t_per_day += s.waste_t_per_day.value_or(0.0);
                if (s.waste_provenance == Provenance::estimated)
                    *sm->waste_t_per_day_estimated += s.waste_t_per_day.value_or(0.0);
            }
    for (const auto& a : plan.assignments)
        if (auto* sm = summary_for(sites[index_of.at(a.site_id)])) {
            ++sm->sites_served;
            const double w = a.waste_t_per_day.value_or(0.0);
            sm->waste_t_per_day_served += w;
            weighted[static_cast<std::size_t>(sm - plan.summary.data())] += w * a.haul_km;
            sm->max_haul_km = std::max(sm->max_haul_km, a.haul_km);
        }
    for (const auto& u : plan.unserved)
        if (auto* sm = summary_for(sites[index_of.at(u.site_id)]))
            ++sm->sites_unserved;
    for (const auto& f : plan.facilities)
        if (auto* sm = summary_for(sites[index_of.at(f.site_id)]))
            ++(f.existing ? sm->facilities_existing : sm->facilities_proposed);
    for (std::size_t k = 0; k < plan.summary.size(); ++k) {
        auto& sm = plan.summary[k];
        sm.mean_haul_km = sm.waste_t_per_day_served > 0.0 ? weighted[k] / sm.waste_t_per_day_served : 0.0;
        sm.gap = sm.objective > 0.0 ? std::max(0.0, (sm.objective - sm.lower_bound) / sm.objective) : 0.0;
    }

    auto& par = plan.parameters;
    par["basural_version"] = std::string(version());
    par["countries"] = wanted.empty() ? "all" : join(std::vector<std::string>(wanted.begin(), wanted.end()));
    par["max_haul_km"] = number_text(options.max_haul_km);
    par["haul_unit"] = use_matrix ? "matrix" : "km";
    par["detour_factor"] = number_text(options.detour_factor);
    par["min_t_per_day"] = number_text(options.min_t_per_day);
    par["capacity_t_per_day"] = options.capacity_t_per_day ? number_text(*options.capacity_t_per_day) : "unlimited";
    par["reuse_existing"] = options.reuse_existing ? "yes" : "no";
    par["per_admin1"] = options.per_admin1 ? "yes" : "no";
    par["allow_cross_border"] = options.allow_cross_border ? "yes" : "no";
    par["demand_rule"] = "open_dump or controlled_dump with status active, closing or unknown";
    par["candidate_rule"] = "demand sites and sanitary landfills with status active or unknown";
    par["catchment_hull_ratio"] = number_text(options.catchment_hull_ratio);
    par["catchment_buffer_m"] = number_text(options.catchment_buffer_m);
    if (options.cost) {
        par["cost_a"] = number_text(options.cost->a);
        par["cost_b"] = number_text(options.cost->b);
        par["haul_cost_per_t_km"] = number_text(options.cost->haul_cost_per_t_km);
    }
    std::size_t estimated = 0, unknown = 0;
    for (const auto& s : sites)
        if (is_regional_demand(s)) {
            if (!s.waste_t_per_day)
                ++unknown;
            else if (s.waste_provenance == Provenance::estimated)
                ++estimated;
        }
    par["demand_sites_waste_estimated"] = std::to_string(estimated);
    par["facilities_added_for_coverage"] = std::to_string(repaired);
    par["demand_sites_waste_unknown_weighted_0"] = std::to_string(unknown);
    if (progress)
        progress("regionalize", 1.0);
    return plan;
}

// ---- clusters ------------------------------------------------------------------------------------

SiteClustering cluster_sites(const std::vector<Site>& input, const SiteClusterOptions& options)
{
    if (!(options.eps_km > 0.0) || !std::isfinite(options.eps_km))
        throw usage_error("eps must be a positive number of km");
    if (options.method == ClusterMethod::dbscan && options.min_points == 0)
        throw usage_error("min points must be at least 1");
    if (options.method == ClusterMethod::hdbscan && options.min_cluster_size < 2)
        throw usage_error("min cluster size must be at least 2");
    const std::set<std::string> wanted(options.countries.begin(), options.countries.end());
    SiteClustering out;
    std::vector<std::size_t> kept;  // sorted as indices: moving whole sites around costs more
    for (std::size_t i = 0; i < input.size(); ++i)
        if (wanted.empty() || wanted.count(input[i].country_iso3))
            kept.push_back(i);
    std::sort(kept.begin(), kept.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(input[a].country_iso3, input[a].site_id) < std::tie(input[b].country_iso3, input[b].site_id);
    });
    out.sites.reserve(kept.size());
    for (const auto i : kept)
        out.sites.push_back(input[i]);
    out.label.assign(out.sites.size(), NOISE_LABEL);
    out.cluster_id.assign(out.sites.size(), "noise");

    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < out.sites.size(); ++i)
        groups[options.cross_border ? "LAC" : out.sites[i].country_iso3].push_back(i);
    int next_label = 0;
    for (const auto& [country, members] : groups) {
        std::vector<LonLat> pts;
        std::vector<double> weights;
        for (const auto i : members) {
            pts.push_back(out.sites[i].location);
            weights.push_back(out.sites[i].waste_t_per_day.value_or(0.0));
        }
        const auto result = options.method == ClusterMethod::dbscan
                                ? dbscan(pts, options.eps_km * 1000.0, options.min_points)
                                : hdbscan(pts, HdbscanOptions{options.min_cluster_size, options.min_points});
        const auto summaries = cluster_summary(pts, weights, result);
        std::vector<std::string> ids;
        for (const auto& sm : summaries) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "-C%03d", sm.label + 1);
            ids.push_back(country + buf);
            SiteCluster c{ids.back(), country, next_label + sm.label, sm};
            c.summary.central_index = members[sm.central_index];
            out.clusters.push_back(std::move(c));
        }
        for (std::size_t k = 0; k < members.size(); ++k)
            if (result.label[k] != NOISE_LABEL) {
                out.label[members[k]] = next_label + result.label[k];
                out.cluster_id[members[k]] = ids[static_cast<std::size_t>(result.label[k])];
            }
        next_label += result.cluster_count;
    }
    return out;
}

void write_site_clusters(const SiteClustering& c, const std::string& destination)
{
    detail::VectorOutput out(destination);
    auto& layer = out.create_layer("site_clusters", wkbPoint,
                                   {{"site_id", OFTString}, {"country", OFTString}, {"site_type", OFTString},
                                    {"status", OFTString}, {"cluster_id", OFTString}, {"label", OFTInteger}});
    for (std::size_t i = 0; i < c.sites.size(); ++i) {
        const auto& s = c.sites[i];
        OGRFeature row(layer.GetLayerDefn());
        row.SetField("site_id", s.site_id.c_str());
        row.SetField("country", s.country_iso3.c_str());
        row.SetField("site_type", std::string(to_string(s.site_type)).c_str());
        row.SetField("status", std::string(to_string(s.status)).c_str());
        row.SetField("cluster_id", c.cluster_id[i].c_str());
        row.SetField("label", c.label[i]);
        OGRPoint pt(s.location.lon_deg, s.location.lat_deg);
        row.SetGeometry(&pt);
        out.write(layer, row);
    }
    out.commit();
}

}  // namespace basural

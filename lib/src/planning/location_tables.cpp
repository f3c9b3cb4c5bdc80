#include "basural/planning/location_tables.hpp"

#include "basural/base/error.hpp"
#include "basural/base/messages.hpp"
#include "basural/base/terminal_table.hpp"
#include "basural/base/limits.hpp"
#include "basural/geo/cost_table.hpp"
#include "basural/geo/table.hpp"
#include "base/huge_pages.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <ostream>
#include <unordered_map>

namespace basural {
namespace {

/// Ids of a table's `id` column, checked non-empty and unique.
std::vector<std::string> read_ids(const Table& t, std::unordered_map<std::string, std::size_t>& index)
{
    const std::size_t col = t.require_column("id");
    std::vector<std::string> ids;
    for (std::size_t r = 0; r < t.size(); ++r) {
        const auto& id = t.text(r, col);
        if (id.empty())
            throw input_error(t.path(), Table::record_number(r), "id", id, "is empty; every record needs an id");
        const auto [it, fresh] = index.emplace(id, r);
        if (!fresh)
            throw input_error(t.path(), Table::record_number(r), "id", id,
                              "is a duplicate of record " + std::to_string(Table::record_number(it->second)));
        ids.push_back(id);
    }
    return ids;
}

double non_negative(const Table& t, std::size_t r, std::size_t col)
{
    const double v = t.number(r, col);
    if (v < 0.0)
        throw input_error(t.path(), Table::record_number(r), t.columns()[col], t.text(r, col), "must be >= 0");
    return v;
}

bool yes_no(const Table& t, std::size_t r, std::size_t col)
{
    std::string v = t.text(r, col);
    std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::tolower(c); });
    if (v.empty() || v == "0" || v == "false" || v == "no" || v == "n")
        return false;
    if (v == "1" || v == "true" || v == "yes" || v == "y")
        return true;
    throw input_error(t.path(), Table::record_number(r), t.columns()[col], t.text(r, col),
                      "is not a yes/no value (use 1/0, true/false or yes/no)");
}

std::vector<LonLat> points_of(const Table& t, const char* role)
{
    std::vector<LonLat> pts;
    for (std::size_t r = 0; r < t.size(); ++r) {
        if (!t.point(r))
            throw input_error(t.path(), Table::record_number(r), "lon/lat", "",
                              std::string("is missing: geodesic costs need the coordinates of every ") + role +
                                  " (or give --matrix)");
        pts.push_back(*t.point(r));
    }
    return pts;
}

nlohmann::ordered_json number_or_null(double v)
{
    return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
}

/// The option combinations that cannot work, refused before any table is read.
void check_location_options(const LocationTablePaths& paths, const LocationTableOptions& options)
{
    const bool geodesic = paths.matrix.empty();
    if (geodesic && (paths.demand.empty() || paths.candidates.empty()))
        throw usage_error("without a matrix, both a demand and a candidates table are needed (with coordinates "
                          "for geodesic costs)");
    if (geodesic && !std::isfinite(options.max_cost))
        throw usage_error("geodesic costs need a cutoff in km (--max-cost): a dense matrix of every pair is "
                          "never built");
    if (!geodesic && options.detour_factor != 1.0)
        throw usage_error("the detour factor applies to geodesic costs only, not to a matrix");
    if (std::isnan(options.max_cost) || options.max_cost <= 0.0)
        throw usage_error("the cutoff must be > 0");
    if (options.capacity && (!std::isfinite(*options.capacity) || *options.capacity < 0.0))
        throw usage_error("the capacity must be a finite number >= 0");
}

/// The tables as read, with each one's id index (record of each id).
struct LocationTables {
    std::optional<Table> demand, candidates;
    std::unordered_map<std::string, std::size_t> demand_index, candidate_index;
};

/// Demand ids, weights and loads (the load defaults to the weight where blank).
void read_demand(const Table& demand, LocationTables& tables, LocationInput& in)
{
    auto& pr = in.problem;
    in.demand_ids = read_ids(demand, tables.demand_index);
    const std::size_t wcol = demand.require_column("weight");
    const auto lcol = demand.find_column("load");
    for (std::size_t r = 0; r < demand.size(); ++r) {
        pr.demand_weights.push_back(non_negative(demand, r, wcol));
        if (lcol)
            pr.demand_loads.push_back(demand.text(r, *lcol).empty() ? pr.demand_weights.back()
                                                                    : non_negative(demand, r, *lcol));
    }
}

/// Ids of a cost table numbered as they come: the known ones of a demand or candidates table (an id
/// not among them is an error naming that table), or in order of first appearance. A dense table gives
/// every row's destinations in the same order: the next id is tried before the hash map.
class IdNumbering {
public:
    IdNumbering(std::unordered_map<std::string, std::size_t>& index, std::vector<std::string>& ids,
                const std::optional<Table>& table)
        : m_index(index), m_ids(ids), m_table(table)
    {
    }

    std::uint32_t number(std::string_view id, const std::string& path, std::int64_t record, const char* field)
    {
        const std::size_t guess = m_last + 1;
        if (guess < m_ids.size() && m_ids[guess] == id)
            return static_cast<std::uint32_t>(m_last = guess);
        if (m_last < m_ids.size() && m_ids[m_last] == id)
            return static_cast<std::uint32_t>(m_last);
        std::string key(id);
        if (const auto it = m_index.find(key); it != m_index.end())
            return static_cast<std::uint32_t>(m_last = it->second);
        if (m_table)
            throw input_error(path, record, field, key, "is not an id in " + m_table->path());
        if (m_ids.size() >= std::numeric_limits<std::uint32_t>::max() - 1)
            throw input_error(path, record, field, key, "is one id too many (at most 2^32 - 2)");
        m_index.emplace(key, m_ids.size());
        m_ids.push_back(std::move(key));
        return static_cast<std::uint32_t>(m_last = m_ids.size() - 1);
    }

private:
    std::unordered_map<std::string, std::size_t>& m_index;
    std::vector<std::string>& m_ids;
    const std::optional<Table>& m_table;
    std::size_t m_last = std::numeric_limits<std::size_t>::max() - 1;
};

/// The records of the first and the second time `origin` -> `destination` is given (a second pass
/// over the table, only when a pair is repeated).
std::pair<std::int64_t, std::int64_t> repeated_records(const std::string& path, const std::string& origin,
                                                       const std::string& destination)
{
    std::pair<std::int64_t, std::int64_t> at{0, 0};
    read_cost_table(path, [&](const CostTableRecord& r) {
        if (r.origin == origin && r.destination == destination && at.second == 0)
            (at.first == 0 ? at.first : at.second) = r.record;
    });
    return at;
}

/// Costs from a matrix table (origin_id, destination_id, cost), streamed record by record into compact
/// pairs (docs/reliability.md "Large matrices"), each pair at most once; without a demand table every
/// weight is 1.
void read_matrix_costs(const std::string& path, const LocationTableOptions& options, LocationTables& tables,
                       LocationInput& in)
{
    IdNumbering origins(tables.demand_index, in.demand_ids, tables.demand);
    IdNumbering destinations(tables.candidate_index, in.candidate_ids, tables.candidates);
    std::vector<CostPair> pairs;
    // a plain CSV takes 14 bytes or more a record: reserving that many pairs touches no more memory than
    // the pairs given, and spares the copies (and the doubled peak) of a growing vector
    std::error_code ec;
    if (const auto bytes = std::filesystem::file_size(path, ec); !ec)
        detail::reserve_huge(pairs, std::min<std::uintmax_t>(bytes / 14, options.max_matrix_pairs));
    const auto on_record = [&](const CostTableRecord& r) {
        if (pairs.size() == options.max_matrix_pairs)
            throw input_error(path, "has more than " + std::to_string(options.max_matrix_pairs) +
                                        " pairs, the most basural keeps of a matrix (docs/reliability.md)");
        const auto i = origins.number(r.origin, path, r.record, "origin_id");
        const auto j = destinations.number(r.destination, path, r.record, "destination_id");
        pairs.push_back({i, j, r.cost});
    };
    read_cost_table(path, on_record, {}, options.progress);
    const auto on_duplicate = [&](std::size_t i, std::size_t j) {
        const auto [first, second] = repeated_records(path, in.demand_ids[i], in.candidate_ids[j]);
        throw input_error(path, second, "destination_id", in.candidate_ids[j],
                          "is given twice for origin '" + in.demand_ids[i] + "' (first at record " +
                              std::to_string(first) + ")");
    };
    if (!tables.demand)
        in.problem.demand_weights.assign(in.demand_ids.size(), 1.0);
    in.problem.costs = SparseCostMatrix::from_pairs(in.demand_ids.size(), in.candidate_ids.size(), std::move(pairs),
                                                    options.max_cost, on_duplicate);
    in.cost_unit = "matrix";
}

/// Capacities (the candidates' own, else --capacity, else unlimited) and the candidates always open
/// (the candidates table's `required` column and the required table's ids).
void read_capacities_and_required(const std::string& required_path, const LocationTableOptions& options,
                                  const LocationTables& tables, LocationInput& in)
{
    auto& pr = in.problem;
    const auto& candidates = tables.candidates;
    const std::size_t ncand = in.candidate_ids.size();
    std::vector<double> capacity(ncand, options.capacity ? *options.capacity : UNLIMITED_CAPACITY);
    std::vector<char> required(ncand, 0);
    if (candidates) {
        if (const auto ccol = candidates->find_column("capacity"))
            for (std::size_t r = 0; r < candidates->size(); ++r)
                if (!candidates->text(r, *ccol).empty())
                    capacity[r] = non_negative(*candidates, r, *ccol);
        if (const auto rcol = candidates->find_column("required"))
            for (std::size_t r = 0; r < candidates->size(); ++r)
                required[r] = yes_no(*candidates, r, *rcol) ? 1 : 0;
    }
    if (!required_path.empty()) {
        const Table rt = read_table(required_path);
        const std::size_t col = rt.require_column("id");
        for (std::size_t r = 0; r < rt.size(); ++r) {
            const auto& id = rt.text(r, col);
            const auto it = tables.candidate_index.find(id);
            if (it == tables.candidate_index.end())
                throw input_error(rt.path(), Table::record_number(r), "id", id,
                                  "is not a candidate id" +
                                      (candidates ? " in " + candidates->path() : std::string(" in the matrix")));
            required[it->second] = 1;
        }
    }
    if (std::any_of(capacity.begin(), capacity.end(), [](double c) { return std::isfinite(c); }))
        pr.candidate_capacity = capacity;
    for (std::size_t j = 0; j < ncand; ++j)
        if (required[j])
            pr.required.push_back(j);
}

}  // namespace

LocationInput read_location_tables(const LocationTablePaths& paths, const LocationTableOptions& options)
{
    check_location_options(paths, options);
    LocationInput in;
    LocationTables tables;
    if (!paths.demand.empty()) {
        tables.demand = read_table(paths.demand);
        read_demand(*tables.demand, tables, in);
    }
    if (!paths.candidates.empty()) {
        tables.candidates = read_table(paths.candidates);
        in.candidate_ids = read_ids(*tables.candidates, tables.candidate_index);
    }
    if (paths.matrix.empty()) {
        in.problem.costs = SparseCostMatrix::from_geodesic_km(points_of(*tables.demand, "demand point"),
                                                              points_of(*tables.candidates, "candidate"),
                                                              options.max_cost, options.detour_factor);
        in.cost_unit = "km";
    } else {
        read_matrix_costs(paths.matrix, options, tables, in);
    }
    in.problem.max_cost = options.max_cost;
    read_capacities_and_required(paths.required, options, tables, in);
    return in;
}

namespace {

/// The solution as one JSON object with a stable key order.
void write_location_json(std::ostream& out, const LocationInput& input, const LocationSolution& s, bool with_time)
{
    const auto& pr = input.problem;
    const bool has_p = s.model != LocationModel::lscp;
    nlohmann::ordered_json j;
    j["model"] = std::string(to_string(s.model));
    j["cost_unit"] = input.cost_unit;
    j["p"] = has_p ? nlohmann::ordered_json(pr.p) : nlohmann::ordered_json(nullptr);
    j["max_cost"] = number_or_null(pr.max_cost);
    j["objective"] = s.objective;
    j["lower_bound"] = number_or_null(s.lower_bound);
    j["upper_bound"] = number_or_null(s.upper_bound);
    j["gap"] = s.gap;
    j["proven_optimal"] = s.proven_optimal;
    j["demand_points"] = input.demand_ids.size();
    j["candidates"] = input.candidate_ids.size();
    j["facilities_open"] = s.facilities.size();
    j["served_weight"] = s.served_weight;
    j["unserved_weight"] = s.unserved_weight;
    j["assigned_cost"] = s.assigned_cost;
    j["unserved_cost"] = s.model == LocationModel::p_median ? nlohmann::ordered_json(s.unserved_cost)
                                                            : nlohmann::ordered_json(nullptr);
    j["iterations"] = s.iterations;
    j["bound_iterations"] = s.bound_iterations;
    if (with_time)
        j["time_ms"] = s.time_ms;
    auto facilities = nlohmann::ordered_json::array();
    for (const auto& f : s.facilities) {
        nlohmann::ordered_json o;
        o["id"] = input.candidate_ids[f.candidate];
        o["required"] = f.required;
        o["demand_points"] = f.demand_points;
        o["weight"] = f.weight;
        o["load"] = f.load;
        o["capacity"] = number_or_null(f.capacity);
        facilities.push_back(std::move(o));
    }
    j["facilities"] = std::move(facilities);
    auto closed = nlohmann::ordered_json::array();
    for (auto c : s.closed_below_min_throughput)
        closed.push_back(input.candidate_ids[c]);
    j["closed_below_min_throughput"] = std::move(closed);
    auto assignments = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < s.assignments.size(); ++i) {
        const auto& a = s.assignments[i];
        nlohmann::ordered_json o;
        o["demand_id"] = input.demand_ids[i];
        o["facility_id"] = a.facility ? nlohmann::ordered_json(input.candidate_ids[*a.facility])
                                      : nlohmann::ordered_json(nullptr);
        o["cost"] = a.facility ? nlohmann::ordered_json(a.cost) : nlohmann::ordered_json(nullptr);
        o["status"] = std::string(to_string(a.status));
        assignments.push_back(std::move(o));
    }
    j["assignments"] = std::move(assignments);
    out << j.dump(2) << "\n";
}

/// The one-row summary of a solution: its measures as columns (a terminal turns the row).
ReportTable location_summary(const LocationInput& input, const LocationSolution& s, bool with_time, const Locale& loc)
{
    const auto& pr = input.problem;
    ReportTable t{"summary", tr(loc, "table.locate", {{"model", std::string(to_string(s.model))}}), {}, {{}}};
    auto add = [&](const char* name, int decimals, ReportCell v) {
        t.columns.push_back({name, decimals});
        t.rows[0].push_back(std::move(v));
    };
    add("cost_unit", 0, input.cost_unit);
    if (s.model != LocationModel::lscp)
        add("p", 0, static_cast<std::int64_t>(pr.p));
    add("max_cost", 4, std::isfinite(pr.max_cost) ? ReportCell(pr.max_cost) : ReportCell(tr(loc, "value.none")));
    add("objective", 4, s.objective);
    add("lower_bound", 4, s.lower_bound);
    add("upper_bound", 4, s.upper_bound);
    add("gap_percent", 4, 100.0 * s.gap);
    add("proven_optimal", 0, tr(loc, s.proven_optimal ? "value.yes" : "value.no"));
    add("demand_points", 0, static_cast<std::int64_t>(input.demand_ids.size()));
    add("candidates", 0, static_cast<std::int64_t>(input.candidate_ids.size()));
    add("facilities_open", 0, static_cast<std::int64_t>(s.facilities.size()));
    add("served_weight", 4, s.served_weight);
    add("unserved_weight", 4, s.unserved_weight);
    add("assigned_cost", 4, s.assigned_cost);
    if (s.model == LocationModel::p_median)
        add("unserved_cost", 4, s.unserved_cost);
    add("iterations", 0, static_cast<std::int64_t>(s.iterations));
    add("bound_iterations", 0, static_cast<std::int64_t>(s.bound_iterations));
    if (with_time)
        add("time_ms", 4, s.time_ms);
    return t;
}

/// The solution for people: the summary, the facilities opened, those closed below the minimum
/// throughput and the assignments, with headings and words in the locale's language.
void write_location_terminal(std::ostream& out, const LocationInput& input, const LocationSolution& s, bool with_time,
                             const Locale& loc)
{
    ReportTable fac{"facilities", tr(loc, "table.locate.facilities"),
                    {{"id", 0}, {"required", 0}, {"demand_points", 0}, {"weight", 3}, {"load", 3}, {"capacity", 3}}, {}};
    for (const auto& f : s.facilities)
        fac.rows.push_back({input.candidate_ids[f.candidate], tr(loc, f.required ? "value.yes" : "value.no"),
                            static_cast<std::int64_t>(f.demand_points), f.weight, f.load,
                            std::isfinite(f.capacity) ? ReportCell(f.capacity) : ReportCell(tr(loc, "value.unlimited"))});
    ReportTable asg{"assignments", tr(loc, "table.locate.assignments"),
                    {{"demand_id", 0}, {"facility_id", 0}, {"cost", 3}, {"status", 0}}, {}};
    for (std::size_t i = 0; i < s.assignments.size(); ++i) {
        const auto& a = s.assignments[i];
        // Unassigned points have no facility and no cost: "-", not the unknown mark.
        asg.rows.push_back({input.demand_ids[i], a.facility ? ReportCell(input.candidate_ids[*a.facility]) : ReportCell(std::string("-")),
                            a.facility ? ReportCell(a.cost) : ReportCell(std::string("-")),
                            tr(loc, "locate.status." + std::string(to_string(a.status)))});
    }
    std::vector<ReportTable> tables{location_summary(input, s, with_time, loc), fac};
    if (!s.closed_below_min_throughput.empty()) {
        ReportTable closed{"closed", tr(loc, "table.locate.closed"), {{"id", 0}}, {}};
        for (auto c : s.closed_below_min_throughput)
            closed.rows.push_back({input.candidate_ids[c]});
        tables.push_back(closed);
    }
    tables.push_back(asg);
    for (std::size_t i = 0; i < tables.size(); ++i) {
        if (i)
            out << "\n";
        write_terminal_table(out, tables[i], loc);
    }
}

}  // namespace

void write_location_solution(std::ostream& out, const LocationInput& input, const LocationSolution& s,
                             ReportFormat format, bool with_time, const Locale& locale)
{
    if (format == ReportFormat::json)
        write_location_json(out, input, s, with_time);
    else if (format == ReportFormat::table)
        write_location_terminal(out, input, s, with_time, locale);
    else
        throw usage_error("a location solution is written as table or json");
}

}  // namespace basural

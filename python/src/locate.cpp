// locate: the location models of `basural locate` on a cost matrix, on points (geodesic km) or on
// the command's tables. The result is the command's JSON report (write_location_solution), so the
// module and the command give the same numbers by construction, with the facility chosen for each
// demand point as numpy arrays.
#include "columns.hpp"
#include "progress.hpp"

#include "basural/base/error.hpp"
#include "basural/models/location/facility_location.hpp"
#include "basural/planning/location_tables.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>
#include <optional>
#include <sstream>

namespace basural::python {
namespace {

/// The model and its options (the options of `basural locate` beside the inputs).
struct LocateArguments {
    std::string model = "p-median";
    std::optional<std::size_t> p;
    std::optional<double> max_cost;
    std::optional<double> capacity;
    std::optional<double> min_throughput;
    bool p_excludes_required = false;
    std::optional<double> detour_factor;
    std::optional<double> unserved_cost;
    std::optional<std::uint64_t> seed;
};

LocationModel check_model(const LocateArguments& a)
{
    const auto model = parse_location_model(a.model);
    if (!model)
        throw usage_error("unknown model '" + a.model + "' (use lscp, p-median or mclp)");
    if (*model != LocationModel::lscp && !a.p)
        throw usage_error("model '" + a.model + "' needs p");
    if (*model == LocationModel::lscp && a.p)
        throw usage_error("p does not apply to lscp (it finds the fewest facilities)");
    if (*model != LocationModel::p_median && !a.max_cost)
        throw usage_error("model '" + a.model + "' needs max_cost (the coverage standard)");
    if (a.capacity && *model != LocationModel::p_median)
        throw usage_error("capacity applies to p-median only");
    return *model;
}

/// Solves `input` as `basural locate` does once its tables are read, with the GIL released.
py::dict solve(LocationInput& input, LocationModel model, const LocateArguments& a)
{
    if (model != LocationModel::p_median)
        input.problem.candidate_capacity.clear();  // a capacity means nothing to lscp or mclp
    input.problem.p = a.p.value_or(0);
    input.problem.min_throughput = a.min_throughput.value_or(0.0);
    input.problem.required_count_towards_p = !a.p_excludes_required;
    input.problem.unserved_cost = a.unserved_cost;
    SolveOptions options;
    if (a.seed)
        options.seed = *a.seed;
    const auto [solution, report] = without_gil([&] {
        auto s = solve_location(model, input.problem, options);
        std::ostringstream json;
        write_location_solution(json, input, s, ReportFormat::json, true);
        return std::make_pair(std::move(s), json.str());
    });
    std::vector<std::int64_t> facility;
    std::vector<double> cost;
    for (const auto& x : solution.assignments) {
        facility.push_back(x.facility ? static_cast<std::int64_t>(*x.facility) : -1);
        cost.push_back(x.facility ? x.cost : std::nan(""));
    }
    py::dict d;
    d["json"] = report;
    d["facility_index"] = owned_array(std::move(facility));
    d["cost"] = owned_array(std::move(cost));
    return d;
}

/// Demand and candidate ids: as given, or "0", "1", ... by position.
std::vector<std::string> ids_or_positions(const std::vector<std::string>& ids, std::size_t n, const char* what)
{
    if (ids.empty()) {
        std::vector<std::string> out;
        for (std::size_t i = 0; i < n; ++i)
            out.push_back(std::to_string(i));
        return out;
    }
    if (ids.size() != n)
        throw usage_error(std::string(what) + " has " + std::to_string(ids.size()) + " ids for " + std::to_string(n) +
                          " points");
    return ids;
}

/// What a matrix or points problem shares: weights, loads, capacities, required candidates, ids.
struct PointsInput {
    std::vector<double> weights;
    std::vector<double> loads;
    std::vector<double> capacities;
    std::vector<std::size_t> required;
    std::vector<std::string> demand_ids;
    std::vector<std::string> candidate_ids;
};

LocationInput make_input(SparseCostMatrix costs, const PointsInput& in, const LocateArguments& a,
                         const std::string& unit)
{
    LocationInput input;
    const std::size_t n = costs.demand_count(), m = costs.candidate_count();
    input.demand_ids = ids_or_positions(in.demand_ids, n, "demand_ids");
    input.candidate_ids = ids_or_positions(in.candidate_ids, m, "candidate_ids");
    input.problem.demand_weights = in.weights.empty() ? std::vector<double>(n, 1.0) : in.weights;
    input.problem.demand_loads = in.loads;
    if (!in.capacities.empty())
        input.problem.candidate_capacity = in.capacities;
    else if (a.capacity)
        input.problem.candidate_capacity.assign(m, *a.capacity);
    for (auto& c : input.problem.candidate_capacity)
        if (std::isnan(c))
            c = a.capacity.value_or(UNLIMITED_CAPACITY);
    input.problem.required = in.required;
    input.problem.costs = std::move(costs);
    input.problem.max_cost = a.max_cost.value_or(NO_COST_CUTOFF);
    input.cost_unit = unit;
    return input;
}

/// A dense demand x candidate matrix; NaN and infinite entries are pairs not allowed.
py::dict locate_matrix(py::array_t<double, py::array::c_style | py::array::forcecast> costs, const PointsInput& in,
                       const LocateArguments& a)
{
    const auto model = check_model(a);
    if (costs.ndim() != 2)
        throw usage_error("the cost matrix must have two dimensions (demand points x candidates)");
    if (a.detour_factor)
        throw usage_error("detour_factor applies to geodesic costs (points) only, not to a cost matrix");
    const auto n = static_cast<std::size_t>(costs.shape(0)), m = static_cast<std::size_t>(costs.shape(1));
    std::vector<CostTriplet> triplets;
    const auto view = costs.unchecked<2>();
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < m; ++j)
            if (const double c = view(static_cast<py::ssize_t>(i), static_cast<py::ssize_t>(j)); std::isfinite(c))
                triplets.push_back({i, j, c});
    auto input = make_input(SparseCostMatrix::from_triplets(n, m, std::move(triplets), a.max_cost.value_or(NO_COST_CUTOFF)),
                            in, a, "matrix");
    return solve(input, model, a);
}

std::vector<LonLat> points_of(py::array_t<double, py::array::c_style | py::array::forcecast> xy, const char* what)
{
    if (xy.ndim() != 2 || xy.shape(1) != 2)
        throw usage_error(std::string(what) + " must be an (n, 2) array of longitude, latitude in degrees");
    std::vector<LonLat> out;
    const auto v = xy.unchecked<2>();
    for (py::ssize_t i = 0; i < xy.shape(0); ++i)
        out.push_back({v(i, 0), v(i, 1)});
    return out;
}

/// Demand and candidate points (WGS84 lon, lat): geodesic km within max_cost, times detour_factor.
py::dict locate_points(py::array_t<double, py::array::c_style | py::array::forcecast> demand,
                       py::array_t<double, py::array::c_style | py::array::forcecast> candidates,
                       const PointsInput& in, const LocateArguments& a)
{
    const auto model = check_model(a);
    if (!a.max_cost)
        throw usage_error("geodesic costs need max_cost (the cutoff, km)");
    auto d = points_of(demand, "demand");
    auto c = points_of(candidates, "candidates");
    auto costs = without_gil(
        [&] { return SparseCostMatrix::from_geodesic_km(d, c, *a.max_cost, a.detour_factor.value_or(1.0)); });
    auto input = make_input(std::move(costs), in, a, "km");
    return solve(input, model, a);
}

/// The tables of `basural locate --demand --candidates --matrix --required`.
py::dict locate_tables(const LocationTablePaths& paths, const LocateArguments& a)
{
    const auto model = check_model(a);
    LocationTableOptions options;
    options.max_cost = a.max_cost.value_or(NO_COST_CUTOFF);
    options.detour_factor = a.detour_factor.value_or(1.0);
    if (a.detour_factor && !paths.matrix.empty())
        throw usage_error("detour_factor applies to geodesic costs only, not to a matrix table");
    options.capacity = a.capacity;
    auto input = without_gil([&] { return read_location_tables(paths, options); });
    return solve(input, model, a);
}

}  // namespace

void bind_locate(py::module_& m)
{
    py::class_<LocateArguments>(m, "LocateArguments", "The model and options of locate (those of basural locate)")
        .def(py::init<>())
        .def_readwrite("model", &LocateArguments::model)
        .def_readwrite("p", &LocateArguments::p)
        .def_readwrite("max_cost", &LocateArguments::max_cost)
        .def_readwrite("capacity", &LocateArguments::capacity)
        .def_readwrite("min_throughput", &LocateArguments::min_throughput)
        .def_readwrite("p_excludes_required", &LocateArguments::p_excludes_required)
        .def_readwrite("detour_factor", &LocateArguments::detour_factor)
        .def_readwrite("unserved_cost", &LocateArguments::unserved_cost)
        .def_readwrite("seed", &LocateArguments::seed);
    py::class_<PointsInput>(m, "LocateInput", "Weights, loads, capacities, required candidates and ids")
        .def(py::init<>())
        .def_readwrite("weights", &PointsInput::weights)
        .def_readwrite("loads", &PointsInput::loads)
        .def_readwrite("capacities", &PointsInput::capacities)
        .def_readwrite("required", &PointsInput::required)
        .def_readwrite("demand_ids", &PointsInput::demand_ids)
        .def_readwrite("candidate_ids", &PointsInput::candidate_ids);
    py::class_<LocationTablePaths>(m, "LocateTables", "The tables of basural locate")
        .def(py::init<>())
        .def_readwrite("demand", &LocationTablePaths::demand)
        .def_readwrite("candidates", &LocationTablePaths::candidates)
        .def_readwrite("matrix", &LocationTablePaths::matrix)
        .def_readwrite("required", &LocationTablePaths::required);
    m.def("locate_matrix", &locate_matrix, py::arg("costs"), py::arg("input"), py::arg("arguments"));
    m.def("locate_points", &locate_points, py::arg("demand"), py::arg("candidates"), py::arg("input"),
          py::arg("arguments"));
    m.def("locate_tables", &locate_tables, py::arg("tables"), py::arg("arguments"));
}

}  // namespace basural::python

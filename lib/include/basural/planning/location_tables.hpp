#pragma once
/// \file location_tables.hpp
/// A location problem from tables (the input of `basural locate`) and its solution as a report.
///
/// Tables (any format read_table() reads; columns matched case-insensitively):
/// - demand:     id, weight (>= 0, e.g. t/day), optional load (what counts against capacities;
///               default the weight), coordinates (lon/lat columns in CSV, point geometry otherwise)
///               when costs are geodesic.
/// - candidates: id, optional capacity (>= 0, blank = --capacity or unlimited), optional required
///               (1/0, true/false, yes/no; blank = no), coordinates when costs are geodesic.
/// - matrix:     origin_id (a demand id), destination_id (a candidate id), cost (>= 0; km, minutes...).
/// - required:   id (candidate ids always open).
/// With a matrix alone the demand ids are its origin ids and the candidate ids its destination ids,
/// in order of first appearance, every weight 1.

#include "basural/geo/cost_matrix.hpp"
#include "basural/models/location/facility_location.hpp"
#include "basural/base/limits.hpp"
#include "basural/base/locale.hpp"
#include "basural/base/progress.hpp"
#include "basural/base/report_table.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace basural {

struct LocationTablePaths {
    std::string demand;      ///< "" = none
    std::string candidates;  ///< "" = none
    std::string matrix;      ///< "" = geodesic costs from coordinates
    std::string required;    ///< "" = none
};

struct LocationTableOptions {
    /// Cutoff on costs (km for geodesic costs). Needed for geodesic costs.
    double max_cost = NO_COST_CUTOFF;
    /// Road circuity for geodesic costs (road km / straight-line km); 1 = straight line.
    double detour_factor = 1.0;
    /// Capacity of every candidate without one of its own; std::nullopt = unlimited.
    std::optional<double> capacity;
    /// Receives ("read", fraction) while a matrix is read.
    ProgressFn progress;
    /// The most pairs a matrix file may give; beyond it the file is refused (docs/reliability.md "Limits").
    /// A parameter so that tests can check the refusal without a file of 50 million records; the store
    /// itself refuses more than MAX_MATRIX_PAIRS whatever this says.
    std::size_t max_matrix_pairs = MAX_MATRIX_PAIRS;
};

struct LocationInput {
    std::vector<std::string> demand_ids;
    std::vector<std::string> candidate_ids;
    /// Weights, loads, costs, capacities and required candidates filled in; p, min_throughput and the
    /// rest are the caller's.
    LocationProblem problem;
    /// "km" for geodesic costs, "matrix" for costs taken from a matrix table (its own unit).
    std::string cost_unit;
};

/// Reads and checks the tables. Throws basural::usage_error for a combination that cannot work (no
/// matrix and no coordinates, geodesic costs without a cutoff...) and basural::input_error naming the
/// file, record, field and value for bad data (missing column, duplicate or unknown id, negative
/// weight, a matrix pair given twice...).
LocationInput read_location_tables(const LocationTablePaths& paths, const LocationTableOptions& options);

/// Writes a solution: `json` as one object with stable key order (model, cost_unit, p, max_cost,
/// objective, lower_bound, upper_bound, gap, proven_optimal, totals, iterations, [time_ms],
/// facilities, closed_below_min_throughput, assignments), in the C locale; `table` for people
/// (terminal_table.hpp): the summary turned to read down the page, the facilities opened, those closed
/// below the minimum throughput and the assignments, with headings, words and numbers in `locale`.
/// time_ms is written only when `with_time` (it is the one value that varies between runs).
/// Other formats: basural::usage_error.
void write_location_solution(std::ostream& out, const LocationInput& input, const LocationSolution& solution,
                             ReportFormat format, bool with_time, const Locale& locale = {});

}  // namespace basural

// basural locate: location-allocation (LSCP, p-median, MCLP) on demand and candidate tables or a
// cost matrix. docs/cli/locate.md
#include "command.hpp"
#include "option_checks.hpp"
#include "progress_bar.hpp"

#include "basural/base/atomic_output.hpp"
#include "basural/base/error.hpp"
#include "basural/base/limits.hpp"
#include "basural/models/location/facility_location.hpp"
#include "basural/planning/location_tables.hpp"

#include <cmath>
#include <optional>
#include <utility>
#include <ostream>
#include <sstream>

namespace {

class LocateCommand : public basural::app::Command {
public:
    void setup(CLI::App& sub) override
    {
        sub.add_option("--demand", m_paths.demand,
                       "Demand table: id, weight (e.g. t/day), optional load, and lon/lat for geodesic costs");
        sub.add_option("--candidates", m_paths.candidates,
                       "Candidate sites: id, lon/lat, optional capacity and required (1/0)");
        auto* matrix = sub.add_option("--matrix", m_paths.matrix,
                       "Cost table: origin_id (demand id), destination_id (candidate id), cost; "
                       "without it costs are geodesic km");
        sub.add_option("--model", m_model, "lscp, p-median or mclp")->required();
        sub.add_option("--p", m_p, "Facilities to open (p-median, mclp); counts the required ones")
            ->check(basural::app::whole_number(1));
        sub.add_option("--max-cost", m_max_cost,
                       "Cutoff: pairs costing more are not allowed (km for geodesic costs); the coverage "
                       "standard for lscp and mclp");
        sub.add_option("--capacity", m_capacity,
                       "Capacity of every candidate without its own capacity value (p-median; load units)");
        sub.add_option("--min-throughput", m_min_throughput,
                       "A proposed facility with a smaller load is closed (p-median, mclp)");
        sub.add_option("--required", m_paths.required, "Table with a column id: candidates always open");
        sub.add_flag("--p-excludes-required", m_p_excludes_required,
                     "--p counts new facilities only; the required ones open on top");
        sub.add_option("--detour-factor", m_detour_factor,
                       "Road distance over straight-line distance for geodesic costs (default 1); not with --matrix")
            ->excludes(matrix);
        sub.add_option("--unserved-cost", m_unserved_cost,
                       "p-median: cost per unit weight of a point left unserved (default 2 x the cutoff)");
        sub.add_option("--threads", m_threads,
                       "Threads for p-median and mclp (default 0 = one per CPU, at most " +
                           std::to_string(basural::MAX_THREADS) + "); the answer is the same for any number")
            ->check(CLI::Range(std::size_t{0}, basural::MAX_THREADS));
        sub.add_option("--seed", m_seed, "Seed of the randomized restarts (default 20240601)");
        sub.add_option("--format", m_format, "table or json (default table)");
        sub.add_flag("--timing", m_timing, "Also report the solve time in ms (the one value that varies)");
        sub.add_option("-o,--output", m_output, "Write the result to this file instead of stdout");
    }

    int run(basural::app::Streams& io) override
    {
        const auto [model, format] = check_options();
        basural::LocationTableOptions options;
        options.max_cost = m_max_cost.value_or(basural::NO_COST_CUTOFF);
        options.detour_factor = m_detour_factor.value_or(1.0);
        options.capacity = m_capacity;
        const auto progress = basural::app::progress_bar(io);
        if (progress && !m_paths.matrix.empty())
            options.progress = [&](std::string_view, double f) { progress("read " + m_paths.matrix, f); };
        auto input = basural::read_location_tables(m_paths, options);
        if (model != basural::LocationModel::p_median)
            input.problem.candidate_capacity.clear();  // a capacity column means nothing to lscp or mclp
        input.problem.p = m_p.value_or(0);
        input.problem.min_throughput = m_min_throughput.value_or(0.0);
        input.problem.required_count_towards_p = !m_p_excludes_required;
        input.problem.unserved_cost = m_unserved_cost;
        basural::SolveOptions solve;
        if (m_seed)
            solve.seed = *m_seed;
        solve.progress = progress;
        solve.threads = m_threads;
        const auto solution = basural::solve_location(model, input.problem, solve);

        if (m_output.empty()) {
            basural::write_location_solution(io.out, input, solution, format, m_timing, io.locale);
        } else {
            std::ostringstream text;
            basural::write_location_solution(text, input, solution, format, m_timing, io.locale);
            basural::write_file_atomically(m_output, text.str());
        }
        return 0;
    }

private:
    /// The rules on option values (which options go together is declared in setup() with CLI11's
    /// excludes); before any file is read.
    std::pair<basural::LocationModel, basural::ReportFormat> check_options() const
    {
        const auto model = basural::parse_location_model(m_model);
        if (!model)
            throw basural::usage_error("unknown model '" + m_model + "' (use lscp, p-median or mclp)");
        const auto format = basural::parse_report_format(m_format);
        if (format != basural::ReportFormat::table && format != basural::ReportFormat::json)
            throw basural::usage_error("--format must be table or json");
        if (*model != basural::LocationModel::lscp && !m_p)
            throw basural::usage_error("--model " + m_model + " needs --p");
        if (*model == basural::LocationModel::lscp && m_p)
            throw basural::usage_error("--p does not apply to lscp (it finds the fewest facilities)");
        if (*model != basural::LocationModel::p_median && !m_max_cost)
            throw basural::usage_error("--model " + m_model + " needs --max-cost (the coverage standard)");
        if (m_capacity && *model != basural::LocationModel::p_median)
            throw basural::usage_error("--capacity applies to p-median only");
        return {*model, format};
    }

    basural::LocationTablePaths m_paths;
    std::string m_model;
    std::optional<std::size_t> m_p;
    std::optional<double> m_max_cost;
    std::optional<double> m_capacity;
    std::optional<double> m_min_throughput;
    std::optional<double> m_detour_factor;
    std::optional<double> m_unserved_cost;
    std::optional<std::uint64_t> m_seed;
    std::size_t m_threads = 0;
    bool m_p_excludes_required = false;
    bool m_timing = false;
    std::string m_format = "table";
    std::string m_output;
};

const basural::app::Registrar reg{"locate", "Propose facility sites: LSCP, p-median or MCLP on tables or a cost matrix",
                                  [] { return std::make_unique<LocateCommand>(); }};

}  // namespace

// basural prioritize: closure-priority ranking of active dumps (docs/cli/prioritize.md).
#include "command.hpp"
#include "option_checks.hpp"
#include "domain_inputs.hpp"
#include "plan_input.hpp"
#include "report_output.hpp"

#include "basural/base/messages.hpp"
#include "basural/planning/plan.hpp"
#include "basural/reports/priority.hpp"
#include "basural/base/report_table.hpp"
#include "basural/base/table_output.hpp"

#include <optional>
#include <ostream>

namespace basural::app {
namespace {

class PrioritizeCommand : public Command {
public:
    void setup(CLI::App& sub) override
    {
        m_in.add_to(sub);
        m_plan.add_to(sub, "Regional plan (basural regionalize): a site's assigned facility counts for readiness");
        sub.add_option("--weights", m_weights,
                       "JSON object of criterion weights, e.g. {\"people_2km\": 0.4}; omitted criteria keep "
                       "their default (docs/methods/priority.md)");
        sub.add_option("--max-haul-km", m_max_haul_km,
                       "Readiness is 1 - haul/D to the nearest landfill or assigned facility; D in km (default 50)")
            ->check(CLI::PositiveNumber);
        sub.add_option("-o,--output", m_output, "Ranking: .csv, or .gpkg / PG:... (layer 'ranking')")->required();
        sub.add_option("--top", m_top, "Rows of the ranking printed (default 10; 0 prints none)")
            ->check(whole_number(0));
        sub.add_option("--format", m_format, "Format of the printed top rows: table, csv, json or md (default table)")
            ->check(CLI::IsMember({"table", "csv", "json", "md"}));
        sub.footer("Ranks active open and controlled dumps by waste, methane, people within 2 km, open burning, "
                   "waste pickers, child waste pickers and readiness; each row says why. "
                   "Method: docs/methods/priority.md.");
    }

    int run(Streams& io) override
    {
        const auto format = parse_report_format(m_format);
        PriorityParams p;
        if (!m_weights.empty())
            p.weights = load_priority_weights(m_weights);
        const auto plan = m_plan.read();
        p.plan_source = m_plan.path;
        p.reporting_year = m_in.year;
        p.readiness_max_haul_km = m_max_haul_km;
        const auto data = m_in.load_and_fill(io);
        const auto rows = prioritize_closures(data.waste, data.places, plan ? &*plan : nullptr, p);
        print_warnings(io, "prioritize", data.inventory.sites, waste_fill_warnings(data.waste));
        if (const auto reason = priority_empty_reason(rows)) {
            io.err << "basural prioritize: no ranking: " << *reason << "\n";
            return 1;  // nothing written: an empty ranking would read as "nothing to close"
        }
        auto table = priority_table(rows);
        write_table_output(table, m_output);
        if (m_top > 0 && (format == ReportFormat::table || format == ReportFormat::md))
            print_lines(io.out, priority_assumptions(rows, data.waste, p, io.locale));
        if (m_top > 0) {
            if (table.rows.size() > m_top)
                table.rows.resize(m_top);
            table.title = tr(io.locale, "table.prioritize",
                             {{"shown", format_count(static_cast<std::int64_t>(table.rows.size()), io.locale.numbers)},
                              {"all", format_count(static_cast<std::int64_t>(rows.size()), io.locale.numbers)}});
            print_tables(io, {table}, format,
                         {{"", {"rank", "site_id", "name", "country", "total_score", "waste_t_per_day", "why"}}});
        }
        return 0;
    }

private:
    DomainInputs m_in;
    PlanInput m_plan;
    std::string m_weights;
    double m_max_haul_km = 50.0;
    std::string m_output;
    std::size_t m_top = 10;
    std::string m_format = "table";
};

const Registrar reg{"prioritize", "Rank active dumps for closure, with each criterion's score and why",
                    [] { return std::make_unique<PrioritizeCommand>(); }};

}  // namespace
}  // namespace basural::app

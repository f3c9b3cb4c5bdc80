// basural coverage: per-country coverage, exposure and methane, today and with a plan (docs/cli/coverage.md).
#include "admin1_input.hpp"
#include "command.hpp"
#include "domain_inputs.hpp"
#include "plan_input.hpp"
#include "report_output.hpp"

#include "basural/reports/coverage.hpp"
#include "basural/base/error.hpp"
#include "basural/reports/inventory_summary.hpp"
#include "basural/planning/plan.hpp"
#include "basural/base/report_table.hpp"

#include <optional>
#include <ostream>

namespace basural::app {
namespace {

class CoverageCommand : public Command {
public:
    void setup(CLI::App& sub) override
    {
        m_in.add_to(sub);
        m_plan.add_to(sub, "Regional plan written by basural regionalize (GeoPackage or PG:); adds the plan columns");
        sub.add_option("--max-haul-km", m_max_haul_km,
                       "An inadequate site is within reach of an existing active sanitary landfill of its country "
                       "at this geodesic distance or less (default 50)")
            ->check(CLI::PositiveNumber);
        sub.add_option("--gwp", m_gwp, "GWP100 of CH4: ar5 (28, default) or ar6 (27, non-fossil)")
            ->check(CLI::IsMember({"ar5", "ar6"}));
        sub.add_option("--by", m_by,
                       "Rows per country (default), or per first-level unit (state, province, department) with "
                       "each country's row after its units: country or admin1")
            ->check(CLI::IsMember({"country", "admin1"}));
        m_admin1.add_to(sub);
        sub.add_option("--format", m_format, "Output format: table, csv, json or md (default table)")
            ->check(CLI::IsMember({"table", "csv", "json", "md"}));
        sub.footer("One row per country (--by admin1: per state, then the country) and a LAC row: sites by "
                   "type and status, t/day to inadequate sites (unknown tonnage estimated), share within reach of a "
                   "landfill, plan coverage, people within 1/2/5 km of active dumps, CH4 and CO2e. Columns: "
                   "docs/cli/coverage.md.");
    }

    int run(Streams& io) override
    {
        const auto format = parse_report_format(m_format);
        const auto plan = m_plan.read();
        const auto data = m_in.load_and_fill(io);
        CoverageParams p;
        p.max_haul_km = m_max_haul_km;
        p.methane.reporting_year = m_in.year;
        p.methane.gwp100_ch4 = m_gwp == "ar6" ? GWP100_CH4_AR6_NON_FOSSIL : GWP100_CH4_AR5;
        p.plan_source = m_plan.path;
        Admin1Groups groups;
        if (m_by == "admin1") {
            const auto units = m_admin1.load();
            groups = admin1_groups(data.waste.sites, data.places, plan ? &*plan : nullptr, &units);
            p.by_admin1 = &groups;
        }
        const auto report = compute_coverage(data.waste, data.places, plan ? &*plan : nullptr, p);
        print_warnings(io, "coverage", data.inventory.sites, waste_fill_warnings(data.waste));
        if (format == ReportFormat::table || format == ReportFormat::md) {
            io.out << records_line(data.inventory, io.locale) << "\n";
            print_lines(io.out, coverage_assumptions(report, data.waste, io.locale));
            io.out << "\n";
        }
        // For people: the key figures of each country; every column with --format csv, json or md.
        std::vector<std::string> key =
            plan ? std::vector<std::string>{"country", "inadequate_waste_t_per_day", "plan_facilities_proposed",
                                            "plan_facilities_existing", "plan_share_waste_served", "plan_mean_haul_km",
                                            "ch4_t_per_year"}
                 : std::vector<std::string>{"country", "sites", "open_dump", "inadequate_waste_t_per_day",
                                            "share_waste_near_landfill", "population_within_2km", "ch4_t_per_year"};
        if (report.by_admin1)
            key.insert(key.begin() + 1, {"admin1", "admin1_name"});
        print_tables(io, {coverage_table(report)}, format,
                     {{report.by_admin1 ? "table.coverage.admin1" : "table.coverage", key,
                       {{"year", std::to_string(report.reporting_year)}}}});
        if (const auto reason = coverage_empty_reason(report)) {
            io.err << "basural coverage: no result: " << *reason << "\n";
            return 1;
        }
        return 0;
    }

private:
    DomainInputs m_in;
    PlanInput m_plan;
    Admin1Input m_admin1;
    std::string m_by = "country";
    double m_max_haul_km = DEFAULT_MAX_HAUL_KM;
    std::string m_gwp = "ar5";
    std::string m_format = "table";
};

const Registrar reg{"coverage",
                    "Coverage per country: waste to inadequate sites, landfills within reach, plan coverage, "
                    "people near dumps, methane",
                    [] { return std::make_unique<CoverageCommand>(); }};

}  // namespace
}  // namespace basural::app

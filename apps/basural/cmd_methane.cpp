// basural methane: IPCC 2006 FOD methane per site and per country (docs/cli/methane.md).
#include "command.hpp"
#include "domain_inputs.hpp"
#include "report_output.hpp"

#include "basural/reports/methane.hpp"
#include "basural/reports/methane_report.hpp"
#include "basural/base/report_table.hpp"
#include "basural/base/table_output.hpp"

#include <ostream>

namespace basural::app {
namespace {

class MethaneCommand : public Command {
public:
    void setup(CLI::App& sub) override
    {
        m_in.add_to(sub);
        sub.add_option("--gwp", m_gwp, "GWP100 of CH4: ar5 (28, default) or ar6 (27, non-fossil)")
            ->check(CLI::IsMember({"ar5", "ar6"}));
        sub.add_option("-o,--output", m_output,
                       "Write one row per site with every input of its estimate: .csv, or .gpkg / PG:... (layer "
                       "'sites')");
        sub.add_option("--format", m_format, "Format of the per-country table printed: table, csv, json or md "
                                             "(default table)")
            ->check(CLI::IsMember({"table", "csv", "json", "md"}));
        sub.footer("Method: docs/methods/methane.md (IPCC 2006 Vol. 5 Ch. 3 first-order decay, site by site). "
                   "Unknown tonnage is first estimated (docs/methods/waste_estimate.md).");
    }

    int run(Streams& io) override
    {
        const auto format = parse_report_format(m_format);
        const auto data = m_in.load_and_fill(io);
        MethaneParams p;
        p.reporting_year = m_in.year;
        p.gwp100_ch4 = m_gwp == "ar6" ? GWP100_CH4_AR6_NON_FOSSIL : GWP100_CH4_AR5;
        const auto estimates = estimate_methane(data.waste.sites, p);
        print_warnings(io, "methane", data.inventory.sites, waste_fill_warnings(data.waste));
        if (const auto reason = methane_empty_reason(estimates)) {
            io.err << "basural methane: no estimate: " << *reason << "\n";
            return 1;
        }
        if (!m_output.empty())
            write_table_output(methane_site_table(data.waste.sites, estimates, data.waste.implausible), m_output);
        if (format == ReportFormat::table || format == ReportFormat::md) {
            print_lines(io.out, {waste_sources_line(data.waste, io.locale)});
            io.out << "\n";
        }
        print_tables(io, {methane_country_table(estimates, p.reporting_year, p.gwp100_ch4)}, format,
                     {{"table.methane", {"country", "sites", "sites_estimated", "sites_unknown", "ch4_t_per_year",
                                         "co2e_t_per_year"},
                       {{"year", std::to_string(p.reporting_year)}, {"gwp", format_number(p.gwp100_ch4, 0, io.locale.numbers)}}}});
        return 0;
    }

private:
    DomainInputs m_in;
    std::string m_gwp = "ar5";
    std::string m_output;
    std::string m_format = "table";
};

const Registrar reg{"methane", "Methane (IPCC 2006 FOD) per site and per country for a reporting year",
                    [] { return std::make_unique<MethaneCommand>(); }};

}  // namespace
}  // namespace basural::app

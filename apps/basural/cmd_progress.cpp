// basural progress: closure progress between two inventory snapshots (docs/cli/progress.md).
#include "command.hpp"
#include "domain_inputs.hpp"
#include "inventory_options.hpp"
#include "report_output.hpp"

#include "basural/reports/coverage.hpp"
#include "basural/reports/inventory_summary.hpp"
#include "basural/reports/methane.hpp"
#include "basural/reports/progress_diff.hpp"
#include "basural/base/messages.hpp"
#include "basural/base/report_table.hpp"
#include "basural/inventory/site_predicates.hpp"

#include <ostream>
#include <unordered_map>

namespace basural::app {
namespace {


class ProgressCommand : public Command {
public:
    void setup(CLI::App& sub) override
    {
        sub.add_option("old", m_old, "The earlier snapshot: any inventory source (file or PG: connection string)")
            ->required();
        sub.add_option("new", m_new, "The later snapshot: any inventory source (file or PG: connection string)")
            ->required();
        sub.add_option("--format", m_format, "How the per-country summary is printed: table, csv, json or md "
                                             "(default table)")
            ->check(CLI::IsMember({"table", "csv", "json", "md"}));
        sub.add_option("--changes", m_changes, "Also write the site-level change list to this CSV (atomically)");
        sub.add_option("--match-tolerance-m", m_options.match_tolerance_m,
                       "Largest distance (metres) to pair two records whose ids differ when both positions are "
                       "surveyed (default 200: a dumpsite spans hundreds of metres)")
            ->check(CLI::NonNegativeNumber);
        sub.add_option("--coarse-match-tolerance-m", m_options.coarse_match_tolerance_m,
                       "The same when either position is only a municipal seat or estimated (default 2000)")
            ->check(CLI::NonNegativeNumber);
        sub.add_option("--year", m_year,
                       "Reporting year of the methane model (IPCC 2006 FOD) behind ch4_reduction_t_per_year "
                       "(default " + std::to_string(DEFAULT_REPORTING_YEAR) + ", as coverage and methane)")
            ->check(CLI::Range(1900, 2200));
        sub.add_option("--old-layer", m_old_layer, "Layer (table) of OLD to read (default: --layer)");
        sub.add_option("--new-layer", m_new_layer, "Layer (table) of NEW to read (default: --layer)");
        m_load.add_to(sub);
        m_waste.add_to(sub);
        sub.footer("The loading options (--layer, --crs, --map, --field, --default, ...) apply to both snapshots. "
                   "Records rejected while loading either snapshot are not compared: their counts are printed "
                   "(stderr, and stdout for table/md); list them with basural validate. Exit codes: 0 the "
                   "comparison was printed, 1 an input could not be read or compared, 2 the command line was "
                   "wrong.");
    }

    int run(Streams& io) override
    {
        const auto format = parse_report_format(m_format);
        auto old_options = m_load.load_options(io);
        auto new_options = m_load.load_options(io);
        if (!m_old_layer.empty())
            old_options.layer = m_old_layer;
        if (!m_new_layer.empty())
            new_options.layer = m_new_layer;
        auto old_inventory = load_inventory(m_old, old_options);
        auto new_inventory = load_inventory(m_new, new_options);
        // Two tables of one database read alike: name the layer in what is printed.
        if (!old_options.layer.empty())
            old_inventory.source += " layer " + old_options.layer;
        if (!new_options.layer.empty())
            new_inventory.source += " layer " + new_options.layer;

        MethaneParams methane;
        methane.reporting_year = m_year;
        m_options.ch4_t_per_year = [methane](const Site& s) { return estimate_site_methane(s, methane).ch4_t_per_year; };
        m_options.old_label = old_inventory.source;
        m_options.new_label = new_inventory.source;
        // The tonnage the closures move follows the one rule of every command (fill_waste over the old
        // snapshot); the snapshots themselves are compared as recorded.
        const auto old_waste = m_waste.fill(old_inventory.sites, m_waste.load_places());
        std::unordered_map<std::string, std::optional<double>> old_t_per_day;
        for (const auto& s : old_waste.sites)
            old_t_per_day.emplace(s.site_id, s.waste_t_per_day);
        m_options.old_waste_t_per_day = [&old_t_per_day](const Site& s) -> std::optional<double> {
            const auto it = old_t_per_day.find(s.site_id);
            return it == old_t_per_day.end() ? std::nullopt : it->second;
        };
        const auto diff = compare_snapshots(old_inventory.sites, new_inventory.sites, m_options);
        print_warnings(io, "progress", old_inventory.sites, waste_fill_warnings(old_waste));
        if (!m_changes.empty())
            write_progress_changes_csv(m_changes, diff);

        const bool for_people = format == ReportFormat::table || format == ReportFormat::md;
        const auto rejected = old_inventory.rejects.size() + new_inventory.rejects.size();
        for (const auto* inv : {&old_inventory, &new_inventory}) {
            if (for_people)
                io.out << records_line(*inv, io.locale) << "\n";
            if (!inv->rejects.empty())
                io.err << "warning: " << records_line(*inv) << "; its " << inv->rejects.size()
                       << " rejected records are not compared (list them with basural validate)\n";
        }
        if (for_people) {
            if (rejected > 0)
                io.out << tr_n(io.locale, "cmd.progress.rejected", static_cast<std::int64_t>(rejected)) << "\n";
            io.out << tr(io.locale, "cmd.progress.methane", {{"year", std::to_string(methane.reporting_year)}})
                   << "\n\n";
        }
        if (for_people) {
            print_lines(io.out, {tr(io.locale, "cmd.progress.old_snapshot", {{"line", status_rule_line(old_inventory.sites, io.locale)}}),
                                 tr(io.locale, "cmd.progress.old_snapshot", {{"line", waste_sources_line(old_waste, io.locale)}})});
            io.out << "\n";
        }
        print_tables(io, {progress_summary_table(diff)}, format,
                     {{"table.progress",
                       {"country", "old_sites", "new_sites", "closed", "remediated", "reclassified", "newly_found",
                        "gone_unexplained", "no_longer_inadequate_sites", "waste_no_longer_inadequate_t_per_day",
                        "ch4_reduction_t_per_year"}}});
        if (for_people && !m_changes.empty())
            io.out << "\n"
                   << tr_n(io.locale, "cmd.progress.changes_written", static_cast<std::int64_t>(diff.changes.size()),
                           {{"file", m_changes}})
                   << "\n";
        if (diff.total.no_longer_inadequate_sites > 0 && !diff.total.waste_no_longer_inadequate_t_per_day) {
            io.err << "basural progress: no result: the tonnage of all " << diff.total.no_longer_inadequate_sites
                   << " sites no longer inadequate is unknown and could not be estimated: map the tonnage column "
                      "(--field waste_t_per_day=COLUMN) or give --places\n";
            return 1;
        }
        return 0;
    }

private:
    std::string m_old;
    std::string m_new;
    std::string m_format = "table";
    std::string m_changes;
    std::string m_old_layer;
    std::string m_new_layer;
    int m_year = DEFAULT_REPORTING_YEAR;
    DiffOptions m_options;
    WasteInputs m_waste;
    InventoryOptions m_load;
};

const Registrar reg{"progress", "Closure progress between two inventory snapshots: closed, remediated, new, gone",
                    [] { return std::make_unique<ProgressCommand>(); }};

}  // namespace
}  // namespace basural::app

// basural regionalize: a regional landfill plan from an inventory (docs/cli/regionalize.md).
#include "admin1_input.hpp"
#include "command.hpp"
#include "domain_inputs.hpp"
#include "inventory_options.hpp"
#include "progress_bar.hpp"
#include "report_output.hpp"

#include "basural/inventory/country_waste.hpp"
#include "basural/base/datasets.hpp"
#include "basural/base/error.hpp"
#include "basural/base/locale.hpp"
#include "basural/base/messages.hpp"
#include "basural/base/pg_connection.hpp"
#include "basural/inventory/places.hpp"
#include "basural/planning/plan_summary.hpp"
#include "basural/planning/regionalize.hpp"
#include "basural/base/report_table.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <ostream>

namespace basural::app {
namespace {

std::int64_t count_of(std::size_t n)
{
    return static_cast<std::int64_t>(n);
}

/// "Plan written to plan.gpkg: 3 facilities, 120 sites assigned, 0 unserved, 2 existing landfills not used."
/// in the reader's language, each part agreeing in number with its own count.
std::string plan_line(const Locale& loc, const RegionalPlan& plan, const std::string& target)
{
    return tr(loc, "cmd.regionalize.written",
              {{"target", target},
               {"facilities", tr_n(loc, "count.facilities", count_of(plan.facilities.size()))},
               {"assigned", tr_n(loc, "cmd.regionalize.assigned", count_of(plan.assignments.size()))},
               {"unserved", tr_n(loc, "cmd.regionalize.unserved", count_of(plan.unserved.size()))},
               {"unused", tr_n(loc, "cmd.regionalize.unused", count_of(plan.unused_landfills.size()))}});
}

/// How many sites without admin1_code were given a state, and how (--per-admin1).
std::string admin1_line(const Locale& loc, const Admin1Fill& filled)
{
    const auto count = [&](std::size_t n) { return format_count(count_of(n), loc.numbers); };
    return tr(loc, "cmd.regionalize.admin1",
              {{"given", count(filled.from_name + filled.from_location)},
               {"without", count(filled.without_code)},
               {"from_location", count(filled.from_location)},
               {"from_name", count(filled.from_name)}});
}

class RegionalizeCommand : public Command {
public:
    void setup(CLI::App& sub) override
    {
        sub.add_option("inventory", m_inventory,
                       "Inventory to plan: any vector source GDAL reads (default: the shipped datasets/lac_sites.csv)");
        m_load.add_to(sub);
        sub.add_option("--country", m_countries, "ISO3 code of a country to plan (repeatable; default: all)")
            ->expected(1)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
            ->allow_extra_args(false);
        sub.add_option("--max-haul-km", m_options.max_haul_km,
                       "Longest haul from a dump to its regional landfill, km (in the matrix's unit with --matrix; "
                       "default 50: direct haul without transfer stations)");
        sub.add_option("--min-t-per-day", m_options.min_t_per_day,
                       "Minimum viable throughput of a proposed regional landfill, t/day; smaller ones are closed "
                       "and their sites reassigned or left unserved (default 0: none)");
        sub.add_option("--capacity-t-per-day", m_capacity, "Capacity of every facility, t/day (default unlimited)");
        sub.add_flag("--reuse-existing", m_options.reuse_existing,
                     "Existing active sanitary landfills are always-open facilities (otherwise only candidates)");
        sub.add_flag("--per-admin1", m_options.per_admin1,
                     "Solve each state/province (admin1_code) on its own: no haul across admin-1 borders; sites "
                     "without admin1_code get the unit their location lies in");
        m_admin1.add_to(sub);
        sub.add_flag("--cross-border", m_options.allow_cross_border,
                     "Allow hauls across national land borders (default: never)");
        sub.add_option("--matrix", m_matrix,
                       "Travel costs between sites: table with origin_id (dump site_id), destination_id (candidate "
                       "site_id), cost; pairs not given are not allowed (default: geodesic km)");
        sub.add_option("--detour-factor", m_options.detour_factor,
                       "Road km over geodesic km applied to hauls (>= 1; default 1 = geodesic)");
        sub.add_option("--cost-a", m_cost_a, "Cost model: facility cost per year = A x (t/day)^B");
        sub.add_option("--cost-b", m_cost_b, "Cost model: scale exponent B (default 1 when --cost-a is given)");
        sub.add_option("--haul-cost-per-t-km", m_haul_cost, "Cost model: haul cost per tonne-km (default 0)");
        m_waste.add_to(sub);
        sub.add_flag("--no-waste-estimate", m_no_estimate,
                     "Do not estimate unknown tonnages from places and country waste rates (unknown tonnages "
                     "then take the country median of the known ones, or stay unknown: that country is then "
                     "planned by site count)");
        sub.add_option("--threads", m_options.threads,
                       "Threads solving countries and groups of sites at once (default 0 = one per CPU, at most " +
                           std::to_string(MAX_THREADS) + "); the plan is the same for any number")
            ->check(CLI::Range(std::size_t{0}, MAX_THREADS));
        sub.add_option("--format", m_format, "Summary format: table, csv, json or md (default table)")
            ->check(CLI::IsMember({"table", "csv", "json", "md"}));
        sub.add_option("-o,--output", m_output, "Plan to write: a .gpkg file or a PG: connection")->required();
        sub.footer("Demand: open and controlled dumps whose status is active, closing or unknown. Candidates: those "
                   "dumps' own locations and sanitary landfills (active or unknown). Each country (and each "
                   "island, and each group of sites linked within the haul) is solved on its own: LSCP for the "
                   "number of facilities, then p-median for where. See docs/cli/regionalize.md and "
                   "docs/methods/regionalization.md.");
    }

    int run(Streams& io) override
    {
        const auto format = parse_report_format(m_format);
        const std::string path = given_or_shipped(m_inventory, SHIPPED_INVENTORY);
        const std::string countries_path = given_or_shipped(m_load.countries_path, SHIPPED_COUNTRIES);
        const CountryBoundaries countries(countries_path);
        auto inv_options = m_load.load_options(io);
        inv_options.countries = &countries;
        const auto inventory = load_inventory(path, inv_options);

        m_options.countries = m_countries;
        m_options.capacity_t_per_day = m_capacity;
        if (m_cost_a || m_cost_b || m_haul_cost)
            m_options.cost = CostModel{m_cost_a.value_or(0.0), m_cost_b.value_or(1.0), m_haul_cost.value_or(0.0)};
        if (!m_matrix.empty()) {
            const auto progress = progress_bar(io);
            ProgressFn read_progress;
            if (progress)
                read_progress = [&](std::string_view, double f) { progress("read " + m_matrix, f); };
            m_options.matrix = read_travel_matrix(m_matrix, MAX_MATRIX_PAIRS, read_progress);
            m_options.matrix_source = m_matrix;
        }
        m_waste.from_places = !m_no_estimate;
        auto waste = m_waste.fill(inventory.sites, m_no_estimate ? std::vector<Place>{} : m_waste.load_places());
        std::optional<Admin1Boundaries> units;
        Admin1Fill units_filled;
        if (m_options.per_admin1) {
            units = m_admin1.load();
            units_filled = fill_admin1_codes(waste.sites, *units);
        }

        m_options.implausible_waste = waste.implausible;
        auto plan = regionalize(waste.sites, m_options, countries, progress_bar(io));
        plan.parameters["inventory"] = inventory.source;
        plan.parameters["inventory_records_read"] = std::to_string(inventory.records_read);
        plan.parameters["inventory_rejected_not_planned"] = std::to_string(inventory.rejects.size());
        plan.parameters["waste_estimated_from_places"] = m_no_estimate ? "no" : "yes";
        if (!m_matrix.empty())
            plan.parameters["matrix"] = m_matrix;
        record_waste_sources(plan, waste);
        write_plan(plan, m_output);

        if (!inventory.rejects.empty())
            io.err << "regionalize: " << inventory.rejects.size() << " of " << inventory.records_read
                   << " records were rejected and are not in the plan (run basural validate for the reasons)\n";
        print_warnings(io, "regionalize", inventory.sites, waste_fill_warnings(waste));
        if (format == ReportFormat::table || format == ReportFormat::md) {
            io.out << plan_line(io.locale, plan, redact_connection_string(m_output));
            if (m_options.per_admin1)
                io.out << " " << admin1_line(io.locale, units_filled);
            io.out << "\n" << tr(io.locale, "cmd.regionalize.assumptions") << "\n";
            print_lines(io.out, plan_assumptions(plan, io.locale), "  ");
            io.out << "\n";
        }
        std::vector<std::string> key{"country", "weighting", "demand_sites", "sites_served", "sites_unserved",
                                     "facilities_proposed", "facilities_existing", "waste_t_per_day",
                                     "share_waste_estimated", "mean_haul_km"};
        std::map<std::string, std::string> names;
        if (m_options.per_admin1) {  // solved per state: its code and name
            names = part_names(plan, waste.sites, units ? &*units : nullptr);
            key.insert(key.begin() + 1, {"part", "part_name"});
        } else if (std::any_of(plan.summary.begin(), plan.summary.end(), [](const auto& s) { return !s.part.empty(); })) {
            key.insert(key.begin() + 1, "part");
        }
        print_tables(io, {plan_summary_table(plan, m_options.per_admin1 ? &names : nullptr)}, format,
                     {{"table.regionalize", key}});
        return 0;
    }

private:
    std::string m_inventory;
    InventoryOptions m_load;
    Admin1Input m_admin1;
    std::vector<std::string> m_countries;
    RegionalizeOptions m_options;
    std::optional<double> m_capacity;
    std::optional<double> m_cost_a;
    std::optional<double> m_cost_b;
    std::optional<double> m_haul_cost;
    std::string m_matrix;
    bool m_no_estimate = false;
    WasteInputs m_waste;
    std::string m_format = "table";
    std::string m_output;
};

const Registrar reg{"regionalize",
                    "Propose regional sanitary landfills for the dumps of each country and write the plan",
                    [] { return std::make_unique<RegionalizeCommand>(); }};

}  // namespace
}  // namespace basural::app

// basural info: what an inventory holds, per country (docs/cli/info.md).
#include "admin1_input.hpp"
#include "command.hpp"
#include "inventory_options.hpp"
#include "report_output.hpp"

#include "basural/base/datasets.hpp"
#include "basural/reports/admin1_summary.hpp"
#include "basural/reports/inventory_summary.hpp"
#include "basural/base/report_table.hpp"

#include <ostream>

namespace basural::app {
namespace {

class InfoCommand : public Command {
public:
    void setup(CLI::App& sub) override
    {
        sub.add_option("inventory", m_inventory,
                       "Inventory to describe: any vector source GDAL reads (default: the shipped "
                       "datasets/lac_sites.csv)");
        m_load.add_to(sub);
        sub.add_option("--by", m_by,
                       "Sites per country (default), or also per first-level unit (state, province, department): "
                       "country or admin1")
            ->check(CLI::IsMember({"country", "admin1"}));
        m_admin1.add_to(sub);
        sub.add_option("--format", m_format, "Output format: table, csv, json or md (default table)")
            ->check(CLI::IsMember({"table", "csv", "json", "md"}));
        sub.footer("Prints records read = loaded + rejected, sites per country by type, status and provenance "
                   "with LAC totals, and how complete each field is. Run basural validate for the reasons of "
                   "rejected records.");
    }

    int run(Streams& io) override
    {
        const auto format = parse_report_format(m_format);
        const std::string path = given_or_shipped(m_inventory, SHIPPED_INVENTORY);
        const auto inventory = load_inventory(path, m_load.load_options(io));
        print_load_diagnostics(inventory, io);
        auto tables = inventory_summary(inventory);
        if (m_by == "admin1") {
            const auto units = m_admin1.load();
            tables.insert(tables.begin() + 2, inventory_by_admin1(inventory.sites, site_admin1(inventory.sites, &units)));
        }
        if (format == ReportFormat::table || format == ReportFormat::md) {
            // For people: the records table reads better as one line.
            io.out << records_line(inventory, io.locale) << "\n\n";
            tables.erase(tables.begin());
        }
        std::vector<TableView> views{{"table.info.countries",
                                      {"country", "sites", "open_dump", "controlled_dump", "sanitary_landfill", "active",
                                       "status_unknown", "estimated"}},
                                     {"table.info.completeness", {"field", "LAC_pct"}}};
        if (m_by == "admin1")
            views.insert(views.begin() + 1, {"table.info.admin1",
                                             {"country", "admin1", "admin1_name", "sites", "open_dump",
                                              "sanitary_landfill", "active", "admin1_derived"}});
        print_tables(io, tables, format, views);
        return 0;
    }

private:
    std::string m_inventory;
    InventoryOptions m_load;
    Admin1Input m_admin1;
    std::string m_by = "country";
    std::string m_format = "table";
};

const Registrar reg{"info", "Describe an inventory: sites per country by type, status, provenance; field completeness",
                    [] { return std::make_unique<InfoCommand>(); }};

}  // namespace
}  // namespace basural::app

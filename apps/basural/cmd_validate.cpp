// basural validate: check an inventory and explain every rejected record (docs/cli/validate.md).
#include "command.hpp"
#include "option_checks.hpp"
#include "inventory_options.hpp"
#include "report_output.hpp"

#include "basural/base/messages.hpp"
#include "basural/reports/inventory_summary.hpp"
#include "basural/base/report_table.hpp"

#include <algorithm>
#include <ostream>

namespace basural::app {
namespace {

class ValidateCommand : public Command {
public:
    void setup(CLI::App& sub) override
    {
        sub.add_option("inventory", m_inventory, "Inventory to check: any vector source GDAL reads")->required();
        sub.add_option("--rejects", m_rejects,
                       "Write every rejected record to this CSV (file,record,field,value,reason,check)");
        sub.add_option("--show", m_show, "How many rejected records to print in full (default 10)")
            ->check(whole_number(0));
        m_load.add_to(sub);
        sub.footer("Exit codes: 0 every record is valid, 1 some records were rejected (or the source could not "
                   "be read), 2 the command line was wrong.");
    }

    int run(Streams& io) override
    {
        const auto inventory = load_inventory(m_inventory, m_load.load_options(io));
        if (!m_rejects.empty())
            write_rejects(inventory.rejects, m_rejects);
        for (const auto& n : inventory.notices)
            io.err << "note: " << n << "\n";
        const Locale& loc = io.locale;
        io.out << records_line(inventory, loc) << "\n";
        if (inventory.rejects.empty()) {
            io.out << tr(loc, "cmd.validate.all_valid") << "\n";
            return 0;
        }
        io.out << "\n";
        print_tables(io, {rejects_by_check(inventory.rejects)}, ReportFormat::table, {{"table.validate", {}}});
        const auto shown = std::min<std::size_t>(m_show, inventory.rejects.size());
        if (shown > 0) {
            io.out << "\n"
                   << tr(loc, "cmd.validate.first",
                         {{"shown", format_count(static_cast<std::int64_t>(shown), loc.numbers)},
                          {"all", format_count(static_cast<std::int64_t>(inventory.rejects.size()), loc.numbers)}})
                   << "\n";
            for (std::size_t i = 0; i < shown; ++i)
                io.out << "  " << inventory.rejects[i].message() << "\n";
        }
        if (!m_rejects.empty())
            io.out << "\n" << tr(loc, "cmd.validate.written", {{"file", m_rejects}}) << "\n";
        else
            io.out << "\n" << tr(loc, "cmd.validate.hint") << "\n";
        return 1;
    }

private:
    std::string m_inventory;
    std::string m_rejects;
    std::size_t m_show = 10;
    InventoryOptions m_load;
};

const Registrar reg{"validate", "Check an inventory against the schema and explain each rejected record",
                    [] { return std::make_unique<ValidateCommand>(); }};

}  // namespace
}  // namespace basural::app

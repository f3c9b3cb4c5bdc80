// basural import: harmonise a source into the site schema (docs/cli/import.md).
#include "command.hpp"
#include "inventory_options.hpp"

#include "basural/base/messages.hpp"
#include "basural/reports/inventory_summary.hpp"
#include "basural/base/pg_connection.hpp"

#include <ostream>

namespace basural::app {
namespace {

class ImportCommand : public Command {
public:
    void setup(CLI::App& sub) override
    {
        sub.add_option("source", m_source,
                       "Source to import: GeoPackage, Shapefile, GeoJSON, CSV with lon/lat columns, FlatGeobuf, "
                       "KML, XLSX, a PG: connection string...")
            ->required();
        sub.add_option("-o,--output", m_output,
                       "Inventory to write, format by extension: .gpkg (recommended), .geojson, .fgb, .csv, .xlsx; or a "
                       "PostGIS database as a GDAL PG: connection string (the table is --output-layer, replaced in "
                       "one transaction)")
            ->required();
        sub.add_option("--output-layer", m_output_layer, "Layer name in the output, or table name in a PG: database (default sites)");
        sub.add_option("--rejects", m_rejects,
                       "Write the rejected records to this CSV (file,record,field,value,reason,check)");
        sub.add_option("--merges", m_merges,
                       "Write the records merged into shared sites to this CSV "
                       "(record,site_id,into_record,into_site_id,distance_m)");
        m_load.add_to(sub);
        sub.footer("The output holds the loaded sites in the schema (docs/data-schema.md); rejected records are "
                   "not written to it: list them with --rejects or basural validate.");
    }

    int run(Streams& io) override
    {
        const auto inventory = load_inventory(m_source, m_load.load_options(io));
        write_inventory(inventory, m_output, m_output_layer);
        if (!m_rejects.empty())
            write_rejects(inventory.rejects, m_rejects);
        if (!m_merges.empty())
            write_merges(inventory.merges, m_merges);
        print_load_diagnostics(inventory, io);
        print_summary(io, inventory);
        return 0;
    }

private:
    /// What was read and written, for people, in the reader's language.
    void print_summary(Streams& io, const Inventory& inventory) const
    {
        const Locale& loc = io.locale;
        const auto n = [](std::size_t v) { return static_cast<std::int64_t>(v); };
        io.out << records_line(inventory, loc) << "\n";
        std::string target = redact_connection_string(m_output);
        if (m_output.rfind("PG:", 0) == 0)
            target = tr(loc, "cmd.import.table", {{"target", target}, {"table", m_output_layer}});
        io.out << tr_n(loc, "cmd.import.wrote", n(inventory.sites.size()), {{"target", target}}) << "\n";
        if (!m_rejects.empty())
            io.out << tr_n(loc, "cmd.import.rejects_written", n(inventory.rejects.size()), {{"file", m_rejects}}) << "\n";
        else if (!inventory.rejects.empty())
            io.out << tr_n(loc, "cmd.import.rejects_hint", n(inventory.rejects.size())) << "\n";
        if (!m_merges.empty())
            io.out << tr_n(loc, "cmd.import.merges_written", n(inventory.merges.size()), {{"file", m_merges}}) << "\n";
        else if (!inventory.merges.empty())
            io.out << tr_n(loc, "cmd.import.merges_hint", n(inventory.merges.size())) << "\n";
    }

    std::string m_source;
    std::string m_output;
    std::string m_output_layer = std::string(DEFAULT_INVENTORY_LAYER);
    std::string m_rejects;
    std::string m_merges;
    InventoryOptions m_load;
};

const Registrar reg{"import", "Harmonise a source (any vector format) into the site schema, written atomically",
                    [] { return std::make_unique<ImportCommand>(); }};

}  // namespace
}  // namespace basural::app

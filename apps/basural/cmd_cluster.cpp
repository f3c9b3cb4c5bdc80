// basural cluster: density clusters of an inventory's sites, per country (docs/cli/cluster.md).
#include "command.hpp"
#include "option_checks.hpp"
#include "inventory_options.hpp"
#include "report_output.hpp"

#include "basural/base/datasets.hpp"
#include "basural/base/error.hpp"
#include "basural/base/messages.hpp"
#include "basural/planning/site_clusters.hpp"
#include "basural/base/report_table.hpp"

#include <memory>
#include <optional>
#include <ostream>

namespace basural::app {
namespace {

class ClusterCommand : public Command {
public:
    void setup(CLI::App& sub) override
    {
        sub.add_option("inventory", m_inventory,
                       "Inventory to cluster: any vector source GDAL reads (default: the shipped datasets/lac_sites.csv)");
        m_load.add_to(sub);
        sub.add_option("--method", m_method, "dbscan or hdbscan (default dbscan)")
            ->check(CLI::IsMember({"dbscan", "hdbscan"}));
        auto* eps = sub.add_option("--eps-km", m_eps_km, "DBSCAN neighbourhood radius, km (geodesic); required for dbscan");
        sub.add_option("--min-points", m_min_points,
                       "DBSCAN: sites within eps (itself included) that make a core site (default 3); "
                       "HDBSCAN: min_samples of the core distance (default: --min-cluster-size)")
            ->check(whole_number(1));
        sub.add_option("--min-cluster-size", m_min_cluster_size, "HDBSCAN: smallest cluster (default 5)")
            ->check(whole_number(1))
            ->excludes(eps);
        sub.add_option("--country", m_countries, "ISO3 code of a country to cluster (repeatable; default: all)")
            ->expected(1)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
            ->allow_extra_args(false);
        sub.add_flag("--cross-border", m_cross_border,
                     "Cluster all countries together (default: each country on its own, never across borders)");
        sub.add_option("--format", m_format, "Summary format: table, csv, json or md (default table)")
            ->check(CLI::IsMember({"table", "csv", "json", "md"}));
        sub.add_option("-o,--output", m_output,
                       "Write every site with its cluster (layer site_clusters) to this file (format by extension: "
                       ".gpkg, .geojson, .csv, .fgb...) or PG: connection");
        sub.footer("Clusters every site of the inventory (all types and statuses). Noise sites have cluster_id "
                   "\"noise\" and label -1. See docs/cli/cluster.md and docs/methods/clustering.md.");
    }

    int run(Streams& io) override
    {
        const auto format = parse_report_format(m_format);
        const auto options = cluster_options();

        const std::string path = given_or_shipped(m_inventory, SHIPPED_INVENTORY);
        const auto inventory = load_inventory(path, m_load.load_options(io));
        if (!inventory.rejects.empty())
            io.err << "cluster: " << inventory.rejects.size() << " of " << inventory.records_read
                   << " records were rejected and are not clustered (run basural validate for the reasons)\n";
        const auto result = cluster_sites(inventory.sites, options);
        if (!m_output.empty())
            write_site_clusters(result, m_output);

        const auto noise = noise_site_count(result);
        if (format == ReportFormat::table || format == ReportFormat::md)
            io.out << tr(io.locale, "cmd.cluster.summary",
                         {{"sites", tr_n(io.locale, "count.sites", static_cast<std::int64_t>(result.sites.size()))},
                          {"clusters", tr_n(io.locale, "cmd.cluster.clusters",
                                            static_cast<std::int64_t>(result.clusters.size()))},
                          {"noise", tr_n(io.locale, "cmd.cluster.noise", static_cast<std::int64_t>(noise))}})
                   << "\n\n";
        print_tables(io, {site_cluster_table(result)}, format,
                     {{"table.cluster",
                       {"cluster_id", "country", "sites", "core_sites", "waste_t_per_day", "central_site_id",
                        "max_distance_from_centroid_km"}}});
        return 0;
    }

private:
    /// The options of cluster_sites(), with the rules on option values (that --eps-km and
    /// --min-cluster-size do not go together is declared in setup() with CLI11's excludes).
    SiteClusterOptions cluster_options() const
    {
        SiteClusterOptions options;
        options.method = m_method == "hdbscan" ? ClusterMethod::hdbscan : ClusterMethod::dbscan;
        if (options.method == ClusterMethod::dbscan) {
            if (!m_eps_km)
                throw usage_error("--method dbscan needs --eps-km (the neighbourhood radius in km)");
            if (m_min_cluster_size)
                throw usage_error("--min-cluster-size applies to hdbscan only");
            options.eps_km = *m_eps_km;
            options.min_points = m_min_points.value_or(3);
        } else {
            if (m_eps_km)
                throw usage_error("--eps-km applies to dbscan only");
            options.min_cluster_size = m_min_cluster_size.value_or(5);
            options.min_points = m_min_points.value_or(0);
        }
        options.countries = m_countries;
        options.cross_border = m_cross_border;
        return options;
    }

    std::string m_inventory;
    InventoryOptions m_load;
    std::string m_method = "dbscan";
    std::optional<double> m_eps_km;
    std::optional<std::size_t> m_min_points;
    std::optional<std::size_t> m_min_cluster_size;
    std::vector<std::string> m_countries;
    bool m_cross_border = false;
    std::string m_format = "table";
    std::string m_output;
};

const Registrar reg{"cluster", "Density clusters (DBSCAN, HDBSCAN) of an inventory's sites, per country",
                    [] { return std::make_unique<ClusterCommand>(); }};

}  // namespace
}  // namespace basural::app

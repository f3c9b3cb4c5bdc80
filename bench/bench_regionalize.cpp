// bench_regionalize: median wall time over the shipped inventory (datasets/lac_sites.csv) of
//  - DBSCAN per country (cluster_sites, eps 10 km, min points 3), and
//  - the whole LAC regional plan (regionalize, defaults: 50 km haul, no minimum), waste estimated as
//    `basural regionalize` does (estimate_waste from the shipped places, then impute_missing_waste);
//    the estimate and loading are timed apart.
//
//   bench_regionalize [--runs R] [--max-haul-km D] [--min-t-per-day T] [--threads N]
// (--threads: regionalize's threads, 0 = one per hardware thread, the default)
#include "basural/country_waste.hpp"
#include "basural/datasets.hpp"
#include "basural/inventory.hpp"
#include "basural/places.hpp"
#include "basural/regionalize.hpp"
#include "basural/waste_estimate.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

using namespace basural;

namespace {

double median_ms(int runs, const std::function<void()>& f)
{
    std::vector<double> t;
    for (int r = 0; r < runs; ++r) {
        const auto start = std::chrono::steady_clock::now();
        f();
        t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

}  // namespace

int main(int argc, char** argv)
{
    int runs = 5;
    RegionalizeOptions options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--runs")
            runs = std::atoi(argv[i + 1]);
        else if (a == "--max-haul-km")
            options.max_haul_km = std::atof(argv[i + 1]);
        else if (a == "--min-t-per-day")
            options.min_t_per_day = std::atof(argv[i + 1]);
        else if (a == "--threads")
            options.threads = static_cast<std::size_t>(std::atoi(argv[i + 1]));
    }
    try {
        Inventory inv;
        const double load_ms = median_ms(1, [&] { inv = load_shipped_inventory(); });
        const CountryBoundaries countries(find_dataset(SHIPPED_COUNTRIES).string());
        std::vector<Site> sites;
        const double estimate_ms = median_ms(1, [&] {
            const auto places = load_places(find_dataset(SHIPPED_PLACES));
            const auto rates = load_country_waste(find_dataset(SHIPPED_COUNTRY_WASTE));
            sites = estimate_waste(inv.sites, places, rates).sites;
            impute_missing_waste(sites);
        });
        std::size_t demand = 0;
        for (const auto& s : sites)
            demand += is_regional_demand(s) ? 1 : 0;

        SiteClusterOptions co;
        co.eps_km = 10.0;
        co.min_points = 3;
        std::size_t clusters = 0;
        const double dbscan_ms = median_ms(runs, [&] { clusters = cluster_sites(inv.sites, co).clusters.size(); });

        RegionalPlan plan;
        const std::clock_t cpu_start = std::clock();
        const double plan_ms = median_ms(runs, [&] { plan = regionalize(sites, options, countries); });
        const double plan_cpu_ms = 1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC / runs;

        std::printf("sites %zu, demand sites %zu, runs %d\n", sites.size(), demand, runs);
        std::printf("load shipped inventory          %10.1f ms (once)\n", load_ms);
        std::printf("estimate waste (places)         %10.1f ms (once)\n", estimate_ms);
        std::printf("dbscan per country (10 km, 3)   %10.1f ms  -> %zu clusters\n", dbscan_ms, clusters);
        std::printf("regionalize LAC (%.0f km)         %10.1f ms  -> %zu facilities, %zu assigned, %zu unserved\n",
                    options.max_haul_km, plan_ms, plan.facilities.size(), plan.assignments.size(),
                    plan.unserved.size());
        std::printf("  CPU time, all threads         %10.1f ms  (threads: %s)\n", plan_cpu_ms,
                    options.threads == 0 ? "one per hardware thread" : std::to_string(options.threads).c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_regionalize: %s\n", e.what());
        return 1;
    }
    return 0;
}

// bench_regionalize: wall time (median, and the fastest and slowest of the runs) over the shipped
// inventory (datasets/lac_sites.csv) of
//  - DBSCAN per country (cluster_sites, eps 10 km, min points 3), and
//  - the whole LAC regional plan (regionalize, defaults: 50 km haul, no minimum), waste estimated as
//    `basural regionalize` does (fill_waste from the shipped places and country rates);
//    the estimate and loading are timed apart.
//
//   bench_regionalize [--runs R] [--max-haul-km D] [--min-t-per-day T] [--threads N]
// (--threads: regionalize's threads, 0 = one per hardware thread, the default)
#include "basural/inventory/country_waste.hpp"
#include "basural/base/datasets.hpp"
#include "basural/inventory/inventory.hpp"
#include "basural/inventory/places.hpp"
#include "basural/inventory/site_predicates.hpp"
#include "basural/planning/regionalize.hpp"
#include "basural/planning/site_clusters.hpp"
#include "basural/planning/waste_estimate.hpp"

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

struct Timing {
    double median_ms = 0.0;
    double min_ms = 0.0;
    double max_ms = 0.0;
};

Timing time_runs(int runs, const std::function<void()>& f)
{
    std::vector<double> t;
    for (int r = 0; r < runs; ++r) {
        const auto start = std::chrono::steady_clock::now();
        f();
        t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(t.begin(), t.end());
    return {t[t.size() / 2], t.front(), t.back()};
}

// "median ms (min-max)": the spread shows how far one run may stray on a shared machine
std::string spread(const Timing& t)
{
    char buf[96];
    std::snprintf(buf, sizeof buf, "%10.1f ms (%.1f-%.1f)", t.median_ms, t.min_ms, t.max_ms);
    return buf;
}

}  // namespace

int main(int argc, char** argv)
{
    int runs = 5;
    RegionalizeOptions options;
    for (int i = 1; i < argc; i += 2) {
        const std::string a = argv[i];
        if (i + 1 >= argc) {
            std::fprintf(stderr, "bench_regionalize: %s needs a value\n", a.c_str());
            return 2;
        }
        if (a == "--runs")
            runs = std::atoi(argv[i + 1]);
        else if (a == "--max-haul-km")
            options.max_haul_km = std::atof(argv[i + 1]);
        else if (a == "--min-t-per-day")
            options.min_t_per_day = std::atof(argv[i + 1]);
        else if (a == "--threads")
            options.threads = static_cast<std::size_t>(std::atoi(argv[i + 1]));
        else {
            std::fprintf(stderr,
                         "bench_regionalize: unknown option %s\n"
                         "usage: bench_regionalize [--runs R] [--max-haul-km D] [--min-t-per-day T] [--threads N]\n",
                         a.c_str());
            return 2;
        }
    }
    if (runs < 1) {
        std::fprintf(stderr, "bench_regionalize: --runs must be at least 1\n");
        return 2;
    }
    try {
        Inventory inv;
        const double load_ms = time_runs(1, [&] { inv = load_shipped_inventory(); }).median_ms;
        const CountryBoundaries countries(find_dataset(SHIPPED_COUNTRIES).string());
        std::vector<Site> sites;
        const double estimate_ms = time_runs(1, [&] {
            const auto places = load_places(find_dataset(SHIPPED_PLACES));
            const auto rates = load_country_waste(find_dataset(SHIPPED_COUNTRY_WASTE));
            sites = fill_waste(inv.sites, places, rates).sites;
        }).median_ms;
        std::size_t demand = 0;
        for (const auto& s : sites)
            demand += is_receiving_dump(s) ? 1 : 0;

        SiteClusterOptions co;
        co.eps_km = 10.0;
        co.min_points = 3;
        std::size_t clusters = 0;
        const Timing dbscan = time_runs(runs, [&] { clusters = cluster_sites(inv.sites, co).clusters.size(); });

        RegionalPlan plan;
        const std::clock_t cpu_start = std::clock();
        const Timing plan_time = time_runs(runs, [&] { plan = regionalize(sites, options, countries); });
        const double plan_cpu_ms = 1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC / runs;

        std::printf("sites %zu, demand sites %zu, runs %d\n", sites.size(), demand, runs);
        std::printf("load shipped inventory          %10.1f ms (once)\n", load_ms);
        std::printf("estimate waste (places)         %10.1f ms (once)\n", estimate_ms);
        std::printf("dbscan per country (10 km, 3)   %s  -> %zu clusters\n", spread(dbscan).c_str(), clusters);
        std::printf("regionalize LAC (%.0f km)         %s  -> %zu facilities, %zu assigned, %zu unserved\n",
                    options.max_haul_km, spread(plan_time).c_str(), plan.facilities.size(), plan.assignments.size(),
                    plan.unserved.size());
        std::printf("  CPU time, all threads         %10.1f ms  (threads: %s)\n", plan_cpu_ms,
                    options.threads == 0 ? "one per hardware thread" : std::to_string(options.threads).c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_regionalize: %s\n", e.what());
        return 1;
    }
    return 0;
}

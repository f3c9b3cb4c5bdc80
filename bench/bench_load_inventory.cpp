// Times load_inventory (read, map, validate, point-in-country, near duplicates) on an inventory.
//   bench_load_inventory [INVENTORY] [--countries FILE] [--no-country-check] [--runs N]
// Defaults: the shipped inventory and boundaries (datasets/), 7 runs. Prints each run and the median;
// the target for the shipped ~14,000 sites is a median under 200 ms.
#include "basural/base/datasets.hpp"
#include "basural/base/error.hpp"
#include "basural/inventory/inventory.hpp"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace {

/// CPU time of the whole process (all threads), in ms: on a busy machine it moves less than wall time.
double process_cpu_ms()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv)
{
    std::string inventory;
    basural::LoadOptions options;
    int runs = 7;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--countries" && i + 1 < argc)
            options.countries_path = argv[++i];
        else if (arg == "--runs" && i + 1 < argc)
            runs = std::max(1, std::stoi(argv[++i]));
        else if (arg == "--no-country-check")
            options.check_countries = false;
        else if (arg == "--help" || arg == "-h") {
            std::puts("usage: bench_load_inventory [INVENTORY] [--countries FILE] [--no-country-check] [--runs N]");
            return 0;
        } else
            inventory = arg;
    }
    try {
        if (inventory.empty())
            inventory = basural::find_dataset(basural::SHIPPED_INVENTORY).string();
        std::vector<double> ms, cpu_ms;
        basural::Inventory inv;
        for (int r = 0; r < runs; ++r) {
            const auto c0 = process_cpu_ms();
            const auto t0 = std::chrono::steady_clock::now();
            inv = basural::load_inventory(inventory, options);
            const auto t1 = std::chrono::steady_clock::now();
            ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            cpu_ms.push_back(process_cpu_ms() - c0);
            std::printf("run %d: %.1f ms (cpu %.1f ms, all threads)\n", r + 1, ms.back(), cpu_ms.back());
        }
        std::sort(ms.begin(), ms.end());
        std::sort(cpu_ms.begin(), cpu_ms.end());
        std::printf("%s: %lld records read = %zu loaded + %zu rejected\n", inventory.c_str(),
                    static_cast<long long>(inv.records_read), inv.sites.size(), inv.rejects.size());
        std::printf("load_inventory median: %.1f ms over %d runs (min %.1f, max %.1f); median cpu %.1f ms\n",
                    ms[ms.size() / 2], runs, ms.front(), ms.back(), cpu_ms[cpu_ms.size() / 2]);
    } catch (const basural::error& e) {
        std::fprintf(stderr, "bench_load_inventory: %s\n", e.what());
        return 1;
    }
    return 0;
}

// Scale of the location models on a country-sized synthetic instance: n random sites over
// lon -75..-35, lat -33..5 (about Brazil's extent), each a demand point (weight 0.1-50 t/day) and a
// candidate; geodesic km x 1.3 detour within a cutoff. Library calls (the command adds reading).
//
//   bench_locate_scale [n] [cutoff_km] [p] [capacity]      defaults 5000 150 150 300
#include "basural/models/location/facility_location.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

using namespace basural;

int main(int argc, char** argv)
{
    const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 5000;
    const double cutoff_km = argc > 2 ? std::atof(argv[2]) : 150.0;
    const std::size_t p = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 150;
    const double capacity = argc > 4 ? std::atof(argv[4]) : 300.0;
    std::mt19937_64 rng(1);
    std::uniform_real_distribution<double> lon(-75, -35), lat(-33, 5), weight(0.1, 50);
    std::vector<LonLat> sites(n);
    for (auto& s : sites)
        s = {lon(rng), lat(rng)};
    LocationProblem pr;
    const auto t0 = std::chrono::steady_clock::now();
    pr.costs = SparseCostMatrix::from_geodesic_km(sites, sites, cutoff_km, 1.3);
    const double matrix_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    for (std::size_t i = 0; i < n; ++i)
        pr.demand_weights.push_back(weight(rng));
    pr.p = p;
    std::printf("n = %zu, cutoff %.0f km (x 1.3 detour), p = %zu: %zu pairs stored (dense would be %zu), built in %.0f ms\n\n",
                n, cutoff_km, p, pr.costs.entry_count(), n * n, matrix_ms);
    std::printf("| model | objective | bound | gap %% | facilities | unserved weight | solve ms |\n|---|--:|--:|--:|--:|--:|--:|\n");
    auto row = [](const char* name, const LocationSolution& s) {
        const double bound = s.model == LocationModel::mclp ? s.upper_bound : s.lower_bound;
        std::printf("| %s | %.1f | %.1f | %.3f | %zu | %.1f | %.0f |\n", name, s.objective, bound, 100.0 * s.gap,
                    s.facilities.size(), s.unserved_weight, s.time_ms);
    };
    row("p-median", solve_p_median(pr));
    row("mclp", solve_mclp(pr));
    row("lscp", solve_lscp(pr));
    pr.candidate_capacity.assign(n, capacity);
    row("p-median, capacity", solve_p_median(pr));
    return 0;
}

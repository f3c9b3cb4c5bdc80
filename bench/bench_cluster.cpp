// bench_cluster: median wall time of DBSCAN and HDBSCAN over points spread over Latin America and the
// Caribbean, or over the points of a file given as argument (any GDAL vector format; a CSV needs
// lon/lat columns: longitude, lon, x / latitude, lat, y).
//
//   bench_cluster [--n N] [--runs R] [--uniform] [--eps-km 20,50] [--min-points 3]
//                 [--min-cluster-size 5] [--no-hdbscan] [FILE]
//
// Synthetic points (seed 1): by default 80 % in Gaussian "cities" (sigma 5-60 km) around 300 random
// centres over LAC land-ish latitudes and 20 % scattered, which looks like a dumpsite inventory;
// --uniform spreads them uniformly over the box lon [-118, -34], lat [-56, 33].
#include "basural/models/cluster.hpp"
#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "basural/geo/spatial_index.hpp"
#include "detail/gdal.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace basural;

namespace {

std::vector<LonLat> synthetic_points(std::size_t n, bool uniform)
{
    std::mt19937_64 rng(1);
    std::uniform_real_distribution<double> lon(-118.0, -34.0), lat(-56.0, 33.0), unit(0.0, 1.0);
    std::vector<LonLat> pts;
    pts.reserve(n);
    if (uniform) {
        for (std::size_t i = 0; i < n; ++i)
            pts.push_back({lon(rng), lat(rng)});
        return pts;
    }
    std::vector<std::pair<LonLat, double>> cities;
    for (int c = 0; c < 300; ++c)
        cities.push_back({{lon(rng), lat(rng)}, 5000.0 + 55000.0 * unit(rng)});
    std::normal_distribution<double> gauss(0.0, 1.0);
    for (std::size_t i = 0; i < n; ++i) {
        if (unit(rng) < 0.2) {
            pts.push_back({lon(rng), lat(rng)});
            continue;
        }
        const auto& [centre, sigma_m] = cities[static_cast<std::size_t>(unit(rng) * 300.0) % 300];
        const double r_m = std::fabs(gauss(rng)) * sigma_m;
        pts.push_back(geodesic_direct(centre, 360.0 * unit(rng), r_m));
    }
    return pts;
}

std::vector<LonLat> file_points(const std::string& path)
{
    auto ds = detail::open_vector(path, {"X_POSSIBLE_NAMES=longitude,lon,x", "Y_POSSIBLE_NAMES=latitude,lat,y",
                                         "KEEP_GEOM_COLUMNS=NO"});
    std::vector<LonLat> pts;
    OGRLayer* layer = ds->GetLayer(0);
    if (!layer)
        throw input_error(path, "no layer");
    for (auto& feature : *layer) {
        const OGRGeometry* g = feature->GetGeometryRef();
        if (g && wkbFlatten(g->getGeometryType()) == wkbPoint) {
            const auto* p = g->toPoint();
            pts.push_back({p->getX(), p->getY()});
        }
    }
    return pts;
}

double cpu_ms() noexcept { return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

/// Median wall and CPU (process) time over `runs` runs; on a shared machine the CPU time is the
/// steadier figure.
struct Timing {
    double wall_ms = 0.0;
    double cpu_ms = 0.0;
};

Timing median_ms(int runs, const std::function<void()>& f)
{
    std::vector<double> wall, cpu;
    for (int r = 0; r < runs; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = cpu_ms();
        f();
        cpu.push_back(cpu_ms() - c0);
        wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

std::vector<double> parse_list(const std::string& s)
{
    std::vector<double> out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ','))
        out.push_back(std::stod(item));
    return out;
}

}  // namespace

int main(int argc, char** argv)
{
    std::size_t n = 14000, min_points = 3, min_cluster_size = 5;
    int runs = 5;
    bool uniform = false, run_hdbscan = true;
    std::vector<double> eps_km{20.0, 50.0};
    std::string path;
    for (int a = 1; a < argc; ++a) {
        const std::string arg = argv[a];
        auto value = [&]() -> std::string {
            if (a + 1 >= argc) {
                std::fprintf(stderr, "bench_cluster: %s needs a value\n", arg.c_str());
                std::exit(2);
            }
            return argv[++a];
        };
        if (arg == "--n")
            n = std::stoul(value());
        else if (arg == "--runs")
            runs = std::max(1, std::stoi(value()));
        else if (arg == "--uniform")
            uniform = true;
        else if (arg == "--eps-km")
            eps_km = parse_list(value());
        else if (arg == "--min-points")
            min_points = std::stoul(value());
        else if (arg == "--min-cluster-size")
            min_cluster_size = std::stoul(value());
        else if (arg == "--no-hdbscan")
            run_hdbscan = false;
        else if (!arg.empty() && arg[0] != '-')
            path = arg;
        else {
            std::fprintf(stderr, "bench_cluster: unknown option %s\n", arg.c_str());
            return 2;
        }
    }
    try {
        const auto pts = path.empty() ? synthetic_points(n, uniform) : file_points(path);
        std::printf("points: %zu (%s), runs: %d, median wall / CPU times\n", pts.size(),
                    path.empty() ? (uniform ? "uniform over LAC" : "synthetic cities over LAC") : path.c_str(), runs);
        for (const double e : eps_km) {
            ClusterResult r;  // DBSCAN builds its own grid: the time is the whole call
            const auto ms = median_ms(runs, [&] { r = dbscan(pts, e * 1000.0, min_points); });
            const auto noise = std::count(r.label.begin(), r.label.end(), NOISE_LABEL);
            std::printf("  dbscan eps %6.1f km min_points %zu  %8.1f / %8.1f ms  (%d clusters, %ld noise)\n", e, min_points,
                        ms.wall_ms, ms.cpu_ms, r.cluster_count, static_cast<long>(noise));
        }
        if (run_hdbscan) {
            const auto index_ms = median_ms(runs, [&] { const SpatialIndex index(pts); });
            std::printf("  spatial index build (HDBSCAN)        %8.1f / %8.1f ms\n", index_ms.wall_ms, index_ms.cpu_ms);
            const SpatialIndex index(pts);
            ClusterResult r;
            const auto ms = median_ms(runs, [&] { r = hdbscan(pts, {min_cluster_size, 0}); });
            const auto noise = std::count(r.label.begin(), r.label.end(), NOISE_LABEL);
            std::printf("  hdbscan min_cluster_size %zu           %8.1f / %8.1f ms  (%d clusters, %ld noise)\n",
                        min_cluster_size, ms.wall_ms, ms.cpu_ms, r.cluster_count, static_cast<long>(noise));
            const auto core_ms = median_ms(runs, [&] { (void)core_distances_m(index, min_cluster_size); });
            std::printf("    of which core distances            %8.1f / %8.1f ms\n", core_ms.wall_ms, core_ms.cpu_ms);
        }
    } catch (const std::exception& ex) {
        std::fprintf(stderr, "bench_cluster: %s\n", ex.what());
        return 1;
    }
    return 0;
}

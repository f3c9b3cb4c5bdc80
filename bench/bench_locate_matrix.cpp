// `basural locate` on a dense travel matrix, as a routing engine's table service returns it for one
// state: N municipalities x N candidate sites (default 5,000 x 5,000 = 25 million pairs), every pair
// given. The real binary reads the CSV, solves p-median and writes JSON; this program reports its wall
// time, CPU time (all threads), peak resident memory, and the objective, bound and gap it printed.
//   bench_locate_matrix [N] [p] [--runs R]          defaults 5000 50, 1 run
// The matrix is written once to the build tree (bench/matrix/dense_N.csv, about 22 bytes a pair):
// points uniform over lon -51..-40, lat -23..-14 (about the extent of Minas Gerais); the cost is the
// WGS84 geodesic distance in km times a road detour factor of 1.2-1.5 that depends on the pair
// (a fixed hash, so the file is the same on every machine), written with one decimal.
#include "basural/geo/geodesy.hpp"
#include "child_run.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

double detour(std::size_t i, std::size_t j)
{
    std::uint64_t h = (static_cast<std::uint64_t>(i) << 32) ^ j;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return 1.2 + 0.3 * static_cast<double>(h % 1000) / 1000.0;
}

fs::path write_matrix(std::size_t n, const fs::path& dir)
{
    const fs::path path = dir / ("dense_" + std::to_string(n) + ".csv");
    if (fs::exists(path))
        return path;
    std::mt19937_64 rng(20240601);
    std::uniform_real_distribution<double> lon(-51, -40), lat(-23, -14);
    std::vector<basural::LonLat> town(n), site(n);
    for (auto& p : town)
        p = {lon(rng), lat(rng)};
    for (auto& p : site)
        p = {lon(rng), lat(rng)};
    const fs::path tmp = dir / (path.filename().string() + ".tmp");
    std::FILE* out = std::fopen(tmp.c_str(), "w");
    if (!out)
        throw std::runtime_error("cannot write " + tmp.string());
    std::fputs("origin_id,destination_id,cost\n", out);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            std::fprintf(out, "m%zu,c%zu,%.1f\n", i + 1, j + 1,
                         basural::geodesic_distance_m(town[i], site[j]) / 1000.0 * detour(i, j));
    if (std::fclose(out) != 0)
        throw std::runtime_error("cannot write " + tmp.string());
    fs::rename(tmp, path);
    return path;
}


}  // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> pos;
    int runs = 1;
    for (int a = 1; a < argc; ++a) {
        if (std::strcmp(argv[a], "--runs") == 0 && a + 1 < argc)
            runs = std::atoi(argv[++a]);
        else
            pos.emplace_back(argv[a]);
    }
    const std::size_t n = pos.size() > 0 ? std::strtoul(pos[0].c_str(), nullptr, 10) : 5000;
    const std::size_t p = pos.size() > 1 ? std::strtoul(pos[1].c_str(), nullptr, 10) : 50;
    const fs::path dir = BASURAL_BENCH_WORK_DIR;
    fs::create_directories(dir);
    const auto t0 = std::chrono::steady_clock::now();
    const fs::path matrix = write_matrix(n, dir);
    std::printf("matrix %s: %zu x %zu = %zu pairs, %.0f MB (ready in %.1f s)\n", matrix.c_str(), n, n, n * n,
                static_cast<double>(fs::file_size(matrix)) / 1e6,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    std::printf("| run | exit | wall s | CPU s | peak MB | objective | lower bound | gap %% | time_ms |\n"
                "|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    const fs::path out = dir / "locate.json", err = dir / "stderr.txt";
    int status = 0;
    for (int r = 1; r <= runs; ++r) {
        fs::remove(out);  // a failed run must not report the previous run's figures
        const auto res = basural::bench::run_child(BASURAL_EXE,
                                                   {"locate", "--matrix", matrix.string(), "--model", "p-median",
                                                    "--p", std::to_string(p), "--format", "json", "--timing", "-o",
                                                    out.string()},
                                                   {}, err);
        nlohmann::json j;
        if (std::ifstream in(out); in)
            j = nlohmann::json::parse(in, nullptr, false);
        // a figure of the JSON, times `scale`, with `decimals`; "?" when the run wrote none
        const auto value = [&](const char* key, double scale, int decimals) {
            if (!j.is_object() || !j.contains(key) || !j[key].is_number())
                return std::string("?");
            char text[64];
            std::snprintf(text, sizeof text, "%.*f", decimals, scale * j[key].get<double>());
            return std::string(text);
        };
        std::printf("| %d | %d | %.1f | %.1f | %.0f | %s | %s | %s | %s |\n", r, res.exit_code, res.wall_s, res.cpu_s,
                    res.peak_mb, value("objective", 1, 1).c_str(), value("lower_bound", 1, 1).c_str(),
                    value("gap", 100, 2).c_str(), value("time_ms", 1, 0).c_str());
        if (res.exit_code != 0) {
            std::printf("stderr: %s\n", err.c_str());
            status = 1;
        }
    }
    return status;
}

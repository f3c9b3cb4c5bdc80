// Times `basural report` end to end, as an analyst runs it: the real binary on the shipped inventory,
// loading, the default plan, coverage by state, methane, the ranking, every map and chart, and the file
// written. The aim: Brazil (4,416 sites, 27 states, 28 maps) in under 5 s on 2 cores, HTML and PDF.
//   bench_report [--country ISO3] [--lang es|pt|en] [--runs N] [--keep]
// Defaults: BRA, pt, 5 runs of each format. Prints every run (wall time and the CPU time of the child,
// all threads) and the median of each format. Outputs go to the build tree (bench/report/).

#include "child_run.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Run {
    int exit_code = -1;
    double wall_ms = 0.0;
    double cpu_ms = 0.0;  ///< user + system time of the child process, all threads
    std::string err;
};

std::string slurp(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Run run(const std::vector<std::string>& args, const fs::path& work)
{
    const auto err_path = work / "stderr.txt";
    const auto c = basural::bench::run_child(BASURAL_EXE, args, {}, err_path);
    return Run{c.exit_code, c.wall_s * 1e3, c.cpu_s * 1e3, slurp(err_path)};
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv)
{
    std::string country = "BRA", lang = "pt";
    int runs = 5;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--country" && i + 1 < argc)
            country = argv[++i];
        else if (arg == "--lang" && i + 1 < argc)
            lang = argv[++i];
        else if (arg == "--runs" && i + 1 < argc)
            runs = std::max(1, std::stoi(argv[++i]));
        else if (arg == "--keep")
            keep = true;
        else {
            std::puts("usage: bench_report [--country ISO3] [--lang es|pt|en] [--runs N] [--keep]");
            return arg == "--help" || arg == "-h" ? 0 : 2;
        }
    }
    const fs::path work = fs::path(BASURAL_BENCH_WORK_DIR);
    fs::create_directories(work);
    for (const char* ext : {".html", ".pdf"}) {
        const fs::path out = work / (country + "_" + lang + ext);
        std::vector<double> wall, cpu;
        for (int r = 0; r < runs; ++r) {
            const Run run_r = run({"report", "--country", country, "--lang", lang, "-o", out.string()}, work);
            if (run_r.exit_code != 0) {
                std::fprintf(stderr, "bench_report: basural report failed (exit %d): %s", run_r.exit_code, run_r.err.c_str());
                return 1;
            }
            wall.push_back(run_r.wall_ms);
            cpu.push_back(run_r.cpu_ms);
            std::printf("%s %s run %d: %.0f ms (cpu %.0f ms)\n", country.c_str(), ext, r + 1, run_r.wall_ms, run_r.cpu_ms);
        }
        std::printf("%s %s: median %.0f ms over %d runs (min %.0f, max %.0f); median cpu %.0f ms; %.1f MB\n",
                    country.c_str(), ext, median(wall), runs, *std::min_element(wall.begin(), wall.end()),
                    *std::max_element(wall.begin(), wall.end()), median(cpu),
                    static_cast<double>(fs::file_size(out)) / 1e6);
        if (!keep)
            fs::remove(out);
    }
    return 0;
}

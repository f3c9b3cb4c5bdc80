// OR-Library location benchmarks run through the real command: each instance is converted to a
// cost-matrix CSV and solved by `basural locate --matrix ... --format json --timing`; the table
// compares the objective with the proven optimum and reports the Lagrangian bound and the times.
//
//   bench_locate_orlib [--data DIR] [--work DIR] [--basural EXE] [--only pmed|cap]
//
// Instances (bench/data, see /work/shared/data/README.md for the formats):
// - pmed1..pmed20 (Beasley 1990): "n m p", then m undirected edges "i j cost"; costs are all-pairs
//   shortest paths (orlib_pmed.hpp). Optima in pmedopt.txt.
// - pmedcap1_1..10 (Osman & Christofides 1994): "problem optimum", "n p capacity", n lines
//   "id x y demand"; every customer is a candidate; objective sum of distances (unweighted), demand
//   against the capacity (single sourcing). The published optima use Euclidean distances truncated to
//   integers (see docs/benchmarks.md); both truncated and exact distances are run.
#include "orlib_pmed.hpp"
#include "child_run.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
    double wall_ms = 0.0;
};

std::string slurp(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Run run(const std::string& exe, const std::vector<std::string>& args, const fs::path& work)
{
    const auto out_path = work / "stdout.txt", err_path = work / "stderr.txt";
    const auto c = basural::bench::run_child(exe, args, out_path, err_path);
    Run r;
    r.exit_code = c.exit_code;
    r.wall_ms = c.wall_s * 1e3;
    r.out = slurp(out_path);
    r.err = slurp(err_path);
    return r;
}

std::map<std::string, double> read_optima(const fs::path& path)
{
    std::map<std::string, double> out;
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::istringstream ss(line);
        std::string name;
        double value = 0;
        if (ss >> name >> value)
            out[name] = value;
    }
    return out;
}

void write_matrix(const fs::path& path, std::size_t n, const std::vector<double>& d)
{
    std::ofstream out(path);
    out << "origin_id,destination_id,cost\n";
    char buf[64];
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            std::snprintf(buf, sizeof buf, "%.17g", d[i * n + j]);
            out << (i + 1) << ',' << (j + 1) << ',' << buf << '\n';
        }
}

struct Row {
    std::string instance;
    std::size_t n = 0, p = 0;
    double optimum = 0, objective = 0, lower_bound = 0, gap = 0, solve_ms = 0, wall_ms = 0;
    bool ok = false;
    std::string error;
};

Row solve(const std::string& exe, const fs::path& work, const std::string& name, std::size_t n, std::size_t p,
          double optimum, const std::vector<std::string>& args)
{
    Row row;
    row.instance = name;
    row.n = n;
    row.p = p;
    row.optimum = optimum;
    const auto r = run(exe, args, work);
    if (r.exit_code != 0) {
        row.error = r.err;
        return row;
    }
    const auto j = json::parse(r.out);
    row.objective = j["objective"].get<double>();
    row.lower_bound = j["lower_bound"].get<double>();
    row.gap = j["gap"].get<double>();
    row.solve_ms = j["time_ms"].get<double>();
    row.wall_ms = r.wall_ms;
    row.ok = true;
    return row;
}

void print_table(const std::vector<Row>& rows, const char* title)
{
    std::cout << "\n### " << title << "\n\n";
    std::cout << "| instance | n | p | objective | optimum | to optimum % | lower bound | reported gap % | solve ms | command ms |\n";
    std::cout << "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n";
    char buf[512];
    for (const auto& r : rows) {
        if (!r.ok) {
            std::cout << "| " << r.instance << " | failed: " << r.error << " |\n";
            continue;
        }
        std::snprintf(buf, sizeof buf, "| %s | %zu | %zu | %.2f | %.0f | %.3f | %.2f | %.3f | %.0f | %.0f |\n",
                      r.instance.c_str(), r.n, r.p, r.objective, r.optimum,
                      100.0 * (r.objective - r.optimum) / r.optimum, r.lower_bound, 100.0 * r.gap, r.solve_ms,
                      r.wall_ms);
        std::cout << buf;
    }
}

std::vector<Row> run_pmed(const std::string& exe, const fs::path& data, const fs::path& work)
{
    const auto optima = read_optima(data / "pmedopt.txt");
    std::vector<Row> rows;
    for (int k = 1; k <= 20; ++k) {
        const std::string name = "pmed" + std::to_string(k);
        std::ifstream in(data / (name + ".txt"));
        const auto instance = basural::orlib::read_pmed(in);
        const std::size_t n = instance.n, p = instance.p;
        const auto& d = instance.distance;
        const auto matrix = work / (name + ".csv");
        write_matrix(matrix, n, d);
        rows.push_back(solve(exe, work, name, n, p, optima.at(name),
                             {"locate", "--matrix", matrix.string(), "--model", "p-median", "--p", std::to_string(p),
                              "--format", "json", "--timing"}));
        std::cerr << name << " done\n";
    }
    return rows;
}

std::vector<Row> run_cap(const std::string& exe, const fs::path& data, const fs::path& work, bool truncate)
{
    const auto optima = read_optima(data / "optima.txt");
    std::vector<Row> rows;
    for (int k = 1; k <= 10; ++k) {
        const std::string name = "pmedcap1_" + std::to_string(k);
        std::ifstream in(data / (name + ".txt"));
        double problem = 0, optimum = 0, capacity = 0;
        std::size_t n = 0, p = 0;
        in >> problem >> optimum >> n >> p >> capacity;
        std::vector<double> x(n), y(n), demand(n);
        for (std::size_t i = 0; i < n; ++i) {
            int id = 0;
            in >> id >> x[i] >> y[i] >> demand[i];
        }
        std::vector<double> d(n * n);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) {
                const double e = std::hypot(x[i] - x[j], y[i] - y[j]);
                d[i * n + j] = truncate ? std::floor(e) : e;
            }
        const std::string tag = name + (truncate ? "_trunc" : "_exact");
        const auto matrix = work / (tag + ".csv");
        write_matrix(matrix, n, d);
        const auto demand_csv = work / (name + "_demand.csv");
        {
            std::ofstream out(demand_csv);
            out << "id,weight,load\n";  // the objective counts each customer once; demand fills capacity
            for (std::size_t i = 0; i < n; ++i)
                out << (i + 1) << ",1," << demand[i] << "\n";
        }
        char cap[32];
        std::snprintf(cap, sizeof cap, "%g", capacity);
        rows.push_back(solve(exe, work, name, n, p, optima.at(name),
                             {"locate", "--matrix", matrix.string(), "--demand", demand_csv.string(), "--model",
                              "p-median", "--p", std::to_string(p), "--capacity", cap, "--format", "json",
                              "--timing"}));
        std::cerr << tag << " done\n";
    }
    return rows;
}

}  // namespace

int main(int argc, char** argv)
{
    fs::path data = BASURAL_BENCH_DATA_DIR, work = BASURAL_BENCH_WORK_DIR;
    std::string exe = BASURAL_EXE, only;
    for (int a = 1; a + 1 < argc; a += 2) {
        const std::string key = argv[a];
        if (key == "--data")
            data = argv[a + 1];
        else if (key == "--work")
            work = argv[a + 1];
        else if (key == "--basural")
            exe = argv[a + 1];
        else if (key == "--only")
            only = argv[a + 1];
    }
    fs::create_directories(work);
    if (only.empty() || only == "pmed")
        print_table(run_pmed(exe, data, work), "Uncapacitated p-median: OR-Library pmed1-pmed20");
    if (only.empty() || only == "cap") {
        print_table(run_cap(exe, data, work, true),
                    "Capacitated p-median: Osman & Christofides pmedcap1 (distances truncated to integers)");
        print_table(run_cap(exe, data, work, false),
                    "Capacitated p-median: the same instances with exact Euclidean distances");
    }
    return 0;
}

#pragma once
// OR-Library uncapacitated p-median instances (Beasley 1990, pmed1..pmed40) as a full distance
// matrix. The file holds "n m p", then m undirected edges "i j cost" with 1-based vertices; the
// distances are the shortest paths over that graph (Floyd-Warshall), a repeated edge keeps its last
// cost and a self-loop is ignored (a vertex is at distance 0 from itself). Read by the benchmark
// (bench_locate_orlib) and by the pmed1 unit test, so both solve the same problem.
#include <algorithm>
#include <cstddef>
#include <istream>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace basural::orlib {

struct PmedInstance {
    std::size_t n = 0;              ///< vertices: every one is a demand point and a candidate
    std::size_t p = 0;              ///< medians to open
    std::vector<double> distance;   ///< n x n shortest-path distances, row-major
};

/// Reads an instance; throws std::runtime_error naming the edge when the text is not one.
inline PmedInstance read_pmed(std::istream& in)
{
    PmedInstance instance;
    std::size_t edges = 0;
    if (!(in >> instance.n >> edges >> instance.p) || instance.n == 0)
        throw std::runtime_error("OR-Library p-median: the first line must be \"n m p\" with n > 0");
    const std::size_t n = instance.n;
    auto& d = instance.distance;
    d.assign(n * n, std::numeric_limits<double>::infinity());
    for (std::size_t i = 0; i < n; ++i)
        d[i * n + i] = 0.0;
    for (std::size_t e = 0; e < edges; ++e) {
        std::size_t a = 0, b = 0;
        double cost = 0.0;
        if (!(in >> a >> b >> cost) || a == 0 || b == 0 || a > n || b > n)
            throw std::runtime_error("OR-Library p-median: edge " + std::to_string(e + 1) +
                                     " is not \"i j cost\" with vertices in 1.." + std::to_string(n));
        if (a != b)
            d[(a - 1) * n + (b - 1)] = d[(b - 1) * n + (a - 1)] = cost;  // the last cost of a repeated edge counts
    }
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j)
                d[i * n + j] = std::min(d[i * n + j], d[i * n + k] + d[k * n + j]);
    return instance;
}

}  // namespace basural::orlib

#pragma once
/// \file limits.hpp
/// The largest inputs basural accepts. Beyond them a command stops with a clear error naming the
/// input and the limit, instead of exhausting the machine's memory. Each limit is far above the
/// largest real case (the whole LAC inventory is about 26,000 sites; a state-wide road matrix from a
/// routing engine 5,000 x 5,000 pairs) and sized so that reaching it stays within a few GB.
/// docs/reliability.md lists them with the memory each one allows.

#include <cstddef>

namespace basural {

/// A JSON file read whole (mapping, priority weights): 16 MiB.
inline constexpr std::size_t MAX_JSON_FILE_BYTES = std::size_t{16} << 20;

/// Records of one inventory source (read, loaded or not): 2,000,000.
inline constexpr std::size_t MAX_INVENTORY_RECORDS = 2'000'000;

/// Cells (records x columns) of a table read whole (places, country waste, ranking, location tables):
/// 20,000,000.
inline constexpr std::size_t MAX_TABLE_CELLS = 20'000'000;

/// Pairs of a cost matrix, read from a file (`locate --matrix`, `regionalize --matrix`, streamed: about
/// 30-36 bytes a pair at the peak, 1.5-1.9 GB here) or computed within a cutoff: 50,000,000 (a dense
/// 7,000 x 7,000 matrix).
inline constexpr std::size_t MAX_MATRIX_PAIRS = 50'000'000;

/// The largest cost of a pair (a matrix file's cost, or a pair given to the library): 1e12 (in
/// seconds, 31,700 years; in metres, a billion km). The solvers add and take back costs as they go:
/// beyond about 1e16 a double no longer holds a cost of 1 beside it, and a local search on such
/// costs cycled for ever (found by fuzz_cost_matrix with a cost of 1.3e50).
inline constexpr double MAX_PAIR_COST = 1e12;

/// Pixels of a PNG map (width x height after --dpi): 200,000,000 (800 MB while drawn; an A4 page at
/// 1200 dpi is 139,000,000). Each side is also at most 32,767 pixels, Cairo's own limit.
inline constexpr std::size_t MAX_PNG_PIXELS = 200'000'000;

/// Threads a command may ask for (`regionalize --threads`, `locate --threads`): more would only cost
/// memory and start-up on any machine of today.
inline constexpr std::size_t MAX_THREADS = 256;

}  // namespace basural

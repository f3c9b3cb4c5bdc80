#pragma once
/// \file travel_matrix.hpp
/// A travel matrix between sites of an inventory (`regionalize --matrix`): the cost (routed km,
/// minutes...) from a dump (origin) to a candidate site (destination), both named by site_id. Kept
/// compact, each id once and a pair in 16 bytes, and read record by record (read_cost_table), so a
/// matrix of MAX_MATRIX_PAIRS pairs fits in about 1 GB (docs/reliability.md "Large matrices").

#include "basural/base/limits.hpp"
#include "basural/base/progress.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace basural {

/// One pair of a travel matrix: indices into TravelMatrix::ids and the cost in the matrix's unit.
struct TravelPair {
    std::uint32_t origin = 0;       ///< the demand site (a dump), an index into TravelMatrix::ids
    std::uint32_t destination = 0;  ///< the candidate site, an index into TravelMatrix::ids
    double cost = 0.0;              ///< >= 0 and at most MAX_PAIR_COST, in the matrix's unit
};

/// Travel costs between sites. Pairs not given are not allowed (except a site to itself, at 0).
struct TravelMatrix {
    /// The site_ids the pairs name, each once, in order of first appearance.
    std::vector<std::string> ids;
    /// The pairs in file order: pair k is record k + 1 of the file read_travel_matrix read. A pair
    /// given twice keeps its last cost (read_travel_matrix refuses a file that gives one twice).
    std::vector<TravelPair> pairs;

    bool empty() const noexcept { return pairs.empty(); }
    std::size_t size() const noexcept { return pairs.size(); }

    /// Appends origin -> destination at `cost`, adding the ids not yet in `ids`. For small matrices
    /// built by hand: it searches `ids` one by one (read_travel_matrix interns through a hash map).
    void add(std::string_view origin, std::string_view destination, double cost);
};

/// Reads a travel matrix table (columns origin_id, destination_id, cost; any format GDAL reads, a
/// plain CSV by read_cost_table's fast path) record by record. Throws input_error naming the file,
/// and the record, field and value, for what read_cost_table refuses (a missing column, an empty id,
/// a cost empty, not a number, negative or beyond MAX_PAIR_COST), for a pair given twice (the first
/// record that repeats a pair, and the record it repeats), and for more than `max_pairs` pairs (at
/// most 2^32 - 1). `progress` receives ("read", fraction of the file read).
TravelMatrix read_travel_matrix(const std::string& path, std::size_t max_pairs = MAX_MATRIX_PAIRS,
                                const ProgressFn& progress = {});

}  // namespace basural

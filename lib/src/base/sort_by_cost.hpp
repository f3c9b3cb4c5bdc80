#pragma once
// Sorting a row or column of a cost matrix by (cost, index): a stable radix sort on the costs' bits
// when the indices come in ascending order (then ties keep index order, as a sort of (cost, index)
// pairs puts them), std::sort of the pairs otherwise. The store of a dense 5,000 x 5,000 matrix sorts
// 10,000 such lists of 5,000 (docs/reliability.md "Large matrices"). Private: not installed, not
// part of the public API.

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace basural::detail {

/// Working arrays of sort_by_cost_then_index(), reused from one list to the next.
struct CostSortScratch {
    std::vector<std::uint64_t> keys, keys_out;
    std::vector<std::uint32_t> index_out;
    std::vector<std::pair<double, std::uint32_t>> pairs;
};

/// Puts the n entries (cost[k], index[k]) in the order of std::sort on (cost, index) pairs. A radix
/// sort when the indices are strictly ascending and every cost is a non-negative number other than
/// -0.0 (the bits of such doubles, read as integers, are in the order of their values); the pairs'
/// std::sort otherwise.
inline void sort_by_cost_then_index(double* cost, std::uint32_t* index, std::size_t n, CostSortScratch& s)
{
    bool radix = n >= 64;
    for (std::size_t k = 1; k < n && radix; ++k)
        radix = index[k - 1] < index[k];
    if (radix) {
        s.keys.resize(n);
        for (std::size_t k = 0; k < n && radix; ++k) {
            s.keys[k] = std::bit_cast<std::uint64_t>(cost[k]);
            radix = (s.keys[k] >> 63) == 0 && !(cost[k] != cost[k]);  // no sign bit (no -0.0), no NaN
        }
    }
    if (!radix) {
        s.pairs.resize(n);
        for (std::size_t k = 0; k < n; ++k)
            s.pairs[k] = {cost[k], index[k]};
        std::sort(s.pairs.begin(), s.pairs.end());
        for (std::size_t k = 0; k < n; ++k) {
            cost[k] = s.pairs[k].first;
            index[k] = s.pairs[k].second;
        }
        return;
    }
    // least significant byte first, each pass stable; a byte the same in every key is skipped
    std::array<std::array<std::uint32_t, 256>, 8> count{};
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t b = 0; b < 8; ++b)
            ++count[b][(s.keys[k] >> (8 * b)) & 0xFF];
    s.keys_out.resize(n);
    s.index_out.resize(n);
    std::uint64_t* keys = s.keys.data();
    std::uint64_t* keys_out = s.keys_out.data();
    std::uint32_t* idx = index;
    std::uint32_t* idx_out = s.index_out.data();
    for (std::size_t b = 0; b < 8; ++b) {
        auto& c = count[b];
        if (c[(keys[0] >> (8 * b)) & 0xFF] == n)
            continue;
        std::uint32_t at = 0;
        for (auto& v : c)
            v = std::exchange(at, at + v);
        for (std::size_t k = 0; k < n; ++k) {
            const std::uint32_t to = c[(keys[k] >> (8 * b)) & 0xFF]++;
            keys_out[to] = keys[k];
            idx_out[to] = idx[k];
        }
        std::swap(keys, keys_out);
        std::swap(idx, idx_out);
    }
    if (idx != index)
        std::memcpy(index, idx, n * sizeof(std::uint32_t));
    for (std::size_t k = 0; k < n; ++k)
        cost[k] = std::bit_cast<double>(keys[k]);
}

}  // namespace basural::detail

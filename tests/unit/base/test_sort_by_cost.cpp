// sort_by_cost_then_index() (base/sort_by_cost.hpp) against std::sort of (cost, index) pairs, the
// order the cost matrix's rows and columns had before it: on both of its paths (the radix sort, and
// the pairs' sort when the indices are not ascending or a cost is -0.0), with many ties.
#include "base/sort_by_cost.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <bit>
#include <random>

using namespace basural;

namespace {

using Entries = std::vector<std::pair<double, std::uint32_t>>;

/// The entries as sort_by_cost_then_index() leaves them.
Entries sorted_by_helper(const Entries& in, detail::CostSortScratch& scratch)
{
    std::vector<double> cost;
    std::vector<std::uint32_t> index;
    for (const auto& [c, i] : in) {
        cost.push_back(c);
        index.push_back(i);
    }
    detail::sort_by_cost_then_index(cost.data(), index.data(), cost.size(), scratch);
    Entries out;
    for (std::size_t k = 0; k < cost.size(); ++k)
        out.emplace_back(cost[k], index[k]);
    return out;
}

/// The same bits (a -0.0 stays -0.0).
bool same_bits(const Entries& a, const Entries& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t k = 0; k < a.size(); ++k)
        if (std::bit_cast<std::uint64_t>(a[k].first) != std::bit_cast<std::uint64_t>(b[k].first) ||
            a[k].second != b[k].second)
            return false;
    return true;
}

}  // namespace

TEST_CASE("sort by cost: the order of std::sort on (cost, index) pairs", "[sort_by_cost]")
{
    std::mt19937_64 rng(17);
    detail::CostSortScratch scratch;
    const std::vector<std::vector<double>> value_sets = {
        {0.0, 1.0, 2.5, 2.5, 1e12, 813.7, 264.9, 5e-324, 1e-300, 7.0},  // ties, subnormal, the largest cost
        {0.0, -0.0, 3.0, 1.5},                                            // -0.0 takes the pairs' sort
        {12.0},                                                           // every cost equal
    };
    for (const auto& values : value_sets)
        for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{63}, std::size_t{64}, std::size_t{5000}})
            for (const bool ascending : {true, false}) {
                INFO("n " << n << ", indices ascending " << ascending << ", values " << values.size());
                Entries in;
                std::vector<std::uint32_t> ids(n);
                for (std::size_t k = 0; k < n; ++k)
                    ids[k] = static_cast<std::uint32_t>(3 * k + rng() % 3);
                if (!ascending)
                    std::shuffle(ids.begin(), ids.end(), rng);
                for (std::size_t k = 0; k < n; ++k) {
                    // a random value of the set, or a random cost with one decimal (ties among 5,000)
                    const double c = rng() % 2 ? values[rng() % values.size()] : static_cast<double>(rng() % 10000) / 10.0;
                    in.emplace_back(c, ids[k]);
                }
                Entries expected = in;
                std::sort(expected.begin(), expected.end());
                const Entries got = sorted_by_helper(in, scratch);
                CHECK(std::is_sorted(got.begin(), got.end()));
                CHECK(got == expected);
                CHECK(same_bits(got, expected));  // indices are unique: the order is unique, -0.0 kept
            }
}

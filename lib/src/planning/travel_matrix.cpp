// A travel matrix between sites, read record by record into interned ids and 16-byte pairs.
#include "basural/planning/travel_matrix.hpp"

#include "basural/base/error.hpp"
#include "basural/geo/cost_table.hpp"
#include "base/huge_pages.hpp"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <numeric>
#include <optional>
#include <unordered_map>

namespace basural {
namespace {

/// Hashes std::string and std::string_view alike, so the map of ids is searched without a copy.
struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

/// Numbers the ids of a matrix as they come: each id once in `ids`, found again through a hash map
/// (and without one for the origin repeated from the record before, as a routing table's rows are).
class IdInterner {
public:
    explicit IdInterner(std::vector<std::string>& ids) : m_ids(ids) {}

    std::uint32_t origin(std::string_view id)
    {
        if (m_last_origin < m_ids.size() && m_ids[m_last_origin] == id)
            return m_last_origin;
        return m_last_origin = number(id);
    }

    std::uint32_t number(std::string_view id)
    {
        if (const auto it = m_index.find(id); it != m_index.end())
            return it->second;
        // at most 2 ids a pair and at most 2^32 - 1 pairs: an id's number always fits
        const auto n = static_cast<std::uint32_t>(m_ids.size());
        m_ids.emplace_back(id);
        m_index.emplace(m_ids.back(), n);
        return n;
    }

private:
    std::vector<std::string>& m_ids;
    std::unordered_map<std::string, std::uint32_t, IdHash, std::equal_to<>> m_index;
    std::uint32_t m_last_origin = std::numeric_limits<std::uint32_t>::max();
};

/// A pair given twice: the first record that repeats an earlier pair (in file order) and the record
/// it repeats (1-based; pair k is record k + 1).
struct Repeat {
    std::size_t record = 0, first_record = 0;
};

/// The first repeated pair, found without a map of pairs: the pair positions are bucketed by origin
/// (a counting sort, 4 bytes a pair) and each origin's positions sorted by (destination, position).
std::optional<Repeat> first_repeat(const TravelMatrix& m)
{
    const auto& pairs = m.pairs;
    std::vector<std::uint32_t> start(m.ids.size() + 1, 0);
    for (const auto& p : pairs)
        ++start[p.origin + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<std::uint32_t> order(pairs.size());
    {
        auto next = start;
        for (std::size_t k = 0; k < pairs.size(); ++k)
            order[next[pairs[k].origin]++] = static_cast<std::uint32_t>(k);
    }
    std::optional<Repeat> found;
    for (std::size_t o = 0; o + 1 < start.size(); ++o) {
        const auto first = order.begin() + start[o], last = order.begin() + start[o + 1];
        std::sort(first, last, [&](std::uint32_t a, std::uint32_t b) {
            return pairs[a].destination != pairs[b].destination ? pairs[a].destination < pairs[b].destination : a < b;
        });
        for (auto run = first; run != last;) {  // the positions of one destination, in file order
            const auto end = std::find_if(run, last, [&](std::uint32_t k) {
                return pairs[k].destination != pairs[*run].destination;
            });
            if (end - run >= 2 && (!found || run[1] + std::size_t{1} < found->record))
                found = Repeat{run[1] + std::size_t{1}, run[0] + std::size_t{1}};
            run = end;
        }
    }
    return found;
}

}  // namespace

void TravelMatrix::add(std::string_view origin, std::string_view destination, double cost)
{
    auto number = [&](std::string_view id) {
        const auto it = std::find(ids.begin(), ids.end(), id);
        if (it != ids.end())
            return static_cast<std::uint32_t>(it - ids.begin());
        ids.emplace_back(id);
        return static_cast<std::uint32_t>(ids.size() - 1);
    };
    const auto o = number(origin);
    const auto d = number(destination);
    pairs.push_back({o, d, cost});
}

TravelMatrix read_travel_matrix(const std::string& path, std::size_t max_pairs, const ProgressFn& progress)
{
    if (max_pairs > std::numeric_limits<std::uint32_t>::max())
        throw usage_error("a travel matrix holds at most 2^32 - 1 pairs, not " + std::to_string(max_pairs));
    TravelMatrix m;
    IdInterner intern(m.ids);
    // a plain CSV takes 14 bytes or more a record: reserving that many pairs touches no more memory
    // than the pairs given, and spares the copies (and the doubled peak) of a growing vector; in huge
    // pages, as locate's pairs (base/huge_pages.hpp)
    std::error_code ec;
    if (const auto bytes = std::filesystem::file_size(path, ec); !ec)
        detail::reserve_huge(m.pairs, std::min<std::uintmax_t>(bytes / 14, max_pairs));
    read_cost_table(
        path,
        [&](const CostTableRecord& r) {
            if (m.pairs.size() == max_pairs)
                throw input_error(path, "has more than " + std::to_string(max_pairs) +
                                            " pairs, the most basural keeps of a matrix (docs/reliability.md)");
            const auto o = intern.origin(r.origin);
            const auto d = intern.number(r.destination);
            m.pairs.push_back({o, d, r.cost});
        },
        {}, progress);
    if (m.pairs.empty())  // a plan would silently fall back on geodesic km
        throw input_error(path, "has no pairs (records of origin_id, destination_id, cost)");
    if (const auto repeat = first_repeat(m)) {
        const auto& p = m.pairs[repeat->record - 1];
        throw input_error(path, static_cast<std::int64_t>(repeat->record), "destination_id", m.ids[p.destination],
                          "is given twice for origin '" + m.ids[p.origin] + "' (first at record " +
                              std::to_string(repeat->first_record) + ")");
    }
    return m;
}

}  // namespace basural

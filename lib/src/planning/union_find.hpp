#pragma once
/// \file union_find.hpp
/// Disjoint sets over 0..n-1 with path halving; the smaller index is always the root, so the sets and
/// their roots do not depend on the order of the unions (private to the planning layer).

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

namespace basural::planning_detail {

class UnionFind {
public:
    explicit UnionFind(std::size_t n) : m_parent(n) { std::iota(m_parent.begin(), m_parent.end(), std::size_t{0}); }
    std::size_t find(std::size_t x)
    {
        while (m_parent[x] != x) {
            m_parent[x] = m_parent[m_parent[x]];
            x = m_parent[x];
        }
        return x;
    }
    void unite(std::size_t a, std::size_t b)
    {
        a = find(a);
        b = find(b);
        if (a != b)
            m_parent[std::max(a, b)] = std::min(a, b);  // the smaller index is the root: deterministic
    }

private:
    std::vector<std::size_t> m_parent;
};

}  // namespace basural::planning_detail

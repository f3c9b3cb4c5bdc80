#pragma once
// Swap-based local search for the (uncapacitated) p-median, private to models/location: used by the
// p-median and MCLP search and to rank insertions in the capacitated one.

#include "common.hpp"

#include <cstddef>
#include <vector>

namespace basural::location {

/// The swap search keeps extra(f, r) for every candidate f and open facility r (candidates x open
/// doubles) when that is at most 8 doubles per stored pair and at most 2^24 of them (128 MiB):
/// scanning that table beats rebuilding extra from every column at every move.
inline constexpr std::size_t DENSE_SEARCH_MAX_CELLS = std::size_t{1} << 24;

// Swap-based local search for the (uncapacitated) p-median in the style of Resende & Werneck (2004)
// "A hybrid heuristic for the p-median problem": for each demand point the closest and second
// closest open facility (phi1, phi2 at d1, d2) are kept; the profit of inserting f_in and removing
// f_out is gain(f_in) - loss(f_out) + extra(f_in, f_out), where
//   gain(f_in)  = sum_i max(0, d1(i) - c(i, f_in))
//   loss(f_out) = sum_{i: phi1(i) = f_out} (d2(i) - d1(i))
//   extra       = sum_{i: phi1(i) = f_out, c(i, f_in) < d2(i)} (d2(i) - max(c(i, f_in), d1(i))).
// extra is accumulated on the fly while scanning the column of f_in (only demand points within the
// cutoff of f_in contribute), so one pass over all columns (O(entries)) finds the best swap.
class SwapEngine {
public:
    SwapEngine(const WeightedMatrix& wm, const std::vector<char>& required_flag, std::size_t p_total)
        : m_wm(wm), m_required(required_flag), m_p(p_total), m_open(wm.m, 0), m_d1(wm.n), m_d2(wm.n),
          m_phi1(wm.n), m_phi2(wm.n), m_extra(wm.m, 0.0), m_mark(wm.m, 0), m_loss(wm.m, 0.0),
          m_excluded(wm.m, 0), m_keep(required_flag), m_mark_point(wm.n, 0), m_cost_in(wm.n, 0.0)
    {
    }

    /// Opens exactly `facilities` (and closes every other candidate).
    void open_set(const std::vector<std::size_t>& facilities);
    /// Greedy addition from the required facilities: repeatedly open the candidate with the largest
    /// gain (ties: smaller index). With rng, each step picks uniformly among the `rcl` best
    /// (randomized greedy). Gains only shrink as facilities open, so stale gains are upper bounds and
    /// are re-evaluated lazily (Minoux 1978): the choices are those of the plain greedy.
    void greedy(Rng* rng, std::size_t rcl);
    /// Best-improvement swaps until none improves; returns the number of swaps made.
    std::size_t local_search();
    /// Opens f_in and closes f_out.
    void swap(std::size_t f_in, std::size_t f_out);

    /// Sum of the cost of every demand point to its closest open facility (or its penalty).
    double objective() const;
    std::vector<std::size_t> open_facilities() const;

    /// The closest open facility of demand point i within the cutoff (NONE if unserved).
    std::size_t closest(std::size_t i) const { return m_phi1[i]; }
    bool is_open(std::size_t j) const { return m_open[j] != 0; }
    /// Candidates never to insert (the bound proved no better solution opens them).
    void exclude(const std::vector<char>& excluded) { m_excluded = excluded; }
    /// Open facilities never to remove: the required ones and those the bound pinned.
    void pin(const std::vector<char>& pinned);
    bool is_kept(std::size_t j) const { return m_keep[j] != 0; }
    bool is_excluded(std::size_t j) const { return m_excluded[j] != 0; }

    /// The gain of opening f now: sum_i max(0, d1(i) - c(i, f)).
    double gain_of(std::size_t f) const { return gain_of(f, largest_d1()); }
    double largest_d1() const { return m_wm.n ? *std::max_element(m_d1.begin(), m_d1.end()) : 0.0; }
    /// The same, given the largest d1 (only entries below it can gain).
    double gain_of(std::size_t f, double max_d1) const;

private:
    /// The same search with extra(f, r) kept for every candidate f and open facility r (when that table
    /// is small enough, see DENSE_SEARCH_MAX_CELLS) and updated only for the demand points a swap
    /// changes (Resende & Werneck 2004, Sec. 3), instead of being rebuilt from every column at every
    /// move. The moves are those of the column scan (same profits, same tie-breaking: the smallest
    /// index).
    std::size_t local_search_dense(std::size_t open_count);
    /// A safety net, never reached by a search whose sums are exact: each swap lowers the objective
    /// by more than improvement_tolerance(), but the incrementally kept gains, losses and extras of
    /// costs far apart in magnitude can drift by rounding into a cycle of swaps (fuzz_cost_matrix
    /// found one; MAX_PAIR_COST now refuses such costs). 10 x candidates x p, at least 1,000.
    std::size_t move_limit() const { return std::max<std::size_t>(1000, 10 * m_wm.m * std::max<std::size_t>(1, m_p)); }
    /// gain_of() of every candidate, from scratch; recompute() keeps it up to date afterwards.
    void refresh_gains();
    /// Closest and second closest open facility of demand point i, and the gains it changes.
    void recompute(std::size_t i);
    void recompute_closest(std::size_t i);
    /// Recomputes the points facility f (just opened) reaches at no more than their second cost.
    void recompute_reached_by(std::size_t f);
    /// open_set()'s closest facilities from the open facilities' columns instead of every row, when
    /// the rows are in (cost, index) order and those columns are short beside the rows; false (and
    /// nothing done) otherwise.
    bool closest_from_columns();
    /// Point i's closest two after facility f (cost c from i, at most i's second cost) opened, its
    /// two closest among the other open facilities being known: the better two of the three, by
    /// (cost, index), as a scan of its row would find them (rows in (cost, index) order only).
    void insert(std::size_t i, std::size_t f, double c);
    /// Keeps the gains up to date after point i's closest cost went from old_d1 to new_d1.
    void update_gains(std::size_t i, double old_d1, double new_d1);

    const WeightedMatrix& m_wm;
    const std::vector<char>& m_required;
    std::size_t m_p;
    std::vector<char> m_open;
    std::vector<double> m_d1, m_d2;
    std::vector<std::size_t> m_phi1, m_phi2;
    std::vector<double> m_extra;
    std::vector<char> m_mark;
    std::vector<double> m_loss;
    std::vector<char> m_excluded;
    std::vector<char> m_keep;
    std::vector<double> m_gain;  // gain_of() per candidate while m_gains_valid
    std::vector<char> m_mark_point;  // scratch flags per demand point (all 0 between calls)
    std::vector<double> m_cost_in;   // scratch per demand point: its cost from the facility a swap opens
    bool m_gains_valid = false;
};

}  // namespace basural::location

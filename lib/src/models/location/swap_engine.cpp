// Swap-based local search for the (uncapacitated) p-median in the style of Resende & Werneck (2004):
// see swap_engine.hpp for the profit of a swap and docs/methods/location_models.md for the method.
#include "swap_engine.hpp"

#include "base/parallel.hpp"

#include <algorithm>
#include <utility>

namespace basural::location {

void SwapEngine::open_set(const std::vector<std::size_t>& facilities)
{
    m_gains_valid = false;
    std::fill(m_open.begin(), m_open.end(), 0);
    for (auto j : facilities)
        m_open[j] = 1;
    if (closest_from_columns())
        return;
    // gains invalid: recompute(i) is recompute_closest(i), which writes only point i's own entries
    detail::for_ranges(m_wm.n, m_wm.threads, [this](std::size_t first, std::size_t last) {
        for (std::size_t i = first; i < last; ++i)
            recompute_closest(i);
    });
}

void SwapEngine::greedy(Rng* rng, std::size_t rcl)
{
    std::vector<std::size_t> start;
    for (std::size_t j = 0; j < m_wm.m; ++j)
        if (m_required[j])
            start.push_back(j);
    open_set(start);
    std::size_t count = start.size();
    struct Entry {
        double gain;
        std::size_t j;
        std::size_t stamp;
    };
    auto lower = [](const Entry& a, const Entry& b) { return a.gain != b.gain ? a.gain < b.gain : a.j > b.j; };
    std::vector<Entry> heap;
    double max_d1 = largest_d1();
    for (std::size_t j = 0; j < m_wm.m; ++j)
        if (!m_open[j] && !m_excluded[j])
            heap.push_back({gain_of(j, max_d1), j, count});
    std::make_heap(heap.begin(), heap.end(), lower);
    std::vector<Entry> list;
    while (count < m_p && !heap.empty()) {
        max_d1 = largest_d1();
        const std::size_t take = rng ? std::max<std::size_t>(rcl, 1) : 1;
        list.clear();
        while (list.size() < take && !heap.empty()) {
            std::pop_heap(heap.begin(), heap.end(), lower);
            Entry e = heap.back();
            heap.pop_back();
            if (e.stamp == count) {
                list.push_back(e);
            } else {
                e.gain = gain_of(e.j, max_d1);
                e.stamp = count;
                heap.push_back(e);
                std::push_heap(heap.begin(), heap.end(), lower);
            }
        }
        const std::size_t pick = rng ? rng->below(list.size()) : 0;
        for (std::size_t t = 0; t < list.size(); ++t)
            if (t != pick) {
                heap.push_back(list[t]);
                std::push_heap(heap.begin(), heap.end(), lower);
            }
        const std::size_t f = list[pick].j;
        m_open[f] = 1;
        ++count;
        recompute_reached_by(f);
    }
}

// About 80 lines, kept whole: the solvers' hot loop (least loss, candidates by decreasing gain, best
// swap), whose phases share the engine's working arrays; a split comes with a benchmark beside it.
std::size_t SwapEngine::local_search()
{
    const std::size_t open_count = static_cast<std::size_t>(std::count(m_open.begin(), m_open.end(), 1));
    if (open_count > 0 && m_wm.m * open_count <= std::min(8 * m_wm.row_cand.size(), DENSE_SEARCH_MAX_CELLS)) {
        return local_search_dense(open_count);
    }
    std::size_t moves = 0;
    std::vector<std::size_t> touched;
    std::vector<std::pair<double, std::size_t>> order;
    refresh_gains();
    for (;;) {
        // loss of every removable open facility, and the one losing least
        std::fill(m_loss.begin(), m_loss.end(), 0.0);
        for (std::size_t i = 0; i < m_wm.n; ++i)
            if (m_phi1[i] != NONE)
                m_loss[m_phi1[i]] += m_d2[i] - m_d1[i];
        std::size_t least = NONE;
        for (std::size_t j = 0; j < m_wm.m; ++j)
            if (m_open[j] && !m_keep[j] && (least == NONE || m_loss[j] < m_loss[least]))
                least = j;
        if (least == NONE)
            return moves;  // every open facility is required: nothing to swap
        const double tol = improvement_tolerance(objective());
        const double max_d2 = m_wm.n ? *std::max_element(m_d2.begin(), m_d2.end()) : 0.0;
        double best_profit = tol;
        std::size_t best_in = NONE, best_out = NONE;
        // profit(f, r) = gain(f) + extra(f, r) - loss(r) <= gain(f), as extra(f, r) <= loss(r):
        // candidates are examined by decreasing gain until no gain can beat the best profit (the
        // incrementally kept gains may drift by rounding: the slack covers it)
        order.clear();
        for (std::size_t f = 0; f < m_wm.m; ++f)
            if (!m_open[f] && !m_excluded[f])
                order.emplace_back(-m_gain[f], f);
        std::sort(order.begin(), order.end());
        const double slack = 1e3 * tol;
        for (const auto& [negative_gain, f] : order) {
            if (-negative_gain + slack < best_profit)
                break;
            double gain = 0.0;
            touched.clear();
            for (std::size_t k = m_wm.col_start[f]; k < m_wm.col_start[f + 1]; ++k) {
                const double c = m_wm.col_cost[k];
                if (!(c < max_d2))
                    break;  // columns are sorted by cost: no later entry is below any d2
                const std::size_t i = m_wm.col_dem[k];
                if (!(c < m_d2[i]))
                    continue;
                if (c < m_d1[i])
                    gain += m_d1[i] - c;
                const std::size_t r = m_phi1[i];
                if (r == NONE || m_keep[r])
                    continue;
                if (!m_mark[r]) {
                    m_mark[r] = 1;
                    touched.push_back(r);
                }
                m_extra[r] += m_d2[i] - std::max(c, m_d1[i]);
            }
            std::size_t out = least;
            double value = -m_loss[least];
            for (auto r : touched) {
                const double v = m_extra[r] - m_loss[r];
                if (v > value || (v == value && r < out)) {
                    value = v;
                    out = r;
                }
                m_extra[r] = 0.0;
                m_mark[r] = 0;
            }
            if (gain + value > best_profit || (gain + value == best_profit && best_in != NONE && f < best_in)) {
                best_profit = gain + value;
                best_in = f;
                best_out = out;
            }
        }
        if (best_in == NONE || moves == move_limit())
            return moves;
        swap(best_in, best_out);
        ++moves;
    }
}

// Longer than ~80 lines, kept whole for now: a hot path of the solvers whose phases share
// its working arrays (gains, best swap, update; marked by comments inside).
// Large inputs are being optimised here (#17): a split comes with a benchmark run beside it.
std::size_t SwapEngine::local_search_dense(std::size_t open_count)
{
    refresh_gains();
    const std::size_t slots = open_count;
    std::vector<std::size_t> slot_of(m_wm.m, NONE), facility_in(slots);
    for (std::size_t j = 0, s = 0; j < m_wm.m; ++j)
        if (m_open[j]) {
            slot_of[j] = s;
            facility_in[s++] = j;
        }
    // extra(f, r) slot by slot: a point adds to the extras of one slot (its closest facility's), so
    // its updates stay within one array of candidates
    const std::size_t m = m_wm.m;
    std::vector<double> extra(m * slots, 0.0);
    std::fill(m_loss.begin(), m_loss.end(), 0.0);
    // what demand point i adds to loss(phi1) and extra(f, phi1) (sign -1 takes it back)
    auto account = [&](std::size_t i, double sign) {
        const std::size_t r = m_phi1[i];
        if (r == NONE)
            return;
        const double d1 = m_d1[i], d2 = m_d2[i];
        m_loss[r] += sign * (d2 - d1);
        if (m_keep[r])
            return;  // never removed: its extra is never read
        double* in_slot = extra.data() + slot_of[r] * m;
        for (std::size_t k = m_wm.row_start[i]; k < m_wm.row_start[i + 1]; ++k) {
            const double c = m_wm.row_cost[k];
            if (!(c < d2))
                break;
            in_slot[m_wm.row_cand[k]] += sign * (d2 - std::max(c, d1));
        }
    };
    for (std::size_t i = 0; i < m_wm.n; ++i)
        account(i, 1.0);

    std::size_t moves = 0;
    std::vector<std::size_t> affected;
    std::vector<double> loss_in(slots), best_value(m);
    for (;;) {
        const double tol = improvement_tolerance(objective());
        double best_profit = tol;
        std::size_t best_in = NONE, best_out = NONE;
        // loss per slot, +infinity for a facility that may not be removed: the best removal for a
        // candidate is then a plain maximum over its row (ties resolved only when it matters)
        for (std::size_t s = 0; s < slots; ++s)
            loss_in[s] = m_keep[facility_in[s]] ? INFINITY_COST : m_loss[facility_in[s]];
        // every candidate's best value over the slots, slot after slot (the same maxima, taken in the
        // same order, as slot by slot for each candidate)
        std::fill(best_value.begin(), best_value.end(), -INFINITY_COST);
        for (std::size_t s = 0; s < slots; ++s) {
            const double* in_slot = extra.data() + s * m;
            const double loss = loss_in[s];
            for (std::size_t f = 0; f < m; ++f)
                best_value[f] = std::max(best_value[f], in_slot[f] - loss);
        }
        for (std::size_t f = 0; f < m; ++f) {
            if (m_open[f] || m_excluded[f] || !(m_gain[f] + 1e3 * tol >= best_profit))
                continue;  // profit(f, r) <= gain(f)
            const double value = best_value[f];
            if (!(m_gain[f] + value > best_profit))
                continue;
            std::size_t out = NONE;  // the smallest facility index reaching the maximum
            for (std::size_t s = 0; s < slots; ++s)
                if (extra[s * m + f] - loss_in[s] == value && (out == NONE || facility_in[s] < out))
                    out = facility_in[s];
            best_profit = m_gain[f] + value;
            best_in = f;
            best_out = out;
        }
        if (best_in == NONE || moves == move_limit())
            return moves;
        // the demand points whose two closest open facilities the swap can change: those served first
        // or second by the facility closed, and those the facility opened reaches at no more than
        // their second cost (a tie too: the row order may then pick it). Every other point keeps
        // d1, d2, phi1 and phi2, so its share of loss and extra stays (a dense matrix puts every
        // point within reach of every facility: this is what keeps a swap from costing n recomputes).
        affected.clear();
        const auto affect = [&](std::size_t i) {
            if (!m_mark_point[i]) {
                m_mark_point[i] = 1;
                affected.push_back(i);
            }
        };
        for (std::size_t k = m_wm.col_start[best_out]; k < m_wm.col_start[best_out + 1]; ++k)
            if (const std::size_t i = m_wm.col_dem[k]; m_phi1[i] == best_out || m_phi2[i] == best_out)
                affect(i);
        for (std::size_t k = m_wm.col_start[best_in]; k < m_wm.col_start[best_in + 1]; ++k)
            if (const std::size_t i = m_wm.col_dem[k]; m_wm.col_cost[k] <= m_d2[i]) {
                affect(i);
                m_cost_in[i] = m_wm.col_cost[k];
            }
        for (auto i : affected)
            account(i, -1.0);
        const std::size_t s = slot_of[best_out];
        slot_of[best_out] = NONE;
        slot_of[best_in] = s;
        facility_in[s] = best_in;
        m_open[best_in] = 1;
        m_open[best_out] = 0;
        // a point best_out served first or second is recomputed from its row; any other point only
        // gains best_in (insert(): the same outcome as its row's scan, without the scan)
        for (auto i : affected) {
            if (m_wm.rows_by_cost_then_index && m_phi1[i] != best_out && m_phi2[i] != best_out)
                insert(i, best_in, m_cost_in[i]);
            else
                recompute(i);
            account(i, 1.0);
            m_mark_point[i] = 0;
        }
        ++moves;
    }
}

void SwapEngine::swap(std::size_t f_in, std::size_t f_out)
{
    m_open[f_in] = 1;
    m_open[f_out] = 0;
    // only the points served first or second by f_out, or reached by f_in at no more than their
    // second cost, can change (a recompute of any other leaves it as it is)
    for (std::size_t k = m_wm.col_start[f_out]; k < m_wm.col_start[f_out + 1]; ++k)
        if (const std::size_t i = m_wm.col_dem[k]; m_phi1[i] == f_out || m_phi2[i] == f_out)
            recompute(i);
    recompute_reached_by(f_in);
}

void SwapEngine::recompute_reached_by(std::size_t f)
{
    for (std::size_t k = m_wm.col_start[f]; k < m_wm.col_start[f + 1]; ++k)
        if (const std::size_t i = m_wm.col_dem[k]; m_wm.col_cost[k] <= m_d2[i]) {
            if (m_wm.rows_by_cost_then_index)
                insert(i, f, m_wm.col_cost[k]);
            else
                recompute(i);
        }
}

bool SwapEngine::closest_from_columns()
{
    if (!m_wm.rows_by_cost_then_index)
        return false;
    std::size_t column_entries = 0;
    for (std::size_t j = 0; j < m_wm.m; ++j)
        if (m_open[j])
            column_entries += m_wm.col_start[j + 1] - m_wm.col_start[j];
    if (4 * column_entries > m_wm.row_cand.size())
        return false;  // many facilities open: a row's scan stops early, a column has to be read whole
    std::copy(m_wm.penalty.begin(), m_wm.penalty.end(), m_d1.begin());
    std::copy(m_wm.penalty.begin(), m_wm.penalty.end(), m_d2.begin());
    std::fill(m_phi1.begin(), m_phi1.end(), NONE);
    std::fill(m_phi2.begin(), m_phi2.end(), NONE);
    // facilities in index order, each offered to every point it reaches within the point's penalty
    // (a row's scan stops above it): insert() keeps the better two by (cost, index)
    for (std::size_t j = 0; j < m_wm.m; ++j)
        if (m_open[j])
            for (std::size_t k = m_wm.col_start[j]; k < m_wm.col_start[j + 1]; ++k)
                if (const std::size_t i = m_wm.col_dem[k]; m_wm.col_cost[k] <= m_wm.penalty[i])
                    insert(i, j, m_wm.col_cost[k]);
    return true;
}

void SwapEngine::insert(std::size_t i, std::size_t f, double c)
{
    if (m_phi1[i] == f || m_phi2[i] == f)
        return;  // already counted (a point recomputed with f open)
    // (c, f) before (d, phi) in a row; an empty place (phi NONE, d the penalty) takes any c up to d
    const auto before = [c, f](double d, std::size_t phi) { return phi == NONE ? c <= d : c < d || (c == d && f < phi); };
    const double old_d1 = m_d1[i];
    if (before(m_d1[i], m_phi1[i])) {
        m_d2[i] = m_d1[i];
        m_phi2[i] = m_phi1[i];
        m_d1[i] = c;
        m_phi1[i] = f;
    } else if (before(m_d2[i], m_phi2[i])) {
        m_d2[i] = c;
        m_phi2[i] = f;
    }
    if (m_gains_valid && old_d1 != m_d1[i])
        update_gains(i, old_d1, m_d1[i]);
}

double SwapEngine::objective() const
{
    double z = 0.0;
    for (std::size_t i = 0; i < m_wm.n; ++i)
        z += m_d1[i];
    return z;
}

std::vector<std::size_t> SwapEngine::open_facilities() const
{
    std::vector<std::size_t> out;
    for (std::size_t j = 0; j < m_wm.m; ++j)
        if (m_open[j])
            out.push_back(j);
    return out;
}

void SwapEngine::pin(const std::vector<char>& pinned)
{
    for (std::size_t j = 0; j < m_wm.m; ++j)
        m_keep[j] = m_required[j] || pinned[j];
}

double SwapEngine::gain_of(std::size_t f, double max_d1) const
{
    double gain = 0.0;
    for (std::size_t k = m_wm.col_start[f]; k < m_wm.col_start[f + 1]; ++k) {
        const double c = m_wm.col_cost[k];
        if (!(c < max_d1))
            break;
        const std::size_t i = m_wm.col_dem[k];
        if (c < m_d1[i])
            gain += m_d1[i] - c;
    }
    return gain;
}

void SwapEngine::refresh_gains()
{
    m_gain.assign(m_wm.m, 0.0);
    const double max_d1 = largest_d1();
    detail::for_ranges(m_wm.m, m_wm.threads, [this, max_d1](std::size_t first, std::size_t last) {
        for (std::size_t f = first; f < last; ++f)
            m_gain[f] = gain_of(f, max_d1);
    });
    m_gains_valid = true;
}

void SwapEngine::recompute(std::size_t i)
{
    if (m_gains_valid) {
        const double old_d1 = m_d1[i];
        recompute_closest(i);
        if (old_d1 != m_d1[i])
            update_gains(i, old_d1, m_d1[i]);
        return;
    }
    recompute_closest(i);
}

void SwapEngine::update_gains(std::size_t i, double old_d1, double new_d1)
{
    // a candidate's gain from i is max(0, d1 - c): only entries cheaper than the larger d1 change
    const double top = std::max(old_d1, new_d1);
    for (std::size_t k = m_wm.row_start[i]; k < m_wm.row_start[i + 1]; ++k) {
        const double c = m_wm.row_cost[k];
        if (!(c < top))
            break;
        m_gain[m_wm.row_cand[k]] += std::max(0.0, new_d1 - c) - std::max(0.0, old_d1 - c);
    }
}

void SwapEngine::recompute_closest(std::size_t i)
{
    const double pen = m_wm.penalty[i];
    m_d1[i] = m_d2[i] = pen;
    m_phi1[i] = m_phi2[i] = NONE;
    bool first = true;
    for (std::size_t k = m_wm.row_start[i]; k < m_wm.row_start[i + 1]; ++k) {
        const double c = m_wm.row_cost[k];
        if (c > pen)
            break;
        const std::size_t j = m_wm.row_cand[k];
        if (!m_open[j])
            continue;
        if (first) {
            m_d1[i] = c;
            m_phi1[i] = j;
            first = false;
        } else {
            m_d2[i] = c;
            m_phi2[i] = j;
            break;
        }
    }
}

}  // namespace basural::location

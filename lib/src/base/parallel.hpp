#pragma once
// Runs independent jobs on a few threads. Each job writes only its own result slot, so the results
// do not depend on the number of threads or on scheduling: callers merge them in job order.
// Private: not installed, not part of the public API.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace basural::detail {

/// Threads to use for `requested` (0 = one per hardware thread), never more than `jobs`, at least 1.
inline std::size_t thread_count(std::size_t requested, std::size_t jobs) noexcept
{
    std::size_t n = requested;
    if (n == 0)
        n = std::max<std::size_t>(1, std::thread::hardware_concurrency());
    return std::max<std::size_t>(1, std::min(n, jobs));
}

/// Calls job(order[k]) for every k, on `threads` threads (the calling thread is one of them), taking
/// jobs in the given order (put the longest first for balance). If jobs throw, the exception of the
/// first one in `order` that threw is rethrown after every thread has stopped; jobs not yet started
/// when a job throws are skipped.
template <class Job>
void run_jobs(const std::vector<std::size_t>& order, std::size_t threads, Job&& job)
{
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::vector<std::exception_ptr> errors(order.size());
    auto work = [&] {
        for (;;) {
            const std::size_t k = next.fetch_add(1);
            if (k >= order.size() || failed.load())
                return;
            try {
                job(order[k]);
            } catch (...) {
                errors[k] = std::current_exception();
                failed.store(true);
            }
        }
    };
    std::vector<std::thread> pool;
    const std::size_t n = thread_count(threads, order.size());
    pool.reserve(n - 1);
    for (std::size_t t = 1; t < n; ++t) {
        try {
            pool.emplace_back(work);
        } catch (const std::system_error&) {
            break;  // the system has no more threads to give: the ones started (and this one) do the rest
        }
    }
    work();
    for (auto& t : pool)
        t.join();
    for (const auto& e : errors)
        if (e)
            std::rethrow_exception(e);
}

/// Calls range(first, last) over [0, n) cut into consecutive pieces, on `threads` threads (0 = one
/// per hardware thread; 1 = on the calling thread, in one piece). Each call must write only what
/// belongs to its own indices: the results are then the same for any number of threads.
template <class Range>
void for_ranges(std::size_t n, std::size_t threads, Range&& range)
{
    const std::size_t t = thread_count(threads, n);
    if (t <= 1) {
        range(std::size_t{0}, n);
        return;
    }
    const std::size_t pieces = 8 * t, step = (n + pieces - 1) / pieces;
    std::vector<std::size_t> order;
    for (std::size_t first = 0; first < n; first += step)
        order.push_back(first);
    run_jobs(order, t, [&](std::size_t first) { range(first, std::min(n, first + step)); });
}

}  // namespace basural::detail

// The private job runner behind regionalize's parallel solves: every job runs once whatever the
// number of threads, and a failing job's exception reaches the caller.
#include "base/parallel.hpp"

#include <catch2/catch.hpp>

#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

using namespace basural;

TEST_CASE("run_jobs runs every job exactly once on any number of threads", "[parallel]")
{
    std::vector<std::size_t> order(200);
    std::iota(order.rbegin(), order.rend(), std::size_t{0});  // longest first: any order is allowed
    for (const std::size_t threads : {0, 1, 2, 7, 500}) {
        std::vector<int> runs(order.size(), 0);
        std::vector<std::size_t> square(order.size(), 0);
        detail::run_jobs(order, threads, [&](std::size_t k) {
            ++runs[k];
            square[k] = k * k;
        });
        INFO("threads " << threads);
        CHECK(std::all_of(runs.begin(), runs.end(), [](int r) { return r == 1; }));
        for (std::size_t k = 0; k < square.size(); ++k)
            CHECK(square[k] == k * k);
    }
}

TEST_CASE("run_jobs rethrows the failure of a job after every thread has stopped", "[parallel]")
{
    const std::vector<std::size_t> order{0, 1, 2, 3, 4, 5};
    for (const std::size_t threads : {1, 3}) {
        CHECK_THROWS_WITH(detail::run_jobs(order, threads,
                                           [](std::size_t k) {
                                               if (k == 2)
                                                   throw std::runtime_error("job " + std::to_string(k) + " failed");
                                           }),
                          "job 2 failed");
    }
    CHECK_NOTHROW(detail::run_jobs({}, 4, [](std::size_t) { throw std::runtime_error("never called"); }));
}

TEST_CASE("thread_count: 0 means one per hardware thread, never more threads than jobs", "[parallel]")
{
    CHECK(detail::thread_count(0, 1) == 1);
    CHECK(detail::thread_count(0, 1000) >= 1);
    CHECK(detail::thread_count(4, 2) == 2);
    CHECK(detail::thread_count(3, 10) == 3);
    CHECK(detail::thread_count(5, 0) == 1);
}

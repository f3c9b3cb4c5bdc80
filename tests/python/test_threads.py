"""Long solves release the GIL: another Python thread makes progress while the library works, and
progress reaches an optional callback (which takes the GIL for each call). An exception raised in
the callback stops the work and reaches the caller."""

import threading
import time

import pytest

import basural
from conftest import DATA


class Counter(threading.Thread):
    """Counts loop turns in pure Python until stopped: it can only count while it holds the GIL."""

    def __init__(self):
        super().__init__(daemon=True)
        self.count = 0
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            self.count += 1


def test_regionalize_releases_the_gil_while_it_solves(shipped):
    counter = Counter()
    seen = []  # the counter at each progress call, from inside the solve

    def progress(stage, fraction):
        seen.append((counter.count, stage, fraction))

    counter.start()
    try:
        plan = basural.regionalize(shipped, reuse_existing=True, progress=progress)
    finally:
        counter.stop.set()
        counter.join()
    assert len(plan.facilities) > 0
    assert len(seen) >= 2
    # Between the first and the last progress report the solver was working in C++; had it kept the
    # GIL, the counting thread could not have run at all in between.
    first, last = seen[0][0], seen[-1][0]
    assert last - first > 1000, f"the counter moved by {last - first} during the solve"
    fractions = [f for _, _, f in seen]
    assert all(0.0 <= f <= 1.0 for f in fractions)
    assert seen[-1][1:] == ("regionalize", 1.0)


def test_read_inventory_reports_progress_and_a_raising_callback_stops_it(shipped):
    calls = []
    basural.read_inventory(progress=lambda stage, fraction: calls.append((stage, fraction)))
    assert calls and calls[-1] == ("load", 1.0)

    class Stop(Exception):
        pass

    def stop(stage, fraction):
        raise Stop(stage)

    with pytest.raises(Stop):
        basural.read_inventory(progress=stop)
    with pytest.raises(Stop):
        basural.regionalize(shipped, countries="GTM", progress=stop)


def test_a_progress_that_is_not_callable_is_refused():
    with pytest.raises(TypeError, match="callable"):
        basural.read_inventory(DATA / "sites_schema.csv", progress=42)


def test_two_threads_plan_at_once_and_get_the_plan_each_would_alone():
    inventory = basural.read_inventory(DATA / "regionalize_sites.csv")
    alone = basural.regionalize(inventory, reuse_existing=True).assignments
    results = [None, None]

    def work(i):
        results[i] = basural.regionalize(inventory, reuse_existing=True).assignments

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in results:
        assert r.equals(alone)

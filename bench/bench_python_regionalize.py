"""bench_python_regionalize: the Python module's regionalize against the command's, on the shipped
inventory (the whole LAC plan, defaults: 50 km haul, waste estimated, plan written to a GeoPackage).

  command: `basural regionalize -o plan.gpkg`, wall clock of the whole process (start, load the
           inventory, estimate tonnage, solve, write);
  module:  in one python3 process with basural already imported, the wall clock of
           read_inventory() + regionalize() + Plan.write() (what a notebook cell costs);
  module, whole process: a fresh `python3 -c 'import basural; ...'` doing the same, interpreter
           start and imports included.

Runs alternate between the three (so a change in the machine's load hits them alike); the median,
fastest and slowest of --runs runs of each are printed, with the module's overhead over the command,
in wall time and in CPU time (user + system of every thread: of the child process for the command
and the fresh python3, of this process for the in-process module). On a machine shared with other
work only the CPU times compare fairly.

    PYTHONPATH=build/python /usr/bin/python3 bench/bench_python_regionalize.py \
        --exe build/apps/basural/basural --runs 7
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

MODULE_RUN = """
import basural
plan = basural.regionalize(basural.read_inventory(){options})
plan.write({path!r})
"""


def cpu_seconds():
    """User + system CPU of this process (all its threads) and of its waited-for children."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def timed(f, cpu):
    """Runs f; returns its wall seconds and appends its CPU seconds to `cpu`."""
    start, start_cpu = time.perf_counter(), cpu_seconds()
    f()
    cpu.append(cpu_seconds() - start_cpu)
    return time.perf_counter() - start


def summary(name, seconds):
    return (f"{name:<41} median {statistics.median(seconds):6.2f} s   fastest {min(seconds):6.2f} s   "
            f"slowest {max(seconds):6.2f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--exe", required=True, help="the basural binary of the same build")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--country", action="append", default=[], help="plan only these (default: all)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    import basural  # the module of PYTHONPATH, imported once for the in-process runs

    cli_options = [a for c in args.country for a in ("--country", c)]
    py_options = f", countries={args.country!r}" if args.country else ""
    with tempfile.TemporaryDirectory(prefix="basural-bench-") as tmp:
        cli_plan, py_plan, fresh_plan = (os.path.join(tmp, f) for f in ("cli.gpkg", "py.gpkg", "fresh.gpkg"))
        command, module, fresh = [], [], []
        cpu = {"command": [], "module": [], "fresh": []}
        for _ in range(args.runs):
            command.append(timed(lambda: subprocess.run([args.exe, "regionalize", *cli_options, "-o", cli_plan],
                                                        check=True, capture_output=True), cpu["command"]))
            module.append(timed(lambda: exec(MODULE_RUN.format(options=py_options, path=py_plan),
                                             {"basural": basural}), cpu["module"]))
            fresh.append(timed(lambda: subprocess.run(
                [sys.executable, "-c", MODULE_RUN.format(options=py_options, path=fresh_plan)],
                check=True, capture_output=True, env=os.environ), cpu["fresh"]))
        same = open(cli_plan, "rb").read() == open(py_plan, "rb").read()
    print(f"basural {basural.__version__}, {args.runs} runs each, plan of "
          f"{', '.join(args.country) if args.country else 'every country'}, load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for name, key, wall in [("command (whole process)", "command", command),
                            ("module (read + regionalize + write)", "module", module),
                            ("module (whole python3 process)", "fresh", fresh)]:
        print(summary(name + ", wall", wall))
        print(summary(name + ", CPU", cpu[key]))
    for what, a, b in [("wall", module, command), ("CPU", cpu["module"], cpu["command"])]:
        overhead = statistics.median(a) / statistics.median(b) - 1.0
        print(f"module over command, {what}: {100 * overhead:+.1f}% (medians)")
    print(f"plans byte-identical: {'yes' if same else 'no'}")


if __name__ == "__main__":
    main()

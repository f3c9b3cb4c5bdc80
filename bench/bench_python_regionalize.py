"""bench_python_regionalize: the Python module's regionalize against the command's, on the shipped
inventory (the whole LAC plan, defaults: 50 km haul, waste estimated, plan written to a GeoPackage).

  command: `basural regionalize -o plan.gpkg`, wall clock of the whole process (start, load the
           inventory, estimate tonnage, solve, write);
  module:  in one python3 process with basural already imported, the wall clock of
           read_inventory() + regionalize() + Plan.write() (what a notebook cell costs);
  module, whole process: a fresh `python3 -c 'import basural; ...'` doing the same, interpreter
           start and imports included.

Runs alternate between the three (so a change in the machine's load hits them alike); the median,
fastest and slowest of --runs runs of each are printed, with the module's overhead over the command.

    PYTHONPATH=build/python /usr/bin/python3 bench/bench_python_regionalize.py \
        --exe build/apps/basural/basural --runs 7
"""

import argparse
import os
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


def timed(f):
    start = time.perf_counter()
    f()
    return time.perf_counter() - start


def summary(name, seconds):
    return (f"{name:<34} median {statistics.median(seconds):6.2f} s   fastest {min(seconds):6.2f} s   "
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
        for _ in range(args.runs):
            command.append(timed(lambda: subprocess.run([args.exe, "regionalize", *cli_options, "-o", cli_plan],
                                                        check=True, capture_output=True)))
            module.append(timed(lambda: exec(MODULE_RUN.format(options=py_options, path=py_plan),
                                             {"basural": basural})))
            fresh.append(timed(lambda: subprocess.run(
                [sys.executable, "-c", MODULE_RUN.format(options=py_options, path=fresh_plan)],
                check=True, capture_output=True, env=os.environ)))
        same = open(cli_plan, "rb").read() == open(py_plan, "rb").read()
    print(f"basural {basural.__version__}, {args.runs} runs each, plan of "
          f"{', '.join(args.country) if args.country else 'every country'}")
    print(summary("command (whole process)", command))
    print(summary("module (read + regionalize + write)", module))
    print(summary("module (whole python3 process)", fresh))
    overhead = statistics.median(module) / statistics.median(command) - 1.0
    print(f"module over command: {100 * overhead:+.1f}% (medians); plans byte-identical: {'yes' if same else 'no'}")


if __name__ == "__main__":
    main()

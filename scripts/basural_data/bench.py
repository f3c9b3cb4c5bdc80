"""bench/data/: the OR-Library instances, copied unchanged, and their README."""

BENCH_FILES = ([("pmedian_orlib", f"pmed{i}.txt") for i in range(1, 21)]
               + [("pmedian_orlib", "pmedopt.txt")]
               + [("capacitated_pmedian", f"pmedcap1_{i}.txt") for i in range(1, 11)]
               + [("capacitated_pmedian", "optima.txt")])

BENCH_README = """\
# Benchmark inputs

Copied unchanged (byte for byte) by `scripts/build_datasets.py` from the project's raw data
(`../shared/data/benchmarks/`); `scripts/build_datasets.py --check` verifies them.

| files | what | source | licence |
|---|---|---|---|
| `pmed1.txt` ... `pmed20.txt`, `pmedopt.txt` | Uncapacitated p-median instances pmed1-pmed20 (n = 100-800 vertices) and their proven optimal values | J.E. Beasley, OR-Library, http://people.brunel.ac.uk/~mastjjb/jeb/orlib/pmedinfo.html; Beasley J.E. (1985) "A note on solving large p-median problems", European Journal of Operational Research 21, 270-273 | free for research (OR-Library) |
| `pmedcap1_1.txt` ... `pmedcap1_10.txt`, `optima.txt` | Capacitated p-median instances 1-10 of Osman & Christofides (n = 50, p = 5, capacity 120) and their optimal values | OR-Library `pmedcap1`, http://people.brunel.ac.uk/~mastjjb/jeb/orlib/pmedcapinfo.html; Osman I.H., Christofides N. (1994) "Capacitated clustering problems by hybrid simulated annealing and tabu search", International Transactions in Operational Research 1, 317-336 | free for research (OR-Library) |

## Formats

- `pmedN.txt`: first line `n m p` (vertices, edges, medians), then m lines `i j cost` of undirected
  edges, vertices numbered from 1. The cost matrix is the all-pairs shortest-path distance over
  these edges; when an edge appears more than once its last cost counts (Beasley's convention).
- `pmedopt.txt`: header line, then `pmedN optimum`.
- `pmedcap1_K.txt`: `problem optimum`, then `n p capacity`, then n lines `id x y demand`;
  distances are Euclidean between (x, y).
- `optima.txt` (capacitated instances): header line, then `instance optimal n p capacity`.
"""

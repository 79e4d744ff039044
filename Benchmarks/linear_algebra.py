#!/usr/bin/env python3
"""LinearAlgebra against numpy, in one run: builds the Swift benchmark in release mode,
runs it, times the same cases in numpy, and prints a table with the ratio Swift/numpy.

    python3 Benchmarks/linear_algebra.py [ROUNDS]     (from the package root; 3 rounds)

numpy is only a reference here; Lemma does not use it. Small 3x3 cases are timed per
matrix: numpy batched over 100 000 stacked matrices; Swift loops over them for det and
inverse, and for the symmetric eigen-decomposition both calls the batched API and (the
"one call each" row, held against the same numpy time) loops over the single-matrix one.
"""
import json
import os
import statistics
import subprocess
import sys

import numpy as np

from timing import median

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build_swift():
    subprocess.run(["swift", "build", "-c", "release", "--product", "LinearAlgebraBenchmark"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, ".build", "release", "LinearAlgebraBenchmark")


def swift_results(binary):
    out = subprocess.run([binary], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return {r["case"]: r["seconds"] for r in map(json.loads, out.splitlines())}


def numpy_results():
    rng = np.random.default_rng(1)
    r = {}
    for n in (256, 512, 1024):
        a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
        r[f"matmul {n}"] = median(7 if n == 1024 else 15, lambda: a @ b)
    n = 512
    a = rng.standard_normal((n, n))
    rhs = rng.standard_normal(n)
    spd = a @ a.T + n * np.eye(n)
    r["solve 512"] = median(15, lambda: np.linalg.solve(a, rhs))
    r["slogdet 512"] = median(15, lambda: np.linalg.slogdet(a))
    r["cholesky 512"] = median(15, lambda: np.linalg.cholesky(spd))
    r["eigh 512"] = median(7, lambda: np.linalg.eigh(spd))
    a256 = rng.standard_normal((256, 256))
    r["svd 256"] = median(7, lambda: np.linalg.svd(a256))
    count = 100_000
    smalls = rng.standard_normal((count, 3, 3))
    sym = smalls + smalls.transpose(0, 2, 1)
    r["3x3 det (per matrix)"] = median(9, lambda: np.linalg.det(smalls)) / count
    r["3x3 inverse (per matrix)"] = median(9, lambda: np.linalg.inv(smalls)) / count
    r["3x3 eigh (per matrix)"] = median(9, lambda: np.linalg.eigh(sym)) / count
    return r


def fmt(seconds):
    if seconds >= 1e-3:
        return f"{seconds * 1e3:8.2f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:8.2f} µs"
    return f"{seconds * 1e9:8.1f} ns"


# Swift cases without a numpy case of their own, and the numpy case they are held against.
REFERENCE = {"3x3 eigh, one call each": "3x3 eigh (per matrix)"}


def medians(rounds):
    """Per case, the median over rounds of each round's median."""
    return {case: statistics.median(r[case] for r in rounds) for case in rounds[0]}


def numpy_round():
    """numpy_results() in a process of its own, so that its BLAS threads never overlap
    with the Swift process's."""
    out = subprocess.run([sys.executable, os.path.abspath(__file__), "--numpy"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    if sys.argv[1:] == ["--numpy"]:
        print(json.dumps(numpy_results()))
        return
    # Alternate Swift and numpy rounds so that drift of this shared machine hits both.
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    binary = build_swift()
    swift_rounds, numpy_rounds = [], []
    for _ in range(rounds):
        swift_rounds.append(swift_results(binary))
        numpy_rounds.append(numpy_round())
    swift, numpy = medians(swift_rounds), medians(numpy_rounds)
    print(f"{'case':26} {'Lemma':>11} {'numpy':>11} {'Lemma/numpy':>12}")
    for case, s in swift.items():
        t = numpy.get(REFERENCE.get(case, case))
        ratio = f"{s / t:10.3f}x" if t else "-"
        print(f"{case:26} {fmt(s):>11} {fmt(t) if t else '-':>11} {ratio:>12}")


if __name__ == "__main__":
    sys.exit(main())

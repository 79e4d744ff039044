#!/usr/bin/env python3
"""LinearAlgebra against numpy, in one run: builds the Swift benchmark in release mode,
runs it, times the same cases in numpy, and prints a table with the ratio Swift/numpy.

    python3 Benchmarks/linear_algebra.py        (from the package root)

numpy is only a reference here; Lemma does not use it. Small 3x3 cases are timed per
matrix: numpy batched over 100 000 stacked matrices, Swift looping over them.
"""
import json
import os
import statistics
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def swift_results():
    subprocess.run(["swift", "build", "-c", "release", "--product", "LinearAlgebraBenchmark"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build", "release", "LinearAlgebraBenchmark")
    out = subprocess.run([binary], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return {r["case"]: r["seconds"] for r in map(json.loads, out.splitlines())}


def median(repeats, body):
    body()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        body()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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


def main():
    swift = swift_results()
    numpy = numpy_results()
    print(f"{'case':26} {'Lemma':>11} {'numpy':>11} {'Lemma/numpy':>12}")
    for case, t in numpy.items():
        s = swift.get(case)
        ratio = f"{s / t:10.2f}x" if s else "-"
        print(f"{case:26} {fmt(s) if s else '-':>11} {fmt(t):>11} {ratio:>12}")


if __name__ == "__main__":
    sys.exit(main())

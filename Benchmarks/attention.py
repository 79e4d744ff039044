#!/usr/bin/env python3
"""Softmax attention and its Nyström approximation (Models/Attention) against numpy, in
one run, alternating rounds: n = 4096 tokens, d = 64 features, m = 64 landmarks, float64,
the iterative pseudo-inverse with 6 steps as in the paper.

    python3 Benchmarks/attention.py [ROUNDS]      (from the package root; 3 rounds)

numpy is only a reference here; Lemma does not use it. Goal (issue 12): Lemma / numpy <= 1.0.
"""
import json
import os
import statistics
import subprocess
import sys

import numpy as np

from timing import median

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
N, D, M = 4096, 64, 64


def softmax(x):
    x = x - x.max(axis=1, keepdims=True)
    np.exp(x, out=x)
    x /= x.sum(axis=1, keepdims=True)
    return x


def full(q, k, v):
    return softmax((q / np.sqrt(D)) @ k.T) @ v


def pinv(a, iterations=6):
    i = np.eye(a.shape[0])
    z = a.T / (np.abs(a).sum(axis=0).max() * np.abs(a).sum(axis=1).max())
    for _ in range(iterations):
        az = a @ z
        z = 0.25 * z @ (13 * i - az @ (15 * i - az @ (7 * i - az)))
    return z


def nystrom(q, k, v):
    ql = q.reshape(M, N // M, D).mean(axis=1)
    kl = k.reshape(M, N // M, D).mean(axis=1)
    s = 1 / np.sqrt(D)
    f = softmax((q * s) @ kl.T)
    a = softmax((ql * s) @ kl.T)
    b = softmax((ql * s) @ k.T)
    return f @ (pinv(a) @ (b @ v))


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    subprocess.run(["swift", "build", "-c", "release", "--product", "AttentionBenchmark"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build", "release", "AttentionBenchmark")
    rng = np.random.default_rng(1)
    q, k, v = (rng.standard_normal((N, D)) for _ in range(3))
    lemma = {"full": [], "nystrom": []}
    numpy = {"full": [], "nystrom": []}
    for _ in range(rounds):
        out = subprocess.run([binary, str(N)], cwd=ROOT, check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            r = json.loads(line)
            lemma["full" if r["case"].startswith("full") else "nystrom"].append(r["seconds"])
        numpy["full"].append(median(5, lambda: full(q, k, v)))
        numpy["nystrom"].append(median(21, lambda: nystrom(q, k, v)))
    print(f"n = {N}, d = {D}, m = {M}, float64, {rounds} rounds (median ms)")
    print(f"{'case':10} {'Lemma':>9} {'numpy':>9} {'Lemma/numpy':>12}")
    for case in ("full", "nystrom"):
        a, b = statistics.median(lemma[case]) * 1e3, statistics.median(numpy[case]) * 1e3
        print(f"{case:10} {a:9.2f} {b:9.2f} {a / b:12.2f}")


if __name__ == "__main__":
    main()

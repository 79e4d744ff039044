#!/usr/bin/env python3
"""Site rendering against the cmark CLI, in one run: a generated corpus of N math articles
of ~10 KB (../shared/bench/make_corpus.py), rendered by Lemma (parse, math protection,
cmark, theme, index, feed, search index; claims not run) and by `cmark` over the same
files in one process. Medians of 11 alternating runs, and the median ratio of the runs side by
side (each Lemma run over the cmark run just before it, so drift in the machine's speed
hits both alike); goal (issue 16): Lemma within 1.0x of bare cmark.

    python3 Benchmarks/site_render.py [N] [RUNS]   (default 1000 articles, 11 runs; needs Debian's cmark)
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench", "make_corpus.py")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 11
    corpus = tempfile.mkdtemp(prefix="lemma-corpus-")
    subprocess.run([sys.executable, SHARED, corpus, str(n)], check=True, stdout=subprocess.DEVNULL)
    files = sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.endswith(".md"))
    size = sum(os.path.getsize(f) for f in files)

    subprocess.run(["swift", "build", "-c", "release", "--product", "SiteBenchmark"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    # Alternate the two, so drift in the machine's speed hits both alike.
    cmark_times, lemma_times = [], []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(["cmark", *files], check=True, stdout=subprocess.DEVNULL)
        cmark_times.append(time.perf_counter() - start)
        out = subprocess.run([os.path.join(ROOT, ".build", "release", "SiteBenchmark"), corpus, "1"],
                             check=True, capture_output=True, text=True).stdout
        lemma_times.append(json.loads(out)["seconds"])
    cmark = statistics.median(cmark_times)
    lemma = statistics.median(lemma_times)
    print(f"corpus: {len(files)} articles, {size / 1e6:.1f} MB")
    print(f"{'cmark CLI (one process)':28} {cmark:7.3f} s")
    print(f"{'Lemma render (site)':28} {lemma:7.3f} s")
    ratios = sorted(l / c for l, c in zip(lemma_times, cmark_times))
    print(f"{'Lemma / cmark':28} {lemma / cmark:7.2f}x   (goal <= 1.0x)")
    print(f"{'per run, median (range)':28} {statistics.median(ratios):7.2f}x   ({ratios[0]:.2f}-{ratios[-1]:.2f}, {runs} runs)")


if __name__ == "__main__":
    main()

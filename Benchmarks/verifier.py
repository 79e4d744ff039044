#!/usr/bin/env python3
"""How `lemma check` feels to an author: three small articles, timed cold (--no-cache),
with nothing changed, and after editing one claim in one article. Medians of 5 runs.

    python3 Benchmarks/verifier.py [path/to/lemma]     (default .build/debug/lemma)

Goals (issue 4): nothing changed <= 0.2 s; one claim edited <= 1.5 s.
Also: an article whose training (kept by `persisted`) takes about 20 s, verified once,
then again after a claim after the training is edited (goal <= 1.5 s, issue 10).
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEMMA = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "lemma"))

SMALL = """---
title: Small {n}
---
```swift check
let x = {value}
check(x * x >= 0, "square is non-negative")
expectClose((x * x).squareRoot(), abs(x), tolerance: 1e-12, "root of square")
```
"""


TRAINED = """---
title: Trained
---
```swift check
var rng = SeededGenerator(seed: 7)
var parameters = Parameters()
let net = MLP("net", widths: [1, 64, 64, 1], activation: .tanh, in: &parameters, using: &rng)
let x = Matrix.randomUniform(1024, 1, in: -1, 1, using: &rng)
let y = x.map {{ sin(3 * $0) }}
struct Fit: Codable {{ var parameters: Parameters; var history: TrainingHistory }}
let fit = try persisted("sine fit") {{
    var p = parameters
    var adam = Adam(learningRate: 1e-2)
    let history = try train(&p, optimizer: &adam, steps: {steps}, batch: {{ _ in (x, y) }}) {{ p, b in
        meanSquaredError(net(b.0, p), b.1)
    }}
    return Fit(parameters: p, history: history)
}}
```

```swift check
check(fit.history.recentLoss(20) < {bound}, "trained")
```
"""


def run(site, *args):
    start = time.perf_counter()
    subprocess.run([LEMMA, "--root", site, "check", "--quiet", *args], check=True, capture_output=True)
    return time.perf_counter() - start


# About 20 s of training on this 2-core machine.
TRAINING_STEPS = int(os.environ.get("TRAINING_STEPS", "2800"))


def main():
    site = tempfile.mkdtemp(prefix="lemma-bench-")
    try:
        os.makedirs(os.path.join(site, "articles"))
        shutil.copy(os.path.join(ROOT, "articles", "orthogonal-map.md"), os.path.join(site, "articles"))
        for n in (1, 2):
            with open(os.path.join(site, "articles", f"small{n}.md"), "w") as f:
                f.write(SMALL.format(n=n, value="1.5"))
        cold = statistics.median(run(site, "--no-cache") for _ in range(5))
        warm = statistics.median(run(site) for _ in range(5))
        edits = []
        for k in range(5):
            with open(os.path.join(site, "articles", "small1.md"), "w") as f:
                f.write(SMALL.format(n=1, value=f"{2.5 + k}"))
            edits.append(run(site))
        edit = statistics.median(edits)
        print(f"{'case (3 articles)':34} {'median':>9} {'goal':>8}")
        print(f"{'cold: compile and run all':34} {cold:8.2f}s {'-':>8}")
        print(f"{'nothing changed':34} {warm:8.3f}s {'0.2 s':>8}")
        print(f"{'one claim edited in one article':34} {edit:8.2f}s {'1.5 s':>8}")

        trained = os.path.join(site, "articles", "trained.md")
        with open(trained, "w") as f:
            f.write(TRAINED.format(steps=TRAINING_STEPS, bound="0.01"))
        first = run(site, trained)
        later = []
        for k in range(5):
            with open(trained, "w") as f:
                f.write(TRAINED.format(steps=TRAINING_STEPS, bound=f"0.0{k + 2}"))
            later.append(run(site, trained))
        print(f"{'training article, first run':34} {first:8.2f}s {'-':>8}")
        print(f"{'  then a later claim edited':34} {statistics.median(later):8.2f}s {'1.5 s':>8}")
    finally:
        shutil.rmtree(site)


if __name__ == "__main__":
    main()

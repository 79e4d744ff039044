#!/usr/bin/env python3
"""Training speed of Lemma's Learning module against PyTorch (CPU), in one run, alternating
rounds: the two-moons RealNVP of ../shared/bench/bench_realnvp.py (1000 Adam steps,
batch 256, test NLL on 10 000 points) over several seeds, and a training step of two
Post-LN transformer layers (d = 64, 4 heads, 32 sequences of length 32), the batch whole and in
two parts differentiated at once (Learning's DataParallel), with the dense layers' products in
Double and in single precision (ProductPrecision.single, as PyTorch's float32), against PyTorch
in float32 and float64.

    python3 Benchmarks/training.py [SEEDS]      (from the package root; 7 seeds)

PyTorch is only a reference here (the wheel in /opt/wheels or PyPI); Lemma does not use
it. Peak memory is each process's maximum resident set (wait4's ru_maxrss).
"""
import json
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REFERENCE = os.path.join(ROOT, "..", "shared", "bench", "bench_realnvp.py")


def run(command):
    """Runs command, returns (its JSON line, peak RSS in MiB)."""
    p = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    out = p.stdout.read()
    _, status, usage = os.wait4(p.pid, 0)
    if status != 0:
        sys.exit(f"{command} failed with status {status}")
    return json.loads(out.strip().splitlines()[-1]), usage.ru_maxrss / 1024


def main():
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    subprocess.run(["swift", "build", "-c", "release", "--product", "TrainingBenchmark"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    lemma = os.path.join(ROOT, ".build", "release", "TrainingBenchmark")
    rows = {"lemma": [], "torch": []}
    for seed in range(seeds):
        for name, cmd in (("lemma", [lemma, "realnvp", str(seed)]), ("torch", [sys.executable, REFERENCE, str(seed)])):
            result, rss = run(cmd)
            rows[name].append((result["ms_per_step"], result["nll_test"], rss))
    steps = "30"
    tf = {"lemma": [], "lemma2": [], "lemma2s": [], "torch": [], "torch64": []}
    tf_seeds = 5
    script = os.path.join(ROOT, "Benchmarks", "torch_transformer.py")
    for seed in range(tf_seeds):
        for name, cmd in (("lemma", [lemma, "transformer", str(seed), steps, "1", "double"]),
                          ("lemma2", [lemma, "transformer", str(seed), steps, "2", "double"]),
                          ("lemma2s", [lemma, "transformer", str(seed), steps, "2", "single"]),
                          ("torch", [sys.executable, script, str(seed), steps, "float32"]),
                          ("torch64", [sys.executable, script, str(seed), steps, "float64"])):
            result, rss = run(cmd)
            tf[name].append((result["ms_per_step"], rss, result["loss_last"]))

    def spread(values):
        return f"{statistics.median(values):.3f} (min {min(values):.3f}, max {max(values):.3f})"

    print(f"RealNVP two moons, {seeds} seeds: ms/step, test NLL (nats), peak RSS (MiB)")
    for name in ("lemma", "torch"):
        ms, nll, rss = zip(*rows[name])
        print(f"  {name:6} {spread(ms)}  NLL {spread(nll)}  RSS {max(rss):.0f}")
    ratio = statistics.median([t for t, _, _ in rows["torch"]]) / statistics.median([t for t, _, _ in rows["lemma"]])
    print(f"  PyTorch/Lemma time per step: {ratio:.2f}x")
    print(f"Transformer step (2 layers, d=64, 4 heads, 32x32 tokens), {tf_seeds} seeds x {steps} steps: ms/step, peak RSS (MiB),")
    print("loss after the last step; lemma: Double, whole batch, products on both cores; lemma2: Double, the batch in two")
    print("parts at once, one per core; lemma2s: as lemma2 with the dense products in single precision; PyTorch in")
    print("float32 (its default) and in float64, on all cores")
    for name in ("lemma", "lemma2", "lemma2s", "torch", "torch64"):
        ms, rss, loss = zip(*tf[name])
        print(f"  {name:7} {spread(ms)}  RSS {max(rss):.0f}  loss {spread(loss)}")
    for lemma_name, name in (("lemma2s", "torch"), ("lemma2", "torch"), ("lemma2", "torch64"), ("lemma", "torch64")):
        ratio = statistics.median([t for t, _, _ in tf[name]]) / statistics.median([t for t, _, _ in tf[lemma_name]])
        # The same seed's two runs are close in time: their ratio is less exposed to drift.
        paired = [a / b for (a, _, _), (b, _, _) in zip(tf[lemma_name], tf[name])]
        print(f"  {name}/{lemma_name} time per step: {ratio:.2f}x  ({lemma_name}/{name} per seed: median "
              f"{statistics.median(paired):.2f}, {min(paired):.2f}-{max(paired):.2f})")


if __name__ == "__main__":
    main()

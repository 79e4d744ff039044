"""Timing helper shared by the benchmark scripts (imported from the script's folder)."""
import statistics
import time


def median(repeats, body):
    """Median wall-clock seconds of `repeats` calls of body(), after one warm-up call."""
    body()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        body()
        times.append(time.perf_counter() - start)
    return statistics.median(times)

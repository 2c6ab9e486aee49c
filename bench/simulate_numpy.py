"""Reference workload for bench/simulate.ts in numpy: the same model, vectorised over paths.

    python3 bench/simulate_numpy.py --paths 1000000 --years 10 --reps 5

Model (log-growth, as src/simulate): L_t = L_{t-1} (1 + g) exp(sigma z_t), z_t iid standard normal, processed
year by year over all paths (memory grows with paths, like the TypeScript engine), with per-year type-7
quantiles (np.quantile, method 'linear', which uses partitioning, not a full sort), mean and sd, and the
probability that the final level is at least a target. Prints one JSON line with the median wall and
CPU times (numpy's default build runs this single-threaded).
"""
import argparse
import json
import time

import numpy as np


def run(paths, years, g, sigma, qs, target, seed):
    rng = np.random.default_rng(seed)
    level = np.ones(paths)
    z = np.empty(paths)
    quant = np.empty((years, len(qs)))
    mean = np.empty(years)
    sd = np.empty(years)
    for t in range(years):
        rng.standard_normal(out=z)
        z *= sigma
        np.exp(z, out=z)
        level *= (1 + g)
        level *= z
        quant[t] = np.quantile(level, qs)
        mean[t] = level.mean()
        sd[t] = level.std(ddof=1)
    p = float(np.count_nonzero(level >= target)) / paths
    return quant, mean, sd, p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--paths', type=int, default=1_000_000)
    ap.add_argument('--years', type=int, default=10)
    ap.add_argument('--reps', type=int, default=5)
    ap.add_argument('--growth', type=float, default=0.1)
    ap.add_argument('--volatility', type=float, default=0.1)
    ap.add_argument('--target', type=float, default=2.5)
    a = ap.parse_args()
    qs = [0.05, 0.25, 0.5, 0.75, 0.95]
    run(10_000, a.years, a.growth, a.volatility, qs, a.target, 0)  # warm-up
    times = []
    cpu = []
    for rep in range(a.reps):
        t0 = time.perf_counter()
        c0 = time.process_time()
        quant, mean, sd, p = run(a.paths, a.years, a.growth, a.volatility, qs, a.target, rep + 1)
        cpu.append(time.process_time() - c0)
        times.append(time.perf_counter() - t0)
    times.sort()
    cpu.sort()
    print(json.dumps({'seconds': times[len(times) // 2], 'min': times[0], 'cpu': cpu[len(cpu) // 2], 'numpy': np.__version__,
                      'median2030': float(quant[-1][2]), 'probability': p}))


if __name__ == '__main__':
    main()

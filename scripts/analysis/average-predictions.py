#!/usr/bin/env python3
"""Scores ensembles of rate networks from saved held-out predictions, without retraining.

RateProbe (test sources) run with -Dsave=DIR/NAME writes DIR/NAME_H.txt (one line of rates per
held-out neuron of dataset H) and DIR/truth_H.txt (the recorded spikes). This averages the rates
of the named runs and prints the SpikeFinder correlation (4-frame sums, i.e. 25 Hz at 100 Hz,
trailing partial group dropped) per held-out dataset, mean over neurons.

    scripts/analysis/average-predictions.py DIR NAME [NAME ...]
"""
import sys

import numpy as np


def load(path):
    with open(path) as f:
        return [np.array([float(v) for v in line.split(",")]) for line in f.read().strip().split("\n")]


def correlation(truth, rate, factor=4):
    n = len(truth) // factor * factor
    t = truth[:n].reshape(-1, factor).sum(1)
    r = rate[:n].reshape(-1, factor).sum(1)
    return np.corrcoef(t, r)[0, 1]


def main(folder, names):
    means = []
    for held in "456":
        truth = load(f"{folder}/truth_{held}.txt")
        runs = [load(f"{folder}/{name}_{held}.txt") for name in names]
        scores = [correlation(truth[i], sum(r[i] for r in runs) / len(runs)) for i in range(len(truth))]
        means.append(np.mean(scores))
        print(f"{held}.train: {means[-1]:.3f}")
    print(f"mean: {np.mean(means):.3f}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])

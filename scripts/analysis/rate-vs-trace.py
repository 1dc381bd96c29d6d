#!/usr/bin/env python3
"""Can a neuron's firing rate be read from the size of its calcium trace? Per SpikeFinder dataset,
the Pearson correlation across neurons of the recorded mean rate (Hz) with simple statistics of
the calcium: its sd, its mean above the 5th percentile, the same two divided by the noise level
(median absolute frame-to-frame difference / sqrt(2), as a Gaussian sd), and the noise level.
A rate model that reads spikes from transients can rank neurons by rate only where bigger or
more frequent transients mean more spikes. Standard library only.

Usage: scripts/analysis/rate-vs-trace.py [DATA_DIR]   (default ../shared/data/spikefinder)
"""
import csv
import math
import statistics
import sys

DATA = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/spikefinder'
RATE_HZ = 100.0


def columns(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    n = len(rows[0])
    return [[float(r[i]) for r in rows[1:] if i < len(r) and r[i] != ''] for i in range(n)]


def pearson(a, b):
    ma, mb = statistics.fmean(a), statistics.fmean(b)
    sab = sum((x - ma) * (y - mb) for x, y in zip(a, b))
    saa = sum((x - ma) ** 2 for x in a)
    sbb = sum((y - mb) ** 2 for y in b)
    return sab / math.sqrt(saa * sbb)


def percentile(v, q):
    s = sorted(v)
    return s[min(len(s) - 1, int(q * (len(s) - 1)))]


for d in ('4', '5', '6'):
    calcium = columns(f'{DATA}/{d}.train.calcium.csv')
    spikes = columns(f'{DATA}/{d}.train.spikes.csv')
    rates, stats = [], []
    for x, s in zip(calcium, spikes):
        n = min(len(x), len(s))
        x, s = x[:n], s[:n]
        noise = statistics.median(abs(b - a) for a, b in zip(x, x[1:])) / 0.6745 / math.sqrt(2)
        sd = statistics.pstdev(x)
        above = statistics.fmean(x) - percentile(x, 0.05)
        rates.append(sum(s) / (n / RATE_HZ))
        stats.append((sd, above, sd / noise, above / noise, noise))
    names = ('sd', 'mean above p5', 'sd / noise', 'mean above p5 / noise', 'noise')
    print(f'dataset {d}: {len(rates)} neurons, recorded rates ' +
          ', '.join(f'{r:.1f}' for r in rates) + ' Hz')
    for j, name in enumerate(names):
        print(f'  corr(rate, {name:22s}) = {pearson(rates, [t[j] for t in stats]):+.2f}')

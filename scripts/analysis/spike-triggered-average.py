#!/usr/bin/env python3
"""Spike-triggered average of normalised calcium around isolated spikes, per SpikeFinder dataset.

Shows how visible one spike is in each recording: the mean change of the robust z-scored calcium
(relative to the frame before the spike) at lags from -60 to +120 frames, over spikes with no
other spike within 50 frames on either side. Standard library only.

Usage: scripts/analysis/spike-triggered-average.py [DATA_DIR]   (default ../shared/data/spikefinder)
"""
import csv
import statistics
import sys

DATA = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/spikefinder'
LAGS = list(range(-60, 121, 10))
QUIET = 50


def columns(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    cols = [[] for _ in rows[0]]
    for r in rows[1:]:
        for i, v in enumerate(r):
            if v.strip() and v.strip().lower() != 'nan':
                cols[i].append(float(v))
    return cols


for ds in ['4', '5', '6']:
    calcium = columns(f'{DATA}/{ds}.train.calcium.csv')
    spikes = columns(f'{DATA}/{ds}.train.spikes.csv')
    acc, n = [0.0] * len(LAGS), 0
    for c, s in zip(calcium, spikes):
        med = statistics.median(c)
        mad = 1.4826 * statistics.median([abs(x - med) for x in c])
        z = [(x - med) / mad for x in c]
        for t in range(-LAGS[0], len(s) - LAGS[-1]):
            if s[t] > 0 and sum(s[t - QUIET:t]) == 0 and sum(s[t + 1:t + QUIET]) == 0:
                for j, lag in enumerate(LAGS):
                    acc[j] += z[t + lag] - z[t - 1]
                n += 1
    print(f'dataset {ds}: {n} isolated spikes')
    print('  lag (frames): ' + ' '.join(f'{lag:5d}' for lag in LAGS))
    print('  mean dz:      ' + ' '.join(f'{a / n:5.2f}' for a in acc))

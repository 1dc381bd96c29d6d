#!/usr/bin/env python3
"""How large is one spike against the noise, depending on where the noise is measured? The
SpikeFinder traces were all brought to 100 Hz, from recordings made at other rates. Where a
recording was interpolated, its noise is smooth at 100 Hz, and the frame-to-frame differences
that "noise units" use see little of it. Per neuron this prints:

- the noise sd from frame-to-frame differences at 100 Hz (1.4826 * median |x[t] - x[t-1]| /
  sqrt(2), as `Normalization.NOISE` measures it), and the same measured on frames averaged k at a
  time, times sqrt(k), for k = 2, 4, 8, 13 (13: about 7.5 Hz); for white noise every column is 1;
- the median height of isolated single spikes (one recorded spike and no other within 1 s: peak of
  the 50 ms running mean in the 500 ms after it, less the mean over the 300-50 ms before it), in
  both noise sds: at 100 Hz and on frames averaged to about 7.5 Hz.

Standard library only.

Usage: scripts/analysis/noise-vs-resampling.py [DATA_DIR]   (default ../shared/data/spikefinder)
"""
import csv
import math
import statistics
import sys

DATA = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/spikefinder'
MAD_TO_SD = 1.4826
KS = (2, 4, 8, 13)


def columns(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    n = len(rows[0])
    return [[float(r[i]) for r in rows[1:] if i < len(r) and r[i] != '' and r[i] != 'nan']
            for i in range(n)]


def noise(x, k=1):
    """Noise sd measured on frames averaged k at a time, brought back to the 100 Hz frame."""
    b = [statistics.fmean(x[j:j + k]) for j in range(0, len(x) - k + 1, k)]
    d = [abs(b[j] - b[j - 1]) for j in range(1, len(b))]
    return MAD_TO_SD * statistics.median(d) / math.sqrt(2) * math.sqrt(k)


def single_spike_heights(c, s):
    out = []
    for t, n in enumerate(s):
        if n != 1 or t < 30 or t + 100 > len(c) or sum(s[max(0, t - 100):t + 100]) != 1:
            continue
        base = statistics.fmean(c[t - 30:t - 5])
        peak = max(statistics.fmean(c[i - 2:i + 3]) for i in range(t, t + 50))
        out.append(peak - base)
    return out


def main():
    print('| neuron | recorded Hz | noise at 100 Hz | x k=' + ' | k='.join(map(str, KS)) +
          ' | single spikes | height / 100 Hz noise | height / noise at 7.5 Hz |')
    print('|---' * (6 + len(KS)) + '|')
    for ds in ('4', '5', '6'):
        cal = columns(f'{DATA}/{ds}.train.calcium.csv')
        spk = columns(f'{DATA}/{ds}.train.spikes.csv')
        per = []
        for i, (c, s) in enumerate(zip(cal, spk)):
            n = min(len(c), len(s))
            c, s = c[:n], s[:n]
            n1 = noise(c)
            ratios = [noise(c, k) / n1 for k in KS]
            h = single_spike_heights(c, s)
            height = statistics.median(h) if h else float('nan')
            per.append((height / n1, height / (n1 * ratios[-1])))
            print(f'| {ds}.{i} | {sum(s) / n * 100:.1f} | {n1:.4f} | ' +
                  ' | '.join(f'{r:.1f}' for r in ratios) +
                  f' | {len(h)} | {height / n1:.2f} | {height / (n1 * ratios[-1]):.2f} |')
        ok = [p for p in per if not math.isnan(p[0])]
        print(f'| dataset {ds}, median | | | ' + ' | ' * (len(KS) - 1) + ' | | ' +
              f'{statistics.median(p[0] for p in ok):.2f} | {statistics.median(p[1] for p in ok):.2f} |')


if __name__ == '__main__':
    main()

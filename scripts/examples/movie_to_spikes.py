#@ File (label="Movie", style="file") movie
#@ File (label="ROIs (RoiSet.zip, label image or Neurofinder JSON)", style="file") rois
#@ Float (label="Frame rate (Hz)", value=7.5) framerate
#@ File (label="Output folder", style="directory") output
#@ CommandService command
#@output String summary
"""CalSpike example (Jython): a two-photon movie -> ROI traces -> inferred spikes -> a summary.

Runs the CalSpike commands through SciJava's CommandService, as any Fiji script can.
In Fiji: open it in the Script Editor and press Run. The bundled example data are
test-data/neurofinder/neurofinder-crop-96.tif and .regions.json (7.5 Hz).
"""
import csv
import os

from io.github.calspike.command import ExtractRoiTraces, InferSpikes

traces = os.path.join(output.getPath(), "traces.csv")
rates = os.path.join(output.getPath(), "spike-rate.csv")

# 1. Traces: mean of each ROI per frame, neuropil-corrected dF/F, written as a SpikeFinder CSV.
module = command.run(ExtractRoiTraces, True, {
    "image": movie.getPath(), "rois": rois, "framerate": framerate,
    "neuropil": 0.7, "dff": True, "output": traces}).get()
if module.isCanceled():
    raise RuntimeError("Extract ROI Traces: " + module.getCancelReason())

# 2. Spikes: the bundled rate model, resampled from the movie's rate to the model's and back.
module = command.run(InferSpikes, True, {
    "calcium": traces, "rate": framerate, "output": rates}).get()
if module.isCanceled():
    raise RuntimeError("Infer Spikes: " + module.getCancelReason())

# 3. Summary: inferred spikes per ROI.
with open(rates) as f:
    rows = list(csv.reader(f))
names, values = rows[0], rows[1:]
totals = [sum(float(r[c]) for r in values) for c in range(len(names))]
seconds = len(values) / framerate
lines = ["%s: %.1f spikes (%.2f Hz)" % (n, t, t / seconds) for n, t in zip(names, totals)]
summary = "%d ROIs, %.0f s\n%s" % (len(names), seconds, "\n".join(lines))
print(summary)

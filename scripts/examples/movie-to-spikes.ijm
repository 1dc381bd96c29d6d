// CalSpike example macro: a two-photon movie -> ROI traces -> inferred spikes -> a table per ROI.
// Run it in Fiji (Plugins > Macros > Run...) or headless:
//   ImageJ-linux64 --headless -macro movie-to-spikes.ijm /path/to/calspike/
// The argument is the CalSpike folder holding test-data/; without one the macro asks for it.

root = getArgument();
if (root == "") root = getDirectory("Choose the CalSpike folder (the one holding test-data)");
root = replace(root, "\\\\", "/");
if (!endsWith(root, "/")) root = root + "/";
movie = root + "test-data/neurofinder/neurofinder-crop-96.tif";
rois = root + "test-data/neurofinder/neurofinder-crop-96.regions.json";
out = getDirectory("temp") + "calspike-example/";
File.makeDirectory(out);

setBatchMode(true);
open(movie);
title = getTitle();

// 1. Traces: the mean of each neuron in every frame, neuropil-corrected, as dF/F.
//    The movie has no frame interval, so the frame rate is given.
run("Extract ROI Traces", "image=[" + title + "] rois=[" + rois + "] framerate=7.5 neuropil=0.7 dff=true output=[" + out + "traces.csv]");

// 2. Spikes: the bundled spike-rate model, resampled from 7.5 Hz to its rate and back.
run("Infer Spikes", "calcium=[" + out + "traces.csv] rate=7.5 output=[" + out + "spike-rate.csv] discrete=true");

// 3. Table: inferred spikes per ROI, summed from the spike-rate CSV (one column per ROI).
lines = split(File.openAsString(out + "spike-rate.csv"), "\n");
names = split(lines[0], ",");
totals = newArray(names.length);
for (row = 1; row < lines.length; row++) {
	values = split(lines[row], ",");
	for (c = 0; c < names.length; c++) totals[c] += parseFloat(values[c]);
}
run("Clear Results");
for (c = 0; c < names.length; c++) {
	setResult("ROI", c, names[c]);
	setResult("inferred spikes", c, totals[c]);
	setResult("rate (Hz)", c, totals[c] / ((lines.length - 1) / 7.5));
}
updateResults();
saveAs("Results", out + "spikes-per-roi.csv");
print("CalSpike example: " + names.length + " ROIs; results in " + out);

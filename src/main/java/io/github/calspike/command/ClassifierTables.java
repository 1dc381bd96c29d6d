package io.github.calspike.command;

import io.github.calspike.analysis.ConfusionMatrix;
import io.github.calspike.analysis.SpikeFinderMetric;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.train.EpochResult;
import io.github.calspike.ui.OutputService;

import ij.measure.ResultsTable;

import java.io.IOException;
import java.util.List;

/** Results tables shared by the classifier commands. */
final class ClassifierTables {

	private ClassifierTables() {}

	/** The tutorial's confusion matrix: fractions of all windows, true class by predicted class. */
	static ResultsTable confusion(ConfusionMatrix cm) {
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		t.addRow();
		t.addValue("true", "spike");
		t.addValue("predicted spike", cm.fraction(cm.truePositives()));
		t.addValue("predicted no spike", cm.fraction(cm.falseNegatives()));
		t.addRow();
		t.addValue("true", "no spike");
		t.addValue("predicted spike", cm.fraction(cm.falsePositives()));
		t.addValue("predicted no spike", cm.fraction(cm.trueNegatives()));
		return t;
	}

	/** Balanced accuracy, sensitivity, specificity and counts, one metric per row. */
	static ResultsTable metrics(ConfusionMatrix cm, String what) {
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		row(t, "balanced accuracy", cm.balancedAccuracy(), what);
		row(t, "sensitivity (spike windows found)", cm.sensitivity(), what);
		row(t, "specificity (no-spike windows found)", cm.specificity(), what);
		row(t, "accuracy", cm.accuracy(), what);
		row(t, "windows", cm.total(), what);
		return t;
	}

	static void row(ResultsTable t, String metric, double value, String what) {
		t.addRow();
		t.addValue("metric", metric);
		t.addValue("value", value);
		t.addValue("on", what);
	}

	/** One row per epoch: loss and accuracy, training and validation, and speed. */
	static ResultsTable history(List<EpochResult> h) {
		return history(h, EpochResult.ACCURACY);
	}

	/** One row per epoch: loss and {@code score}, training and validation, and speed. */
	static ResultsTable history(List<EpochResult> h, String score) {
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		for (EpochResult e : h) {
			t.addRow();
			t.addValue("epoch", e.epoch());
			t.addValue("train_loss", e.trainLoss());
			if (!Double.isNaN(e.trainScore())) t.addValue("train_" + score, e.trainScore());
			if (!Double.isNaN(e.validationLoss())) t.addValue("validation_loss", e.validationLoss());
			if (!Double.isNaN(e.validationScore())) {
				t.addValue("validation_" + score, e.validationScore());
			}
			t.addValue(e.unit() + "_per_s", e.throughput());
		}
		return t;
	}

	/** @return the epochs and one column of the history as arrays, for plotting */
	static double[][] historyColumns(List<EpochResult> h) {
		double[][] c = new double[5][h.size()];
		for (int i = 0; i < h.size(); i++) {
			EpochResult e = h.get(i);
			c[0][i] = e.epoch();
			c[1][i] = e.trainLoss();
			c[2][i] = e.validationLoss();
			c[3][i] = e.trainScore();
			c[4][i] = e.validationScore();
		}
		return c;
	}

	/**
	 * @return one row per neuron of spike probabilities {@code p}: frames, mean probability, frames
	 *         above 0.5, and with recorded spikes the balanced accuracy and SpikeFinder correlation
	 */
	static ResultsTable probabilities(TraceSet traces, double[][] p, int spikeN) {
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		for (int i = 0; i < traces.size(); i++) {
			double sum = 0;
			int above = 0;
			for (double v : p[i]) {
				sum += v;
				if (v > 0.5) above++;
			}
			t.addRow();
			t.addValue("label", traces.name(i));
			t.addValue("frames", p[i].length);
			t.addValue("mean_probability", sum / p[i].length);
			t.addValue("frames_predicted_spike", above);
			if (traces.hasSpikes()) {
				ConfusionMatrix cm = frames(traces.spikes(i), p[i], spikeN);
				t.addValue("balanced_accuracy", cm.balancedAccuracy());
				t.addValue("spikefinder_correlation", SpikeFinderMetric.correlation(traces.spikes(i), p[i],
					SpikeFinderMetric.factor(traces.rateHz())));
			}
		}
		return t;
	}

	/** Sends the confusion matrix and the scores of probabilities {@code p} against the spikes. */
	static void scores(OutputService outputs, TraceSet traces, double[][] p, int spikeN)
		throws IOException
	{
		int total = (int) traces.totalFrames(), k = 0;
		boolean[] truth = new boolean[total];
		float[] prob = new float[total];
		double[][] truthCounts = new double[traces.size()][];
		for (int i = 0; i < traces.size(); i++) {
			truthCounts[i] = traces.spikes(i);
			for (int f = 0; f < p[i].length; f++, k++) {
				truth[k] = truthCounts[i][f] >= spikeN;
				prob[k] = (float) p[i][f];
			}
		}
		ConfusionMatrix cm = ConfusionMatrix.of(truth, prob, 0.5);
		outputs.table("Confusion matrix", ClassifierTables.confusion(cm));
		ResultsTable m = ClassifierTables.metrics(cm, "all frames");
		SpikeFinderMetric.Scores sc = SpikeFinderMetric.score(traces.names(), truthCounts, p,
			SpikeFinderMetric.factor(traces.rateHz()));
		String at = "probability vs spikes at " + SpikeFinderMetric.groupLabel(traces.rateHz());
		ClassifierTables.row(m, "SpikeFinder correlation (mean over neurons)", sc.mean(), at);
		ClassifierTables.row(m, "SpikeFinder correlation (median over neurons)", sc.median(), at);
		outputs.table("Classification scores", m);
	}

	private static ConfusionMatrix frames(double[] spikes, double[] p, int spikeN) {
		boolean[] truth = new boolean[spikes.length];
		float[] prob = new float[spikes.length];
		for (int f = 0; f < spikes.length; f++) {
			truth[f] = spikes[f] >= spikeN;
			prob[f] = (float) p[f];
		}
		return ConfusionMatrix.of(truth, prob, 0.5);
	}
}

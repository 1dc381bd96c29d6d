package io.github.calspike.command;

import io.github.calspike.analysis.ConfusionMatrix;
import io.github.calspike.train.EpochResult;

import ij.measure.ResultsTable;

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
		return history(h, "accuracy");
	}

	/** One row per epoch: loss and {@code score}, training and validation, and speed. */
	static ResultsTable history(List<EpochResult> h, String score) {
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		for (EpochResult e : h) {
			t.addRow();
			t.addValue("epoch", e.epoch());
			t.addValue("train_loss", e.trainLoss());
			if (!Double.isNaN(e.trainAccuracy())) t.addValue("train_" + score, e.trainAccuracy());
			if (!Double.isNaN(e.validationLoss())) t.addValue("validation_loss", e.validationLoss());
			if (!Double.isNaN(e.validationAccuracy())) {
				t.addValue("validation_" + score, e.validationAccuracy());
			}
			t.addValue(score.equals("accuracy") ? "windows_per_s" : "frames_per_s", e
				.samplesPerSecond());
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
			c[3][i] = e.trainAccuracy();
			c[4][i] = e.validationAccuracy();
		}
		return c;
	}
}

package io.github.calspike.analysis;

/**
 * Counts of a binary spike / no-spike classification, reported as in the tutorial: fractions of
 * all windows, predicted class against true class.
 */
public final class ConfusionMatrix {

	private final long tp;
	private final long fp;
	private final long tn;
	private final long fn;

	private ConfusionMatrix(long tp, long fp, long tn, long fn) {
		this.tp = tp;
		this.fp = fp;
		this.tn = tn;
		this.fn = fn;
	}

	/**
	 * @param truth true labels
	 * @param probability predicted spike probabilities, same length
	 * @param threshold a window is predicted "spike" when its probability exceeds this
	 */
	public static ConfusionMatrix of(boolean[] truth, float[] probability, double threshold) {
		if (truth.length != probability.length) {
			throw new IllegalArgumentException(truth.length + " labels, " + probability.length +
				" predictions");
		}
		long tp = 0, fp = 0, tn = 0, fn = 0;
		for (int i = 0; i < truth.length; i++) {
			boolean p = probability[i] > threshold;
			if (truth[i]) {
				if (p) tp++;
				else fn++;
			}
			else if (p) fp++;
			else tn++;
		}
		return new ConfusionMatrix(tp, fp, tn, fn);
	}

	/** @return all windows */
	public long total() {
		return tp + fp + tn + fn;
	}

	/** @return true spikes predicted as spikes */
	public long truePositives() {
		return tp;
	}

	/** @return no-spike windows predicted as spikes */
	public long falsePositives() {
		return fp;
	}

	/** @return no-spike windows predicted as no spike */
	public long trueNegatives() {
		return tn;
	}

	/** @return spike windows predicted as no spike */
	public long falseNegatives() {
		return fn;
	}

	/** @return {@code count} as a fraction of all windows */
	public double fraction(long count) {
		return total() == 0 ? Double.NaN : (double) count / total();
	}

	/** @return the fraction of spike windows predicted as spikes (NaN without spike windows) */
	public double sensitivity() {
		return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
	}

	/** @return the fraction of no-spike windows predicted as no spike (NaN without any) */
	public double specificity() {
		return tn + fp == 0 ? Double.NaN : (double) tn / (tn + fp);
	}

	/** @return the mean of sensitivity and specificity, independent of class balance */
	public double balancedAccuracy() {
		return 0.5 * (sensitivity() + specificity());
	}

	/** @return the fraction of all windows classified right */
	public double accuracy() {
		return fraction(tp + tn);
	}
}

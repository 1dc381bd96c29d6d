package io.github.calspike.train;

/**
 * One epoch of training: the loss and, where the model has one, a score (the classifier's
 * accuracy, the rate model's SpikeFinder correlation, the detector's F1), on the training and on
 * the validation data, with the epoch's speed in its own unit (windows, frames or tiles).
 */
public final class EpochResult {

	/** Score names, as tables and logs show them. */
	public static final String ACCURACY = "accuracy", CORRELATION = "correlation", F1 = "F1",
		NO_SCORE = "";
	/** Throughput units: what one training sample is. */
	public static final String WINDOWS = "windows", FRAMES = "frames", TILES = "tiles", DIGITS =
		"digits";

	private final int epoch;
	private final double trainLoss;
	private final double trainScore;
	private final double validationLoss;
	private final double validationScore;
	private final String scoreName;
	private final double seconds;
	private final double throughput;
	private final String unit;

	/**
	 * @param epoch 1-based epoch
	 * @param trainLoss mean training loss over the epoch's batches
	 * @param trainScore the score on the training data during the epoch (NaN if none)
	 * @param validationLoss mean loss on the validation data after the epoch (NaN if none)
	 * @param validationScore the score on the validation data after the epoch (NaN if none)
	 * @param scoreName what the score is, e.g. {@link #ACCURACY} ({@link #NO_SCORE} for none)
	 * @param seconds wall time of the epoch's training, validation excluded
	 * @param throughput training samples per second
	 * @param unit what a sample is, e.g. {@link #WINDOWS}
	 */
	public EpochResult(int epoch, double trainLoss, double trainScore, double validationLoss,
		double validationScore, String scoreName, double seconds, double throughput, String unit)
	{
		this.epoch = epoch;
		this.trainLoss = trainLoss;
		this.trainScore = trainScore;
		this.validationLoss = validationLoss;
		this.validationScore = validationScore;
		this.scoreName = scoreName;
		this.seconds = seconds;
		this.throughput = throughput;
		this.unit = unit;
	}

	/** @return the same result numbered as epoch {@code e} (e.g. across ensemble members) */
	public EpochResult withEpoch(int e) {
		return new EpochResult(e, trainLoss, trainScore, validationLoss, validationScore, scoreName,
			seconds, throughput, unit);
	}

	/** @return the 1-based epoch */
	public int epoch() {
		return epoch;
	}

	/** @return mean training loss */
	public double trainLoss() {
		return trainLoss;
	}

	/** @return the score on the training data, NaN without one */
	public double trainScore() {
		return trainScore;
	}

	/** @return validation loss, NaN without validation */
	public double validationLoss() {
		return validationLoss;
	}

	/** @return the score on the validation data, NaN without validation or score */
	public double validationScore() {
		return validationScore;
	}

	/** @return what the score is ({@link #ACCURACY}, {@link #CORRELATION}, {@link #F1}), or "" */
	public String scoreName() {
		return scoreName;
	}

	/** @return seconds spent training this epoch */
	public double seconds() {
		return seconds;
	}

	/** @return training samples per second, in {@link #unit()} */
	public double throughput() {
		return throughput;
	}

	/** @return what a training sample is ({@link #WINDOWS}, {@link #FRAMES}, {@link #TILES}) */
	public String unit() {
		return unit;
	}
}

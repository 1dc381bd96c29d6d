package io.github.calspike.train;

/** Loss and accuracy of one epoch, on the training windows and on the validation windows. */
public final class EpochResult {

	private final int epoch;
	private final double trainLoss;
	private final double trainAccuracy;
	private final double validationLoss;
	private final double validationAccuracy;
	private final double seconds;
	private final double samplesPerSecond;

	/**
	 * @param epoch 1-based epoch
	 * @param trainLoss mean training loss over the epoch's batches
	 * @param trainAccuracy fraction of training windows classified right during the epoch
	 * @param validationLoss mean loss on the validation windows after the epoch (NaN if none)
	 * @param validationAccuracy fraction of validation windows classified right (NaN if none)
	 * @param seconds wall time of the epoch's training, validation excluded
	 * @param samplesPerSecond training windows per second
	 */
	public EpochResult(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
		double validationAccuracy, double seconds, double samplesPerSecond)
	{
		this.epoch = epoch;
		this.trainLoss = trainLoss;
		this.trainAccuracy = trainAccuracy;
		this.validationLoss = validationLoss;
		this.validationAccuracy = validationAccuracy;
		this.seconds = seconds;
		this.samplesPerSecond = samplesPerSecond;
	}

	/** @return the 1-based epoch */
	public int epoch() {
		return epoch;
	}

	/** @return mean training loss */
	public double trainLoss() {
		return trainLoss;
	}

	/** @return training accuracy, 0..1 */
	public double trainAccuracy() {
		return trainAccuracy;
	}

	/** @return validation loss, NaN without validation */
	public double validationLoss() {
		return validationLoss;
	}

	/** @return validation accuracy, 0..1, NaN without validation */
	public double validationAccuracy() {
		return validationAccuracy;
	}

	/** @return seconds spent training this epoch */
	public double seconds() {
		return seconds;
	}

	/** @return training windows per second */
	public double samplesPerSecond() {
		return samplesPerSecond;
	}
}

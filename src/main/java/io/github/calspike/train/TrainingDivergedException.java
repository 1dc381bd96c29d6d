package io.github.calspike.train;

/**
 * A training whose loss stopped being a number: from that batch on every parameter would be NaN,
 * so the training ends there and nothing of it may be saved. An {@link IllegalArgumentException}
 * because what causes it is in the caller's hands (a learning rate too high for the data, extreme
 * values in the data), and the commands report those as a failed run that wrote nothing.
 */
public class TrainingDivergedException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/** The epoch (1-based), the batch (1-based) and the batches per epoch where the loss diverged. */
	public final int epoch, batch, batches;

	TrainingDivergedException(int epoch, int batch, int batches, double loss, double previous) {
		super("the training diverged: the loss of epoch " + epoch + ", batch " + batch + " of " +
			batches + " is " + loss + (Double.isNaN(previous) ? "" : " (the batch before: " + String
				.format(java.util.Locale.ROOT, "%.4g", previous) + ")") +
			"; nothing was saved. A lower learning rate, or data without extreme values, may help");
		this.epoch = epoch;
		this.batch = batch;
		this.batches = batches;
	}
}

package io.github.calspike.command;

import io.github.calspike.data.WindowSpec;
import io.github.calspike.trace.Normalization;

import org.scijava.plugin.Parameter;

/**
 * What the training commands that learn from labelled windows share (the spike classifier and
 * the VAE): the window around each centre bin, its label, and the normalisation of the traces.
 */
abstract class AbstractWindowTrainCommand extends AbstractTrainCommand {

	@Parameter(label = "Bins before centre", min = "0", persist = false)
	protected int before = WindowSpec.DEFAULT_BEFORE;
	@Parameter(label = "Bins after centre", min = "0", persist = false)
	protected int after = WindowSpec.DEFAULT_AFTER;
	@Parameter(label = "Spikes in centre bin for 'spike'", min = "1", persist = false)
	protected int spike_n = WindowSpec.DEFAULT_SPIKE_N;
	@Parameter(label = "Normalization", choices = { Normalization.Labels.ROBUST_ZSCORE,
		Normalization.Labels.ZSCORE, Normalization.Labels.NONE }, persist = false)
	protected String normalization = Normalization.ROBUST_ZSCORE.label();
	@Parameter(label = "Balanced training samples (even number or 'all')", persist = false)
	protected String samples;
	@Parameter(label = "Epochs", min = "1", persist = false)
	protected int epochs;
	@Parameter(label = "Batch size", min = "1", persist = false)
	protected int batch;
	@Parameter(label = "Learning rate", persist = false)
	protected double learningrate;

	/** The window of this run, set by {@link #readWindow()}. */
	protected WindowSpec spec;
	/** The normalisation of this run, set by {@link #readWindow()}. */
	protected Normalization norm;

	/** Sets the defaults of the parameters whose defaults differ by model. */
	protected AbstractWindowTrainCommand(int samples, int epochs, int batch, double learningRate) {
		this.samples = String.valueOf(samples);
		this.epochs = epochs;
		this.batch = batch;
		this.learningrate = learningRate;
	}

	@Override
	int totalEpochs() {
		return epochs;
	}

	/** Reads the window and normalisation parameters (a bad normalisation label throws). */
	protected void readWindow() {
		spec = new WindowSpec(before, after, spike_n, WindowSpec.DEFAULT_STRIDE);
		norm = Normalization.fromLabel(normalization);
	}
}

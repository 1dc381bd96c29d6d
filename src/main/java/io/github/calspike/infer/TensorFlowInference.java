package io.github.calspike.infer;

import io.github.calspike.trace.TraceSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a TensorFlow SavedModel over every neuron of a recording: settings from the user, from
 * {@value TensorFlowSettings#FILE} beside the model or from its signature, stored on first use;
 * per-frame outputs at the recording's rate; for rate models, the same discrete spikes and checks
 * as {@link SpikeInference}.
 */
public final class TensorFlowInference {

	private TensorFlowInference() {}

	/** What a TensorFlow model gave. */
	public static final class Result {
		/** The settings it ran with. */
		public final TensorFlowSettings settings;
		/** The model, its signature, input and output. */
		public final String source;
		/** Per neuron, the model's output for each frame at the recording's rate. */
		public final double[][] outputs;
		/** For {@code kind=rate}, the spike inference of those outputs; null for probabilities. */
		public final SpikeInference.Result spikes;
		/** What the user should read in the log. */
		public final List<String> messages;

		Result(TensorFlowSettings settings, String source, double[][] outputs,
			SpikeInference.Result spikes, List<String> messages)
		{
			this.settings = settings;
			this.source = source;
			this.outputs = outputs;
			this.spikes = spikes;
			this.messages = List.copyOf(messages);
		}
	}

	/**
	 * @param signature the signature to call; null or blank for the stored one or
	 *          {@value TensorFlowSettings#DEFAULT_SIGNATURE}
	 * @param spikeWidthS width (sd) of a single spike's bump in a rate model's output, seconds, for
	 *          discrete spikes
	 * @return the model's outputs for {@code traces}
	 * @throws IOException naming the model or its settings file when either cannot be read
	 */
	public static Result run(Path savedModel, TensorFlowSettings.Given given, String signature,
		TraceSet traces, double spikeWidthS) throws IOException
	{
		List<String> messages = new ArrayList<>();
		TensorFlowSettings stored = TensorFlowSettings.read(savedModel);
		String sig = signature != null && !signature.isBlank() ? signature.trim() : stored != null
			? stored.signature : TensorFlowSettings.DEFAULT_SIGNATURE;
		double[][] out = new double[traces.size()][];
		TensorFlowSettings used;
		String source;
		try (TensorFlowModel m = TensorFlowModel.open(savedModel, sig, shape -> TensorFlowSettings
			.resolve(given, stored, shape.getShape(), traces.rateHz(), sig)))
		{
			used = m.settings();
			source = m.source();
			for (int i = 0; i < out.length; i++) out[i] = m.outputs(traces.calcium(i), traces.rateHz());
		}
		Path file = TensorFlowSettings.fileFor(savedModel);
		if (stored == null) {
			try {
				used.write(savedModel);
				messages.add("Settings written to " + file + ": " + used);
			}
			catch (IOException e) {
				messages.add("Settings not stored (" + e.getMessage() + "); give them again next time: " +
					used);
			}
		}
		else if (!used.differences(stored).isEmpty()) {
			messages.add("This run differs from " + file + " (given vs stored: " + String.join(", ", used
				.differences(stored)) + "); the file is left as it is");
		}
		SpikeInference.Result spikes = used.kind == TensorFlowSettings.Kind.RATE ? SpikeInference
			.ofRates(traces, out, spikeWidthS * traces.rateHz()) : null;
		return new Result(used, source, out, spikes, messages);
	}
}

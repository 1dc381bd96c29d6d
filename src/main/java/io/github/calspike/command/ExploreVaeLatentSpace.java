package io.github.calspike.command;

import io.github.calspike.analysis.LatentSpaceStudy;
import io.github.calspike.analysis.LinearSvm;
import io.github.calspike.data.NeuronSplit;
import io.github.calspike.data.Seeds;
import io.github.calspike.data.WindowDatasets;
import io.github.calspike.data.WindowSet;
import io.github.calspike.data.WindowSpec;
import io.github.calspike.infer.ModelSettings;
import io.github.calspike.model.VaeModel;
import io.github.calspike.nn.Djl;
import io.github.calspike.plot.LatentPlots;
import io.github.calspike.plot.WindowPlots;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.Recording;
import io.github.calspike.train.ClassifierConfig;
import io.github.calspike.train.VaeConfig;

import ij.measure.ResultsTable;

import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.util.List;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Studies a VAE's latent space on a balanced sample of labelled windows: reconstructions, PCA,
 * the spike / no-spike classes along the first components, a linear SVM on the latent vectors
 * (scored on windows of held-out neurons and on its training windows), and the windows the
 * decoder makes along the SVM's weight vector.
 */
@Plugin(type = Command.class, headless = true,
	menuPath = "Plugins>CalSpike>Explore VAE Latent Space")
public class ExploreVaeLatentSpace extends AbstractRecordingsCommand {

	private static final Color[] CLASS_COLOURS = { new Color(31, 119, 180), new Color(214, 39,
		40) };
	private static final String[] CLASSES = { "no spike", "spike" };

	@Parameter(label = "Model folder (default: bundled VAE)", style = FileWidget.DIRECTORY_STYLE,
		required = false, persist = false)
	private File model;
	@Parameter(label = "Balanced samples (even number or 'all')", persist = false)
	private String samples = String.valueOf(VaeConfig.DEFAULT_SAMPLES);
	@Parameter(label = "Fraction of neurons held out for the SVM", min = "0.05", max = "0.9",
		persist = false)
	private double fraction = ClassifierConfig.DEFAULT_VALIDATION_FRACTION;
	@Parameter(label = "Random seed", persist = false)
	private long seed = Seeds.DEFAULT;
	@Parameter(label = "Threads", min = "1", persist = false)
	private int threads = Djl.DEFAULT_THREADS;

	@Override
	public void run() {
		try {
			List<Recording> recordings = recordings();
			NeuronSplit split = NeuronSplit.byFraction(recordings, fraction, seed);
			Djl.setThreads(threads);
			try (VaeModel m = model == null ? VaeModel.bundled() : VaeModel.open(model.toPath())) {
				int n = Inputs.samples(samples);
				WindowSpec spec = ModelSettings.window(m.info());
				Normalization norm = ModelSettings.normalization(m.info());
				WindowSet train = WindowDatasets.balanced(split.training(), spec, norm, n, seed, null)
					.windows();
				WindowSet held = WindowDatasets.balanced(split.validation(), spec, norm, n, seed + 1, null)
					.windows();
				LatentSpaceStudy study = LatentSpaceStudy.of(LatentOutputs.codec(m), train, held,
					LinearSvm.DEFAULT_C);
				publish(study, spec, train.size(), held.size(), split.validation().size());
			}
		}
		catch (IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
		}
	}

	private void publish(LatentSpaceStudy s, WindowSpec spec, int trainWindows, int heldWindows,
		int heldNeurons) throws IOException
	{
		int k = s.reconstructions.size() / 2;
		int[] left = new int[k], right = new int[k];
		for (int i = 0; i < k; i++) {
			left[i] = i;
			right[i] = k + i;
		}
		outputs.figure(WindowPlots.grid("Windows and their reconstructions", s.reconstructions, spec, k,
			left, right, i -> i < k ? "Window " + i : "Reconstruction of window " + (i - k)));
		outputs.table("PCA explained variance", LatentOutputs.explainedVariance(s.pca));
		outputs.figure(LatentPlots.scatter("Latent space, PC0 against PC1", "PC0", "PC1", s.projected,
			s.classes, CLASSES, CLASS_COLOURS));
		outputs.figure(LatentPlots.histograms("PC0 per class", "PC0", s.firstComponent(), s.classes,
			CLASSES, CLASS_COLOURS, 10));
		ResultsTable metrics = ClassifierTables.metrics(s.onTraining, "SVM, training windows (" +
			trainWindows + ")");
		outputs.table("SVM confusion matrix, training windows", ClassifierTables.confusion(
			s.onTraining));
		if (s.onHeldOut != null) {
			outputs.table("SVM confusion matrix, held-out neurons", ClassifierTables.confusion(
				s.onHeldOut));
			String on = "held-out windows of " + heldNeurons + " neurons";
			ClassifierTables.row(metrics, "balanced accuracy", s.onHeldOut.balancedAccuracy(), "SVM, " +
				on + " (" + heldWindows + ")");
			ClassifierTables.row(metrics, "reconstruction MSE / variance", s.reconstructionError, on);
		}
		outputs.table("VAE metrics", metrics);
		outputs.figure(WindowPlots.grid("Decoder samples along the SVM weights", s.alongWeights, spec,
			1, new int[] { 0 }, new int[] { 1 }, i -> i == 0 ? "Strongly correlated with spiking"
				: "Strongly anti-correlated with spiking"));
	}
}

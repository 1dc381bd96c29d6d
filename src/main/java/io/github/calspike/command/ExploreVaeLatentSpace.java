package io.github.calspike.command;

import io.github.calspike.analysis.ConfusionMatrix;
import io.github.calspike.analysis.LinearSvm;
import io.github.calspike.analysis.Pca;
import io.github.calspike.data.NeuronSplit;
import io.github.calspike.data.WindowDatasets;
import io.github.calspike.data.WindowSet;
import io.github.calspike.model.VaeModel;
import io.github.calspike.nn.Djl;
import io.github.calspike.plot.LatentPlots;
import io.github.calspike.plot.WindowPlots;
import io.github.calspike.trace.io.Recording;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.train.ClassifierConfig;
import io.github.calspike.train.VaeTrainer;
import io.github.calspike.ui.OutputService;

import ij.measure.ResultsTable;

import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.util.List;

import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
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
public class ExploreVaeLatentSpace extends ContextCommand {

	private static final Color[] CLASS_COLOURS = { new Color(31, 119, 180), new Color(214, 39,
		40) };
	private static final String[] CLASSES = { "no spike", "spike" };

	@Parameter(label = "Calcium CSV or folder of pairs", style = FileWidget.FILE_AND_DIRECTORY_STYLE,
		persist = false)
	private File calcium;
	@Parameter(label = "Spikes CSV (default: beside calcium)", required = false, persist = false)
	private File spikes;
	@Parameter(label = "Sampling rate (Hz)", min = "0", persist = false)
	private double rate = SpikeFinderCsv.DEFAULT_RATE_HZ;
	@Parameter(label = "Model folder (default: bundled VAE)", style = FileWidget.DIRECTORY_STYLE,
		required = false, persist = false)
	private File model;
	@Parameter(label = "Balanced samples (even number or 'all')", persist = false)
	private String samples = String.valueOf(VaeTrainer.DEFAULT_SAMPLES);
	@Parameter(label = "Fraction of neurons held out for the SVM", min = "0.05", max = "0.9",
		persist = false)
	private double fraction = ClassifierConfig.DEFAULT_VALIDATION_FRACTION;
	@Parameter(label = "Random seed", persist = false)
	private long seed = 1;
	@Parameter(label = "Threads", min = "1", persist = false)
	private int threads = ClassifierConfig.DEFAULT_THREADS;

	@Parameter
	private OutputService output;

	@Override
	public void run() {
		try {
			List<Recording> recordings = TrainingSession.recordings(calcium, spikes, rate);
			NeuronSplit split = NeuronSplit.byFraction(recordings, fraction, seed);
			Djl.setThreads(threads);
			try (VaeModel m = model == null ? VaeModel.bundled() : VaeModel.open(model.toPath())) {
				int n = Inputs.samples(samples);
				WindowSet train = WindowDatasets.balanced(split.training(), m.info().windowSpec(), m.info()
					.normalizationMode(), n, seed, null).windows();
				WindowSet held = WindowDatasets.balanced(split.validation(), m.info().windowSpec(), m
					.info().normalizationMode(), n, seed + 1, null).windows();
				double[][] z = latents(m, train), zHeld = latents(m, held);
				reconstructions(m, train);
				Pca pca = Pca.fit(z, Math.min(10, Math.min(z.length, z[0].length)));
				pcaOutputs(pca, z, labels(train));
				LinearSvm svm = LinearSvm.train(z, bools(train), LinearSvm.DEFAULT_C);
				ResultsTable metrics = svmOutputs(svm, z, train, zHeld, held, split);
				if (held.size() > 0) {
					ClassifierTables.row(metrics, "reconstruction MSE / variance", reconstructionError(m,
						held), "held-out windows of " + split.validation().size() + " neurons");
				}
				output.table("VAE metrics", metrics);
				samplesAlongWeights(m, svm, z);
			}
		}
		catch (IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
		}
	}

	private static double[][] latents(VaeModel m, WindowSet w) {
		float[] f = m.encode(w.flatValues(), w.size(), w.length());
		double[][] z = new double[w.size()][m.latent()];
		for (int i = 0; i < w.size(); i++) for (int j = 0; j < m.latent(); j++) z[i][j] = f[i * m
			.latent() + j];
		return z;
	}

	private void reconstructions(VaeModel m, WindowSet w) throws IOException {
		int k = Math.min(5, w.size()), len = w.length();
		float[] orig = new float[k * len];
		for (int i = 0; i < k; i++) w.copyWindow(i, orig, i * len);
		float[] rec = m.reconstruct(orig, k, len);
		float[] both = new float[2 * k * len];
		System.arraycopy(orig, 0, both, 0, orig.length);
		System.arraycopy(rec, 0, both, orig.length, rec.length);
		byte[] lab = new byte[2 * k];
		int[] left = new int[k], right = new int[k];
		for (int i = 0; i < k; i++) {
			lab[i] = lab[k + i] = (byte) (w.isSpike(i) ? 1 : 0);
			left[i] = i;
			right[i] = k + i;
		}
		WindowSet set = new WindowSet(len, both, lab, new int[2 * k], new int[2 * k]);
		output.figure(WindowPlots.grid("Windows and their reconstructions", set, m.info()
			.windowSpec(), k, left, right, i -> i < k ? "Window " + i : "Reconstruction of window " + (i -
				k)));
	}

	private void pcaOutputs(Pca pca, double[][] z, int[] classes) throws IOException {
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		double[] ev = pca.explainedVarianceRatio();
		double cumulative = 0;
		for (int c = 0; c < ev.length; c++) {
			cumulative += ev[c];
			t.addRow();
			t.addValue("component", "PC" + c);
			t.addValue("explained_variance_ratio", ev[c]);
			t.addValue("cumulative", cumulative);
		}
		output.table("PCA explained variance", t);
		double[][] pc = new double[z.length][];
		double[] pc0 = new double[z.length];
		for (int i = 0; i < z.length; i++) {
			pc[i] = pca.project(z[i]);
			pc0[i] = pc[i][0];
		}
		output.figure(LatentPlots.scatter("Latent space, PC0 against PC1", "PC0", "PC1", pc, classes,
			CLASSES, CLASS_COLOURS));
		output.figure(LatentPlots.histograms("PC0 per class", "PC0", pc0, classes, CLASSES,
			CLASS_COLOURS, 10));
	}

	/** @return mean squared reconstruction error over the variance of the windows' values */
	static double reconstructionError(VaeModel m, WindowSet w) {
		float[] x = w.flatValues();
		float[] r = m.reconstruct(x, w.size(), w.length());
		double mean = 0, se = 0, var = 0;
		for (float v : x) mean += v / (double) x.length;
		for (int i = 0; i < x.length; i++) {
			se += (x[i] - r[i]) * (double) (x[i] - r[i]);
			var += (x[i] - mean) * (x[i] - mean);
		}
		return se / var;
	}

	private ResultsTable svmOutputs(LinearSvm svm, double[][] z, WindowSet train, double[][] zHeld,
		WindowSet held, NeuronSplit split) throws IOException
	{
		ConfusionMatrix onTrain = confusion(svm, z, train);
		ResultsTable metrics = ClassifierTables.metrics(onTrain, "SVM, training windows (" + train
			.size() + ")");
		output.table("SVM confusion matrix, training windows", ClassifierTables.confusion(onTrain));
		if (held.size() > 0) {
			ConfusionMatrix onHeld = confusion(svm, zHeld, held);
			output.table("SVM confusion matrix, held-out neurons", ClassifierTables.confusion(onHeld));
			ClassifierTables.row(metrics, "balanced accuracy", onHeld.balancedAccuracy(),
				"SVM, held-out windows of " + split.validation().size() + " neurons (" + held.size() + ")");
		}
		return metrics;
	}

	private static ConfusionMatrix confusion(LinearSvm svm, double[][] z, WindowSet w) {
		float[] p = new float[z.length];
		for (int i = 0; i < z.length; i++) p[i] = svm.decision(z[i]) > 0 ? 1 : 0;
		return ConfusionMatrix.of(bools(w), p, 0.5);
	}

	/**
	 * Decodes the SVM's weight vector and its negative, each scaled to the mean length of the
	 * latent vectors, so that they sit as far from the origin as typical codes.
	 */
	private void samplesAlongWeights(VaeModel m, LinearSvm svm, double[][] z) throws IOException {
		double[] w = svm.weights();
		double norm = 0, typical = 0;
		for (double v : w) norm += v * v;
		for (double[] r : z) {
			double s = 0;
			for (double v : r) s += v * v;
			typical += Math.sqrt(s) / z.length;
		}
		double f = norm > 0 ? typical / Math.sqrt(norm) : 0;
		float[] codes = new float[2 * w.length];
		for (int j = 0; j < w.length; j++) {
			codes[j] = (float) (f * w[j]);
			codes[w.length + j] = (float) (-f * w[j]);
		}
		float[] dec = m.decode(codes, 2);
		WindowSet set = new WindowSet(m.bins(), dec, new byte[] { 1, 0 }, new int[2], new int[2]);
		output.figure(WindowPlots.grid("Decoder samples along the SVM weights", set, m.info()
			.windowSpec(), 1, new int[] { 0 }, new int[] { 1 }, i -> i == 0
				? "Strongly correlated with spiking" : "Strongly anti-correlated with spiking"));
	}

	private static int[] labels(WindowSet w) {
		int[] c = new int[w.size()];
		for (int i = 0; i < c.length; i++) c[i] = w.isSpike(i) ? 1 : 0;
		return c;
	}

	private static boolean[] bools(WindowSet w) {
		boolean[] b = new boolean[w.size()];
		for (int i = 0; i < b.length; i++) b[i] = w.isSpike(i);
		return b;
	}
}

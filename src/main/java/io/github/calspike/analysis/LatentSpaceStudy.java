package io.github.calspike.analysis;

import io.github.calspike.data.WindowSet;

/**
 * The tutorial's study of an autoencoder's latent space on labelled windows: encode the training
 * and held-out windows, fit PCA on the training codes, train a linear SVM on them (scored on the
 * training windows and on windows of held-out neurons), measure the reconstruction error on the
 * held-out windows, and decode the SVM's weight vector and its negative. Knows nothing of DJL:
 * the model comes in as a {@link Codec}.
 */
public final class LatentSpaceStudy {

	/** An autoencoder seen from outside: flat windows in, flat codes out, and back. */
	public interface Codec {
		/** @return the latent size */
		int latent();

		/** @return {@code count} latent vectors (count x latent) of flat windows */
		float[] encode(float[] windows, int count, int bins);

		/** @return {@code count} decoded windows (count x bins) of flat latent vectors */
		float[] decode(float[] latents, int count);

		/** @return the reconstructions of flat windows */
		float[] reconstruct(float[] windows, int count, int bins);

		/** @return the window length the decoder makes */
		int bins();
	}

	/** Windows shown with their reconstructions. */
	public static final int RECONSTRUCTIONS = 5;
	/** Principal components fitted (at most). */
	public static final int COMPONENTS = 10;

	/** PCA of the training codes. */
	public final Pca pca;
	/** The training codes projected on the components, one row per window. */
	public final double[][] projected;
	/** 1 for a spike window, 0 for no spike, per training window. */
	public final int[] classes;
	/** The SVM on the training codes. */
	public final LinearSvm svm;
	/** The SVM's confusion matrix on its training windows. */
	public final ConfusionMatrix onTraining;
	/** The same on the held-out windows; null without any. */
	public final ConfusionMatrix onHeldOut;
	/** Mean squared reconstruction error over the variance of the held-out windows; NaN without. */
	public final double reconstructionError;
	/**
	 * The first {@link #RECONSTRUCTIONS} training windows (0..k-1) then their reconstructions
	 * (k..2k-1), labelled as their windows.
	 */
	public final WindowSet reconstructions;
	/** Two decoded windows: along the SVM's weights (labelled spike), then against them. */
	public final WindowSet alongWeights;

	private LatentSpaceStudy(Codec m, WindowSet train, WindowSet held, double svmC) {
		double[][] z = latents(m, train), zHeld = latents(m, held);
		classes = labels(train);
		pca = Pca.fit(z, Math.min(COMPONENTS, Math.min(z.length, z[0].length)));
		projected = new double[z.length][];
		for (int i = 0; i < z.length; i++) projected[i] = pca.project(z[i]);
		svm = LinearSvm.train(z, bools(train), svmC);
		onTraining = confusion(svm, z, train);
		onHeldOut = held.size() > 0 ? confusion(svm, zHeld, held) : null;
		reconstructionError = held.size() > 0 ? reconstructionError(m, held) : Double.NaN;
		reconstructions = reconstructions(m, train);
		alongWeights = alongWeights(m, svm, z);
	}

	/**
	 * @param train balanced windows of the training neurons (not empty)
	 * @param held balanced windows of held-out neurons (may be empty)
	 * @param svmC the SVM's regularisation constant, e.g. {@link LinearSvm#DEFAULT_C}
	 */
	public static LatentSpaceStudy of(Codec model, WindowSet train, WindowSet held, double svmC) {
		if (train.size() == 0) throw new IllegalArgumentException("no training windows to study");
		return new LatentSpaceStudy(model, train, held, svmC);
	}

	/** @return PC0 of every training window */
	public double[] firstComponent() {
		double[] pc0 = new double[projected.length];
		for (int i = 0; i < pc0.length; i++) pc0[i] = projected[i][0];
		return pc0;
	}

	private static double[][] latents(Codec m, WindowSet w) {
		int k = m.latent();
		float[] f = m.encode(w.flatValues(), w.size(), w.length());
		double[][] z = new double[w.size()][k];
		for (int i = 0; i < w.size(); i++) for (int j = 0; j < k; j++) z[i][j] = f[i * k + j];
		return z;
	}

	private static WindowSet reconstructions(Codec m, WindowSet w) {
		int k = Math.min(RECONSTRUCTIONS, w.size()), len = w.length();
		float[] orig = new float[k * len];
		for (int i = 0; i < k; i++) w.copyWindow(i, orig, i * len);
		float[] rec = m.reconstruct(orig, k, len);
		float[] both = new float[2 * k * len];
		System.arraycopy(orig, 0, both, 0, orig.length);
		System.arraycopy(rec, 0, both, orig.length, rec.length);
		byte[] lab = new byte[2 * k];
		for (int i = 0; i < k; i++) lab[i] = lab[k + i] = (byte) (w.isSpike(i) ? 1 : 0);
		return new WindowSet(len, both, lab, new int[2 * k], new int[2 * k]);
	}

	/** @return mean squared reconstruction error over the variance of the windows' values */
	public static double reconstructionError(Codec m, WindowSet w) {
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

	private static ConfusionMatrix confusion(LinearSvm svm, double[][] z, WindowSet w) {
		float[] p = new float[z.length];
		for (int i = 0; i < z.length; i++) p[i] = svm.decision(z[i]) > 0 ? 1 : 0;
		return ConfusionMatrix.of(bools(w), p, 0.5);
	}

	/**
	 * Decodes the SVM's weight vector and its negative, each scaled to the mean length of the
	 * latent vectors, so that they sit as far from the origin as typical codes.
	 */
	private static WindowSet alongWeights(Codec m, LinearSvm svm, double[][] z) {
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
		return new WindowSet(m.bins(), dec, new byte[] { 1, 0 }, new int[2], new int[2]);
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

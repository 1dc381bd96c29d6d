package io.github.calspike.analysis;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * A linear support vector machine (liblinear, L2-regularised L2-loss, with a bias term) that
 * separates "spike" from "no spike". The decision value is w·x + b; positive means spike.
 */
public final class LinearSvm {

	/** Default regularisation constant C. */
	public static final double DEFAULT_C = 1.0;

	private final double[] weights;
	private final double bias;

	private LinearSvm(double[] weights, double bias) {
		this.weights = weights;
		this.bias = bias;
	}

	/**
	 * @param x rows are samples
	 * @param spike the class of each row (both classes must occur)
	 */
	public static LinearSvm train(double[][] x, boolean[] spike, double c) {
		int n = x.length, d = x[0].length;
		Problem p = new Problem();
		p.l = n;
		p.n = d + 1;
		p.bias = 1;
		p.x = new Feature[n][];
		p.y = new double[n];
		boolean pos = false, neg = false;
		for (int i = 0; i < n; i++) {
			p.x[i] = features(x[i]);
			p.y[i] = spike[i] ? 1 : -1;
			pos |= spike[i];
			neg |= !spike[i];
		}
		if (!pos || !neg) throw new IllegalArgumentException("The SVM needs both classes");
		Linear.disableDebugOutput();
		Linear.resetRandom();
		Model m = Linear.train(p, new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, c, 1e-4));
		double[] fw = m.getFeatureWeights();
		// liblinear's weights favour its first label; make positive mean "spike"
		double sign = m.getLabels()[0] == 1 ? 1 : -1;
		double[] w = new double[d];
		for (int j = 0; j < d; j++) w[j] = sign * fw[j];
		return new LinearSvm(w, sign * fw[d]);
	}

	private static Feature[] features(double[] v) {
		Feature[] f = new Feature[v.length + 1];
		for (int j = 0; j < v.length; j++) f[j] = new FeatureNode(j + 1, v[j]);
		f[v.length] = new FeatureNode(v.length + 1, 1); // bias feature
		return f;
	}

	/** @return w·x + b; positive predicts "spike" */
	public double decision(double[] x) {
		double s = bias;
		for (int j = 0; j < x.length; j++) s += weights[j] * x[j];
		return s;
	}

	/** @return the weight vector w (the direction most associated with spiking) */
	public double[] weights() {
		return weights.clone();
	}

	/** @return the bias b */
	public double bias() {
		return bias;
	}
}

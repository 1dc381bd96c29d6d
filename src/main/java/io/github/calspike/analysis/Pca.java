package io.github.calspike.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Principal component analysis by the singular value decomposition (EJML) of the centred data:
 * components are the right singular vectors, ordered by decreasing singular value; the explained
 * variance ratio of a component is its squared singular value over the sum of all of them.
 */
public final class Pca {

	private final double[] mean;
	private final double[][] components;
	private final double[] explained;

	private Pca(double[] mean, double[][] components, double[] explained) {
		this.mean = mean;
		this.components = components;
		this.explained = explained;
	}

	/**
	 * @param x rows are samples, columns are variables (at least 2 samples)
	 * @param k number of components kept (at most min(rows, columns))
	 */
	public static Pca fit(double[][] x, int k) {
		int n = x.length, d = x[0].length;
		if (n < 2 || k < 1 || k > Math.min(n, d)) {
			throw new IllegalArgumentException("PCA of " + n + " samples x " + d + " variables cannot" +
				" keep " + k + " components");
		}
		double[] mean = new double[d];
		for (double[] r : x) for (int j = 0; j < d; j++) mean[j] += r[j] / n;
		DMatrixRMaj a = new DMatrixRMaj(n, d);
		for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) a.set(i, j, x[i][j] - mean[j]);
		SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, false,
			true, true);
		if (!svd.decompose(a)) throw new IllegalStateException("SVD did not converge");
		double[] s = svd.getSingularValues();
		DMatrixRMaj vt = svd.getV(null, true);
		Integer[] order = new Integer[s.length];
		for (int i = 0; i < order.length; i++) order[i] = i;
		java.util.Arrays.sort(order, (p, q) -> Double.compare(s[q], s[p]));
		double total = 0;
		for (double v : s) total += v * v;
		double[][] comp = new double[k][d];
		double[] ratio = new double[k];
		for (int c = 0; c < k; c++) {
			int o = order[c];
			for (int j = 0; j < d; j++) comp[c][j] = vt.get(o, j);
			ratio[c] = total > 0 ? s[o] * s[o] / total : 0;
		}
		return new Pca(mean, comp, ratio);
	}

	/** @return the fraction of the total variance along each kept component, decreasing */
	public double[] explainedVarianceRatio() {
		return explained.clone();
	}

	/** @return component {@code c} (unit length) */
	public double[] component(int c) {
		return components[c].clone();
	}

	/** @return the coordinates of {@code x} along the kept components */
	public double[] project(double[] x) {
		double[] p = new double[components.length];
		for (int c = 0; c < p.length; c++) {
			double s = 0;
			for (int j = 0; j < x.length; j++) s += (x[j] - mean[j]) * components[c][j];
			p[c] = s;
		}
		return p;
	}
}

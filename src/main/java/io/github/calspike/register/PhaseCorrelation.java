package io.github.calspike.register;

import edu.emory.mathcs.jtransforms.fft.FloatFFT_2D;

/**
 * Rigid shift of a frame against a reference by phase correlation (JTransforms' real 2-D FFT),
 * on the central region of at most {@code region} x {@code region} pixels, zero-padded to powers of
 * two. Both images lose their mean; only the reference is
 * tapered towards its edges (tapering the frame too biases shifts towards 0, by up to a fifth of
 * the shift: measured in BENCHMARKS.md); the cross-power spectrum is
 * whitened ({@code |P|^-whitening}) and low-passed with a Gaussian (the correlation surface is
 * smoothed by {@code smoothPx}); the peak inside +-maxShift is refined to sub-pixel precision by
 * fitting a parabola to the logarithm of the peak and its neighbours on each axis. Not thread
 * safe: one instance per thread.
 */
public final class PhaseCorrelation {

	/** Image size, and the power-of-two size the FFT works on (the image, zero-padded). */
	private final int fw, x0, y0, iw, ih, w, h, maxShift;
	private final double whitening;
	private final FloatFFT_2D fft;
	private final float[] taper;
	private final float[] lowPass;
	private final float[] refSpectrum;
	private final float[] work;

	/**
	 * @param reference the reference image, {@code w * h} values row by row
	 * @throws IllegalArgumentException for images under 8 x 8 pixels
	 */
	public PhaseCorrelation(float[] reference, int w, int h, RegistrationConfig config) {
		if (w < 8 || h < 8) {
			throw new IllegalArgumentException("Phase correlation needs frames of at least 8 x 8 pixels, " +
				"got " + w + " x " + h);
		}
		this.fw = w;
		this.iw = Math.min(w, config.region);
		this.ih = Math.min(h, config.region);
		this.x0 = (w - iw) / 2;
		this.y0 = (h - ih) / 2;
		this.w = Integer.highestOneBit(iw - 1) << 1;
		this.h = Integer.highestOneBit(ih - 1) << 1;
		this.maxShift = Math.min(config.maxShift, Math.min(iw, ih) / 2 - 2);
		if (maxShift < 1) throw new IllegalArgumentException("maxshift must be at least 1 pixel");
		this.whitening = config.whitening;
		this.fft = new FloatFFT_2D(this.h, this.w);
		this.taper = taper(iw, ih, config.taperPx);
		this.lowPass = lowPass(this.w, this.h, config.smoothPx);
		this.work = new float[this.w * this.h];
		this.refSpectrum = new float[this.w * this.h];
		prepare(reference, refSpectrum, true);
	}

	/**
	 * @param frame the image's width x height values row by row
	 * @return {dx, dy, peak}: the frame's content displacement relative to the reference in pixels
	 *         (x right, y down; moving the frame by (-dx, -dy) aligns it) and the height of the
	 *         correlation peak (0..1 for fully whitened spectra)
	 */
	public double[] shift(float[] frame) {
		prepare(frame, work, false);
		multiplyByConjugateReference(work);
		fft.realInverse(work, true);
		return peak(work);
	}

	/**
	 * Mean removal, taper (when {@code tapered}), zero padding to the FFT's size, forward FFT
	 * (JTransforms' packed real layout) into {@code out}.
	 */
	private void prepare(float[] img, float[] out, boolean tapered) {
		double mean = 0;
		for (int y = 0; y < ih; y++) {
			int row = (y + y0) * fw + x0;
			for (int x = 0; x < iw; x++) mean += img[row + x];
		}
		mean /= (double) iw * ih;
		java.util.Arrays.fill(out, 0f);
		for (int y = 0; y < ih; y++) {
			int row = (y + y0) * fw + x0;
			for (int x = 0; x < iw; x++) {
				out[y * w + x] = (float) ((img[row + x] - mean) * (tapered ? taper[y * iw + x] : 1));
			}
		}
		fft.realForward(out);
	}

	/**
	 * Replaces the spectrum in {@code a} by a * conj(ref), whitened and low-passed, in JTransforms'
	 * packed layout: complex pairs at [k1][2 k2], [k1][2 k2 + 1] for 0 < k2 < w/2; the k2 = 0 and
	 * k2 = w/2 columns of rows 0 < k1 < h/2 packed into the first two values of rows k1 and h-k1;
	 * four purely real values at [0][0], [0][1], [h/2][0], [h/2][1].
	 */
	private void multiplyByConjugateReference(float[] a) {
		float[] r = refSpectrum;
		for (int k1 = 0; k1 < h; k1++) {
			int row = k1 * w;
			for (int k2 = 1; k2 < w / 2; k2++) {
				int i = row + 2 * k2;
				mul(a, r, i, i + 1, i, i + 1, 1, lowPass[i]);
			}
		}
		for (int k1 = 1; k1 < h / 2; k1++) {
			int row = k1 * w, mirror = (h - k1) * w;
			mul(a, r, row, row + 1, row, row + 1, 1, lowPass[row]); // column 0: (Re, Im)
			mul(a, r, mirror + 1, mirror, mirror + 1, mirror, -1, lowPass[mirror + 1]); // column w/2: (Re, -Im)
		}
		for (int i : new int[] { 0, 1, (h / 2) * w, (h / 2) * w + 1 }) {
			double p = (double) a[i] * r[i];
			a[i] = (float) (p * scale(p * p) * lowPass[i]);
		}
	}

	/** Complex product a * conj(r) at (re, im) indices, {@code sign} -1 when stored as (Re, -Im). */
	private void mul(float[] a, float[] r, int are, int aim, int rre, int rim, int sign,
		float filter)
	{
		double ar = a[are], ai = sign * a[aim], br = r[rre], bi = sign * r[rim];
		double pr = ar * br + ai * bi, pi = ai * br - ar * bi;
		double s = scale(pr * pr + pi * pi) * filter;
		a[are] = (float) (pr * s);
		a[aim] = (float) (sign * pi * s);
	}

	/** @return |P|^-whitening from the squared magnitude |P|² (0 for a vanishing |P|) */
	private double scale(double squared) {
		if (whitening == 0) return 1;
		if (!(squared > 1e-40)) return 0;
		if (whitening == 0.5) return 1 / Math.sqrt(Math.sqrt(squared));
		if (whitening == 1) return 1 / Math.sqrt(squared);
		return Math.pow(squared, -0.5 * whitening);
	}

	/** @return {dx, dy, peak} from the circular correlation surface {@code c} */
	private double[] peak(float[] c) {
		int bx = 0, by = 0;
		float best = Float.NEGATIVE_INFINITY;
		for (int dy = -maxShift; dy <= maxShift; dy++) {
			int row = Math.floorMod(dy, h) * w;
			for (int dx = -maxShift; dx <= maxShift; dx++) {
				float v = c[row + Math.floorMod(dx, w)];
				if (v > best) {
					best = v;
					bx = dx;
					by = dy;
				}
			}
		}
		double fx = refine(at(c, bx - 1, by), best, at(c, bx + 1, by));
		double fy = refine(at(c, bx, by - 1), best, at(c, bx, by + 1));
		return new double[] { bx + fx, by + fy, best };
	}

	private float at(float[] c, int dx, int dy) {
		return c[Math.floorMod(dy, h) * w + Math.floorMod(dx, w)];
	}

	/**
	 * @return the sub-pixel offset of a peak from its value {@code c} and neighbours {@code l},
	 *         {@code r}: a parabola through their logarithms (a Gaussian peak), or through the values
	 *         when a neighbour is not positive; within +-0.5
	 */
	static double refine(double l, double c, double r) {
		double d;
		if (l > 0 && r > 0 && c > 0) {
			double ll = Math.log(l), lc = Math.log(c), lr = Math.log(r);
			double den = ll - 2 * lc + lr;
			d = den < 0 ? 0.5 * (ll - lr) / den : 0;
		}
		else {
			double den = l - 2 * c + r;
			d = den < 0 ? 0.5 * (l - r) / den : 0;
		}
		return Math.max(-0.5, Math.min(0.5, d));
	}

	/** @return a separable Tukey taper: 1 inside, a raised cosine over {@code px} pixels at each edge */
	static float[] taper(int w, int h, int px) {
		float[] tx = ramp(w, px), ty = ramp(h, px), t = new float[w * h];
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) t[y * w + x] = tx[x] * ty[y];
		return t;
	}

	private static float[] ramp(int n, int px) {
		float[] r = new float[n];
		int p = Math.max(0, Math.min(px, n / 4));
		for (int i = 0; i < n; i++) {
			int d = Math.min(i, n - 1 - i);
			r[i] = d >= p ? 1f : (float) (0.5 - 0.5 * Math.cos(Math.PI * (d + 0.5) / p));
		}
		return r;
	}

	/**
	 * @return per packed index, exp(-2 pi² s² (u² + v²)) with u, v the spatial frequencies in cycles
	 *         per pixel: a Gaussian blur of sd {@code s} pixels on the correlation surface
	 */
	private static float[] lowPass(int w, int h, double s) {
		float[] g = new float[w * h];
		for (int k1 = 0; k1 < h; k1++) {
			double v = Math.min(k1, h - k1) / (double) h;
			for (int j = 0; j < w; j++) {
				// values 0 and 1 of a row hold columns 0 and w/2 (see multiplyByConjugateReference)
				double u = j == 0 ? 0 : j == 1 ? 0.5 : (j / 2) / (double) w;
				g[k1 * w + j] = (float) Math.exp(-2 * Math.PI * Math.PI * s * s * (u * u + v * v));
			}
		}
		return g;
	}
}

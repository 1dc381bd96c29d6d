package io.github.calspike.detect;

import io.github.calspike.extract.RoiMask;

import java.util.List;

/**
 * What the segmentation network sees and learns: input channels made from a movie's summary
 * images, and target maps made from annotated neurons. Images are row by row, x fastest.
 */
public final class DetectorInputs {

	/** Input channels, in order. */
	public static final List<String> CHANNELS = List.of("enhanced mean", "local correlation",
		"max - mean", "std / mean");
	/** Target maps, in order: cell interior and neuron centres. */
	public static final List<String> TARGETS = List.of("cell", "centre");
	/** Width of the local contrast normalisation of the mean image (Gaussian sigma, px). */
	public static final double CONTRAST_SIGMA = 8;
	/** Width of the Gaussian drawn at each neuron's centroid in the centre target (px). */
	public static final double CENTRE_SIGMA = 2;

	private DetectorInputs() {}

	/**
	 * @return {@link #CHANNELS} of {@code s}, each scaled robustly ((v - median) / (99th - 1st
	 *         percentile)), so that movies of any brightness give inputs of the same size
	 */
	public static float[][] channels(SummaryImages s) {
		int w = s.width, h = s.height, n = w * h;
		float[] enhanced = new float[n], maxRel = new float[n], stdRel = new float[n];
		float[] bg = Instances.gaussian(s.mean, w, h, CONTRAST_SIGMA);
		float[] dev = new float[n];
		for (int i = 0; i < n; i++) {
			float d = s.mean[i] - bg[i];
			dev[i] = d * d;
		}
		float[] local = Instances.gaussian(dev, w, h, CONTRAST_SIGMA);
		double floor = Math.max(1e-6, mean(s.mean) * 1e-3);
		for (int i = 0; i < n; i++) {
			enhanced[i] = (float) ((s.mean[i] - bg[i]) / Math.sqrt(local[i] + floor * floor));
			double m = Math.max(bg[i], floor);
			maxRel[i] = (float) (s.max[i] / m);
			stdRel[i] = (float) (s.std[i] / m);
		}
		return new float[][] { Instances.robustScale(enhanced), Instances.robustScale(s.correlation),
			Instances.robustScale(maxRel), Instances.robustScale(stdRel) };
	}

	/**
	 * @return {@link #TARGETS} for annotated neurons: 1 inside any neuron (else 0), and the maximum
	 *         over neurons of a Gaussian of {@link #CENTRE_SIGMA} px, 1 at each centroid
	 */
	public static float[][] targets(List<RoiMask> neurons, int w, int h) {
		float[] cell = new float[w * h], centre = new float[w * h];
		int r = (int) Math.ceil(3 * CENTRE_SIGMA);
		for (RoiMask m : neurons) {
			for (int i : m.indices()) cell[i] = 1;
			double[] c = m.centroid();
			int cx = (int) Math.round(c[0]), cy = (int) Math.round(c[1]);
			for (int y = Math.max(0, cy - r); y <= Math.min(h - 1, cy + r); y++) {
				for (int x = Math.max(0, cx - r); x <= Math.min(w - 1, cx + r); x++) {
					double d2 = (x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1]);
					float g = (float) Math.exp(-d2 / (2 * CENTRE_SIGMA * CENTRE_SIGMA));
					centre[y * w + x] = Math.max(centre[y * w + x], g);
				}
			}
		}
		return new float[][] { cell, centre };
	}

	private static double mean(float[] v) {
		double s = 0;
		for (float x : v) s += x;
		return s / v.length;
	}
}

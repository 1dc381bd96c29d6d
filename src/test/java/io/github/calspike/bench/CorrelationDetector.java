package io.github.calspike.bench;

import io.github.calspike.detect.Detection;
import io.github.calspike.detect.Instances;
import io.github.calspike.detect.SummaryImages;

import io.github.calspike.extract.RoiMask;

import java.util.List;

/**
 * The classical baseline of the detection benchmark (not shipped): peaks of the smoothed local-correlation image, each grown into the
 * neighbouring pixels whose correlation stays above a fraction of its peak's.
 */
public final class CorrelationDetector {

	/** Smoothing of the correlation image before peaks are found (px). */
	public static final double DEFAULT_SIGMA = 1;
	/** Smallest peak correlation of a neuron (the best of the benchmark's sweep on the three crops). */
	public static final double DEFAULT_THRESHOLD = 0.03;
	/** Peaks closer than this are one neuron (px). */
	public static final int DEFAULT_SEPARATION = 4;
	/** A pixel joins a neuron when its correlation is at least this fraction of the peak's. */
	public static final double DEFAULT_RELATIVE = 0.7;
	/** Largest distance of a neuron's pixel from its peak (px). */
	public static final double DEFAULT_MAX_RADIUS = 8;
	/** Smallest neuron (pixels). */
	public static final int DEFAULT_MIN_AREA = 15;

	private final double sigma, threshold, relative, maxRadius;
	private final int separation, minArea;

	/** A detector with the defaults. */
	public CorrelationDetector() {
		this(DEFAULT_SIGMA, DEFAULT_THRESHOLD, DEFAULT_SEPARATION, DEFAULT_RELATIVE, DEFAULT_MAX_RADIUS,
			DEFAULT_MIN_AREA);
	}

	/** A detector with the given settings (see the defaults for their meaning). */
	public CorrelationDetector(double sigma, double threshold, int separation, double relative,
		double maxRadius, int minArea)
	{
		this.sigma = sigma;
		this.threshold = threshold;
		this.separation = separation;
		this.relative = relative;
		this.maxRadius = maxRadius;
		this.minArea = minArea;
	}

	/** @return the detected neurons, strongest peak first */
	public Detection detect(SummaryImages s) {
		float[] c = Instances.gaussian(s.correlation, s.width, s.height, sigma);
		int[] seeds = Instances.peaks(c, s.width, s.height, threshold, separation);
		int[] label = Instances.watershed(c, s.width, s.height, seeds, threshold / 2, relative,
			maxRadius);
		boolean[] kept = new boolean[seeds.length];
		List<RoiMask> masks = Instances.masks(label, s.width, s.height, seeds.length, minArea, kept);
		double[] scores = new double[masks.size()];
		for (int k = 0, m = 0; k < seeds.length; k++) if (kept[k]) scores[m++] = c[seeds[k]];
		return new Detection(masks, scores);
	}
}

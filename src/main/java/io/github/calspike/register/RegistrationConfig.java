package io.github.calspike.register;

import io.github.calspike.trace.Choices;

import java.util.Locale;

/**
 * Settings of rigid motion correction, each with its default: the largest shift searched, how
 * the reference is made, and how frames are prepared for phase correlation.
 */
public final class RegistrationConfig {

	/** How the reference image is made. */
	public enum Reference {
		/** Mean of the first N frames, as they are. */
		FIRST_FRAMES("mean of first N frames"),
		/** Mean of N frames spread over the movie, registered to it and averaged again. */
		ITERATIVE("iterative");

		/** The name users type. */
		public final String label;

		Reference(String label) {
			this.label = label;
		}

		/** @return the reference mode named {@code s} */
		public static Reference fromLabel(String s) {
			return Choices.find(values(), r -> r.label, s, "reference");
		}
	}

	/** Default largest shift searched, pixels. */
	public static final int DEFAULT_MAX_SHIFT = 20;
	/** Default reference mode. */
	public static final Reference DEFAULT_REFERENCE = Reference.ITERATIVE;
	/** Default number of frames averaged into the reference. */
	public static final int DEFAULT_REFERENCE_FRAMES = 200;
	/** Default rounds of registering the reference frames to their mean (iterative reference). */
	public static final int DEFAULT_ITERATIONS = 2;
	/** Default exponent of the spectral whitening (1 = phase only, 0 = plain cross-correlation). */
	public static final double DEFAULT_WHITENING = 0.5;
	/** Default Gaussian smoothing of the correlation surface, sd in pixels. */
	public static final double DEFAULT_SMOOTH_PX = 1.0;
	/** Default width of the reference's edge taper, pixels. */
	public static final int DEFAULT_TAPER_PX = 16;

	/**
	 * Default side of the central region correlated, pixels: 256 keeps a 512 x 512 frame's FFTs at
	 * a quarter of the cost (BENCHMARKS.md: accuracy and speed).
	 */
	public static final int DEFAULT_REGION = 256;

	/** Side of the central region correlated, pixels. */
	public final int region;
	/** Largest shift searched, pixels. */
	public final int maxShift;
	/** How the reference is made. */
	public final Reference reference;
	/** Frames averaged into the reference. */
	public final int referenceFrames;
	/** Rounds of refinement of an iterative reference. */
	public final int iterations;
	/** Exponent of the spectral whitening. */
	public final double whitening;
	/** Gaussian smoothing of the correlation surface, sd in pixels. */
	public final double smoothPx;
	/** Width of the edge taper, pixels. */
	public final int taperPx;

	/** The defaults. */
	public RegistrationConfig() {
		this(DEFAULT_MAX_SHIFT, DEFAULT_REFERENCE, DEFAULT_REFERENCE_FRAMES, DEFAULT_ITERATIONS,
			DEFAULT_WHITENING, DEFAULT_SMOOTH_PX, DEFAULT_TAPER_PX, DEFAULT_REGION);
	}

	private RegistrationConfig(int maxShift, Reference reference, int referenceFrames,
		int iterations, double whitening, double smoothPx, int taperPx, int region)
	{
		if (region < 16) throw new IllegalArgumentException("region must be at least 16 pixels, got " + region);
		this.region = region;
		if (maxShift < 1) throw new IllegalArgumentException("maxshift must be at least 1 pixel, got " + maxShift);
		if (referenceFrames < 1) {
			throw new IllegalArgumentException("The reference needs at least 1 frame, got " + referenceFrames);
		}
		if (iterations < 0) throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
		if (!(whitening >= 0 && whitening <= 1)) {
			throw new IllegalArgumentException("whitening must lie in 0..1, got " + whitening);
		}
		if (!(smoothPx >= 0)) throw new IllegalArgumentException("smoothing must be >= 0, got " + smoothPx);
		if (taperPx < 0) throw new IllegalArgumentException("taper must be >= 0, got " + taperPx);
		this.maxShift = maxShift;
		this.reference = reference;
		this.referenceFrames = referenceFrames;
		this.iterations = iterations;
		this.whitening = whitening;
		this.smoothPx = smoothPx;
		this.taperPx = taperPx;
	}

	/** @return a copy with the largest shift {@code px} */
	public RegistrationConfig withMaxShift(int px) {
		return new RegistrationConfig(px, reference, referenceFrames, iterations, whitening, smoothPx,
			taperPx, region);
	}

	/** @return a copy with reference mode {@code r} from {@code frames} frames */
	public RegistrationConfig withReference(Reference r, int frames) {
		return new RegistrationConfig(maxShift, r, frames, iterations, whitening, smoothPx, taperPx,
			region);
	}

	/** @return a copy with whitening exponent {@code e}, smoothing {@code px} and taper {@code taper} */
	public RegistrationConfig withFiltering(double e, double px, int taper) {
		return new RegistrationConfig(maxShift, reference, referenceFrames, iterations, e, px, taper,
			region);
	}

	/** @return a copy correlating the central {@code px} x {@code px} pixels */
	public RegistrationConfig withRegion(int px) {
		return new RegistrationConfig(maxShift, reference, referenceFrames, iterations, whitening,
			smoothPx, taperPx, px);
	}

	/** @return a copy with {@code n} rounds of reference refinement */
	public RegistrationConfig withIterations(int n) {
		return new RegistrationConfig(maxShift, reference, referenceFrames, n, whitening, smoothPx,
			taperPx, region);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "maxshift=%d px, reference=%s (%d frames%s), whitening=%.2f, " +
			"smoothing=%.2f px, taper=%d px, region=%d px", maxShift, reference.label, referenceFrames, reference ==
				Reference.ITERATIVE ? ", " + iterations + " rounds" : "", whitening, smoothPx, taperPx, region);
	}
}

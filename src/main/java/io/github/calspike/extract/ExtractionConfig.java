package io.github.calspike.extract;

/**
 * Settings of ROI trace extraction, with the defaults used by commands, the command line and
 * tests: neuropil coefficient 0.7, a ring 2 px away from the ROI holding at least 350 px, and
 * dF/F over an 8th-percentile baseline in a 60 s running window. Immutable.
 */
public final class ExtractionConfig {

	/** Default neuropil coefficient r in F - r * F_ring. */
	public static final double DEFAULT_NEUROPIL = 0.7;
	/** Default gap between ROI and ring, in pixels. */
	public static final double DEFAULT_GAP = 2;
	/** Default minimum ring size, in pixels. */
	public static final int DEFAULT_RING_PIXELS = 350;
	/** Default for computing dF/F. */
	public static final boolean DEFAULT_DFF = true;
	/** Default baseline percentile. */
	public static final double DEFAULT_PERCENTILE = 8;
	/** Default baseline window, in seconds. */
	public static final double DEFAULT_BASELINE_SECONDS = 60;

	/**
	 * A neuropil-corrected baseline below this fraction of the raw baseline is too small to divide
	 * by: dF/F then divides by the raw baseline (see {@link RoiExtraction}).
	 */
	public static final double MIN_BASELINE_FRACTION = 0.1;

	private final double neuropil;
	private final double gap;
	private final int ringPixels;
	private final boolean dff;
	private final double percentile;
	private final double baselineSeconds;

	/** The default settings. */
	public ExtractionConfig() {
		this(DEFAULT_NEUROPIL, DEFAULT_GAP, DEFAULT_RING_PIXELS, DEFAULT_DFF, DEFAULT_PERCENTILE,
			DEFAULT_BASELINE_SECONDS);
	}

	private ExtractionConfig(double neuropil, double gap, int ringPixels, boolean dff,
		double percentile, double baselineSeconds)
	{
		if (!(neuropil >= 0 && neuropil <= 1.5)) {
			throw new IllegalArgumentException("neuropil: expected a coefficient in [0, 1.5], got " +
				neuropil);
		}
		if (!(gap >= 0)) throw new IllegalArgumentException("gap: must not be negative");
		if (ringPixels < 1) throw new IllegalArgumentException("ring pixels: must be positive");
		if (!(percentile >= 0 && percentile <= 100)) {
			throw new IllegalArgumentException("percentile: expected 0..100, got " + percentile);
		}
		if (!(baselineSeconds > 0)) {
			throw new IllegalArgumentException("baseline: window must be positive, got " +
				baselineSeconds + " s");
		}
		this.neuropil = neuropil;
		this.gap = gap;
		this.ringPixels = ringPixels;
		this.dff = dff;
		this.percentile = percentile;
		this.baselineSeconds = baselineSeconds;
	}

	/** @return a copy with neuropil coefficient r (0 turns neuropil correction off) */
	public ExtractionConfig withNeuropil(double r) {
		return new ExtractionConfig(r, gap, ringPixels, dff, percentile, baselineSeconds);
	}

	/** @return a copy with the ring's gap and minimum size in pixels */
	public ExtractionConfig withRing(double gapPx, int minPixels) {
		return new ExtractionConfig(neuropil, gapPx, minPixels, dff, percentile, baselineSeconds);
	}

	/** @return a copy that computes dF/F (true) or keeps corrected fluorescence (false) */
	public ExtractionConfig withDff(boolean on) {
		return new ExtractionConfig(neuropil, gap, ringPixels, on, percentile, baselineSeconds);
	}

	/** @return a copy with the baseline percentile and running window in seconds */
	public ExtractionConfig withBaseline(double pct, double seconds) {
		return new ExtractionConfig(neuropil, gap, ringPixels, dff, pct, seconds);
	}

	/** @return the neuropil coefficient r */
	public double neuropil() {
		return neuropil;
	}

	/** @return whether rings are needed (r > 0) */
	public boolean usesNeuropil() {
		return neuropil > 0;
	}

	/** @return the gap between ROI and ring in pixels */
	public double gap() {
		return gap;
	}

	/** @return the minimum ring size in pixels */
	public int ringPixels() {
		return ringPixels;
	}

	/** @return whether dF/F is computed */
	public boolean dff() {
		return dff;
	}

	/** @return the baseline percentile */
	public double percentile() {
		return percentile;
	}

	/** @return the baseline running window in seconds */
	public double baselineSeconds() {
		return baselineSeconds;
	}

	/** @return the baseline window in frames at {@code rateHz}, at least 1 */
	public int baselineFrames(double rateHz) {
		return Math.max(1, (int) Math.round(baselineSeconds * rateHz));
	}
}

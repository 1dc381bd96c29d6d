package io.github.calspike.data;

import java.util.Objects;

/**
 * Where windows are cut and how they are labelled. A window centred on frame t holds frames
 * t-before .. t+after (20 bins, t-10..t+9, by default). It is labelled "spike" when frame t holds
 * at least {@code spikeN} spikes. Centres advance by {@code stride} frames.
 */
public final class WindowSpec {

	/** Default bins before the centre. */
	public static final int DEFAULT_BEFORE = 10;
	/** Default bins after the centre. */
	public static final int DEFAULT_AFTER = 9;
	/** Default minimum spike count in the centre bin for the "spike" label. */
	public static final int DEFAULT_SPIKE_N = 1;
	/** Default distance between window centres, in frames. */
	public static final int DEFAULT_STRIDE = 1;

	private final int before;
	private final int after;
	private final int spikeN;
	private final int stride;

	/**
	 * @throws IllegalArgumentException if before or after is negative, or spikeN or stride < 1
	 */
	public WindowSpec(int before, int after, int spikeN, int stride) {
		if (before < 0 || after < 0) {
			throw new IllegalArgumentException("Bins before and after the centre must be >= 0, got " +
				before + " and " + after);
		}
		if (spikeN < 1) throw new IllegalArgumentException("spike_n must be >= 1, got " + spikeN);
		if (stride < 1) throw new IllegalArgumentException("stride must be >= 1, got " + stride);
		this.before = before;
		this.after = after;
		this.spikeN = spikeN;
		this.stride = stride;
	}

	/** @return the default spec: 20 bins t-10..t+9, spike when the centre holds >= 1 spike, stride 1 */
	public static WindowSpec defaults() {
		return new WindowSpec(DEFAULT_BEFORE, DEFAULT_AFTER, DEFAULT_SPIKE_N, DEFAULT_STRIDE);
	}

	/** @return bins before the centre */
	public int before() {
		return before;
	}

	/** @return bins after the centre */
	public int after() {
		return after;
	}

	/** @return the minimum centre spike count for the "spike" label */
	public int spikeN() {
		return spikeN;
	}

	/** @return frames between consecutive window centres */
	public int stride() {
		return stride;
	}

	/** @return the window length in bins, before + 1 + after */
	public int length() {
		return before + 1 + after;
	}

	/** @return whether a centre bin holding {@code count} spikes makes a "spike" window */
	public boolean isSpike(double count) {
		return count >= spikeN;
	}

	@Override
	public boolean equals(Object o) {
		if (!(o instanceof WindowSpec)) return false;
		WindowSpec w = (WindowSpec) o;
		return before == w.before && after == w.after && spikeN == w.spikeN && stride == w.stride;
	}

	@Override
	public int hashCode() {
		return Objects.hash(before, after, spikeN, stride);
	}

	@Override
	public String toString() {
		return "WindowSpec[t-" + before + "..t+" + after + ", spike_n=" + spikeN + ", stride=" +
			stride + "]";
	}
}

package io.github.calspike.detect;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * How a network's cell and centre maps become neurons; each default lives here. Immutable: the
 * {@code with...} methods return a copy.
 */
public final class DetectionConfig implements Cloneable {

	/** Default smallest centre-map peak of a neuron (probability). */
	public static final double DEFAULT_THRESHOLD = 0.3;
	/** Default: peaks closer than this are one neuron (px). */
	public static final int DEFAULT_SEPARATION = 3;
	/** Default: pixels join a neuron where the cell map is at least this. */
	public static final double DEFAULT_CELL_FLOOR = 0.5;
	/** Default largest distance of a neuron's pixel from its centre peak (px). */
	public static final double DEFAULT_MAX_RADIUS = 9;
	/** Default: average the network's maps over the eight symmetries of the square. */
	public static final boolean DEFAULT_AVERAGE_SYMMETRIES = true;
	/** Default smallest neuron (pixels). */
	public static final int DEFAULT_MIN_AREA = 5;

	private double threshold = DEFAULT_THRESHOLD, cellFloor = DEFAULT_CELL_FLOOR, maxRadius =
		DEFAULT_MAX_RADIUS;
	private int separation = DEFAULT_SEPARATION, minArea = DEFAULT_MIN_AREA;
	private boolean averageSymmetries = DEFAULT_AVERAGE_SYMMETRIES;

	/** @return a copy with {@code v} as the smallest centre peak, in (0, 1) */
	public DetectionConfig withThreshold(double v) {
		if (!(v > 0 && v < 1)) throw new IllegalArgumentException("threshold: must be in (0, 1), got " + v);
		return with(c -> c.threshold = v);
	}

	/** @return a copy growing neurons into pixels whose cell map is at least {@code v}, in (0, 1) */
	public DetectionConfig withCellFloor(double v) {
		if (!(v > 0 && v < 1)) throw new IllegalArgumentException("cell floor: must be in (0, 1), got " + v);
		return with(c -> c.cellFloor = v);
	}

	/** @return a copy that averages the maps over the square's symmetries ({@link Symmetries}) or not */
	public DetectionConfig withAverageSymmetries(boolean v) {
		return with(c -> c.averageSymmetries = v);
	}

	/** @return a copy keeping neurons of at least {@code v} pixels */
	public DetectionConfig withMinArea(int v) {
		if (v < 1) throw new IllegalArgumentException("minarea: must be >= 1 pixel, got " + v);
		return with(c -> c.minArea = v);
	}

	/** @return a copy growing neurons to at most {@code v} px from their centre */
	public DetectionConfig withMaxRadius(double v) {
		if (!(v >= 1)) throw new IllegalArgumentException("maxradius: must be >= 1 px, got " + v);
		return with(c -> c.maxRadius = v);
	}

	/** @return a copy with {@code change} applied to it */
	private DetectionConfig with(Consumer<DetectionConfig> change) {
		try {
			DetectionConfig c = (DetectionConfig) clone();
			change.accept(c);
			return c;
		}
		catch (CloneNotSupportedException e) {
			throw new IllegalStateException(e);
		}
	}

	/** @return the smallest centre peak */
	public double threshold() { return threshold; }
	/** @return the cell-map floor of a neuron's pixels */
	public double cellFloor() { return cellFloor; }
	/** @return the largest pixel distance from the centre (px) */
	public double maxRadius() { return maxRadius; }
	/** @return the smallest peak separation (px) */
	public int separation() { return separation; }
	/** @return the smallest neuron (pixels) */
	public int minArea() { return minArea; }
	/** @return whether the maps are averaged over the square's symmetries */
	public boolean averageSymmetries() { return averageSymmetries; }

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "centre peaks >= %.2f, %d px apart; cell map >= %.2f within " +
			"%.0f px; at least %d px%s", threshold, separation, cellFloor, maxRadius, minArea,
			averageSymmetries ? "; maps averaged over flips and transposition" : "");
	}
}

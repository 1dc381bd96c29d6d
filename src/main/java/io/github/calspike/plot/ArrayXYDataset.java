package io.github.calspike.plot;

import java.util.ArrayList;
import java.util.List;

import org.jfree.data.xy.AbstractXYDataset;

/**
 * An XY dataset that wraps existing arrays instead of copying them into JFreeChart series. Each
 * series is a pair of equally long x and y arrays; the arrays must not change while plotted.
 */
public final class ArrayXYDataset extends AbstractXYDataset {

	private static final long serialVersionUID = 1L;

	private final List<String> keys = new ArrayList<>();
	private final List<double[]> xs = new ArrayList<>();
	private final List<double[]> ys = new ArrayList<>();
	private final List<int[]> ranges = new ArrayList<>();

	/** Adds a series over the whole arrays; returns this dataset. */
	public ArrayXYDataset add(String key, double[] x, double[] y) {
		return add(key, x, y, 0, x.length);
	}

	/** Adds a series over items {@code from} (inclusive) to {@code to} (exclusive). */
	public ArrayXYDataset add(String key, double[] x, double[] y, int from, int to) {
		if (x.length != y.length || from < 0 || to > x.length || from > to) {
			throw new IllegalArgumentException("Series '" + key + "': " + x.length + " x and " +
				y.length + " y values, range " + from + ".." + to);
		}
		keys.add(key);
		xs.add(x);
		ys.add(y);
		ranges.add(new int[] { from, to });
		return this;
	}

	@Override
	public int getSeriesCount() {
		return keys.size();
	}

	@Override
	public Comparable<String> getSeriesKey(int series) {
		return keys.get(series);
	}

	@Override
	public int getItemCount(int series) {
		int[] r = ranges.get(series);
		return r[1] - r[0];
	}

	@Override
	public Number getX(int series, int item) {
		return getXValue(series, item);
	}

	@Override
	public Number getY(int series, int item) {
		return getYValue(series, item);
	}

	@Override
	public double getXValue(int series, int item) {
		return xs.get(series)[ranges.get(series)[0] + item];
	}

	@Override
	public double getYValue(int series, int item) {
		return ys.get(series)[ranges.get(series)[0] + item];
	}
}

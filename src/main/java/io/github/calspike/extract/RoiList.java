package io.github.calspike.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * ROIs ready to measure on frames of one size, with a warning for each ROI that was clipped or
 * skipped: a ROI wholly outside the frame, or with no pixels, is skipped; one partly outside is
 * measured on its pixels inside. Names are made unique by appending "-2", "-3", ...
 */
public final class RoiList {

	private final List<RoiMask> masks;
	private final List<String> warnings;

	private RoiList(List<RoiMask> masks, List<String> warnings) {
		this.masks = Collections.unmodifiableList(masks);
		this.warnings = Collections.unmodifiableList(warnings);
	}

	/** @return {@code list} with more warnings added after its own */
	public static RoiList withWarnings(RoiList list, List<String> more) {
		List<String> w = new ArrayList<>(list.warnings);
		w.addAll(more);
		return new RoiList(new ArrayList<>(list.masks), w);
	}

	/** @return the usable ROIs, in input order */
	public List<RoiMask> masks() {
		return masks;
	}

	/** @return one line per clipped or skipped ROI */
	public List<String> warnings() {
		return warnings;
	}

	/**
	 * @return one ROI per non-zero label of an integer label image of the frame size, named by
	 *         label value, in increasing label order
	 * @throws IllegalArgumentException if the label image's size differs from the frame size or a
	 *           label is not a whole number
	 */
	public static RoiList fromLabels(RandomAccessibleInterval<? extends RealType<?>> labels,
		int width, int height)
	{
		if (labels.numDimensions() != 2 || labels.dimension(0) != width || labels.dimension(
			1) != height)
		{
			StringBuilder size = new StringBuilder();
			for (int d = 0; d < labels.numDimensions(); d++) {
				size.append(d == 0 ? "" : "x").append(labels.dimension(d));
			}
			throw new IllegalArgumentException("the label image is " + size + " but the movie's frames " +
				"are " + width + "x" + height);
		}
		TreeMap<Long, List<Integer>> byLabel = new TreeMap<>();
		Cursor<? extends RealType<?>> c = Views.flatIterable(labels).cursor();
		int i = 0;
		while (c.hasNext()) {
			double v = c.next().getRealDouble();
			if (v != 0) {
				if (v != Math.rint(v)) {
					throw new IllegalArgumentException("the label image holds " + v + " at x=" + i % width +
						", y=" + i / width + "; labels must be whole numbers");
				}
				byLabel.computeIfAbsent((long) v, k -> new ArrayList<>()).add(i);
			}
			i++;
		}
		Builder b = new Builder(width, height);
		byLabel.forEach((label, px) -> b.add(new RoiMask(String.valueOf(label), width, height, px
			.stream().mapToInt(Integer::intValue).toArray()), 0));
		return b.build();
	}

	/** Collects ROIs for frames of one size. */
	public static final class Builder {
		private final int width;
		private final int height;
		private final List<RoiMask> masks = new ArrayList<>();
		private final List<String> warnings = new ArrayList<>();
		private final Set<String> names = new HashSet<>();

		/** Starts an empty list for {@code width x height} frames. */
		public Builder(int width, int height) {
			this.width = width;
			this.height = height;
		}

		/** Adds a ROI given by pixel coordinates (x = column, y = row). */
		public Builder add(String name, int[] xs, int[] ys) {
			int outside = 0;
			for (int i = 0; i < xs.length; i++) {
				if (xs[i] < 0 || ys[i] < 0 || xs[i] >= width || ys[i] >= height) outside++;
			}
			return add(RoiMask.fromPixels(name, width, height, xs, ys), outside);
		}

		/** Adds a mask from which {@code outside} pixels beyond the frame were dropped. */
		public Builder add(RoiMask mask, int outside) {
			String name = mask.name();
			if (mask.isEmpty() && outside == 0) {
				warnings.add("ROI " + name + " has no pixels; skipped");
				return this;
			}
			if (mask.isEmpty()) {
				warnings.add("ROI " + name + " lies outside the " + width + "x" + height + " image; skipped");
				return this;
			}
			if (outside > 0) {
				warnings.add("ROI " + name + ": " + outside + " pixels lie outside the " + width + "x" +
					height + " image; measured on the " + mask.size() + " inside");
			}
			String unique = name;
			for (int k = 2; names.contains(unique); k++) unique = name + "-" + k;
			names.add(unique);
			masks.add(unique.equals(name) ? mask : new RoiMask(unique, width, height, mask
				.indicesUnsafe()));
			return this;
		}

		/** @return the list */
		public RoiList build() {
			return new RoiList(new ArrayList<>(masks), new ArrayList<>(warnings));
		}
	}
}

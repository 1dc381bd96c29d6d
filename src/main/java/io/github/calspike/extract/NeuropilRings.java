package io.github.calspike.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Neuropil rings around ROIs: the pixels farther than a gap from the ROI, nearest first, until
 * the ring holds at least a minimum number of pixels. Pixels of any ROI are never part of a ring.
 * Distances are Euclidean, between pixel centres, to the nearest pixel of the ROI.
 */
public final class NeuropilRings {

	private NeuropilRings() {}

	/**
	 * @param rois ROIs of one frame size
	 * @param gap pixels at a distance of at most {@code gap} from the ROI are left out
	 * @param minPixels the ring grows until it holds at least this many pixels (all equidistant
	 *          pixels are taken together), or until the frame has no more
	 * @return one ring per ROI, in order, named like its ROI
	 */
	public static List<RoiMask> rings(List<RoiMask> rois, double gap, int minPixels) {
		List<RoiMask> out = new ArrayList<>();
		if (rois.isEmpty()) return out;
		int w = rois.get(0).width(), h = rois.get(0).height();
		boolean[] occupied = new boolean[w * h];
		for (RoiMask r : rois) {
			if (r.width() != w || r.height() != h) {
				throw new IllegalArgumentException("ROIs have different frame sizes");
			}
			for (int i : r.indicesUnsafe()) occupied[i] = true;
		}
		for (RoiMask r : rois) out.add(ring(r, occupied, gap, minPixels));
		return out;
	}

	private static RoiMask ring(RoiMask roi, boolean[] occupied, double gap, int minPixels) {
		int w = roi.width(), h = roi.height();
		if (roi.isEmpty()) return new RoiMask(roi.name(), w, h, new int[0]);
		int[] edge = edgePixels(roi);
		int x0 = w, y0 = h, x1 = -1, y1 = -1;
		for (int i : edge) {
			x0 = Math.min(x0, i % w);
			x1 = Math.max(x1, i % w);
			y0 = Math.min(y0, i / w);
			y1 = Math.max(y1, i / w);
		}
		double gap2 = gap * gap;
		int reach = (int) Math.ceil(gap) + 1 + (int) Math.ceil(Math.sqrt(minPixels / Math.PI));
		while (true) {
			int bx0 = Math.max(0, x0 - reach), bx1 = Math.min(w - 1, x1 + reach);
			int by0 = Math.max(0, y0 - reach), by1 = Math.min(h - 1, y1 + reach);
			long[] cand = new long[(bx1 - bx0 + 1) * (by1 - by0 + 1)];
			int n = 0;
			for (int y = by0; y <= by1; y++) {
				for (int x = bx0; x <= bx1; x++) {
					int idx = y * w + x;
					if (occupied[idx]) continue;
					long d2 = Long.MAX_VALUE;
					for (int e : edge) {
						long dx = x - e % w, dy = y - e / w;
						d2 = Math.min(d2, dx * dx + dy * dy);
					}
					if (d2 > gap2) cand[n++] = (d2 << 32) | idx; // sort by distance, then index
				}
			}
			Arrays.sort(cand, 0, n);
			boolean wholeFrame = bx0 == 0 && by0 == 0 && bx1 == w - 1 && by1 == h - 1;
			// every pixel within distance 'reach' of the ROI is inside the box
			long complete = (long) reach * reach;
			int take = n;
			if (n >= minPixels) {
				long threshold = cand[minPixels - 1] >>> 32;
				take = minPixels;
				while (take < n && (cand[take] >>> 32) == threshold) take++;
				if (threshold <= complete || wholeFrame) return ringOf(roi, cand, take);
			}
			else if (wholeFrame) return ringOf(roi, cand, take);
			reach *= 2;
		}
	}

	private static RoiMask ringOf(RoiMask roi, long[] cand, int n) {
		int[] idx = new int[n];
		for (int i = 0; i < n; i++) idx[i] = (int) (cand[i] & 0xffffffffL);
		return new RoiMask(roi.name(), roi.width(), roi.height(), idx);
	}

	/** @return the ROI pixels with a 4-neighbour outside the ROI (the nearest to any outside pixel) */
	private static int[] edgePixels(RoiMask roi) {
		int w = roi.width(), h = roi.height();
		int[] px = roi.indicesUnsafe();
		List<Integer> edge = new ArrayList<>();
		for (int i : px) {
			int x = i % w, y = i / w;
			if (x == 0 || y == 0 || x == w - 1 || y == h - 1 || !in(px, i - 1) || !in(px, i + 1) ||
				!in(px, i - w) || !in(px, i + w)) edge.add(i);
		}
		return edge.stream().mapToInt(Integer::intValue).toArray();
	}

	private static boolean in(int[] sorted, int i) {
		return Arrays.binarySearch(sorted, i) >= 0;
	}
}

package io.github.calspike.extract.ij;

import io.github.calspike.extract.FrameSource;
import io.github.calspike.extract.RoiMask;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.plugin.RoiScaler;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import java.awt.Color;
import java.awt.Font;
import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Overlays of numbered ROI outlines (and optionally their neuropil rings), and a mean image of a
 * movie to draw them on when saving a picture.
 */
public final class RoiOverlays {

	/** ROI outline colour. */
	public static final Color ROI_COLOR = new Color(255, 230, 0);
	/** Ring outline colour. */
	public static final Color RING_COLOR = new Color(0, 200, 255, 150);

	private RoiOverlays() {}

	/**
	 * @param rings neuropil rings to outline too, or null
	 * @param scale magnification of the overlay (1 for the movie itself)
	 * @return an overlay with ROI i outlined and labelled {@code i + 1}, the number of its
	 *         {@code Mean} column
	 */
	public static Overlay overlay(List<RoiMask> rois, List<RoiMask> rings, double scale) {
		Overlay ov = new Overlay();
		if (rings != null) {
			for (RoiMask r : rings) {
				Roi outline = outline(r, scale);
				if (outline == null) continue;
				outline.setStrokeColor(RING_COLOR);
				outline.setName("");
				ov.add(outline);
			}
		}
		for (int i = 0; i < rois.size(); i++) {
			Roi outline = outline(rois.get(i), scale);
			if (outline == null) continue;
			outline.setStrokeColor(ROI_COLOR);
			outline.setName(String.valueOf(i + 1));
			ov.add(outline);
		}
		ov.drawLabels(true);
		ov.drawNames(true);
		ov.drawBackgrounds(true);
		ov.setLabelColor(Color.WHITE);
		ov.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, scale >= 2 ? 14 : 10), false);
		return ov;
	}

	/** @return the outline of a mask as a selection, or null for an empty mask */
	public static Roi outline(RoiMask mask, double scale) {
		if (mask.isEmpty()) return null;
		int w = mask.width();
		int[] idx = mask.indices();
		int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
		for (int i : idx) {
			x0 = Math.min(x0, i % w);
			x1 = Math.max(x1, i % w);
			y0 = Math.min(y0, i / w);
			y1 = Math.max(y1, i / w);
		}
		ByteProcessor bp = new ByteProcessor(x1 - x0 + 1, y1 - y0 + 1);
		for (int i : idx) bp.set(i % w - x0, i / w - y0, 255);
		bp.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
		Roi roi = ThresholdToSelection.run(new ImagePlus("mask", bp));
		if (roi == null) return null;
		roi.setLocation(roi.getXBase() + x0, roi.getYBase() + y0);
		return scale == 1 ? roi : RoiScaler.scale(roi, scale, scale, false);
	}

	/**
	 * @param maxFrames at most this many frames, evenly spaced, are averaged
	 * @return the mean of the sampled frames, enlarged {@code scale} times without interpolation
	 */
	public static FloatProcessor meanImage(FrameSource movie, int maxFrames, int scale) {
		int w = movie.width(), h = movie.height(), n = movie.frames();
		int step = Math.max(1, n / Math.max(1, maxFrames));
		double[] sum = new double[w * h];
		int count = 0;
		for (int t = 0; t < n; t += step) {
			RandomAccessibleInterval<? extends RealType<?>> f = movie.frame(t);
			Cursor<? extends RealType<?>> c = Views.flatIterable(f).cursor();
			int i = 0;
			while (c.hasNext()) sum[i++] += c.next().getRealDouble();
			count++;
		}
		float[] mean = new float[w * h];
		for (int i = 0; i < mean.length; i++) mean[i] = (float) (sum[i] / count);
		return enlarged(mean, w, h, scale);
	}

	/** @return {@code image} (w x h values, row by row) enlarged {@code scale} times without interpolation */
	private static FloatProcessor enlarged(float[] image, int w, int h, int scale) {
		FloatProcessor fp = new FloatProcessor(w * scale, h * scale);
		for (int y = 0; y < h * scale; y++) {
			for (int x = 0; x < w * scale; x++) fp.setf(x, y, image[(y / scale) * w + x / scale]);
		}
		return fp;
	}

	/** @return the magnification that makes the longer side at least 768 pixels (1 to 4) */
	private static int pictureScale(int w, int h) {
		return Math.max(1, Math.min(4, (int) Math.ceil(768.0 / Math.max(w, h))));
	}

	/**
	 * @return an RGB picture of the mean image (contrast stretched, 0.35% saturated) with the
	 *         numbered ROIs drawn in, enlarged so its longer side is at least 768 pixels
	 */
	public static ImagePlus picture(String title, FrameSource movie, List<RoiMask> rois,
		List<RoiMask> rings)
	{
		int scale = pictureScale(movie.width(), movie.height());
		FloatProcessor mean = meanImage(movie, 100, scale);
		ImagePlus imp = new ImagePlus(title, mean);
		new ij.plugin.ContrastEnhancer().stretchHistogram(imp, 0.35);
		imp.setOverlay(overlay(rois, rings, scale));
		ImagePlus flat = imp.flatten();
		flat.setTitle(title);
		return flat;
	}

	/**
	 * @param mean the movie's mean image (w x h values), e.g. from the detection's summaries, so the
	 *        movie is not read again
	 * @param reference hand-drawn truth, or null
	 * @return like {@link #picture}: the detected ROIs numbered in yellow, and the reference ROIs
	 *         outlined in cyan without numbers
	 */
	public static ImagePlus comparison(String title, float[] mean, int w, int h,
		List<RoiMask> detected, List<RoiMask> reference)
	{
		int scale = pictureScale(w, h);
		ImagePlus imp = new ImagePlus(title, enlarged(mean, w, h, scale));
		new ij.plugin.ContrastEnhancer().stretchHistogram(imp, 0.35);
		if (reference != null) {
			Overlay truth = new Overlay();
			for (RoiMask m : reference) {
				Roi r = outline(m, scale);
				if (r == null) continue;
				r.setStrokeColor(RING_COLOR);
				truth.add(r);
			}
			imp.setOverlay(truth);
			imp = imp.flatten();
		}
		imp.setOverlay(overlay(detected, null, scale));
		ImagePlus flat = imp.flatten();
		flat.setTitle(title);
		return flat;
	}
}

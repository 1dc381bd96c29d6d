package io.github.calspike.bench;

import io.github.calspike.extract.ExtractionConfig;
import io.github.calspike.extract.FrameSource;
import io.github.calspike.extract.RoiExtraction;
import io.github.calspike.extract.RoiList;
import io.github.calspike.extract.RoiMask;
import io.github.calspike.extract.SyntheticMovie;
import io.github.calspike.extract.TraceExtractor;
import io.github.calspike.extract.ij.ImagePlusFrames;
import io.github.calspike.extract.ij.RoiOverlays;
import io.github.calspike.trace.io.NeurofinderRegions;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;

import java.util.List;
import java.util.Locale;

/**
 * Times one-pass ROI extraction on a synthetic 512x512x2000 16-bit movie with 50 and 200 ROIs,
 * against ImageJ's RoiManager.multiMeasure on the same movie and ROIs (on the first frames only,
 * as it is slow), and checks both give the same means. Prints Markdown rows.
 */
public final class ExtractionBenchmark {

	public static void main(String[] args) {
		int frames = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
		int mmFrames = args.length > 1 ? Integer.parseInt(args[1]) : 100;
		SyntheticMovie.Spec s = new SyntheticMovie.Spec();
		s.width = 512;
		s.height = 512;
		s.frames = frames;
		s.neurons = 200;
		s.radius = 6;
		long t0 = System.nanoTime();
		SyntheticMovie m = SyntheticMovie.generate(s);
		System.err.printf(Locale.ROOT, "generated %d frames in %.1f s%n", frames, (System.nanoTime() -
			t0) / 1e9);
		RoiList.Builder b = new RoiList.Builder(s.width, s.height);
		for (NeurofinderRegions.Region r : m.rois) b.add(r.id(), r.xs(), r.ys());
		List<RoiMask> all = b.build().masks();
		FrameSource movie = ImagePlusFrames.of(m.movie);
		double mb = (double) s.width * s.height * 2 * frames / 1e6;
		System.out.println("| ROIs | neuropil rings | frames | CalSpike s | frames/s | MB/s | " +
			"multiMeasure frames/s (first " + mmFrames + " frames) | speed-up | max abs difference |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		for (int n : new int[] { 50, 200 }) {
			List<RoiMask> rois = all.subList(0, n);
			double[] mm = multiMeasure(m.movie, rois, mmFrames);
			double mmFps = mm[0];
			for (double r : new double[] { 0, 0.7 }) {
				ExtractionConfig c = new ExtractionConfig().withNeuropil(r).withDff(false);
				RoiExtraction.extract(movie, rois, 30, c, TraceExtractor.Progress.NONE); // warm-up
				double best = Double.MAX_VALUE;
				double[][] raw = null;
				for (int rep = 0; rep < 3; rep++) {
					long t = System.nanoTime();
					raw = RoiExtraction.extract(movie, rois, 30, c, TraceExtractor.Progress.NONE).raw();
					best = Math.min(best, (System.nanoTime() - t) / 1e9);
				}
				double diff = r == 0 ? maxDiff(raw, m.movie, rois, mmFrames) : Double.NaN;
				System.out.printf(Locale.ROOT, "| %d | %s | %d | %.3f | %.0f | %.0f | %.1f | %.0fx | %s |%n",
					n, r > 0 ? "yes (r = 0.7)" : "no", frames, best, frames / best, mb / best, mmFps,
					frames / best / mmFps, r == 0 ? String.format(Locale.ROOT, "%.1e", diff) : "");
			}
		}
	}

	private static RoiManager manager(List<RoiMask> rois) {
		RoiManager rm = new RoiManager(true);
		for (RoiMask r : rois) {
			Roi outline = RoiOverlays.outline(r, 1);
			outline.setName(r.name());
			rm.addRoi(outline);
		}
		return rm;
	}

	/** @return {frames per second} of multiMeasure over the first {@code frames} frames */
	private static double[] multiMeasure(ImagePlus movie, List<RoiMask> rois, int frames) {
		ImagePlus sub = new ImagePlus("sub", movie.getStack().crop(0, 0, 0, movie.getWidth(), movie
			.getHeight(), frames));
		RoiManager rm = manager(rois);
		ij.measure.Analyzer.setMeasurements(ij.measure.Measurements.MEAN);
		rm.multiMeasure(sub); // warm-up
		long t = System.nanoTime();
		ResultsTable rt = rm.multiMeasure(sub);
		double s = (System.nanoTime() - t) / 1e9;
		lastMultiMeasure = rt;
		return new double[] { frames / s };
	}

	private static ResultsTable lastMultiMeasure;

	private static double maxDiff(double[][] ours, ImagePlus movie, List<RoiMask> rois, int frames) {
		ResultsTable rt = lastMultiMeasure;
		double worst = 0;
		for (int i = 0; i < rois.size(); i++) {
			for (int f = 0; f < frames; f++) {
				double v = rt.getValue("Mean" + (i + 1), f);
				worst = Math.max(worst, Math.abs(v - ours[i][f]));
			}
		}
		return worst;
	}
}

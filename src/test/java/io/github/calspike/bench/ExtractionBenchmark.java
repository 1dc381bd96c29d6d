package io.github.calspike.bench;

import io.github.calspike.analysis.SpikeFinderMetric;
import io.github.calspike.extract.ExtractionConfig;
import io.github.calspike.extract.FrameSource;
import io.github.calspike.extract.NeurofinderRegions;
import io.github.calspike.extract.RoiExtraction;
import io.github.calspike.extract.RoiList;
import io.github.calspike.extract.RoiMask;
import io.github.calspike.extract.SyntheticMovie;
import io.github.calspike.extract.ij.ImagePlusFrames;
import io.github.calspike.extract.ij.RoiOverlays;
import io.github.calspike.progress.Progress;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;

import java.util.List;
import java.util.Locale;

/**
 * Times one-pass ROI extraction on a synthetic 512x512x2000 16-bit movie with 50 and 200 ROIs,
 * against ImageJ's RoiManager.multiMeasure on the same movie and ROIs (on the first frames,
 * by default all frames), and checks both give the same means. Prints Markdown rows.
 */
public final class ExtractionBenchmark {

	public static void main(String[] args) {
		recovery();
		int frames = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
		int mmFrames = args.length > 1 ? Integer.parseInt(args[1]) : frames;
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
			"multiMeasure frames/s (first " + mmFrames + " frames, best of 3) | speed-up | max abs difference |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		for (int n : new int[] { 50, 200 }) {
			List<RoiMask> rois = all.subList(0, n);
			double[] mm = multiMeasure(m.movie, rois, mmFrames);
			double mmFps = mm[0];
			for (double r : new double[] { 0, 0.7 }) {
				ExtractionConfig c = new ExtractionConfig().withNeuropil(r).withDff(false);
				RoiExtraction.extract(movie, rois, 30, c, Progress.NONE); // warm-up
				double best = Double.MAX_VALUE;
				double[][] raw = null;
				for (int rep = 0; rep < 3; rep++) {
					long t = System.nanoTime();
					raw = RoiExtraction.extract(movie, rois, 30, c, Progress.NONE).raw();
					best = Math.min(best, (System.nanoTime() - t) / 1e9);
				}
				double diff = r == 0 ? maxDiff(raw, m.movie, rois, mmFrames) : Double.NaN;
				System.out.printf(Locale.ROOT, "| %d | %s | %d | %.3f | %.0f | %.0f | %.1f | %.0fx | %s |%n",
					n, r > 0 ? "yes (r = 0.7)" : "no", frames, best, frames / best, mb / best, mmFps,
					frames / best / mmFps, r == 0 ? String.format(Locale.ROOT, "%.1e", diff) : "");
			}
		}
	}

	/** Correlation of extracted and true fluorescence on synthetic test movies (seeds 1-5). */
	private static void recovery() {
		System.out.println("| seed | neurons | r = 0.7: min corr | median | r = 0: min corr | median |");
		System.out.println("|---|---|---|---|---|---|");
		for (long seed = 1; seed <= 5; seed++) {
			SyntheticMovie.Spec s = new SyntheticMovie.Spec();
			s.seed = seed;
			SyntheticMovie m = SyntheticMovie.generate(s);
			RoiList.Builder b = new RoiList.Builder(s.width, s.height);
			for (NeurofinderRegions.Region r : m.rois) b.add(r.id(), r.xs(), r.ys());
			List<RoiMask> rois = b.build().masks();
			StringBuilder row = new StringBuilder("| " + seed + " | " + rois.size());
			for (double r : new double[] { 0.7, 0 }) {
				double[][] y = RoiExtraction.extract(ImagePlusFrames.of(m.movie), rois, s.rateHz,
					new ExtractionConfig().withNeuropil(r).withDff(false), Progress.NONE)
					.result();
				double[] c = new double[rois.size()];
				for (int i = 0; i < c.length; i++) c[i] = SpikeFinderMetric.pearson(y[i], m.truth[i]);
				java.util.Arrays.sort(c);
				row.append(String.format(Locale.ROOT, " | %.3f | %.3f", c[0], c[c.length / 2]));
			}
			System.out.println(row.append(" |"));
		}
		System.out.println();
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
		ij.plugin.filter.Analyzer.setMeasurements(ij.measure.Measurements.MEAN);
		rm.multiMeasure(sub); // warm-up
		double s = Double.MAX_VALUE;
		for (int rep = 0; rep < 3; rep++) {
			long t = System.nanoTime();
			lastMultiMeasure = rm.multiMeasure(sub);
			s = Math.min(s, (System.nanoTime() - t) / 1e9);
		}
		return new double[] { frames / s };
	}

	private static ResultsTable lastMultiMeasure;

	private static double maxDiff(double[][] ours, ImagePlus movie, List<RoiMask> rois, int frames) {
		ResultsTable rt = lastMultiMeasure;
		String[] h = rt.getHeadings();
		java.util.List<String> means = new java.util.ArrayList<>();
		for (String c : h) if (c.startsWith("Mean")) means.add(c);
		if (means.size() != rois.size()) {
			throw new IllegalStateException("multiMeasure gave " + means.size() + " Mean columns: " +
				String.join(",", h));
		}
		double worst = 0;
		for (int i = 0; i < rois.size(); i++) {
			for (int f = 0; f < frames; f++) {
				double v = rt.getValue(means.get(i), f);
				worst = Math.max(worst, Math.abs(v - ours[i][f]));
			}
		}
		return worst;
	}
}

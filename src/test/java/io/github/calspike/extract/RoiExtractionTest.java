package io.github.calspike.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.analysis.SpikeFinderMetric;
import io.github.calspike.extract.ij.ImagePlusFrames;
import io.github.calspike.progress.Progress;

import ij.ImagePlus;
import ij.ImageStack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RoiExtractionTest {

	static SyntheticMovie synth;
	static List<RoiMask> rois;

	@BeforeAll
	static void generate() {
		synth = SyntheticMovie.generate(new SyntheticMovie.Spec());
		RoiList.Builder b = new RoiList.Builder(synth.spec.width, synth.spec.height);
		for (NeurofinderRegions.Region r : synth.rois) b.add(r.id(), r.xs(), r.ys());
		rois = b.build().masks();
	}

	@Test
	void neuropilCorrectionRecoversTrueFluorescence() {
		FrameSource movie = ImagePlusFrames.of(synth.movie);
		ExtractedTraces corrected = RoiExtraction.extract(movie, rois, synth.spec.rateHz,
			new ExtractionConfig().withDff(false), Progress.NONE);
		ExtractedTraces raw = RoiExtraction.extract(movie, rois, synth.spec.rateHz,
			new ExtractionConfig().withNeuropil(0).withDff(false), Progress.NONE);
		double worstCorrected = 1, worstRaw = 1;
		for (int i = 0; i < rois.size(); i++) {
			worstCorrected = Math.min(worstCorrected, SpikeFinderMetric.pearson(corrected.result()[i], synth.truth[i]));
			worstRaw = Math.min(worstRaw, SpikeFinderMetric.pearson(raw.result()[i], synth.truth[i]));
		}
		assertTrue(worstCorrected >= 0.95, "worst correlation with neuropil correction " +
			worstCorrected);
		// the movie's neuropil is strong enough that skipping the correction shows
		assertTrue(worstRaw < worstCorrected - 0.05, "raw " + worstRaw + " vs corrected " +
			worstCorrected);
	}

	@Test
	void ringsKeepTheGapHoldEnoughPixelsAndAvoidEveryRoi() {
		List<RoiMask> rings = NeuropilRings.rings(rois, 2, 350);
		Set<Integer> roiPixels = new HashSet<>();
		for (RoiMask r : rois) for (int i : r.indices()) roiPixels.add(i);
		int w = synth.spec.width;
		for (int k = 0; k < rois.size(); k++) {
			RoiMask ring = rings.get(k);
			assertTrue(ring.size() >= 350, ring.toString());
			assertTrue(ring.size() < 450, "ring grows far beyond 350 px: " + ring);
			double farthest = 0;
			for (int p : ring.indices()) {
				assertTrue(!roiPixels.contains(p), "ring pixel inside a ROI");
				double d = distance(rois.get(k), p, w);
				assertTrue(d > 2, "ring pixel within the gap: " + d);
				farthest = Math.max(farthest, d);
			}
			// every free pixel nearer than the ring's farthest pixel belongs to the ring
			Set<Integer> in = new HashSet<>();
			for (int p : ring.indices()) in.add(p);
			for (int p = 0; p < w * synth.spec.height; p++) {
				double d = distance(rois.get(k), p, w);
				if (d > 2 && d < farthest && !roiPixels.contains(p)) assertTrue(in.contains(p));
			}
		}
	}

	@Test
	void runningPercentileMatchesSortingEachWindow() {
		Random rnd = new Random(3);
		double[] x = new double[300];
		for (int i = 0; i < x.length; i++) x[i] = rnd.nextInt(50); // ties on purpose
		for (int window : new int[] { 1, 7, 60, 1000 }) {
			double[] f0 = Baseline.runningPercentile(x, window, 8);
			for (int t = 0; t < x.length; t++) {
				int lo = Math.max(0, t - (window - 1) / 2), hi = Math.min(x.length - 1, t + window - 1 -
					(window - 1) / 2);
				double[] w = Arrays.copyOfRange(x, lo, hi + 1);
				Arrays.sort(w);
				double rank = 0.08 * (w.length - 1);
				int i = (int) rank;
				double expected = i + 1 < w.length ? w[i] + (rank - i) * (w[i + 1] - w[i]) : w[i];
				assertEquals(expected, f0[t], 1e-12, "window " + window + " frame " + t);
			}
		}
	}

	@Test
	void deltaFOverFUsesTheRunningBaseline() {
		double[] f = { 100, 100, 150, 100, 100, 100, 100 };
		ExtractionConfig c = new ExtractionConfig().withNeuropil(0).withBaseline(0, 7); // min over 7 s
		FrameSource movie = constantPixels(f);
		ExtractedTraces e = RoiExtraction.extract(movie, List.of(new RoiMask("a", 2, 2, new int[] {
			0, 3 })), 1, c, Progress.NONE);
		assertArrayEquals(new double[] { 0, 0, 0.5, 0, 0, 0, 0 }, e.dff()[0], 1e-12);
	}

	@Test
	void anyImgLib2ImageGivesTheSameMeansAsTheArrayFastPath() {
		FrameSource fast = ImagePlusFrames.of(synth.movie);
		FrameSource generic = new FrameSource() {
			public int width() { return fast.width(); }
			public int height() { return fast.height(); }
			public int frames() { return 20; }
			@SuppressWarnings({ "unchecked", "rawtypes" })
			public RandomAccessibleInterval<? extends RealType<?>> frame(int t) {
				RandomAccessibleInterval f = fast.frame(t);
				return Converters.convert(f, (a, b) -> ((DoubleType) b).set(((RealType) a)
					.getRealDouble()), new DoubleType());
			}
		};
		double[][] a = TraceExtractor.means(generic, rois, Progress.NONE);
		double[][] b = TraceExtractor.means(fast, rois, Progress.NONE);
		for (int i = 0; i < rois.size(); i++) assertArrayEquals(Arrays.copyOf(b[i], 20), a[i], 1e-9);
	}

	@Test
	void aOneFrameMovieIsRefused() {
		ImagePlus one = new ImagePlus("one", new ImageStack(4, 4) {
			{
				addSlice(null, new short[16]);
			}
		});
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoiExtraction
			.extract(ImagePlusFrames.of(one), List.of(new RoiMask("a", 4, 4, new int[] { 1 })), 10,
				new ExtractionConfig(), Progress.NONE));
		assertTrue(e.getMessage().contains("1 frame"), e.getMessage());
	}

	@Test
	void roisOutsideTheFrameAreNamedAndSkippedAndPartialOnesClipped() {
		RoiList.Builder b = new RoiList.Builder(10, 10);
		b.add("inside", new int[] { 1, 2 }, new int[] { 1, 1 });
		b.add("outside", new int[] { 20, 21 }, new int[] { 1, 1 });
		b.add("empty", new int[0], new int[0]);
		b.add("partial", new int[] { 9, 10 }, new int[] { 9, 9 });
		b.add("inside", new int[] { 5 }, new int[] { 5 });
		RoiList l = b.build();
		List<String> names = new ArrayList<>();
		for (RoiMask m : l.masks()) names.add(m.name());
		assertEquals(List.of("inside", "partial", "inside-2"), names);
		assertEquals(3, l.warnings().size(), l.warnings().toString());
		assertTrue(l.warnings().get(0).contains("outside") && l.warnings().get(0).contains("skipped"));
		assertTrue(l.warnings().get(1).contains("empty") && l.warnings().get(1).contains("no pixels"));
		assertTrue(l.warnings().get(2).contains("partial"));
	}

	private static FrameSource constantPixels(double[] values) {
		return new FrameSource() {
			public int width() { return 2; }
			public int height() { return 2; }
			public int frames() { return values.length; }
			public RandomAccessibleInterval<? extends RealType<?>> frame(int t) {
				float v = (float) values[t];
				return net.imglib2.img.array.ArrayImgs.floats(new float[] { v, v, v, v }, 2, 2);
			}
		};
	}

	private static double distance(RoiMask roi, int p, int w) {
		double best = Double.MAX_VALUE;
		for (int i : roi.indices()) best = Math.min(best, Math.hypot(i % w - p % w, i / w - p / w));
		return best;
	}

}

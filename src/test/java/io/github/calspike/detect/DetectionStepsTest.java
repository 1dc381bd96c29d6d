package io.github.calspike.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.extract.NeurofinderRegions;
import io.github.calspike.extract.RoiList;
import io.github.calspike.extract.RoiMask;
import io.github.calspike.extract.SyntheticMovie;
import io.github.calspike.extract.ij.ImagePlusFrames;
import io.github.calspike.progress.Progress;

import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

/** The steps from a movie to neuron instances: summaries, peaks, watershed, targets. */
class DetectionStepsTest {

	static float[] blobs(int w, int h, double[][] centres, double sigma) {
		float[] v = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double s = 0;
				for (double[] c : centres) {
					s = Math.max(s, Math.exp(-((x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1])) / (2 * sigma *
						sigma)));
				}
				v[y * w + x] = (float) s;
			}
		}
		return v;
	}

	@Test
	void peaksAndWatershedSplitTouchingBlobs() {
		int w = 40, h = 30;
		// two blobs 8 px apart, touching; a weak one below the threshold
		float[] v = blobs(w, h, new double[][] { { 12, 15 }, { 20, 15 } }, 3);
		float[] weak = blobs(w, h, new double[][] { { 33, 8 } }, 2);
		for (int i = 0; i < v.length; i++) v[i] = Math.max(v[i], 0.2f * weak[i]);
		int[] seeds = Instances.peaks(v, w, h, 0.5, 3);
		int[] sorted = seeds.clone();
		java.util.Arrays.sort(sorted);
		assertArrayEquals(new int[] { 15 * w + 12, 15 * w + 20 }, sorted);
		int[] label = Instances.watershed(v, w, h, seeds, 0.3, 0, 10);
		// each blob's pixels belong to its own seed; the boundary lies halfway
		assertEquals(label[15 * w + 12], label[15 * w + 14]);
		assertEquals(label[15 * w + 20], label[15 * w + 18]);
		assertTrue(label[15 * w + 12] != label[15 * w + 20]);
		assertEquals(0, label[8 * w + 33], "below the floor: no neuron");
		boolean[] kept = new boolean[2];
		List<RoiMask> masks = Instances.masks(label, w, h, 2, 5, kept);
		assertEquals(2, masks.size());
		for (RoiMask m : masks) {
			double[] c = m.centroid();
			assertTrue(Math.abs(c[1] - 15) < 0.01, "symmetric in y: " + c[1]);
			assertTrue(Math.abs(c[0] - 12) < 1.5 || Math.abs(c[0] - 20) < 1.5, "x " + c[0]);
		}
	}

	@Test
	void watershedStaysWithinTheRadius() {
		int w = 50, h = 50;
		float[] v = new float[w * h];
		java.util.Arrays.fill(v, 1);
		int[] label = Instances.watershed(v, w, h, new int[] { 25 * w + 25 }, 0.5, 0, 6);
		int n = 0;
		for (int i = 0; i < label.length; i++) {
			if (label[i] == 0) continue;
			n++;
			assertTrue(Math.hypot(i % w - 25, i / w - 25) <= 6 + 1e-9);
		}
		assertEquals(113, n, "pixels of a disk of radius 6 (4-connected flood)");
	}

	@Test
	void summariesFindTheActiveNeurons() {
		SyntheticMovie.Spec spec = new SyntheticMovie.Spec();
		spec.width = 80;
		spec.height = 64;
		spec.frames = 300;
		spec.neurons = 6;
		spec.spikeRateHz = 2;
		SyntheticMovie m = SyntheticMovie.generate(spec);
		SummaryImages s = SummaryImages.of(ImagePlusFrames.of(m.movie), Progress.NONE);
		assertEquals(80, s.width);
		// the mean is the movie's mean
		double sum = 0;
		for (int t = 0; t < spec.frames; t++) sum += m.movie.getStack().getProcessor(t + 1).getf(10, 20);
		assertEquals(sum / spec.frames, s.mean[20 * 80 + 10], 1e-3 * sum / spec.frames);
		// neurons' centres correlate with their neighbours far more than the background
		RoiList rois = roiList(m);
		double inside = 0, outside = 0;
		boolean[] in = new boolean[80 * 64];
		for (RoiMask r : rois.masks()) for (int i : r.indices()) in[i] = true;
		int ni = 0, no = 0;
		for (int i = 0; i < in.length; i++) {
			if (in[i]) {
				inside += s.correlation[i];
				ni++;
			}
			else {
				outside += s.correlation[i];
				no++;
			}
		}
		assertTrue(inside / ni > 0.3 && inside / ni > outside / no + 0.2, "correlation inside " + inside /
			ni + ", outside " + outside / no);
	}

	@Test
	void progressCanCancelAndTooShortMoviesAreRefused() {
		SyntheticMovie.Spec spec = new SyntheticMovie.Spec();
		spec.width = 32;
		spec.height = 32;
		spec.frames = 100;
		spec.neurons = 1;
		SyntheticMovie m = SyntheticMovie.generate(spec);
		assertThrows(CancellationException.class, () -> SummaryImages.of(ImagePlusFrames.of(m.movie),
			(fraction, status) -> {
				if (fraction >= 0.32) throw new CancellationException("stop at " + status);
			}));
		spec.frames = 5;
		SyntheticMovie shortMovie = SyntheticMovie.generate(spec);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SummaryImages
			.of(ImagePlusFrames.of(shortMovie.movie), Progress.NONE));
		assertTrue(e.getMessage().contains("5 frame"), e.getMessage());
	}

	@Test
	void symmetryAveragingUndoesEachTransform() {
		// a network that copies its input back: every transformed prediction, transformed back, is
		// the input itself, so the average is too (on a non-square image, where a wrong inverse shows)
		int w = 7, h = 4;
		float[] a = new float[w * h];
		for (int i = 0; i < a.length; i++) a[i] = i * 1.5f - 3;
		int[] sizes = new int[2];
		io.github.calspike.nn.PixelMaps copy = (ch, cw, chh) -> {
			assertTrue(cw * chh == w * h && (cw == w || cw == h));
			sizes[cw == w ? 0 : 1]++;
			return new float[][] { ch[0].clone() };
		};
		float[][] out = Symmetries.averaged(copy).predict(new float[][] { a }, w, h);
		assertArrayEquals(a, out[0], 1e-5f);
		assertArrayEquals(new int[] { 4, 4 }, sizes, "four of the eight transforms are transposed");
		// a network that sees only the top-left pixel: averaging spreads it over the four corners
		io.github.calspike.nn.PixelMaps corner = (ch, cw, chh) -> {
			float[] m = new float[cw * chh];
			m[0] = ch[0][0];
			return new float[][] { m };
		};
		float[] c = Symmetries.averaged(corner).predict(new float[][] { a }, w, h)[0];
		assertEquals(2 * a[0] / 8, c[0], 1e-6);
		assertEquals(2 * a[w - 1] / 8, c[w - 1], 1e-6);
		assertEquals(2 * a[(h - 1) * w + w - 1] / 8, c[(h - 1) * w + w - 1], 1e-6);
		assertEquals(0, c[w + 1], 1e-9);
	}

	@Test
	void targetsMarkCellsAndCentres() {
		RoiMask a = RoiMask.fromPixels("1", 20, 20, new int[] { 4, 5, 6, 4, 5, 6, 4, 5, 6 },
			new int[] { 4, 4, 4, 5, 5, 5, 6, 6, 6 });
		float[][] t = DetectorInputs.targets(List.of(a), 20, 20);
		assertEquals(1f, t[0][5 * 20 + 5]);
		assertEquals(0f, t[0][5 * 20 + 8]);
		assertEquals(1f, t[1][5 * 20 + 5], 1e-6, "the centre map is 1 at the centroid");
		assertEquals(Math.exp(-4 / (2 * DetectorInputs.CENTRE_SIGMA * DetectorInputs.CENTRE_SIGMA)),
			t[1][5 * 20 + 7], 1e-6);
	}

	static RoiList roiList(SyntheticMovie m) {
		RoiList.Builder b = new RoiList.Builder(m.spec.width, m.spec.height);
		for (NeurofinderRegions.Region r : m.rois) b.add(r.id(), r.xs(), r.ys());
		return b.build();
	}
}

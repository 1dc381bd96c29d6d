package io.github.calspike.extract;

import io.github.calspike.trace.io.Padding;
import io.github.calspike.trace.io.SpikeFinderCsv;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded synthetic two-photon movie. Neurons are soft discs on a textured background; their
 * Poisson spikes become calcium through a rise and a decay time constant. Every pixel also sees a
 * shared neuropil signal (the neurons occlude 30% of it), slow multiplicative drift (bleaching) and
 * shot noise. The truth is each neuron's own fluorescence (bleached, without neuropil or noise),
 * its spikes, and its ROI (the pixels where the disc's profile exceeds one half).
 */
public final class SyntheticMovie {

	/** Generator settings; the defaults make a small test movie. */
	public static final class Spec {
		public int width = 128, height = 128, frames = 600, neurons = 12;
		public double rateHz = 30, radius = 5, spikeRateHz = 1, riseS = 0.05, decayS = 0.6;
		public double background = 300, neuropilAmplitude = 0.2, neuronBrightness = 150;
		public double spikeAmplitude = 0.6, bleaching = 0.05;
		public long seed = 1;
	}

	public final Spec spec;
	public final ImagePlus movie;
	public final List<NeurofinderRegions.Region> rois;
	/** Each neuron's true fluorescence, per frame. */
	public final double[][] truth;
	/** Each neuron's spikes per frame. */
	public final double[][] spikes;
	/** The shared neuropil signal (relative change), per frame. */
	public final double[] neuropil;

	private SyntheticMovie(Spec spec, ImagePlus movie, List<NeurofinderRegions.Region> rois,
		double[][] truth, double[][] spikes, double[] neuropil)
	{
		this.spec = spec;
		this.movie = movie;
		this.rois = rois;
		this.truth = truth;
		this.spikes = spikes;
		this.neuropil = neuropil;
	}

	/** Generates a movie from {@code s}. */
	public static SyntheticMovie generate(Spec s) {
		Random rnd = new Random(s.seed);
		int w = s.width, h = s.height, T = s.frames, n = s.neurons;
		// background texture: a few broad Gaussian blobs on a floor
		float[] bg = new float[w * h];
		double[][] blobs = new double[8][];
		for (int b = 0; b < blobs.length; b++) {
			blobs[b] = new double[] { rnd.nextDouble() * w, rnd.nextDouble() * h, 10 + rnd.nextDouble() *
				Math.min(w, h) / 4.0, 0.3 + 0.7 * rnd.nextDouble() };
		}
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double v = 0.6;
				for (double[] b : blobs) {
					double dx = x - b[0], dy = y - b[1];
					v += b[3] * Math.exp(-(dx * dx + dy * dy) / (2 * b[2] * b[2]));
				}
				bg[y * w + x] = (float) (s.background * v / 1.3);
			}
		}
		// neuron centres, apart from each other and from the border
		double[][] centres = new double[n][];
		double margin = s.radius + 4, minDist = 2 * s.radius + 3;
		for (int i = 0; i < n; i++) {
			for (int tries = 0;; tries++) {
				double cx = margin + rnd.nextDouble() * (w - 2 * margin), cy = margin + rnd.nextDouble() *
					(h - 2 * margin);
				boolean ok = true;
				for (int j = 0; j < i; j++) {
					if (Math.hypot(cx - centres[j][0], cy - centres[j][1]) < minDist) ok = false;
				}
				if (ok || tries > 10000) {
					centres[i] = new double[] { cx, cy };
					break;
				}
			}
		}
		// profiles and ROIs
		int reach = (int) Math.ceil(s.radius + 4);
		List<int[]> profIdx = new ArrayList<>();
		List<float[]> profVal = new ArrayList<>();
		List<NeurofinderRegions.Region> rois = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			List<Integer> idx = new ArrayList<>();
			List<Float> val = new ArrayList<>();
			List<int[]> roi = new ArrayList<>();
			int cx = (int) centres[i][0], cy = (int) centres[i][1];
			for (int y = cy - reach; y <= cy + reach; y++) {
				for (int x = cx - reach; x <= cx + reach; x++) {
					double d = Math.hypot(x - centres[i][0], y - centres[i][1]);
					double p = 1 / (1 + Math.exp((d - s.radius) / 0.7));
					if (p < 0.01) continue;
					idx.add(y * w + x);
					val.add((float) p);
					if (p > 0.5) roi.add(new int[] { x, y });
				}
			}
			profIdx.add(idx.stream().mapToInt(Integer::intValue).toArray());
			float[] pv = new float[val.size()];
			for (int k = 0; k < pv.length; k++) pv[k] = val.get(k);
			profVal.add(pv);
			int[] xs = roi.stream().mapToInt(a -> a[0]).toArray(), ys = roi.stream().mapToInt(a -> a[1])
				.toArray();
			rois.add(new NeurofinderRegions.Region(String.valueOf(i + 1), xs, ys));
		}
		// spikes -> calcium (difference of exponentials), and the shared neuropil signal
		double dt = 1 / s.rateHz;
		double[][] spikes = new double[n][T], truth = new double[n][T];
		double[] drift = new double[T], np = new double[T];
		for (int t = 0; t < T; t++) drift[t] = 1 - s.bleaching * t / (double) T;
		double slow = 0, fast = 0;
		for (int t = 0; t < T; t++) {
			slow = slow * Math.exp(-dt / 3.0) + rnd.nextGaussian() * Math.sqrt(dt) * 0.6;
			if (rnd.nextDouble() < 0.3 * dt) fast += 1;
			fast *= Math.exp(-dt / 0.8);
			np[t] = s.neuropilAmplitude * (slow + fast);
		}
		for (int i = 0; i < n; i++) {
			double brightness = s.neuronBrightness * (0.6 + 0.8 * rnd.nextDouble());
			double rise = 0, decay = 0;
			for (int t = 0; t < T; t++) {
				int k = poisson(rnd, s.spikeRateHz * dt);
				spikes[i][t] = k;
				rise = rise * Math.exp(-dt / s.riseS) + k;
				decay = decay * Math.exp(-dt / s.decayS) + k;
				double calcium = s.spikeAmplitude * (decay - rise);
				truth[i][t] = drift[t] * brightness * (1 + calcium);
			}
		}
		// pixels
		ImageStack stack = new ImageStack(w, h);
		float[] frame = new float[w * h];
		for (int t = 0; t < T; t++) {
			double npScale = 1 + np[t];
			for (int k = 0; k < frame.length; k++) frame[k] = (float) (bg[k] * npScale * drift[t]);
			for (int i = 0; i < n; i++) {
				int[] idx = profIdx.get(i);
				float[] p = profVal.get(i);
				for (int k = 0; k < idx.length; k++) {
					int j = idx[k];
					frame[j] += (float) (-0.3 * p[k] * bg[j] * npScale * drift[t] + p[k] * truth[i][t]);
				}
			}
			short[] px = new short[w * h];
			for (int k = 0; k < px.length; k++) {
				double v = frame[k] + rnd.nextGaussian() * Math.sqrt(Math.max(frame[k], 1));
				px[k] = (short) Math.max(0, Math.min(65535, Math.round(v)));
			}
			stack.addSlice(null, px);
		}
		ImagePlus imp = new ImagePlus("synthetic movie", stack);
		imp.setDimensions(1, 1, T);
		imp.getCalibration().frameInterval = dt;
		imp.getCalibration().setTimeUnit("sec");
		return new SyntheticMovie(s, imp, rois, truth, spikes, np);
	}

	/**
	 * Writes {@code movie.tif}, {@code rois.json} (Neurofinder), {@code truth.calcium.csv} (true
	 * fluorescence) and {@code truth.spikes.csv} into {@code dir}.
	 */
	public void write(Path dir) throws IOException {
		java.nio.file.Files.createDirectories(dir);
		if (!new FileSaver(movie).saveAsTiffStack(dir.resolve("movie.tif").toString())) {
			throw new IOException("could not write " + dir.resolve("movie.tif"));
		}
		NeurofinderRegions.write(dir.resolve("rois.json"), rois);
		List<String> names = new ArrayList<>();
		for (NeurofinderRegions.Region r : rois) names.add(r.id());
		SpikeFinderCsv.write(dir.resolve("truth.calcium.csv"), names, truth, Padding.NAN);
		SpikeFinderCsv.write(dir.resolve("truth.spikes.csv"), names, spikes,
			Padding.NAN);
	}

	private static int poisson(Random rnd, double mean) {
		double l = Math.exp(-mean), p = 1;
		int k = 0;
		do {
			k++;
			p *= rnd.nextDouble();
		}
		while (p > l);
		return k - 1;
	}
}

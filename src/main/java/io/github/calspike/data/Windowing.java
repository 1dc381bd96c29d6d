package io.github.calspike.data;

import io.github.calspike.trace.TraceSet;

import java.util.Arrays;

/**
 * Cuts calcium traces into windows.
 * <p>
 * Training windows ({@link #trainingWindows}) lie wholly inside one neuron's real frames: they
 * never cross its end or its padding, so centres run from {@code before} to
 * {@code length - 1 - after}.
 * <p>
 * Prediction windows ({@link #window}) exist for every frame. <b>Padding rule:</b> a bin that
 * falls before the first frame takes the first frame's value, and a bin after the last frame
 * takes the last frame's value (edge replication). This keeps the window's level and adds no
 * artificial step, so the first and last frames of every neuron get a prediction.
 */
public final class Windowing {

	private Windowing() {}

	/**
	 * All windows whose bins lie inside their neuron's frames, every {@code spec.stride()} frames.
	 *
	 * @param traces calcium (already normalised as wanted) with spike counts
	 * @return the windows, labelled by the centre bin's spike count
	 * @throws IllegalArgumentException if the traces have no spikes
	 */
	public static WindowSet trainingWindows(TraceSet traces, WindowSpec spec) {
		if (!traces.hasSpikes()) {
			throw new IllegalArgumentException("Labelled windows need spike counts; none were given");
		}
		int len = spec.length();
		int total = 0;
		for (int i = 0; i < traces.size(); i++) total += count(traces.length(i), spec);
		float[] values = new float[total * len];
		byte[] labels = new byte[total];
		int[] neuron = new int[total];
		int[] centre = new int[total];
		int k = 0;
		for (int i = 0; i < traces.size(); i++) {
			double[] x = traces.calcium(i);
			double[] s = traces.spikes(i);
			for (int t = spec.before(); t + spec.after() < x.length; t += spec.stride()) {
				for (int b = 0; b < len; b++) values[k * len + b] = (float) x[t - spec.before() + b];
				labels[k] = (byte) (spec.isSpike(s[t]) ? 1 : 0);
				neuron[k] = i;
				centre[k] = t;
				k++;
			}
		}
		return new WindowSet(len, values, labels, neuron, centre);
	}

	/**
	 * Counts the windows {@link #trainingWindows} would cut, without cutting them.
	 *
	 * @return {spike windows, all windows}
	 */
	public static long[] countLabels(TraceSet traces, WindowSpec spec) {
		if (!traces.hasSpikes()) {
			throw new IllegalArgumentException("Labelled windows need spike counts; none were given");
		}
		long spikes = 0, total = 0;
		for (int i = 0; i < traces.size(); i++) {
			double[] s = traces.spikes(i);
			for (int t = spec.before(); t + spec.after() < s.length; t += spec.stride()) {
				if (spec.isSpike(s[t])) spikes++;
				total++;
			}
		}
		return new long[] { spikes, total };
	}

	/** @return how many whole windows fit in a trace of {@code frames} frames */
	static int count(int frames, WindowSpec spec) {
		int span = frames - spec.before() - spec.after();
		return span <= 0 ? 0 : (span - 1) / spec.stride() + 1;
	}

	/**
	 * Copies the window centred on frame {@code t} of {@code x} into {@code out} at {@code offset},
	 * replicating the first or last frame for bins outside the trace.
	 */
	public static void window(double[] x, int t, WindowSpec spec, float[] out, int offset) {
		int last = x.length - 1;
		for (int b = 0; b < spec.length(); b++) {
			int f = Math.min(last, Math.max(0, t - spec.before() + b));
			out[offset + b] = (float) x[f];
		}
	}

	/** @return one window per frame of {@code x}, flat, with edge replication at both ends */
	public static float[] everyFrame(double[] x, WindowSpec spec) {
		float[] out = new float[x.length * spec.length()];
		for (int t = 0; t < x.length; t++) window(x, t, spec, out, t * spec.length());
		return out;
	}

	/** @return a copy of window {@code k} of {@code w} as doubles, for plotting */
	public static double[] asDoubles(WindowSet w, int k) {
		float[] f = w.window(k);
		double[] d = new double[f.length];
		for (int i = 0; i < f.length; i++) d[i] = f[i];
		return d;
	}

	/** @return x positions of a window's bins relative to its centre: -before .. after */
	public static double[] binOffsets(WindowSpec spec) {
		double[] o = new double[spec.length()];
		Arrays.setAll(o, b -> b - spec.before());
		return o;
	}
}

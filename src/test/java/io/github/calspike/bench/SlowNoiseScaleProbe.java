package io.github.calspike.bench;

import io.github.calspike.testing.Synthetic;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.Resampling;
import io.github.calspike.trace.TraceSet;

import java.util.Locale;

/**
 * Why slow recordings' per-neuron counts are compressed (BENCHMARKS.md, "Slow recordings"): the
 * noise-unit scale of synthetic neurons firing at 1, 5 and 20 Hz, measured at 100 Hz and on the
 * same neurons recorded at 7.5 Hz (frames averaged). For white noise the two would be equal.
 */
public final class SlowNoiseScaleProbe {

	private SlowNoiseScaleProbe() {}

	public static void main(String[] a) {
		for (double hz : new double[] { 1, 5, 20 }) {
			TraceSet t = Synthetic.recording(9800 + (long) hz, 1, 12000, 100, hz / 100 / 1.2, 0.3);
			double[] c = t.calcium(0);
			double fast = Normalization.NOISE.centreAndScale(c, 100, 100)[1];
			double slow = Normalization.NOISE.centreAndScale(Resampling.slower(c, 100, 7.5, false), 7.5,
				100)[1];
			System.out.printf(Locale.ROOT, "%.0f Hz neuron: scale %.3f at 100 Hz, %.3f at 7.5 Hz (%.2fx)%n",
				hz, fast, slow, slow / fast);
		}
	}
}

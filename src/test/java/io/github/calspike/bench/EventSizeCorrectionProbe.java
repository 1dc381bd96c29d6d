package io.github.calspike.bench;

import io.github.calspike.analysis.SpikeMetrics;
import io.github.calspike.infer.SpikeRateModel;
import io.github.calspike.trace.TraceSet;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Would a per-neuron count correction read off the event size help? For each fold model, fits
 * log(count ratio) = a + b log(event size) over its own training neurons (100 Hz), divides each
 * held-out neuron's count by exp(a + b log(its event size)), and prints the count error and the
 * rate correlation across neurons before and after. Not used by CalSpike.
 * Usage: EventSizeCorrectionProbe lodo BENCH_DIR DATA_DIR (fold models BENCH_DIR/lodo-H/model) |
 * neurons BENCH_DIR (BENCH_DIR/nf-F/{model,train,test}, from scripts/benchmark-rate-neurons)
 */
public final class EventSizeCorrectionProbe {

	/** Per test set index (the dataset in "neurons" mode): {ratio before, ratio after, recorded Hz}. */
	private static final java.util.Map<Integer, List<double[]>> BY_SET = new java.util.TreeMap<>();

	public static void main(String[] a) throws Exception {
		List<Double> before = new ArrayList<>(), after = new ArrayList<>();
		List<Double> recHz = new ArrayList<>(), infHz = new ArrayList<>(), corHz = new ArrayList<>();
		System.out.println("| fold | b | count error before | after | rate corr before | after |");
		System.out.println("|---|---|---|---|---|---|");
		if (a[0].equals("lodo")) {
			Path bench = Paths.get(a[1]), data = Paths.get(a[2]);
			for (String h : NeuronFolds.DATASETS) {
				List<TraceSet> train = new ArrayList<>();
				for (String d : NeuronFolds.DATASETS) if (!d.equals(h)) train.add(NeuronFolds.read(data, d));
				fold(h, bench.resolve("lodo-" + h + "/model"), train, List.of(NeuronFolds.read(data, h)), before,
					after, recHz, infHz, corHz);
			}
		}
		else {
			Path bench = Paths.get(a[1]);
			for (int f = 0; f < 3; f++) {
				List<TraceSet> train = new ArrayList<>(), test = new ArrayList<>();
				for (String d : NeuronFolds.DATASETS) {
					train.add(NeuronFolds.read(bench.resolve("nf-" + f + "/train"), d));
					test.add(NeuronFolds.read(bench.resolve("nf-" + f + "/test"), d));
				}
				fold("nf-" + f, bench.resolve("nf-" + f + "/model"), train, test, before, after, recHz,
					infHz, corHz);
			}
		}
		System.out.println(String.format(Locale.ROOT, "| all held-out neurons | | %.3f | %.3f | %.3f | %.3f |",
			error(before), error(after), corr(infHz, recHz), corr(corHz, recHz)));
		for (java.util.Map.Entry<Integer, List<double[]>> e : BY_SET.entrySet()) {
			List<Double> b = new ArrayList<>(), af = new ArrayList<>(), rec = new ArrayList<>(), ib =
				new ArrayList<>(), ia = new ArrayList<>();
			for (double[] v : e.getValue()) {
				b.add(v[0]);
				af.add(v[1]);
				rec.add(v[2]);
				ib.add(v[0] * v[2]);
				ia.add(v[1] * v[2]);
			}
			System.out.println(String.format(Locale.ROOT, "| test set %d (%d neurons) | | %.3f | %.3f | " +
				"%.3f | %.3f |", e.getKey(), b.size(), error(b), error(af), corr(ib, rec), corr(ia, rec)));
		}
	}

	private static void fold(String name, Path model, List<TraceSet> train, List<TraceSet> test,
		List<Double> before, List<Double> after, List<Double> recHz, List<Double> infHz,
		List<Double> corHz) throws Exception
	{
		try (SpikeRateModel m = SpikeRateModel.open(model)) {
			List<double[]> fit = new ArrayList<>(); // {log e, log ratio}
			for (TraceSet t : train) {
				for (int i = 0; i < t.size(); i++) {
					double[] r = m.rates(t.calcium(i), t.rateHz());
					double ratio = SpikeMetrics.countRatio(t.spikes(i), r);
					double e = m.eventSize(t.calcium(i), t.rateHz());
					if (ratio > 0 && e > 0) fit.add(new double[] { Math.log(e), Math.log(ratio) });
				}
			}
			double mx = fit.stream().mapToDouble(p -> p[0]).average().orElse(0);
			double my = fit.stream().mapToDouble(p -> p[1]).average().orElse(0);
			double sxy = 0, sxx = 0;
			for (double[] p : fit) {
				sxy += (p[0] - mx) * (p[1] - my);
				sxx += (p[0] - mx) * (p[0] - mx);
			}
			double b = sxx > 0 ? sxy / sxx : 0, a0 = my - b * mx;
			List<Double> fb = new ArrayList<>(), fa = new ArrayList<>(), rh = new ArrayList<>(), ih =
				new ArrayList<>(), ch = new ArrayList<>();
			boolean perRecording = "recording".equals(System.getProperty("per"));
			for (int k = 0; k < test.size(); k++) {
				TraceSet t = test.get(k);
				// -Dper=recording: every neuron of a test set corrected at the set's median event size
				double[] sizes = new double[t.size()];
				for (int i = 0; i < t.size(); i++) sizes[i] = m.eventSize(t.calcium(i), t.rateHz());
				double median = SpikeMetrics.median(sizes.clone());
				for (int i = 0; i < t.size(); i++) {
					double[] r = m.rates(t.calcium(i), t.rateHz());
					double ratio = SpikeMetrics.countRatio(t.spikes(i), r);
					double e = perRecording ? median : sizes[i];
					double c = ratio / Math.exp(a0 + b * Math.log(e));
					double secs = r.length / t.rateHz();
					fb.add(ratio);
					fa.add(c);
					double rec = SpikeMetrics.recordedSpikes(t.spikes(i), r) / secs;
					rh.add(rec);
					ih.add(ratio * rec);
					ch.add(c * rec);
					BY_SET.computeIfAbsent(k, x -> new ArrayList<>()).add(new double[] { ratio, c, rec });
				}
			}
			before.addAll(fb);
			after.addAll(fa);
			recHz.addAll(rh);
			infHz.addAll(ih);
			corHz.addAll(ch);
			System.out.println(String.format(Locale.ROOT, "| %s | %.2f | %.3f | %.3f | %.3f | %.3f |", name,
				b, error(fb), error(fa), corr(ih, rh), corr(ch, rh)));
		}
	}

	private static double error(List<Double> ratios) {
		return SpikeMetrics.countError(ratios.stream().mapToDouble(Double::doubleValue).toArray());
	}

	private static double corr(List<Double> x, List<Double> y) {
		return SpikeMetrics.rateCorrelation(x.stream().mapToDouble(Double::doubleValue).toArray(), y
			.stream().mapToDouble(Double::doubleValue).toArray());
	}
}

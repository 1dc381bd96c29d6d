package io.github.calspike.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.infer.TensorFlowSettings;
import io.github.calspike.tensorflow.SavedModelFixtures;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.Resampling;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.ColumnTable;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.ui.OutputService;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * "Run TensorFlow Model" on the SavedModel fixtures of test-data/tensorflow (built by
 * scripts/make-tensorflow-fixtures from known weights) and real SpikeFinder data: every output
 * frame is checked against the value the weights give, computed here from the weight formulas.
 */
class TensorFlowCommandTest {

	static final Path FIXTURES = Paths.get("test-data/tensorflow");
	static final Path CALCIUM = Paths.get("test-data/spikefinder/5.train.calcium.csv");
	static final Path SPIKES = Paths.get("test-data/spikefinder/5.train.spikes.csv");
	static final double TOL = 1e-5;

	@TempDir
	static Path dir;
	static Context context;
	static TraceSet traces;

	@BeforeAll
	static void start() throws IOException {
		context = new Context();
		context.service(OutputService.class).setOutputFolder(dir.resolve("out"));
		traces = SpikeFinderCsv.read(CALCIUM, SPIKES, SpikeFinderCsv.Options.defaults());
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	static CommandModule run(Class<? extends Command> c, Object... inputs) throws Exception {
		return context.service(CommandService.class).run(c, true, inputs).get();
	}

	/** @return a fresh copy of fixture {@code name}, so that calspike.json lands in the copy */
	static Path copy(String name, String as) throws IOException {
		Path to = dir.resolve(as);
		Files.createDirectories(to);
		try (Stream<Path> s = Files.list(FIXTURES.resolve(name))) {
			for (Path f : s.collect(Collectors.toList())) Files.copy(f, to.resolve(f.getFileName()));
		}
		return to;
	}

	/** sigmoid(sum_b w[b] x[b] + B) over the window t-10..t+9 of the normalised trace, edges replicated. */
	static double[] linearExpected(double[] x) {
		double[] y = new double[x.length];
		int bins = SavedModelFixtures.LINEAR_BINS;
		for (int t = 0; t < x.length; t++) {
			double z = SavedModelFixtures.LINEAR_BIAS;
			for (int b = 0; b < bins; b++) {
				int f = Math.min(x.length - 1, Math.max(0, t - bins / 2 + b));
				z += SavedModelFixtures.linearWeight(b) * (float) x[f];
			}
			y[t] = 1 / (1 + Math.exp(-z));
		}
		return y;
	}

	/** softplus(sum_{b,f} W[b,f] feature_f(b) + C) with features x, dx (0 in bin 0), x². */
	static double[] featureExpected(double[] x) {
		double[] y = new double[x.length];
		int bins = SavedModelFixtures.FEATURE_BINS;
		for (int t = 0; t < x.length; t++) {
			double z = SavedModelFixtures.FEATURE_BIAS;
			float prev = 0;
			for (int b = 0; b < bins; b++) {
				float v = (float) x[Math.min(x.length - 1, Math.max(0, t - bins / 2 + b))];
				float dx = b == 0 ? 0 : v - prev;
				z += SavedModelFixtures.featureWeight(b, 0) * v + SavedModelFixtures.featureWeight(b, 1) *
					dx + SavedModelFixtures.featureWeight(b, 2) * v * v;
				prev = v;
			}
			y[t] = Math.log1p(Math.exp(z));
		}
		return y;
	}

	static void assertColumnsClose(double[][] expected, ColumnTable got) {
		assertEquals(traces.names(), got.labels());
		for (int i = 0; i < expected.length; i++) {
			double[] g = got.column(i);
			assertEquals(expected[i].length, g.length, "frames of neuron " + i);
			for (int t = 0; t < g.length; t++) {
				assertEquals(expected[i][t], g[t], TOL, "neuron " + traces.name(i) + ", frame " + t);
			}
		}
	}

	static List<String> lines(Path p) throws IOException {
		return Files.readAllLines(p);
	}

	@Test
	void probabilityModelGivesWhatItsWeightsImplyAndStoresItsSettings() throws Exception {
		Path model = copy("linear-probability", "linear");
		Path csv = dir.resolve("linear.csv");
		CommandModule m = run(RunTensorFlowModel.class, "savedmodel", model.toFile(), "calcium",
			CALCIUM.toFile(), "spikes", SPIKES.toFile(), "output", csv.toFile(), "kind", "probability",
			"modelrate", 100.0);
		assertFalse(m.isCanceled(), m.getCancelReason());
		double[][] want = new double[traces.size()][];
		for (int i = 0; i < want.length; i++) {
			want[i] = linearExpected(Normalization.ROBUST_ZSCORE.apply(traces.calcium(i)));
		}
		ColumnTable got = SpikeFinderCsv.readColumns(csv, 0, false);
		assertColumnsClose(want, got);
		assertEquals(SpikeFinderCsv.readColumns(CALCIUM, 0, false).padding(), got.padding());

		// window, layout and features were read off the signature; the rest are defaults
		TensorFlowSettings s = TensorFlowSettings.read(model);
		assertEquals(20, s.window);
		assertEquals(TensorFlowSettings.Layout.SAMPLES_BINS, s.layout);
		assertEquals(TensorFlowSettings.Features.RAW, s.features);
		assertEquals(Normalization.ROBUST_ZSCORE, s.normalization);
		assertEquals(TensorFlowSettings.Kind.PROBABILITY, s.kind);
		assertEquals("serving_default", s.signature);

		Path out = dir.resolve("out");
		List<String> table = lines(out.resolve("Spike probabilities.csv"));
		assertEquals(traces.size() + 1, table.size());
		assertTrue(table.get(0).startsWith("label,frames,mean_probability,frames_predicted_spike," +
			"balanced_accuracy,spikefinder_correlation"), table.get(0));
		double mean0 = java.util.Arrays.stream(want[0]).average().orElseThrow();
		assertEquals(mean0, Double.parseDouble(table.get(1).split(",")[2]), TOL);
		assertTrue(Files.exists(out.resolve("Classification scores.csv")));
		assertTrue(Files.exists(out.resolve("Confusion matrix.csv")));
		assertTrue(Files.exists(out.resolve("Spike probability.png")));
	}

	@Test
	void storedSettingsAreReadBackAndGivenOnesWinForOneRun() throws Exception {
		Path model = copy("linear-probability", "stored");
		Path first = dir.resolve("stored-1.csv"), second = dir.resolve("stored-2.csv");
		assertFalse(run(RunTensorFlowModel.class, "savedmodel", model.toFile(), "calcium", CALCIUM
			.toFile(), "output", first.toFile(), "normalization", "z-score").isCanceled());
		byte[] json = Files.readAllBytes(model.resolve(TensorFlowSettings.FILE));
		// nothing given: z-score comes back from calspike.json
		assertFalse(run(RunTensorFlowModel.class, "savedmodel", model.toFile(), "calcium", CALCIUM
			.toFile(), "output", second.toFile()).isCanceled());
		double[][] want = new double[traces.size()][];
		for (int i = 0; i < want.length; i++) {
			want[i] = linearExpected(Normalization.ZSCORE.apply(traces.calcium(i)));
		}
		assertColumnsClose(want, SpikeFinderCsv.readColumns(second, 0, false));
		// given for one run: used, and the stored file stays as it was
		Path third = dir.resolve("stored-3.csv");
		assertFalse(run(RunTensorFlowModel.class, "savedmodel", model.toFile(), "calcium", CALCIUM
			.toFile(), "output", third.toFile(), "normalization", "none").isCanceled());
		for (int i = 0; i < want.length; i++) want[i] = linearExpected(traces.calcium(i));
		assertColumnsClose(want, SpikeFinderCsv.readColumns(third, 0, false));
		assertArrayEquals(json, Files.readAllBytes(model.resolve(TensorFlowSettings.FILE)));
	}

	@Test
	void featureLayoutRateModelGivesRatesDiscreteSpikesAndScores() throws Exception {
		Path model = copy("features-rate", "features");
		Path csv = dir.resolve("features.csv");
		CommandModule m = run(RunTensorFlowModel.class, "savedmodel", model.toFile(), "calcium",
			CALCIUM.toFile(), "spikes", SPIKES.toFile(), "output", csv.toFile(), "layout",
			"samples,bins,features", "features", "x,dx,x2", "window", 32, "normalization", "noise units",
			"modelrate", 100.0, "kind", "rate", "discrete", true);
		assertFalse(m.isCanceled(), m.getCancelReason());
		double[][] want = new double[traces.size()][];
		for (int i = 0; i < want.length; i++) {
			want[i] = featureExpected(Normalization.NOISE.apply(traces.calcium(i)));
		}
		assertColumnsClose(want, SpikeFinderCsv.readColumns(csv, 0, false));
		assertTrue(Files.exists(dir.resolve("features.discrete.csv")));
		List<String> table = lines(dir.resolve("out").resolve("Inferred spikes.csv"));
		String[] head = table.get(0).split(",");
		int col = List.of(head).indexOf("inferred_spikes");
		assertTrue(col > 0 && List.of(head).contains("f1"), table.get(0));
		double sum0 = java.util.Arrays.stream(want[0]).sum();
		assertEquals(sum0, Double.parseDouble(table.get(1).split(",")[col]), 1e-6 * want[0].length);
		assertTrue(Files.exists(dir.resolve("out").resolve("SpikeFinder scores.csv")));
	}

	@Test
	void aModelAtAnotherRateRunsOnTheResampledTraceAndComesBack() throws Exception {
		Path model = copy("linear-probability", "at50");
		Path csv = dir.resolve("at50.csv");
		assertFalse(run(RunTensorFlowModel.class, "savedmodel", model.toFile(), "calcium", CALCIUM
			.toFile(), "output", csv.toFile(), "modelrate", 50.0).isCanceled());
		double[][] want = new double[traces.size()][];
		for (int i = 0; i < want.length; i++) {
			double[] x = traces.calcium(i);
			double[] at50 = linearExpected(Normalization.ROBUST_ZSCORE.applyResampled(x, 100, 50));
			want[i] = Resampling.resample(at50, 50, 100, x.length);
		}
		assertColumnsClose(want, SpikeFinderCsv.readColumns(csv, 0, false));
	}

	@Test
	void aZippedModelRunsAndKeepsItsSettingsBesideTheZip() throws Exception {
		Path zip = dir.resolve("linear.zip");
		try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o)) {
			z.putNextEntry(new ZipEntry("linear/saved_model.pb"));
			z.write(Files.readAllBytes(FIXTURES.resolve("linear-probability/saved_model.pb")));
			z.closeEntry();
		}
		Path csv = dir.resolve("zip.csv");
		CommandModule m = run(RunTensorFlowModel.class, "savedmodel", zip.toFile(), "calcium", CALCIUM
			.toFile(), "output", csv.toFile());
		assertFalse(m.isCanceled(), m.getCancelReason());
		double[][] want = new double[traces.size()][];
		for (int i = 0; i < want.length; i++) {
			want[i] = linearExpected(Normalization.ROBUST_ZSCORE.apply(traces.calcium(i)));
		}
		assertColumnsClose(want, SpikeFinderCsv.readColumns(csv, 0, false));
		assertTrue(Files.exists(dir.resolve("linear.zip.calspike.json")));
	}

	@Test
	void settingsThatDoNotFitTheSignatureAreRefusedByName() throws Exception {
		Path model = copy("linear-probability", "wrong");
		Path csv = dir.resolve("wrong.csv");
		CommandModule m = run(RunTensorFlowModel.class, "savedmodel", model.toFile(), "calcium",
			CALCIUM.toFile(), "output", csv.toFile(), "window", 32);
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("set window=20"), m.getCancelReason());
		m = run(RunTensorFlowModel.class, "savedmodel", model.toFile(), "calcium", CALCIUM.toFile(),
			"output", csv.toFile(), "layout", "samples,bins,features");
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("set layout=samples,bins"), m.getCancelReason());
		m = run(RunTensorFlowModel.class, "savedmodel", model.toFile(), "calcium", CALCIUM.toFile(),
			"output", csv.toFile(), "signature", "no_such_signature");
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("no_such_signature"), m.getCancelReason());
		assertFalse(Files.exists(csv));
		assertFalse(Files.exists(model.resolve(TensorFlowSettings.FILE)));
	}

	@Test
	void anOutputThatIsAnInputIsRefusedBeforeAnythingRuns() throws Exception {
		Path model = copy("linear-probability", "refused");
		Path calcium = Files.copy(CALCIUM, dir.resolve("refused.calcium.csv"));
		byte[] before = Files.readAllBytes(calcium);
		CommandModule m = run(RunTensorFlowModel.class, "savedmodel", model.toFile(), "calcium",
			calcium.toFile(), "output", calcium.toFile());
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("refused.calcium.csv"), m.getCancelReason());
		assertArrayEquals(before, Files.readAllBytes(calcium));
		assertFalse(Files.exists(model.resolve(TensorFlowSettings.FILE)), "nothing ran");
	}

	@Test
	void pyTorchAndTensorFlowRunOneAfterTheOtherInOneJvm() throws Exception {
		Path a = dir.resolve("torch-1.csv"), b = dir.resolve("torch-2.csv");
		Path tf = dir.resolve("tf-between.csv");
		assertFalse(run(InferSpikes.class, "calcium", CALCIUM.toFile(), "output", a.toFile())
			.isCanceled());
		Path model = copy("linear-probability", "between");
		assertFalse(run(RunTensorFlowModel.class, "savedmodel", model.toFile(), "calcium", CALCIUM
			.toFile(), "output", tf.toFile()).isCanceled());
		assertFalse(run(InferSpikes.class, "calcium", CALCIUM.toFile(), "output", b.toFile())
			.isCanceled());
		assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
		double[][] want = new double[traces.size()][];
		for (int i = 0; i < want.length; i++) {
			want[i] = linearExpected(Normalization.ROBUST_ZSCORE.apply(traces.calcium(i)));
		}
		assertColumnsClose(want, SpikeFinderCsv.readColumns(tf, 0, false));
		ColumnTable rates = SpikeFinderCsv.readColumns(a, 0, false);
		assertTrue(java.util.Arrays.stream(rates.column(0)).sum() > 1, "the rate model gave spikes");
	}
}

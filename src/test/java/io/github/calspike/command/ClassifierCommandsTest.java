package io.github.calspike.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.data.DatasetCache;
import io.github.calspike.model.ModelFolder;
import io.github.calspike.model.ModelInfo;
import io.github.calspike.testing.Synthetic;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.ColumnTable;
import io.github.calspike.trace.io.Padding;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.ui.OutputService;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** Trains a small classifier with the command, then classifies with it, as a user would. */
class ClassifierCommandsTest {

	@TempDir
	static Path dir;

	static Context context;
	static Path data, model, out;

	@BeforeAll
	static void trainOnce() throws Exception {
		System.setProperty(DatasetCache.DIR_PROPERTY, dir.resolve("cache").toString());
		context = new Context();
		out = dir.resolve("out");
		context.service(OutputService.class).setOutputFolder(out);
		data = Files.createDirectory(dir.resolve("data"));
		for (int k = 0; k < 2; k++) {
			TraceSet t = Synthetic.recording(10 + k, 3, 8000, 100, 0.02, 0.05);
			SpikeFinderCsv.writeCalcium(data.resolve("s" + k + ".calcium.csv"), t, Padding.NAN);
			SpikeFinderCsv.writeSpikes(data.resolve("s" + k + ".spikes.csv"), t, Padding.NAN);
		}
		model = dir.resolve("model");
		CommandModule m = run(TrainSpikeClassifier.class, "calcium", data.toFile(), "model", model
			.toFile(), "samples", "1000", "epochs", 2, "validation", "leave one dataset out");
		assertFalse(m.isCanceled(), m.getCancelReason());
	}

	@AfterAll
	static void stop() {
		context.dispose();
		System.clearProperty(DatasetCache.DIR_PROPERTY);
	}

	static CommandModule run(Class<? extends org.scijava.command.Command> c, Object... inputs)
		throws Exception
	{
		return context.service(CommandService.class).run(c, true, inputs).get();
	}

	@Test
	void trainingWritesTheModelHistoryConfusionAndErrorPlots() throws Exception {
		ModelInfo info = ModelFolder.read(model, ModelInfo.SPIKE_CLASSIFIER).info();
		assertEquals(2, info.training.epochsCompleted);
		assertEquals("leave one dataset out: s1", info.training.validation);
		assertEquals(List.of("s1/0", "s1/1", "s1/2"), info.training.validationNeurons);
		assertTrue(info.training.trainingNeurons.stream().allMatch(n -> n.startsWith("s0/")));
		assertEquals(ModelFolder.sha256(data.resolve("s0.calcium.csv")), info.training.inputs.get(
			0).sha256);
		assertTrue(info.training.metrics.get("balancedAccuracy") > 0.7, "synthetic spikes are easy: " +
			info.training.metrics);
		List<String> history = Files.readAllLines(out.resolve("Training history.csv"));
		assertEquals(3, history.size());
		List<String> cm = Files.readAllLines(out.resolve("Confusion matrix.csv"));
		assertEquals("true,predicted spike,predicted no spike", cm.get(0));
		double sum = 0;
		for (String row : cm.subList(1, 3)) {
			String[] f = row.split(",");
			sum += Double.parseDouble(f[1]) + Double.parseDouble(f[2]);
		}
		assertEquals(1.0, sum, 1e-9, "fractions of all validation windows");
		assertTrue(Files.size(out.resolve("False positives and false negatives.png")) > 10_000);
		assertTrue(Files.size(out.resolve("Training history.png")) > 10_000);
	}

	@Test
	void classifyKeepsHeaderPaddingAndLengths() throws Exception {
		Path csv = dir.resolve("p.csv");
		CommandModule m = run(ClassifySpikeWindows.class, "calcium", data.resolve("s1.calcium.csv")
			.toFile(), "spikes", data.resolve("s1.spikes.csv").toFile(), "model", model.toFile(),
			"output", csv.toFile());
		assertFalse(m.isCanceled(), m.getCancelReason());
		ColumnTable in = SpikeFinderCsv.readColumns(data.resolve("s1.calcium.csv"), 0, false);
		ColumnTable p = SpikeFinderCsv.readColumns(csv, 0, false);
		assertEquals(in.labels(), p.labels());
		assertEquals(Padding.NAN, p.padding());
		for (int i = 0; i < in.size(); i++) {
			assertEquals(in.column(i).length, p.column(i).length, "every frame has a probability");
			for (double v : p.column(i)) assertTrue(v >= 0 && v <= 1);
		}
		assertEquals(Files.readAllLines(data.resolve("s1.calcium.csv")).size(), Files.readAllLines(csv)
			.size());
		List<String> scores = Files.readAllLines(out.resolve("Classification scores.csv"));
		double balanced = Double.parseDouble(scores.get(1).split(",")[1]);
		assertTrue(balanced > 0.7, "held-out synthetic recording: " + balanced);
		assertTrue(Files.readString(out.resolve("Spike probabilities.csv")).contains(
			"spikefinder_correlation"));
	}

	@Test
	void anotherFrameRateIsResampledAndBack() throws Exception {
		Path csv = dir.resolve("p50.csv");
		CommandModule m = run(ClassifySpikeWindows.class, "calcium", data.resolve("s1.calcium.csv")
			.toFile(), "rate", 50.0, "model", model.toFile(), "output", csv.toFile());
		assertFalse(m.isCanceled(), m.getCancelReason());
		ColumnTable in = SpikeFinderCsv.readColumns(data.resolve("s1.calcium.csv"), 0, false);
		ColumnTable p = SpikeFinderCsv.readColumns(csv, 0, false);
		for (int i = 0; i < in.size(); i++) assertEquals(in.column(i).length, p.column(i).length);
	}

	@Test
	void bundledModelIsTheDefault() throws Exception {
		Path csv = dir.resolve("bundled.csv");
		CommandModule m = run(ClassifySpikeWindows.class, "calcium", new File(
			"test-data/spikefinder/5.train.calcium.csv"), "output", csv.toFile());
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(16920, Files.readAllLines(csv).size());
	}

	@Test
	void aFolderThatIsNotAClassifierIsRefusedAndNothingIsWritten() throws Exception {
		Path csv = dir.resolve("never.csv");
		Path notModel = Files.createDirectories(dir.resolve("not-a-model"));
		CommandModule m = run(ClassifySpikeWindows.class, "calcium", data.resolve("s1.calcium.csv")
			.toFile(), "model", notModel.toFile(), "output", csv.toFile());
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("not a CalSpike model folder"), m.getCancelReason());
		assertFalse(Files.exists(csv));
	}

	@Test
	void leaveOneOutWithAnUnknownDatasetNamesTheChoices() throws Exception {
		CommandModule m = run(TrainSpikeClassifier.class, "calcium", data.toFile(), "model", dir
			.resolve("m2").toFile(), "validation", "leave one dataset out", "holdout", "s7");
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("no recording named 's7'") && m.getCancelReason()
			.contains("s0, s1"), m.getCancelReason());
		assertFalse(Files.exists(dir.resolve("m2")));
	}
}

package io.github.calspike.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.model.ModelFolder;
import io.github.calspike.model.ModelInfo;
import io.github.calspike.testing.Cli;
import io.github.calspike.testing.Synthetic;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.Padding;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-loss cases of the safety suite: a training command never replaces anything but a
 * model of its own kind, no command writes over one of its inputs, and a batch gives every input
 * its own result folder. Each case checks that the user's files are byte for byte unchanged and
 * that a refused command leaves no tables or plots behind.
 */
class DataLossTest {

	@TempDir
	Path dir;
	Path data, out;
	String err;
	final Cli runner = new Cli();

	@BeforeEach
	void data() throws IOException {
		data = Files.createDirectory(dir.resolve("data"));
		for (int k = 0; k < 2; k++) {
			TraceSet t = Synthetic.recording(40 + k, 2, 3000, 100, 0.02, 0.3);
			SpikeFinderCsv.writeCalcium(data.resolve("s" + k + ".calcium.csv"), t, Padding.NAN);
			SpikeFinderCsv.writeSpikes(data.resolve("s" + k + ".spikes.csv"), t, Padding.NAN);
		}
		Files.writeString(data.resolve("notes.txt"), "my lab notes\n");
		Files.createDirectory(data.resolve("raw"));
		Files.writeString(data.resolve("raw/cell1.txt"), "1 2 3\n");
		out = dir.resolve("out");
	}

	int cli(String... args) {
		int code = runner.run(out, args);
		err = runner.err;
		return code;
	}

	/** @return every file below {@code root} with its bytes */
	static Map<String, byte[]> snapshot(Path root) throws IOException {
		Map<String, byte[]> m = new TreeMap<>();
		try (Stream<Path> s = Files.walk(root)) {
			for (Path p : s.filter(Files::isRegularFile).collect(Collectors.toList())) {
				m.put(root.relativize(p).toString(), Files.readAllBytes(p));
			}
		}
		return m;
	}

	static void assertSame(Map<String, byte[]> before, Path root) throws IOException {
		Map<String, byte[]> after = snapshot(root);
		assertEquals(before.keySet(), after.keySet(), "files added or lost in " + root);
		for (String k : before.keySet()) assertArrayEquals(before.get(k), after.get(k), k + " changed");
	}

	void assertNoOutputs() throws IOException {
		if (!Files.exists(out)) return;
		try (Stream<Path> s = Files.list(out)) {
			assertEquals(List.of(), s.collect(Collectors.toList()), "a refused command left outputs");
		}
	}

	void trainInto(Path model, String command) {
		int code = cli(command, "calcium=" + data, "model=" + model, "epochs=1", command.contains(
			"Rate") ? "members=1" : "samples=200");
		assertEquals(1, code, "refused with exit 1: " + err);
	}

	@Test
	void trainingIntoTheDataFolderIsRefusedAndDeletesNothing() throws IOException {
		Map<String, byte[]> before = snapshot(data);
		for (String c : List.of("Train Spike Rate Model", "Train Spike Classifier",
			"Train Variational Autoencoder"))
		{
			trainInto(data, c);
			assertTrue(err.contains("refusing to replace") && err.contains("not a CalSpike model"), err);
			assertSame(before, data);
			assertNoOutputs();
		}
	}

	@Test
	void trainingIntoAFileOrAFolderOfOtherFilesIsRefused() throws IOException {
		Path file = data.resolve("notes.txt");
		Map<String, byte[]> before = snapshot(data);
		trainInto(file, "Train Spike Rate Model");
		assertTrue(err.contains("is a file"), err);
		trainInto(data.resolve("raw"), "Train Spike Rate Model");
		assertTrue(err.contains("cell1.txt"), err);
		assertSame(before, data);
		assertNoOutputs();
	}

	@Test
	void trainingOverAModelOfAnotherKindOrWithExtraFilesIsRefused() throws IOException {
		Path model = dir.resolve("classifier");
		assertEquals(0, cli("Train Spike Classifier", "calcium=" + data, "model=" + model,
			"epochs=1", "samples=200"), err);
		deleteTree(out);
		Map<String, byte[]> before = snapshot(model);
		trainInto(model, "Train Spike Rate Model");
		assertTrue(err.contains("'spike-classifier' model, not a 'spike-rate' model"), err);
		assertSame(before, model);
		assertNoOutputs();
		// the same kind, with a file of the user's beside it: replacing would delete it
		Files.writeString(model.resolve("README.txt"), "trained on the March recordings\n");
		before = snapshot(model);
		trainInto(model, "Train Spike Classifier");
		assertTrue(err.contains("README.txt"), err);
		assertSame(before, model);
		// a model of the same kind and nothing else is replaced
		Files.delete(model.resolve("README.txt"));
		assertEquals(0, cli("Train Spike Classifier", "calcium=" + data, "model=" + model,
			"epochs=1", "samples=200", "seed=2"), err);
		assertEquals(ModelInfo.SPIKE_CLASSIFIER, ModelFolder.read(model, null).info().type);
	}

	@Test
	void aTrainingThatFailsToSaveLeavesNoTablesOrPlots() throws IOException {
		Path blocker = Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
		assertEquals(1, cli("Train Spike Rate Model", "calcium=" + data, "model=" + blocker.resolve(
			"model"), "epochs=1", "members=1"), err);
		assertNoOutputs();
		assertEquals("a file where a folder should be", Files.readString(blocker));
	}

	@Test
	void inferSpikesNeverWritesOverItsInputs() throws IOException {
		Path c = data.resolve("s0.calcium.csv"), s = data.resolve("s0.spikes.csv");
		Path link = Files.createSymbolicLink(dir.resolve("link.csv"), c);
		Map<String, byte[]> before = snapshot(data);
		for (String o : List.of(c.toString(), s.toString(), link.toString(), data.resolve(
			"./s0.calcium.csv").toString()))
		{
			assertEquals(1, cli("Infer Spikes", "calcium=" + c, "spikes=" + s, "output=" + o), o);
			assertTrue(err.contains("overwrite the input"), err);
			assertSame(before, data);
			assertNoOutputs();
		}
		for (String o : List.of(c.toString(), s.toString())) {
			assertEquals(1, cli("Classify Spike Windows", "calcium=" + c, "spikes=" + s, "output=" + o));
			assertTrue(err.contains("overwrite the input"), err);
			assertSame(before, data);
		}
		// discrete spikes go to OUTPUT.discrete.csv: refused when that is the spikes file
		Path d = data.resolve("x.csv");
		Files.move(s, data.resolve("x.discrete.csv"));
		before = snapshot(data);
		assertEquals(1, cli("Infer Spikes", "calcium=" + c, "spikes=" + data.resolve(
			"x.discrete.csv"), "output=" + d, "discrete=true"));
		assertTrue(err.contains("overwrite the input"), err);
		assertSame(before, data);
	}

	@Test
	void aDefaultOutputNameThatLandsOnAnInputIsRefused() throws IOException {
		// headless, the default output is NAME.spike-rate.csv in the output folder
		Path c = Files.copy(data.resolve("s0.calcium.csv"), dir.resolve("rec.calcium.csv"));
		out = dir;
		Path s = Files.copy(data.resolve("s0.spikes.csv"), dir.resolve("rec.spike-rate.csv"));
		byte[] spikes = Files.readAllBytes(s);
		assertEquals(1, cli("Infer Spikes", "calcium=" + c, "spikes=" + s));
		assertTrue(err.contains("overwrite the input"), err);
		assertArrayEquals(spikes, Files.readAllBytes(s));
	}

	@Test
	void movieCommandsNeverWriteOverTheMovieOrTheRois() throws IOException {
		Path nf = Paths.get("test-data/neurofinder");
		Path movie = Files.copy(nf.resolve("neurofinder-crop-96.tif"), data.resolve("m.tif"));
		Path rois = Files.copy(nf.resolve("neurofinder-crop-96.regions.json"), data.resolve(
			"m.regions.json"));
		Map<String, byte[]> before = snapshot(data);
		for (Path o : List.of(movie, rois)) {
			assertEquals(1, cli("Extract ROI Traces", "image=" + movie, "rois=" + rois, "framerate=7.5",
				"output=" + o));
			assertTrue(err.contains("overwrite the input"), err);
			assertSame(before, data);
			assertNoOutputs();
		}
		// Analyze Calcium Movie writes m.traces.csv, m.spike-rate.csv and m.spikes.csv: ROIs saved
		// as m.spikes.csv beside the movie must survive an output folder that is the data folder
		Path r2 = Files.move(rois, data.resolve("m.spikes.csv"));
		before = snapshot(data);
		assertEquals(1, cli("Analyze Calcium Movie", "image=" + movie, "rois=" + r2, "framerate=7.5",
			"output=" + data));
		assertTrue(err.contains("overwrite the input"), err);
		assertSame(before, data);
		assertNoOutputs();
	}

	@Test
	void batchGivesInputsWithTheSameStemTheirOwnFoldersAndSkipsItsOwnOutputs() throws IOException {
		Path nf = Paths.get("test-data/neurofinder");
		Path in = Files.createDirectory(dir.resolve("in"));
		Files.copy(data.resolve("s0.calcium.csv"), in.resolve("m.csv"));
		Files.copy(nf.resolve("neurofinder-crop-96.tif"), in.resolve("m.tif"));
		Files.copy(nf.resolve("neurofinder-crop-96.regions.json"), in.resolve("m.regions.json"));
		Map<String, byte[]> before = snapshot(in);
		for (int run = 0; run < 2; run++) {
			assertEquals(0, cli("Batch Infer Spikes", "input=" + in, "output=" + in, "framerate=7.5"),
				err);
			List<String> rows = Files.readAllLines(in.resolve("batch-summary.csv"));
			assertEquals(3, rows.size(), "a header and the two inputs, run " + run + ": " + rows);
			String st = run == 0 ? "ok" : "skipped"; // the second run finds both complete
			assertTrue(rows.get(1).startsWith("m.csv,SpikeFinder CSV," + st + ",2,"), rows.get(1));
			assertTrue(rows.get(2).startsWith("m.tif,movie," + st + ",26,"), rows.get(2));
			Path csvResults = in.resolve("m.csv-results"), movieResults = in.resolve("m.tif-results");
			assertTrue(Files.isRegularFile(csvResults.resolve("m.spike-rate.csv")), "CSV results");
			assertTrue(Files.isRegularFile(movieResults.resolve("m.spike-rate.csv")), "movie results");
			assertEquals(2, SpikeFinderCsv.readColumns(csvResults.resolve("m.spike-rate.csv"), 0, false)
				.labels().size());
			assertEquals(26, SpikeFinderCsv.readColumns(movieResults.resolve("m.spike-rate.csv"), 0,
				false).labels().size());
			for (String k : before.keySet()) {
				assertArrayEquals(before.get(k), Files.readAllBytes(in.resolve(k)), k + " changed");
			}
		}
		// into another folder, the whole file names are the folders
		Path o2 = dir.resolve("o2");
		assertEquals(0, cli("Batch Infer Spikes", "input=" + in, "output=" + o2, "framerate=7.5"),
			err);
		assertTrue(Files.isRegularFile(o2.resolve("m.csv/m.spike-rate.csv")));
		assertTrue(Files.isRegularFile(o2.resolve("m.tif/m.spike-rate.csv")));
		assertFalse(Files.exists(o2.resolve("m")));
	}

	static void deleteTree(Path p) throws IOException {
		if (!Files.exists(p)) return;
		try (Stream<Path> s = Files.walk(p)) {
			for (Path x : s.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
				Files.delete(x);
			}
		}
	}
}

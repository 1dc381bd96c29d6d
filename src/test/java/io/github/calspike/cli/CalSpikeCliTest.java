package io.github.calspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.data.DatasetCache;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalSpikeCliTest {

	@TempDir
	Path out;
	@TempDir
	Path cache;

	private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
	private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

	@BeforeEach
	void setCache() {
		System.setProperty(DatasetCache.DIR_PROPERTY, cache.toString());
	}

	@AfterEach
	void clearCache() {
		System.clearProperty(DatasetCache.DIR_PROPERTY);
	}

	private int run(String... args) {
		return new CalSpikeCli(new PrintStream(stdout, true), new PrintStream(stderr, true)).run(args);
	}

	private String err() {
		return stderr.toString(StandardCharsets.UTF_8);
	}

	private List<String> files(Path dir) throws Exception {
		if (!Files.exists(dir)) return List.of();
		try (var s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	@Test
	void demoWritesBothTablesAndBothFigures() throws Exception {
		assertEquals(0, run("--out", out.toString(), "demo"), err());
		assertEquals(List.of("5.train.spike-probability.csv", "5.train.spike-rate.csv",
			"Calcium and spikes, first 3 neurons.png", "Calcium and spikes, first 3 neurons.svg",
			"Classification scores.csv", "Confusion matrix.csv", "Example spike windows.png",
			"Example spike windows.svg", "Inferred spike rate.png", "Inferred spike rate.svg",
			"Inferred spikes.csv", "Size of the dataset.csv", "Spike probabilities.csv",
			"Spike probability.png", "Spike probability.svg", "SpikeFinder neurons.csv",
			"SpikeFinder scores.csv", "Inferred spike rate of neurofinder-crop-96.png",
			"Inferred spike rate of neurofinder-crop-96.svg", "Inferred spikes per ROI.csv",
			"ROI summary.csv", "ROI traces of neurofinder-crop-96.png",
			"ROI traces of neurofinder-crop-96.svg", "ROI traces.csv", "ROIs on neurofinder-crop-96.png",
			"Spike raster of neurofinder-crop-96.png", "Spike raster of neurofinder-crop-96.svg",
			"neurofinder-crop-96.spike-rate.csv", "neurofinder-crop-96.spikes.csv",
			"neurofinder-crop-96.traces.csv", "Detected neurons.csv", "Detection scores.csv",
			"Detected neurons on neurofinder-crop-96.png", "neurofinder-crop-96.detected.RoiSet.zip").stream().sorted().collect(Collectors.toList()), files(out));
	}

	@Test
	void runsACommandByMenuNameWithMacroKeys() throws Exception {
		int code = run("--out", out.toString(), "Show Spike Windows",
			"calcium=test-data/spikefinder/5.train.calcium.csv",
			"spikes=test-data/spikefinder/5.train.spikes.csv", "samples=400", "before=5", "after=4");
		assertEquals(0, code, err());
		List<String> rows = Files.readAllLines(out.resolve("Size of the dataset.csv"));
		assertEquals("balanced sample,200,200,400,10", rows.get(2));
	}

	@Test
	void malformedInputExitsNonZeroWithOneLineAndNoOutput(@TempDir Path in) throws Exception {
		Path bad = in.resolve("bad.csv");
		Files.writeString(bad, "0,1\n1,2\n3\n");
		Path dir = out.resolve("results");
		assertEquals(1, run("--out", dir.toString(), "Load SpikeFinder Data", "calcium=" + bad));
		String[] lines = err().trim().split("\n");
		assertEquals(1, lines.length, err());
		assertTrue(lines[0].contains("bad.csv: line 3") && lines[0].contains("ragged row"), err());
		assertEquals(List.of(), files(dir));
	}

	@Test
	void unknownCommandOrParameterIsAUsageError() {
		assertEquals(2, run("No Such Command"));
		assertTrue(err().contains("Load SpikeFinder Data"), "lists the commands: " + err());
		stderr.reset();
		assertEquals(2, run("Load SpikeFinder Data", "calcum=x.csv"));
		assertTrue(err().contains("no parameter 'calcum'") && err().contains("calcium"), err());
	}

	@Test
	void listNamesEveryCommand() {
		assertEquals(0, run("--list"));
		String listed = stdout.toString(StandardCharsets.UTF_8);
		assertTrue(listed.contains("Load SpikeFinder Data") && listed.contains("Show Spike Windows"));
		assertFalse(listed.contains("io.github"));
	}
}

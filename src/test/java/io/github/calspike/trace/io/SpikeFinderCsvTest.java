package io.github.calspike.trace.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.files.TraceFormatException;
import io.github.calspike.trace.TraceSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpikeFinderCsvTest {

	@TempDir
	Path dir;

	private Path file(String name, String content) throws IOException {
		Path p = dir.resolve(name);
		Files.write(p, content.getBytes(StandardCharsets.UTF_8));
		return p;
	}

	private TraceFormatException refused(String content, boolean counts, int maxGap)
		throws IOException
	{
		Path p = file("bad.csv", content);
		TraceFormatException e = assertThrows(TraceFormatException.class, () -> SpikeFinderCsv
			.readColumns(p, maxGap, counts));
		assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
		assertFalse(e.getMessage().contains("\n"), "one-line message: " + e.getMessage());
		return e;
	}

	private static void assertAt(TraceFormatException e, long line, int column, String text) {
		assertEquals(line, e.line(), e.getMessage());
		assertEquals(column, e.column(), e.getMessage());
		if (line > 0) assertTrue(e.getMessage().contains("line " + line), e.getMessage());
		if (column > 0) assertTrue(e.getMessage().contains("column " + column), e.getMessage());
		assertTrue(e.getMessage().contains(text), e.getMessage());
	}

	@Test
	void readsColumnsOfDifferentLengthsWithEmptyPadding() throws IOException {
		Path p = file("c.csv", "0,1,2\n1.5,2,3\n2.5,,4\n,,5\n");
		ColumnTable t = SpikeFinderCsv.readColumns(p, 0, false);
		assertEquals(List.of("0", "1", "2"), t.labels());
		assertArrayEquals(new double[] { 1.5, 2.5 }, t.column(0));
		assertArrayEquals(new double[] { 2 }, t.column(1));
		assertArrayEquals(new double[] { 3, 4, 5 }, t.column(2));
		assertEquals(Padding.EMPTY, t.padding());
	}

	@Test
	void readsNanPaddingAndRemembersIt() throws IOException {
		ColumnTable t = SpikeFinderCsv.readColumns(file("c.csv", "a,b\n1,2\n3,NaN\n4,nan\n"), 0,
			false);
		assertArrayEquals(new double[] { 2 }, t.column(1));
		assertEquals(Padding.NAN, t.padding());
	}

	@Test
	void roundTripKeepsValuesLengthsLabelsAndPadding() throws IOException {
		Random rnd = new Random(7);
		double[][] cols = new double[4][];
		for (int c = 0; c < cols.length; c++) {
			cols[c] = new double[50 + 37 * c];
			for (int i = 0; i < cols[c].length; i++) cols[c][i] = rnd.nextGaussian() * Math.pow(10,
				rnd.nextInt(8) - 4);
		}
		List<String> labels = List.of("0", "cell, \"two\"", "x", "3");
		for (Padding padding : Padding.values()) {
			Path p = dir.resolve("rt-" + padding + ".csv");
			SpikeFinderCsv.write(p, labels, cols, padding);
			ColumnTable t = SpikeFinderCsv.readColumns(p, 0, false);
			assertEquals(labels, t.labels());
			for (int c = 0; c < cols.length; c++) assertArrayEquals(cols[c], t.column(c));
			assertEquals(padding, t.padding());
		}
	}

	@Test
	void roundTripOfATraceSetWithSpikes() throws IOException {
		TraceSet a = new TraceSet(List.of("n1", "n2"), 100, new double[][] { { 0.1, 0.2, 0.3 }, {
			1, 2 } }, new double[][] { { 0, 1, 0 }, { 2, 0 } });
		Path c = dir.resolve("a.calcium.csv"), s = dir.resolve("a.spikes.csv");
		SpikeFinderCsv.writeCalcium(c, a, Padding.EMPTY);
		SpikeFinderCsv.writeSpikes(s, a, Padding.EMPTY);
		TraceSet b = SpikeFinderCsv.read(c, s, SpikeFinderCsv.Options.defaults());
		assertEquals(a.names(), b.names());
		assertEquals(100, b.rateHz());
		for (int i = 0; i < 2; i++) {
			assertArrayEquals(a.calcium(i), b.calcium(i));
			assertArrayEquals(a.spikes(i), b.spikes(i));
		}
		assertEquals("n1,n2\n0.1,1\n0.2,2\n0.3,\n", Files.readString(c));
	}

	@Test
	void readsTheBundledRealRecording() throws IOException {
		Path root = Paths.get("test-data/spikefinder");
		TraceSet t = SpikeFinderCsv.read(root.resolve("5.train.calcium.csv"), root.resolve(
			"5.train.spikes.csv"), SpikeFinderCsv.Options.defaults());
		assertEquals(9, t.size());
		assertEquals(16919, t.maxLength());
		double spikes = 0;
		for (int i = 0; i < t.size(); i++) for (double s : t.spikes(i)) spikes += s;
		assertEquals(8810, spikes, "the dataset README gives 8,810 spikes for dataset 5");
		assertEquals(152271, t.totalFrames(), "the dataset README gives 152,271 bins");
	}

	@Test
	void refusesAnEmptyFile() throws IOException {
		assertAt(refused("", false, 0), 0, 0, "file is empty");
	}

	@Test
	void refusesAMissingHeader() throws IOException {
		assertAt(refused("0.54,0.23\n0.5,0.2\n", false, 0), 1, 1, "missing header");
	}

	@Test
	void refusesAHeaderWithoutData() throws IOException {
		assertAt(refused("0,1\n", false, 0), 1, 0, "no data rows");
	}

	@Test
	void refusesANonNumericCell() throws IOException {
		assertAt(refused("0,1,2\n1,2,3\n4,abc,6\n", false, 0), 3, 2, "not a number: 'abc'");
	}

	@Test
	void refusesARaggedRow() throws IOException {
		assertAt(refused("0,1,2\n1,2,3\n4,5\n", false, 0), 3, 0, "ragged row: 2 fields");
	}

	@Test
	void refusesADuplicateLabel() throws IOException {
		assertAt(refused("a,b,a\n1,2,3\n", false, 0), 1, 3, "duplicate label 'a' (also column 1)");
	}

	@Test
	void refusesNegativeAndFractionalSpikeCounts() throws IOException {
		assertAt(refused("0,1\n0,0\n0,-1\n", true, 0), 3, 2, "non-negative whole number, got '-1'");
		assertAt(refused("0,1\n0,0.5\n", true, 0), 2, 2, "got '0.5'");
	}

	@Test
	void refusesInfinity() throws IOException {
		assertAt(refused("0\n1\nInfinity\n", false, 0), 3, 1, "not a finite number");
	}

	@Test
	void refusesAGapInsideAColumnWithItsPosition() throws IOException {
		TraceFormatException e = refused("0,1\n1,1\n2,\n3,NaN\n4,1\n", false, 0);
		assertAt(e, 3, 2, "2 missing frames (lines 3-4)");
	}

	@Test
	void interpolatesShortGapsWhenAsked() throws IOException {
		ColumnTable t = SpikeFinderCsv.readColumns(file("g.csv", "0,1\n1,1\n2,\n3,\n4,4\n"), 2, false);
		assertArrayEquals(new double[] { 1, 2, 3, 4 }, t.column(1), 1e-12);
		refused("0,1\n1,1\n2,\n3,\n4,\n5,4\n", false, 2); // a gap of 3 is still refused
	}

	@Test
	void pairWithDifferentLengthsNamesTheNeuronAndRow() throws IOException {
		Path c = file("x.calcium.csv", "0,1\n1,1\n2,1\n3,1\n");
		Path s = file("x.spikes.csv", "0,1\n0,0\n0,1\n0,\n");
		TraceFormatException e = assertThrows(TraceFormatException.class, () -> SpikeFinderCsv.read(c,
			s, SpikeFinderCsv.Options.defaults()));
		assertTrue(e.getMessage().contains("neuron '1'"), e.getMessage());
		assertTrue(e.getMessage().contains("row 3"), e.getMessage());
		assertEquals(4, e.line());
		assertEquals(2, e.column());
	}

	@Test
	void pairWithDifferentLabelsNamesTheColumn() throws IOException {
		Path c = file("y.calcium.csv", "0,1\n1,1\n");
		Path s = file("y.spikes.csv", "0,2\n0,0\n");
		TraceFormatException e = assertThrows(TraceFormatException.class, () -> SpikeFinderCsv.read(c,
			s, SpikeFinderCsv.Options.defaults()));
		assertAt(e, 1, 2, "label '2' does not match '1'");
	}

	@Test
	void missingFileIsNamed() {
		Path p = dir.resolve("nope.csv");
		TraceFormatException e = assertThrows(TraceFormatException.class, () -> SpikeFinderCsv
			.readColumns(p, 0, false));
		assertTrue(e.getMessage().contains("nope.csv") && e.getMessage().contains("no such file"));
	}
}

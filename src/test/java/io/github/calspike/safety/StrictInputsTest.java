package io.github.calspike.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.testing.Cli;
import io.github.calspike.testing.Synthetic;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.Padding;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad values are refused with the value as typed and what is allowed, never replaced by a
 * default: unparsable numbers and booleans, unknown choices, a key given twice, absurd rates.
 */
class StrictInputsTest {

	@TempDir
	Path dir;
	Path calcium, spikes, out;
	String err;
	final Cli runner = new Cli();

	@BeforeEach
	void data() throws Exception {
		TraceSet t = Synthetic.recording(3, 2, 2000, 100, 0.02, 0.3);
		calcium = dir.resolve("r.calcium.csv");
		spikes = dir.resolve("r.spikes.csv");
		SpikeFinderCsv.writeCalcium(calcium, t, Padding.NAN);
		SpikeFinderCsv.writeSpikes(spikes, t, Padding.NAN);
		out = dir.resolve("out");
	}

	int cli(String... args) {
		int code = runner.run(out, args);
		err = runner.err;
		return code;
	}

	void refused(String expected, String... args) {
		int code = cli(args);
		assertTrue(code != 0, String.join(" ", args) + " was accepted");
		assertTrue(err.contains(expected), "message for " + String.join(" ", args) + ": " + err);
		assertFalse(Files.exists(out.resolve("Inferred spikes.csv")), "nothing written");
	}

	@Test
	void unknownChoicesAreRefused() {
		for (String v : new String[] { "loo", "foo" }) {
			refused("validation: '" + v + "' is not one of 'fraction of neurons', " +
				"'leave one dataset out'", "Train Spike Rate Model", "calcium=" + calcium, "model=" + dir
					.resolve("m"), "validation=" + v, "epochs=1");
		}
		refused("normalization: 'zscore' is not one of", "Show Spike Windows", "calcium=" + calcium,
			"spikes=" + spikes, "normalization=zscore");
		assertFalse(Files.exists(dir.resolve("m")));
	}

	@Test
	void unparsableNumbersAndBooleansAreRefused() {
		String c = "calcium=" + calcium;
		refused("discrete: 'maybe' is not a boolean", "Infer Spikes", c, "discrete=maybe");
		refused("seconds: 'abc' is not a number", "Infer Spikes", c, "seconds=abc");
		refused("rate: 'abc' is not a number", "Infer Spikes", c, "rate=abc");
		refused("maxgap: 'abc' is not a whole number", "Load SpikeFinder Data", c, "maxgap=abc");
		refused("epochs: 'abc' is not a whole number", "Train Spike Rate Model", c, "model=" + dir
			.resolve("m"), "epochs=abc");
		refused("rate: 'NaN' is not a finite number", "Infer Spikes", c, "rate=NaN");
		refused("threads: '0' is below its minimum 1", "Infer Spikes", c, "threads=0");
	}

	@Test
	void absurdRatesAreRefused() {
		refused("rate: 1.0E-300 Hz is outside", "Infer Spikes", "calcium=" + calcium, "rate=1e-300");
		refused("rate: 1.0E300 Hz is outside", "Infer Spikes", "calcium=" + calcium, "rate=1e300");
	}

	@Test
	void absurdValuesInTheFilesAreRefusedWithLineAndColumn() throws Exception {
		java.util.List<String> lines = Files.readAllLines(calcium);
		String[] row = lines.get(5).split(",");
		row[1] = "1e300";
		lines.set(5, String.join(",", row));
		Path huge = Files.write(dir.resolve("huge.calcium.csv"), lines);
		refused("line 6", "Infer Spikes", "calcium=" + huge);
		assertTrue(err.contains("column 2") && err.contains("1e300"), err);
		java.util.List<String> s = Files.readAllLines(spikes);
		String[] srow = s.get(3).split(",");
		srow[0] = "1e300";
		s.set(3, String.join(",", srow));
		Path many = Files.write(dir.resolve("many.spikes.csv"), s);
		refused("line 4", "Infer Spikes", "calcium=" + calcium, "spikes=" + many);
		assertTrue(err.contains("1e300"), err);
	}

	@Test
	void aKeyGivenTwiceIsRefused() {
		assertEquals(2, cli("Infer Spikes", "calcium=" + calcium, "rate=100", "rate=30"));
		assertTrue(err.contains("rate is given twice ('100' and '30')"), err);
	}

	@Test
	void yesAndOneAreTrueForBooleans() throws Exception {
		Path o = dir.resolve("rates.csv");
		assertEquals(0, cli("Infer Spikes", "calcium=" + calcium, "output=" + o, "discrete=yes"), err);
		assertTrue(Files.isRegularFile(dir.resolve("rates.discrete.csv")), "discrete=yes is true");
	}
}

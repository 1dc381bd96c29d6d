package io.github.calspike.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.cli.CalSpikeCli;
import io.github.calspike.testing.Synthetic;
import io.github.calspike.trace.io.Padding;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch run again skips what is done, redoes what changed, and splits into shards. */
class BatchResumeTest {

	@TempDir
	Path dir;
	Path in, out;
	String err;

	@BeforeEach
	void inputs() throws Exception {
		in = Files.createDirectory(dir.resolve("in"));
		out = dir.resolve("out");
		for (int k = 0; k < 2; k++) {
			SpikeFinderCsv.writeCalcium(in.resolve("r" + k + ".calcium.csv"), Synthetic.recording(k, 2,
				2000, 100, 0.02, 0.3), Padding.NAN);
		}
	}

	List<String> batch(String... extra) throws Exception {
		String[] args = new String[5 + extra.length];
		args[0] = "--out";
		args[1] = dir.resolve("log").toString();
		args[2] = "Batch Infer Spikes";
		args[3] = "input=" + in;
		args[4] = "output=" + out;
		System.arraycopy(extra, 0, args, 5, extra.length);
		ByteArrayOutputStream e = new ByteArrayOutputStream();
		int code = new CalSpikeCli(new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(
			e, true)).run(args);
		err = e.toString(StandardCharsets.UTF_8);
		assertEquals(0, code, err);
		return Files.readAllLines(out.resolve("batch-summary.csv"));
	}

	static String status(String row) {
		return row.split(",")[2];
	}

	@Test
	void aSecondRunSkipsCompleteInputsAndRedoesChangedOnes() throws Exception {
		List<String> first = batch();
		assertEquals("ok", status(first.get(1)));
		assertEquals("ok", status(first.get(2)));
		List<String> second = batch();
		assertEquals("skipped", status(second.get(1)), second.get(1));
		assertEquals("skipped", status(second.get(2)));
		assertEquals(first.get(1).split(",")[4], second.get(1).split(",")[4], "same spikes reported");
		assertEquals(first.get(1).split(",")[5], second.get(1).split(",")[5],
			"same neurons outside the model's range reported");
		Path changed = in.resolve("r1.calcium.csv");
		Files.setLastModifiedTime(changed, FileTime.fromMillis(System.currentTimeMillis() + 5000));
		List<String> third = batch();
		assertEquals("skipped", status(third.get(1)));
		assertEquals("ok", status(third.get(2)), "a changed input is redone");
		List<String> forced = batch("overwrite=true");
		assertEquals("ok", status(forced.get(1)));
		assertEquals("ok", status(forced.get(2)));
	}

	@Test
	void anInterruptedInputIsRedone() throws Exception {
		batch();
		// as if killed while r0 was running: its results are there, its completion marker is not
		Files.delete(out.resolve("r0/.calspike-batch-complete"));
		List<String> again = batch();
		assertEquals("ok", status(again.get(1)));
		assertEquals("skipped", status(again.get(2)));
	}

	@Test
	void shardsSplitTheInputsAndWriteTheirOwnSummaries() throws Exception {
		String[] ok = new String[2];
		for (int k = 1; k <= 2; k++) {
			ByteArrayOutputStream e = new ByteArrayOutputStream();
			assertEquals(0, new CalSpikeCli(new PrintStream(new ByteArrayOutputStream(), true),
				new PrintStream(e, true)).run("--out", dir.resolve("log").toString(),
					"Batch Infer Spikes", "input=" + in, "output=" + out, "shard=" + k + "/2"), e
						.toString(StandardCharsets.UTF_8));
			List<String> rows = Files.readAllLines(out.resolve("batch-summary.shard-" + k +
				"-of-2.csv"));
			assertEquals(2, rows.size(), rows.toString());
			ok[k - 1] = rows.get(1).split(",")[0];
		}
		assertEquals(List.of("r0.calcium.csv", "r1.calcium.csv"), List.of(ok));
		assertFalse(Files.exists(out.resolve("batch-summary.csv")));
		ByteArrayOutputStream e = new ByteArrayOutputStream();
		assertEquals(1, new CalSpikeCli(new PrintStream(new ByteArrayOutputStream(), true),
			new PrintStream(e, true)).run("Batch Infer Spikes", "input=" + in, "output=" + out,
				"shard=3/2"));
		assertTrue(e.toString(StandardCharsets.UTF_8).contains("shard: '3/2' is not K/N"), e
			.toString(StandardCharsets.UTF_8));
	}
}

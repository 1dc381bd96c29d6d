package io.github.calspike.command;

import io.github.calspike.data.BalancedSampler;
import io.github.calspike.trace.TraceSet;
import io.github.calspike.trace.io.ColumnTable;
import io.github.calspike.trace.io.SpikeFinderCsv;
import io.github.calspike.ui.Outputs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks and reads command inputs, turning mistakes into messages a user can act on. */
final class Inputs {

	private Inputs() {}

	/** Reads a calcium file and, if given, its spikes file at {@code rate} Hz. */
	static TraceSet read(File calcium, File spikes, double rate, int maxGap) throws IOException {
		if (calcium == null) throw new IllegalArgumentException("calcium: no file given");
		checkRate(rate);
		return SpikeFinderCsv.read(calcium.toPath(), spikes == null ? null : spikes.toPath(),
			new SpikeFinderCsv.Options(rate, maxGap));
	}

	/** Slowest and fastest sampling rates CalSpike accepts, Hz. */
	static final double MIN_RATE_HZ = 0.01, MAX_RATE_HZ = 100_000;

	/** Refuses a sampling rate outside [{@link #MIN_RATE_HZ}, {@link #MAX_RATE_HZ}]. */
	static void checkRate(double rate) {
		if (!(rate >= MIN_RATE_HZ && rate <= MAX_RATE_HZ)) {
			throw new IllegalArgumentException("rate: " + rate + " Hz is outside " + MIN_RATE_HZ + " to " +
				(long) MAX_RATE_HZ + " Hz");
		}
	}

	/**
	 * @return {@code output} if given; otherwise a file named after the input with {@code suffix},
	 *         in the output folder when outputs go to files, or beside the input
	 */
	static Path outputFile(File output, File input, String suffix, Outputs outputs) {
		if (output != null) return output.toPath();
		if (input == null) throw new IllegalArgumentException("calcium: no file given");
		String stem = input.getName().replaceFirst("(\\.calcium)?\\.csv$", "");
		Path dir = outputs.outputFolder() != null ? outputs.outputFolder() : input.toPath()
			.toAbsolutePath().getParent();
		return dir.resolve(stem + suffix);
	}

	/**
	 * Refuses an output file that is one of the command's inputs, so that writing it can never
	 * overwrite them: paths are compared after following symbolic links
	 * ({@link Files#isSameFile}), and by their normalised absolute form when the output does not
	 * exist yet.
	 *
	 * @param param the parameter the output path came from, for the message
	 * @param inputs the command's input files by parameter name; null values are skipped
	 * @throws IllegalArgumentException naming the output and the input it would overwrite
	 */
	static void refuseInputs(String param, Path out, Map<String, Path> inputs) {
		for (Map.Entry<String, Path> in : inputs.entrySet()) {
			if (in.getValue() != null && sameFile(out, in.getValue())) {
				throw new IllegalArgumentException(param + ": " + out.toAbsolutePath() + " is the " + in
					.getKey() + " input; writing it would overwrite the input. Choose another " + (param
						.equals("output") ? "output" : param));
			}
		}
	}

	/** @return whether {@code a} and {@code b} name the same file (following links) */
	static boolean sameFile(Path a, Path b) {
		try {
			if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
		}
		catch (IOException e) {
			// compare the names below
		}
		return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
	}

	/** @return an insertion-ordered map of input names to paths (files may be null) */
	static Map<String, Path> inputs(Object... nameAndFile) {
		Map<String, Path> m = new LinkedHashMap<>();
		for (int i = 0; i < nameAndFile.length; i += 2) {
			Object f = nameAndFile[i + 1];
			m.put((String) nameAndFile[i], f == null ? null : f instanceof File ? ((File) f).toPath()
				: (Path) f);
		}
		return m;
	}

	/** A calcium file's columns (for its header and padding) and the traces read from it. */
	static final class Table {
		final ColumnTable calcium;
		final TraceSet traces;

		Table(ColumnTable calcium, TraceSet traces) {
			this.calcium = calcium;
			this.traces = traces;
		}
	}

	/** Reads a calcium file, and its spikes file if given, keeping the calcium file's layout. */
	static Table table(File calcium, File spikes, double rate) throws IOException {
		if (calcium == null) throw new IllegalArgumentException("calcium: no file given");
		checkRate(rate);
		ColumnTable c = SpikeFinderCsv.readColumns(calcium.toPath(), 0, false);
		ColumnTable s = spikes == null ? null : SpikeFinderCsv.readColumns(spikes.toPath(), 0, true);
		return new Table(c, SpikeFinderCsv.traces(c, s, new SpikeFinderCsv.Options(rate, 0)));
	}

	/** @return the sample size in {@code text}: a whole even number, or "all" */
	static int samples(String text) {
		String s = text.trim().replace(",", "").replace("_", "");
		if (s.equalsIgnoreCase("all")) return BalancedSampler.ALL;
		try {
			int n = Integer.parseInt(s);
			if (n > 0 && n % 2 == 0) return n;
		}
		catch (NumberFormatException e) {
			// fall through
		}
		throw new IllegalArgumentException("samples: expected a positive even number or 'all', got '" +
			text + "'");
	}
}

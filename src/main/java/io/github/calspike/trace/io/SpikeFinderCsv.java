package io.github.calspike.trace.io;

import io.github.calspike.files.AtomicFiles;
import io.github.calspike.files.TraceFormatException;
import io.github.calspike.trace.TraceSet;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and writes the SpikeFinder challenge's CSV format: a header row of neuron labels, then one
 * row per frame and one column per neuron. Shorter columns are padded at the end with empty fields
 * or {@code NaN}. Calcium files hold fluorescence values; spike files hold the number of spikes in
 * each frame. Every error names the file, line (1 = header) and column (1 = first).
 */
public final class SpikeFinderCsv {

	/** The challenge's sampling rate, used when none is stated. */
	public static final double DEFAULT_RATE_HZ = 100.0;

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setIgnoreEmptyLines(true).setTrim(true).get();

	private SpikeFinderCsv() {}

	/** Reading options; the defaults refuse every gap. */
	public static final class Options {
		private final double rateHz;
		private final int maxGap;

		/** @param rateHz sampling rate in Hz; @param maxGap longest run of missing frames inside
		 *        a column that is filled by linear interpolation (0 refuses every gap) */
		public Options(double rateHz, int maxGap) {
			if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
				throw new IllegalArgumentException("Sampling rate must be positive, got " + rateHz);
			}
			if (maxGap < 0) throw new IllegalArgumentException("maxGap must be >= 0, got " + maxGap);
			this.rateHz = rateHz;
			this.maxGap = maxGap;
		}

		/** @return options for 100 Hz that refuse gaps */
		public static Options defaults() {
			return new Options(DEFAULT_RATE_HZ, 0);
		}

		/** @return the sampling rate in Hz */
		public double rateHz() {
			return rateHz;
		}

		/** @return the longest interpolated gap, in frames */
		public int maxGap() {
			return maxGap;
		}
	}

	/**
	 * Reads a calcium file on its own.
	 *
	 * @return the traces, without spikes
	 * @throws TraceFormatException on malformed input, naming file, line and column
	 */
	public static TraceSet readCalcium(Path calcium, Options options) throws IOException {
		ColumnTable c = readColumns(calcium, options.maxGap(), false);
		return new TraceSet(c.labels(), options.rateHz(), c.columns(), null);
	}

	/** Largest spike count accepted in one frame. */
	public static final int MAX_SPIKES_PER_FRAME = 1000;
	/** Largest magnitude of a calcium value accepted (squares and sums stay finite). */
	public static final double MAX_ABS_VALUE = 1e100;

	/**
	 * Reads a calcium file and its spikes file, and checks that they agree: the same labels in the
	 * same order, and the same number of frames for every neuron.
	 *
	 * @throws TraceFormatException naming the neuron and row that disagree, or malformed input
	 */
	public static TraceSet read(Path calcium, Path spikes, Options options) throws IOException {
		if (spikes == null) return readCalcium(calcium, options);
		ColumnTable c = readColumns(calcium, options.maxGap(), false);
		ColumnTable s = readColumns(spikes, 0, true);
		checkAgree(c, s);
		return new TraceSet(c.labels(), options.rateHz(), c.columns(), s.columns());
	}

	/**
	 * Makes traces from columns already read: calcium, and optionally spikes (checked to agree).
	 *
	 * @throws TraceFormatException naming the neuron and row that disagree
	 */
	public static TraceSet traces(ColumnTable calcium, ColumnTable spikes, Options options)
		throws TraceFormatException
	{
		if (spikes != null) checkAgree(calcium, spikes);
		return new TraceSet(calcium.labels(), options.rateHz(), calcium.columns(), spikes == null
			? null : spikes.columns());
	}

	private static void checkAgree(ColumnTable c, ColumnTable s) throws TraceFormatException {
		if (c.size() != s.size()) {
			throw new TraceFormatException(s.source(), 1, 0, "has " + s.size() +
				" neurons but the calcium file " + c.source().getFileName() + " has " + c.size());
		}
		for (int i = 0; i < c.size(); i++) {
			if (!c.labels().get(i).equals(s.labels().get(i))) {
				throw new TraceFormatException(s.source(), 1, i + 1, "label '" + s.labels().get(i) +
					"' does not match '" + c.labels().get(i) + "' in the calcium file " +
					c.source().getFileName());
			}
			int nc = c.columns()[i].length, ns = s.columns()[i].length;
			if (nc != ns) {
				int row = Math.min(nc, ns);
				throw new TraceFormatException(s.source(), row + 2, i + 1, "neuron '" +
					c.labels().get(i) + "': " + (ns < nc ? "spikes end" : "spikes go on") + " at row " +
					(row + 1) + ", but the calcium file has " + nc + " frames and this file " + ns);
			}
		}
	}

	/**
	 * Reads any SpikeFinder-format file into columns.
	 *
	 * @param maxGap longest run of missing frames inside a column to interpolate (0: refuse gaps)
	 * @param counts whether values are spike counts (non-negative whole numbers)
	 * @throws TraceFormatException on malformed input
	 */
	public static ColumnTable readColumns(Path file, int maxGap, boolean counts) throws IOException {
		try (Reader r = open(file); CSVParser parser = CSVParser.parse(r, FORMAT)) {
			return new ColumnParser(file, maxGap, counts).parse(parser.iterator());
		}
		catch (UncheckedIOException e) {
			if (e.getCause() instanceof CharacterCodingException) throw notUtf8(file);
			throw new TraceFormatException(file, 0, 0, "cannot parse CSV: " + e.getCause().getMessage());
		}
		catch (CharacterCodingException e) {
			throw notUtf8(file);
		}
	}

	/** @return an error naming the line and byte offset of the first byte that is not UTF-8 */
	static TraceFormatException notUtf8(Path file) {
		long line = 1, offset = 0;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			int need = 0, b;
			long start = 0;
			while ((b = in.read()) >= 0) {
				if (need > 0) {
					if ((b & 0xc0) != 0x80) break;
					need--;
				}
				else if (b >= 0x80) {
					start = offset;
					if ((b & 0xe0) == 0xc0 && b >= 0xc2) need = 1;
					else if ((b & 0xf0) == 0xe0) need = 2;
					else if ((b & 0xf8) == 0xf0 && b <= 0xf4) need = 3;
					else break;
				}
				else if (b == '\n') line++;
				offset++;
			}
			if (need > 0) offset = start;
		}
		catch (IOException e) {
			// report what was found so far
		}
		return new TraceFormatException(file, line, 0, "not a UTF-8 text file: byte " + offset +
			" (line " + line + ") is not valid UTF-8; save the CSV as UTF-8 text");
	}

	private static Reader open(Path file) throws IOException {
		if (Files.isDirectory(file)) {
			throw new TraceFormatException(file, 0, 0, "is a folder, not a CSV file" + (file.toString()
				.isEmpty() ? " (no file name was given)" : ""));
		}
		try {
			BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
			r.mark(1);
			if (r.read() != '\uFEFF') r.reset(); // skip a byte-order mark
			return r;
		}
		catch (NoSuchFileException e) {
			throw new TraceFormatException(file, 0, 0, "no such file");
		}
		catch (CharacterCodingException e) {
			throw notUtf8(file);
		}
		catch (IOException e) {
			throw new TraceFormatException(file, 0, 0, "cannot read file (" + e.getMessage() + ")");
		}
	}

	/** One pass over the records, keeping a growing array per column. */
	private static final class ColumnParser {
		private final Path file;
		private final int maxGap;
		private final boolean counts;
		private List<String> labels;
		private double[][] values;
		private int[] lastValid; // row of the last real value per column, -1 if none
		private int rows;
		private boolean sawNanText;

		ColumnParser(Path file, int maxGap, boolean counts) {
			this.file = file;
			this.maxGap = maxGap;
			this.counts = counts;
		}

		ColumnTable parse(Iterator<CSVRecord> it) throws TraceFormatException {
			if (!it.hasNext()) throw new TraceFormatException(file, 0, 0, "file is empty");
			readHeader(it.next());
			int n = labels.size();
			values = new double[n][1024];
			lastValid = new int[n];
			Arrays.fill(lastValid, -1);
			while (it.hasNext()) {
				CSVRecord rec = it.next();
				long line = rec.getRecordNumber();
				if (rec.size() != n) {
					throw new TraceFormatException(file, line, 0, "ragged row: " + rec.size() +
						" fields, but the header has " + n + " labels");
				}
				if (rows == values[0].length) grow();
				for (int c = 0; c < n; c++) {
					double v = parseCell(rec.get(c), line, c);
					values[c][rows] = v;
					if (!Double.isNaN(v)) {
						fillGap(c, rows, line);
						lastValid[c] = rows;
					}
				}
				rows++;
			}
			if (rows == 0) throw new TraceFormatException(file, 1, 0, "no data rows after the header");
			double[][] cols = new double[n][];
			for (int c = 0; c < n; c++) {
				if (lastValid[c] < 0) {
					throw new TraceFormatException(file, 0, c + 1, "neuron '" + labels.get(c) +
						"' has no values");
				}
				cols[c] = Arrays.copyOf(values[c], lastValid[c] + 1);
			}
			return new ColumnTable(file, labels, cols, sawNanText ? Padding.NAN : Padding.EMPTY);
		}

		private void readHeader(CSVRecord header) throws TraceFormatException {
			labels = new ArrayList<>();
			Map<String, Integer> seen = new HashMap<>();
			for (int c = 0; c < header.size(); c++) {
				String label = header.get(c);
				if (label.isEmpty()) {
					throw new TraceFormatException(file, 1, c + 1, "missing header: empty neuron label");
				}
				if (looksLikeData(label)) {
					throw new TraceFormatException(file, 1, c + 1, "missing header: '" + label +
						"' is a value, not a neuron label (the first line must name the neurons)");
				}
				Integer before = seen.put(label, c + 1);
				if (before != null) {
					throw new TraceFormatException(file, 1, c + 1, "duplicate label '" + label +
						"' (also column " + before + ")");
				}
				labels.add(label);
			}
		}

		/** A label is data when it is a number that is not a whole number (e.g. "0.54", "nan"). */
		private static boolean looksLikeData(String s) {
			if (s.equalsIgnoreCase("nan")) return true;
			try {
				double d = Double.parseDouble(s);
				return !s.matches("[+-]?\\d+") || Double.isNaN(d);
			}
			catch (NumberFormatException e) {
				return false;
			}
		}

		private double parseCell(String s, long line, int c) throws TraceFormatException {
			if (s.isEmpty()) return Double.NaN;
			if (s.equalsIgnoreCase("nan")) {
				sawNanText = true;
				return Double.NaN;
			}
			double v;
			try {
				v = Double.parseDouble(s);
			}
			catch (NumberFormatException e) {
				throw cellError(line, c, "not a number: '" + s + "'");
			}
			if (Double.isInfinite(v)) throw cellError(line, c, "not a finite number: '" + s + "'");
			if (counts && (v < 0 || v != Math.rint(v))) {
				throw cellError(line, c, "a spike count must be a non-negative whole number, got '" +
					s + "'");
			}
			if (counts && v > MAX_SPIKES_PER_FRAME) {
				throw cellError(line, c, "a spike count of " + s + " in one frame is beyond " +
					MAX_SPIKES_PER_FRAME);
			}
			if (!counts && Math.abs(v) > MAX_ABS_VALUE) {
				throw cellError(line, c, "a calcium value of " + s + " is beyond +-" + MAX_ABS_VALUE +
					" (statistics of such values overflow)");
			}
			return v;
		}

		private TraceFormatException cellError(long line, int c, String problem) {
			return new TraceFormatException(file, line, c + 1, "neuron '" + labels.get(c) + "': " +
				problem);
		}

		/** Called when column c has a real value at row r: deals with the missing run before it. */
		private void fillGap(int c, int r, long line) throws TraceFormatException {
			int from = lastValid[c] + 1;
			int gap = r - from;
			if (gap == 0) return;
			long firstLine = line - gap;
			if (gap > maxGap) {
				String where = gap == 1 ? "line " + firstLine : "lines " + firstLine + "-" + (line - 1);
				throw new TraceFormatException(file, firstLine, c + 1, "neuron '" + labels.get(c) +
					"': " + gap + " missing frame" + (gap == 1 ? "" : "s") + " (" + where +
					") before the end of the column; a dropped frame is refused unless short gaps are" +
					" interpolated (maximum gap " + maxGap + ")");
			}
			double[] col = values[c];
			double right = col[r];
			double left = from == 0 ? right : col[from - 1];
			for (int k = from; k < r; k++) {
				double t = (double) (k - from + 1) / (gap + 1);
				col[k] = left + t * (right - left);
			}
		}

		private void grow() {
			for (int c = 0; c < values.length; c++) values[c] = Arrays.copyOf(values[c], rows * 2);
		}
	}

	/**
	 * Writes columns in SpikeFinder format, padding shorter columns at the end. The file is
	 * written to a temporary file beside it and moved into place, so a failure leaves no partial
	 * file.
	 *
	 * @param labels one label per column
	 * @param columns the values, each column its own length; NaN inside a column is written as NaN
	 * @param padding how to pad shorter columns
	 */
	public static void write(Path file, List<String> labels, double[][] columns, Padding padding)
		throws IOException
	{
		if (labels.size() != columns.length) {
			throw new IllegalArgumentException(labels.size() + " labels for " + columns.length +
				" columns");
		}
		int rows = 0;
		for (double[] c : columns) rows = Math.max(rows, c.length);
		final int nRows = rows;
		AtomicFiles.write(file, out -> {
			BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
			p.printRecord(labels);
			String[] row = new String[columns.length];
			for (int r = 0; r < nRows; r++) {
				for (int c = 0; c < columns.length; c++) {
					row[c] = r < columns[c].length ? format(columns[c][r]) : padding.text();
				}
				p.printRecord((Object[]) row);
			}
			p.flush();
		});
	}

	/** Writes a trace set's calcium as a SpikeFinder CSV. */
	public static void writeCalcium(Path file, TraceSet traces, Padding padding) throws IOException {
		double[][] c = new double[traces.size()][];
		for (int i = 0; i < c.length; i++) c[i] = traces.calcium(i);
		write(file, traces.names(), c, padding);
	}

	/** Writes a trace set's spike counts as a SpikeFinder CSV. */
	public static void writeSpikes(Path file, TraceSet traces, Padding padding) throws IOException {
		double[][] s = new double[traces.size()][];
		for (int i = 0; i < s.length; i++) s[i] = traces.spikes(i);
		write(file, traces.names(), s, padding);
	}

	/**
	 * Whole numbers without a decimal point; values that are exactly single-precision floats (as
	 * network outputs are) in float's shortest round-trip form; others in double's.
	 */
	static String format(double v) {
		if (Double.isNaN(v)) return "NaN";
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
		if ((float) v == v) return Float.toString((float) v);
		return Double.toString(v);
	}
}

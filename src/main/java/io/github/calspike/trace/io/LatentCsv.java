package io.github.calspike.trace.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.github.calspike.files.TraceFormatException;

/**
 * Reads latent vectors from CSV: one vector per row, one column per latent dimension, with an
 * optional header row (a first row that is not all numbers).
 */
public final class LatentCsv {

	private LatentCsv() {}

	/**
	 * @param size the latent size every row must have
	 * @return the vectors, flat (rows x size)
	 * @throws TraceFormatException naming file, line and column of a bad cell or row
	 */
	public static float[] read(Path file, int size) throws IOException {
		List<float[]> rows = new ArrayList<>();
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = CSVParser
			.parse(r, CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get()))
		{
			for (CSVRecord rec : p) {
				long line = rec.getRecordNumber();
				if (line == 1 && !numeric(rec)) continue; // header
				if (rec.size() != size) {
					throw new TraceFormatException(file, line, 0, rec.size() + " values, but the model's " +
						"latent size is " + size);
				}
				float[] v = new float[size];
				for (int c = 0; c < size; c++) {
					try {
						v[c] = Float.parseFloat(rec.get(c));
					}
					catch (NumberFormatException e) {
						throw new TraceFormatException(file, line, c + 1, "not a number: '" + rec.get(c) + "'");
					}
					if (!Float.isFinite(v[c])) {
						throw new TraceFormatException(file, line, c + 1, "not a finite number: '" + rec.get(c) +
							"'");
					}
				}
				rows.add(v);
			}
		}
		catch (NoSuchFileException e) {
			throw new TraceFormatException(file, 0, 0, "no such file");
		}
		if (rows.isEmpty()) throw new TraceFormatException(file, 0, 0, "no latent vectors");
		float[] flat = new float[rows.size() * size];
		for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, flat, i * size, size);
		return flat;
	}

	private static boolean numeric(CSVRecord rec) {
		for (String s : rec) {
			try {
				Float.parseFloat(s);
			}
			catch (NumberFormatException e) {
				return false;
			}
		}
		return true;
	}
}

package io.github.calspike.trace.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The columns of a SpikeFinder-format CSV file: labels and, per column, its values up to its last
 * real frame (the end padding removed), plus how the file padded shorter columns.
 */
public final class ColumnTable {

	private final Path source;
	private final List<String> labels;
	private final double[][] columns;
	private final Padding padding;

	ColumnTable(Path source, List<String> labels, double[][] columns, Padding padding) {
		this.source = source;
		this.labels = Collections.unmodifiableList(new ArrayList<>(labels));
		this.columns = columns;
		this.padding = padding;
	}

	/** @return the file read */
	public Path source() {
		return source;
	}

	/** @return the header labels, in file order */
	public List<String> labels() {
		return labels;
	}

	/** @return the number of columns */
	public int size() {
		return labels.size();
	}

	/** @return a copy of column {@code i}, without end padding */
	public double[] column(int i) {
		return columns[i].clone();
	}

	/** @return the columns themselves, for handing on to an immutable {@code TraceSet} (copied there) */
	double[][] columns() {
		return columns;
	}

	/** @return the padding style found in the file ({@link Padding#EMPTY} if none was padded) */
	public Padding padding() {
		return padding;
	}
}

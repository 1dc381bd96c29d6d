package io.github.calspike.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Malformed trace input. The message is one line naming the file, and where known the line (1 =
 * header) and column (1 = first), so a user can find the offending cell.
 */
public class TraceFormatException extends IOException {

	private static final long serialVersionUID = 1L;

	private final Path file;
	private final long line;
	private final int column;

	/**
	 * @param file the file read
	 * @param line 1-based line number, or 0 when the problem is not on one line
	 * @param column 1-based column number, or 0 when the problem is not in one column
	 * @param problem what is wrong, without the location
	 */
	public TraceFormatException(Path file, long line, int column, String problem) {
		super(format(file, line, column, problem));
		this.file = file;
		this.line = line;
		this.column = column;
	}

	/** @return the file that was read */
	public Path file() {
		return file;
	}

	/** @return the 1-based line, or 0 */
	public long line() {
		return line;
	}

	/** @return the 1-based column, or 0 */
	public int column() {
		return column;
	}

	private static String format(Path file, long line, int column, String problem) {
		StringBuilder sb = new StringBuilder();
		sb.append(file == null ? "<input>" : file.toString());
		if (line > 0) sb.append(": line ").append(line);
		if (column > 0) sb.append(line > 0 ? ", column " : ": column ").append(column);
		return sb.append(": ").append(problem).toString();
	}
}

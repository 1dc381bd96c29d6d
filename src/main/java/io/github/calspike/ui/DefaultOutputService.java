package io.github.calspike.ui;

import io.github.calspike.files.AtomicFiles;
import io.github.calspike.plot.Figure;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.awt.GraphicsEnvironment;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import javax.swing.SwingUtilities;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

/** Shows outputs in windows when there is a display, and writes files otherwise. */
@Plugin(type = Service.class)
public class DefaultOutputService extends AbstractService implements OutputService {

	@Parameter(required = false)
	private LogService log;

	private Path folder;

	@Override
	public synchronized void setOutputFolder(Path dir) {
		folder = dir;
	}

	@Override
	public synchronized Path outputFolder() {
		if (folder != null) return folder;
		return GraphicsEnvironment.isHeadless() ? Paths.get(DEFAULT_FOLDER) : null;
	}

	@Override
	public void table(String title, ResultsTable table) throws IOException {
		Path dir = outputFolder();
		if (dir == null) SwingUtilities.invokeLater(() -> table.show(title));
		else Outputs.toFolder(dir, this::record).table(title, table);
	}

	@Override
	public void figure(Figure figure) throws IOException {
		Path dir = outputFolder();
		if (dir == null) SwingUtilities.invokeLater(() -> new FigureWindow(figure).setVisible(true));
		else Outputs.toFolder(dir, this::record).figure(figure);
	}

	@Override
	public void image(ImagePlus image) throws IOException {
		Path dir = outputFolder();
		if (dir == null) SwingUtilities.invokeLater(image::show);
		else Outputs.toFolder(dir, this::record).image(image);
	}

	private void record(Path f) {
		if (log != null) log.info("Wrote " + f);
	}

	/** @return the title with characters that file systems refuse replaced by '_' */
	static String fileName(String title) {
		String s = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").trim();
		return s.isEmpty() ? "untitled" : s;
	}

	/**
	 * Writes a results table as CSV with full precision: a header of column names (with "Label"
	 * first when rows have labels), then one line per row.
	 */
	public static void writeCsv(ResultsTable t, Path file) throws IOException {
		String[] headings = t.getHeadings();
		List<String> cols = new ArrayList<>();
		for (String h : headings) {
			if (!h.equals(" ")) cols.add(h);
		}
		AtomicFiles.write(file, out -> {
			CSVPrinter p = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out,
				StandardCharsets.UTF_8)), CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
			p.printRecord(cols);
			for (int r = 0; r < t.size(); r++) {
				List<String> row = new ArrayList<>();
				for (String c : cols) row.add(cell(t, c, r));
				p.printRecord(row);
			}
			p.flush();
		});
	}

	private static String cell(ResultsTable t, String col, int row) {
		if (col.equals("Label")) return t.getLabel(row);
		double v = t.getValue(col, row);
		if (Double.isNaN(v)) {
			String s = t.getStringValue(col, row);
			return s == null ? "NaN" : s;
		}
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
	}
}

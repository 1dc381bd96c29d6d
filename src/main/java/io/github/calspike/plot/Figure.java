package io.github.calspike.plot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jfree.chart.JFreeChart;

/**
 * A titled grid of charts, filled row by row: one chart for a simple plot, or a panel of small
 * charts such as the 5x2 window examples. Figures only describe what to draw; showing or saving
 * them is the caller's choice ({@link FigureExport}, or a window in the UI).
 */
public final class Figure {

	private final String title;
	private final int rows;
	private final int columns;
	private final List<JFreeChart> charts;
	private final int cellWidth;
	private final int cellHeight;

	/**
	 * @param title the figure's title, also its file name when saved
	 * @param rows grid rows
	 * @param columns grid columns
	 * @param charts at most rows x columns charts, row by row
	 * @param cellWidth preferred width of one cell, in pixels
	 * @param cellHeight preferred height of one cell, in pixels
	 */
	public Figure(String title, int rows, int columns, List<JFreeChart> charts, int cellWidth,
		int cellHeight)
	{
		if (rows < 1 || columns < 1 || charts.isEmpty() || charts.size() > rows * columns) {
			throw new IllegalArgumentException(charts.size() + " charts do not fit a " + rows + "x" +
				columns + " grid");
		}
		this.title = title;
		this.rows = rows;
		this.columns = columns;
		this.charts = Collections.unmodifiableList(new ArrayList<>(charts));
		this.cellWidth = cellWidth;
		this.cellHeight = cellHeight;
	}

	/** @return a figure holding one chart */
	public static Figure of(String title, JFreeChart chart, int width, int height) {
		return new Figure(title, 1, 1, List.of(chart), width, height);
	}

	/** @return the title */
	public String title() {
		return title;
	}

	/** @return grid rows */
	public int rows() {
		return rows;
	}

	/** @return grid columns */
	public int columns() {
		return columns;
	}

	/** @return the charts, row by row */
	public List<JFreeChart> charts() {
		return charts;
	}

	/** @return preferred cell width in pixels */
	public int cellWidth() {
		return cellWidth;
	}

	/** @return preferred cell height in pixels */
	public int cellHeight() {
		return cellHeight;
	}

	/** @return whether the figure has a title band above the grid (grids of several charts) */
	public boolean hasTitleBand() {
		return charts.size() > 1;
	}

	/** @return preferred total width in pixels */
	public int width() {
		return columns * cellWidth;
	}

	/** @return preferred total height in pixels, title band included */
	public int height() {
		return rows * cellHeight + (hasTitleBand() ? FigureExport.TITLE_BAND : 0);
	}
}

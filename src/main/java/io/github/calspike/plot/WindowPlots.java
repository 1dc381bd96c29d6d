package io.github.calspike.plot;

import io.github.calspike.data.WindowSet;
import io.github.calspike.data.WindowSpec;
import io.github.calspike.data.Windowing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/** Plots of calcium windows. */
public final class WindowPlots {

	private WindowPlots() {}

	/**
	 * The tutorial's second figure: a grid of example windows, "no spike" windows in the left
	 * column and "spike" windows in the right, x from -before to +after bins, the centre bin
	 * marked. Each panel is titled like "Sample i, associated spike", i being the window's index in
	 * {@code windows}.
	 *
	 * @param rows examples per class (5 in the tutorial); fewer if the set has fewer
	 * @return a rows x 2 figure titled {@code title}
	 */
	public static Figure examples(String title, WindowSet windows, WindowSpec spec, int rows) {
		return grid(title, windows, spec, rows, windows.indicesWithLabel(false), windows
			.indicesWithLabel(true), k -> "Sample " + k + ", " + (windows.isSpike(k)
				? "associated spike" : "no associated spike"));
	}

	/**
	 * A classifier's mistakes: false positives (no spike, predicted spike) on the left, false
	 * negatives (spike, predicted no spike) on the right, each titled with its probability.
	 *
	 * @param probability the predicted spike probability of every window
	 */
	public static Figure errors(String title, WindowSet windows, WindowSpec spec, float[] probability,
		int rows)
	{
		int[] fp = new int[windows.size()], fn = new int[windows.size()];
		int nfp = 0, nfn = 0;
		for (int k = 0; k < windows.size(); k++) {
			boolean predicted = probability[k] > 0.5;
			if (predicted && !windows.isSpike(k)) fp[nfp++] = k;
			if (!predicted && windows.isSpike(k)) fn[nfn++] = k;
		}
		return grid(title, windows, spec, rows, java.util.Arrays.copyOf(fp, nfp), java.util.Arrays
			.copyOf(fn, nfn), k -> String.format(java.util.Locale.ROOT, "%s %d, p(spike) = %.2f",
				windows.isSpike(k) ? "False negative" : "False positive", k, probability[k]));
	}

	/**
	 * A rows x 2 grid of windows, {@code left} in the left column and {@code right} in the right,
	 * in the order given; a missing example leaves an empty panel that says so.
	 */
	public static Figure grid(String title, WindowSet windows, WindowSpec spec, int rows, int[] left,
		int[] right, java.util.function.IntFunction<String> panelTitle)
	{
		int r = Math.min(rows, Math.max(left.length, right.length));
		if (r == 0) r = 1;
		List<JFreeChart> charts = new ArrayList<>();
		for (int i = 0; i < r; i++) {
			charts.add(i < left.length ? panel(windows, spec, left[i], panelTitle.apply(left[i]))
				: empty("no further windows of this kind"));
			charts.add(i < right.length ? panel(windows, spec, right[i], panelTitle.apply(right[i]))
				: empty("no further windows of this kind"));
		}
		return new Figure(title, r, 2, charts, 520, 200);
	}

	/** @return one window's chart */
	public static JFreeChart panel(WindowSet windows, WindowSpec spec, int k, String title) {
		boolean s = windows.isSpike(k);
		XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
		Color colour = s ? Charts.SPIKE : Charts.CALCIUM;
		line.setSeriesPaint(0, colour);
		line.setSeriesStroke(0, Charts.line(1.6f));
		line.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
		NumberAxis x = Charts.axis("bin relative to centre");
		x.setRange(-spec.before() - 0.5, spec.after() + 0.5);
		x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		XYPlot p = Charts.style(new XYPlot(new ArrayXYDataset().add("window", Windowing.binOffsets(
			spec), Windowing.asDoubles(windows, k)), x, Charts.axis("calcium (norm.)"), line));
		ValueMarker centre = new ValueMarker(0, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
			BasicStroke.JOIN_MITER, 1f, new float[] { 4f, 3f }, 0f));
		p.addDomainMarker(centre);
		return Charts.chart(title, p, false);
	}

	private static JFreeChart empty(String text) {
		XYPlot p = Charts.style(new XYPlot(new ArrayXYDataset(), Charts.axis(""), Charts.axis(""),
			new XYLineAndShapeRenderer()));
		p.setNoDataMessage(text);
		return Charts.chart(null, p, false);
	}
}

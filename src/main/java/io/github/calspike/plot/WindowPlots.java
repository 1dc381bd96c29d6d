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
		int[] quiet = windows.indicesWithLabel(false);
		int[] spike = windows.indicesWithLabel(true);
		int r = Math.min(rows, Math.max(quiet.length, spike.length));
		if (r == 0) throw new IllegalArgumentException("No windows to plot");
		List<JFreeChart> charts = new ArrayList<>();
		for (int i = 0; i < r; i++) {
			charts.add(i < quiet.length ? panel(windows, spec, quiet[i]) : empty("no more no-spike windows"));
			charts.add(i < spike.length ? panel(windows, spec, spike[i]) : empty("no more spike windows"));
		}
		return new Figure(title, r, 2, charts, 520, 200);
	}

	/** @return one window's chart */
	public static JFreeChart panel(WindowSet windows, WindowSpec spec, int k) {
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
		return Charts.chart("Sample " + k + ", " + (s ? "associated spike" : "no associated spike"),
			p, false);
	}

	private static JFreeChart empty(String text) {
		XYPlot p = Charts.style(new XYPlot(new ArrayXYDataset(), Charts.axis(""), Charts.axis(""),
			new XYLineAndShapeRenderer()));
		p.setNoDataMessage(text);
		return Charts.chart(null, p, false);
	}
}

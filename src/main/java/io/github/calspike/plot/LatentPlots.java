package io.github.calspike.plot;

import java.awt.Color;
import java.awt.geom.Ellipse2D;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/** Plots of latent spaces. */
public final class LatentPlots {

	/** Ten distinguishable colours (the usual categorical palette). */
	private static final Color[] PALETTE = { new Color(31, 119, 180), new Color(255, 127, 14),
		new Color(44, 160, 44), new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86,
			75), new Color(227, 119, 194), new Color(127, 127, 127), new Color(188, 189, 34), new Color(
				23, 190, 207) };

	private LatentPlots() {}

	/**
	 * A scatter of 2-D points, one colour and legend entry per class.
	 *
	 * @param points (x, y) per point
	 * @param classes class index of each point, 0 .. names.length-1
	 * @param names legend label of each class
	 */
	public static Figure scatter(String title, String xLabel, String yLabel, double[][] points,
		int[] classes, String[] names)
	{
		return scatter(title, xLabel, yLabel, points, classes, names, PALETTE);
	}

	/** The same with one given colour per class. */
	public static Figure scatter(String title, String xLabel, String yLabel, double[][] points,
		int[] classes, String[] names, Color[] colours)
	{
		ArrayXYDataset d = new ArrayXYDataset();
		for (int c = 0; c < names.length; c++) {
			int n = 0;
			for (int k : classes) if (k == c) n++;
			double[] x = new double[n], y = new double[n];
			n = 0;
			for (int i = 0; i < points.length; i++) {
				if (classes[i] != c) continue;
				x[n] = points[i][0];
				y[n++] = points[i][1];
			}
			d.add(names[c], x, y);
		}
		XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
		for (int c = 0; c < names.length; c++) {
			r.setSeriesPaint(c, colours[c % colours.length]);
			r.setSeriesShape(c, new Ellipse2D.Double(-4, -4, 8, 8));
		}
		XYPlot p = Charts.style(new XYPlot(d, Charts.axis(xLabel), Charts.axis(yLabel), r));
		JFreeChart chart = Charts.chart(title, p, true);
		return Figure.of(title, chart, 800, 700);
	}

	/**
	 * Histograms of one value per sample, one per class, with the same {@code bins} bins, drawn
	 * semi-transparent over each other.
	 */
	public static Figure histograms(String title, String xLabel, double[] values, int[] classes,
		String[] names, Color[] colours, int bins)
	{
		org.jfree.data.statistics.HistogramDataset d = new org.jfree.data.statistics.HistogramDataset();
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (double v : values) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		if (!(hi > lo)) hi = lo + 1;
		for (int c = 0; c < names.length; c++) {
			int n = 0;
			for (int k : classes) if (k == c) n++;
			double[] v = new double[n];
			n = 0;
			for (int i = 0; i < values.length; i++) if (classes[i] == c) v[n++] = values[i];
			if (v.length > 0) d.addSeries(names[c], v, bins, lo, hi);
		}
		org.jfree.chart.renderer.xy.XYBarRenderer r = new org.jfree.chart.renderer.xy.XYBarRenderer();
		r.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
		r.setShadowVisible(false);
		for (int c = 0; c < names.length; c++) {
			Color k = colours[c % colours.length];
			r.setSeriesPaint(c, new Color(k.getRed(), k.getGreen(), k.getBlue(), 130));
		}
		XYPlot p = Charts.style(new XYPlot(d, Charts.axis(xLabel), Charts.axis("windows"), r));
		((org.jfree.chart.axis.NumberAxis) p.getRangeAxis()).setAutoRangeIncludesZero(true);
		return Figure.of(title, Charts.chart(title, p, true), 800, 500);
	}
}

package io.github.calspike.plot;

import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.Arrays;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/** Plots of many ROI traces from one movie: stacked traces and a raster of inferred spikes. */
public final class MoviePlots {

	/** Traces per figure beyond which lanes get thinner but still each has its label. */
	private static final int LANE_PX = 28;

	private MoviePlots() {}

	/**
	 * Every trace in its own lane, ROI 1 at the top, on a shared time axis. Each trace is offset
	 * by its median and scaled so that its 1st-99th percentile range fills 0.9 of a lane (traces
	 * of very different amplitude stay readable); the ROI summary gives absolute values.
	 *
	 * @param names lane labels, in ROI order (ROI i is numbered i + 1)
	 * @param traces per ROI, one value per frame
	 * @param unit what the values are, e.g. "dF/F"
	 */
	public static Figure stackedTraces(String title, List<String> names, double rateHz,
		double[][] traces, String unit)
	{
		int n = traces.length;
		if (n == 0) throw new IllegalArgumentException("No traces to plot");
		XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
		ArrayXYDataset data = new ArrayXYDataset();
		double end = 0;
		for (int i = 0; i < n; i++) {
			double[] s = traces[i].clone();
			Arrays.sort(s);
			double median = s[s.length / 2];
			double range = s[(int) (0.99 * (s.length - 1))] - s[(int) (0.01 * (s.length - 1))];
			double scale = range > 0 ? 0.9 / range : 1;
			double[] t = new double[traces[i].length], y = new double[t.length];
			double lane = n - 1 - i;
			for (int f = 0; f < t.length; f++) {
				t[f] = f / rateHz;
				y[f] = lane + (traces[i][f] - median) * scale;
			}
			end = Math.max(end, (t.length - 1) / rateHz);
			data.add(names.get(i), t, y);
			lines.setSeriesPaint(i, i % 2 == 0 ? Charts.CALCIUM : new Color(20, 70, 120));
			lines.setSeriesStroke(i, Charts.line(0.8f));
		}
		NumberAxis time = Charts.axis("time (s)");
		time.setRange(0, Math.max(end, 1 / rateHz));
		XYPlot plot = Charts.style(new XYPlot(data, time, laneAxis("ROI", names), lines));
		plot.getRangeAxis().setRange(-0.8, n - 0.2);
		JFreeChart chart = Charts.chart(title, plot, false);
		Charts.subtitle(chart, n + " ROIs, " + unit + " at " + TracePlots.fmt(rateHz) +
			" Hz; each trace scaled to its own 1st-99th percentile range");
		return Figure.of(title, chart, 1400, Math.max(400, LANE_PX * n + 140));
	}

	/**
	 * A raster: one row per ROI (ROI 1 at the top), one tick per frame with at least one inferred
	 * spike, on a time axis in seconds.
	 *
	 * @param spikes per ROI, whole spike counts per frame
	 */
	public static Figure raster(String title, List<String> names, double rateHz, double[][] spikes) {
		int n = spikes.length;
		if (n == 0) throw new IllegalArgumentException("No ROIs to plot");
		ArrayXYDataset data = new ArrayXYDataset();
		XYLineAndShapeRenderer ticks = new XYLineAndShapeRenderer(false, true);
		double end = 0;
		long total = 0;
		for (int i = 0; i < n; i++) {
			int k = 0;
			for (double v : spikes[i]) if (v > 0) k++;
			double[] x = new double[k], y = new double[k];
			k = 0;
			for (int f = 0; f < spikes[i].length; f++) {
				if (spikes[i][f] > 0) {
					x[k] = f / rateHz;
					y[k++] = n - 1 - i;
					total += (long) spikes[i][f];
				}
			}
			end = Math.max(end, spikes[i].length / rateHz);
			data.add(names.get(i), x, y);
			ticks.setSeriesShape(i, new Line2D.Double(0, -0.35 * LANE_PX / 2, 0, 0.35 * LANE_PX / 2));
			ticks.setSeriesPaint(i, Charts.SPIKE);
			ticks.setSeriesStroke(i, Charts.line(1.5f));
			ticks.setSeriesShapesFilled(i, false);
		}
		ticks.setUseOutlinePaint(false);
		ticks.setDrawOutlines(true);
		for (int i = 0; i < n; i++) ticks.setSeriesOutlineStroke(i, Charts.line(1.5f));
		NumberAxis time = Charts.axis("time (s)");
		time.setRange(0, Math.max(end, 1 / rateHz));
		XYPlot plot = Charts.style(new XYPlot(data, time, laneAxis("ROI", names), ticks));
		plot.getRangeAxis().setRange(-0.8, n - 0.2);
		JFreeChart chart = Charts.chart(title, plot, false);
		Charts.subtitle(chart, total + " inferred spikes in " + n + " ROIs; a tick marks a frame with " +
			"at least one");
		return Figure.of(title, chart, 1400, Math.max(400, LANE_PX * n + 140));
	}

	/**
	 * @return an axis labelling lane {@code n-1-i} with "i+1" (the ROI's number in overlays and
	 *         Mean columns), followed by its name when that differs, so ROI 1 is on top
	 */
	private static SymbolAxis laneAxis(String label, List<String> names) {
		String[] symbols = new String[names.size()];
		for (int i = 0; i < symbols.length; i++) {
			int roi = symbols.length - i;
			String name = names.get(roi - 1);
			symbols[i] = name.equals(String.valueOf(roi)) ? name : roi + ": " + name;
		}
		SymbolAxis a = new SymbolAxis(label, symbols);
		a.setLabelFont(Charts.LABEL_FONT);
		a.setTickLabelFont(Charts.TICK_FONT);
		a.setGridBandsVisible(false);
		return a;
	}
}

package io.github.calspike.plot;

import java.awt.Color;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/** Plots of motion correction. */
public final class MotionPlots {

	/** Colour of the x shift. */
	public static final Color DX = Charts.CALCIUM;
	/** Colour of the y shift. */
	public static final Color DY = new Color(255, 127, 14);

	private MotionPlots() {}

	/**
	 * @param dx, dy per frame, the content displacement relative to the reference, pixels
	 * @param rateHz frame rate; 0 or less plots against 1-based frame numbers
	 * @return one wide panel with dx and dy over time
	 */
	public static Figure shifts(String title, double[] dx, double[] dy, double rateHz) {
		double[] t = new double[dx.length];
		for (int k = 0; k < t.length; k++) t[k] = rateHz > 0 ? k / rateHz : k + 1;
		ArrayXYDataset d = new ArrayXYDataset().add("dx (x right)", t, dx).add("dy (y down)", t, dy);
		XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
		r.setSeriesPaint(0, DX);
		r.setSeriesPaint(1, DY);
		r.setSeriesStroke(0, Charts.line(1.5f));
		r.setSeriesStroke(1, Charts.line(1.5f));
		XYPlot p = Charts.style(new XYPlot(d, Charts.axis(rateHz > 0 ? "time (s)" : "frame"), Charts
			.axis("shift (px)"), r));
		JFreeChart c = Charts.chart("Frame shifts", p, true);
		Charts.subtitle(c, "content displacement relative to the reference; the registered movie " +
			"moves each frame by (-dx, -dy)");
		return new Figure(title, 1, 1, List.of(c), 1100, 360);
	}
}

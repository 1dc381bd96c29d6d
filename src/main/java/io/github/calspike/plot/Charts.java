package io.github.calspike.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

/** The common look of CalSpike charts: white background, light grid, readable fonts. */
public final class Charts {

	/** Blue used for calcium traces. */
	public static final Color CALCIUM = new Color(31, 119, 180);
	/** Red used for spikes. */
	public static final Color SPIKE = new Color(214, 39, 40);
	/** Green used for predictions (probabilities, rates). */
	public static final Color PREDICTION = new Color(44, 160, 44);
	/** Grey used for grid lines. */
	public static final Color GRID = new Color(225, 225, 225);
	/** Font of axis labels. */
	public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
	/** Font of tick labels. */
	public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
	/** Font of chart titles. */
	public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);

	private Charts() {}

	/** Styles an XY plot: white background, grey grid, standard fonts. */
	public static XYPlot style(XYPlot p) {
		p.setBackgroundPaint(Color.WHITE);
		p.setDomainGridlinePaint(GRID);
		p.setRangeGridlinePaint(GRID);
		p.setOutlinePaint(Color.GRAY);
		return p;
	}

	/** @return a number axis with the standard fonts */
	public static NumberAxis axis(String label) {
		NumberAxis a = new NumberAxis(label);
		a.setLabelFont(LABEL_FONT);
		a.setTickLabelFont(TICK_FONT);
		a.setAutoRangeIncludesZero(false);
		return a;
	}

	/** @return a chart with the standard title font and a white background */
	public static JFreeChart chart(String title, Plot plot, boolean legend) {
		JFreeChart c = new JFreeChart(title, TITLE_FONT, plot, legend);
		c.setBackgroundPaint(Color.WHITE);
		if (c.getTitle() != null) c.getTitle().setPaint(Color.BLACK);
		if (c.getLegend() != null) c.getLegend().setItemFont(TICK_FONT);
		return c;
	}

	/** Adds a smaller line under the chart title. */
	public static void subtitle(JFreeChart c, String text) {
		TextTitle t = new TextTitle(text, TICK_FONT);
		t.setPaint(Color.DARK_GRAY);
		c.addSubtitle(t);
	}

	/** @return a solid line stroke of the given width in pixels */
	public static BasicStroke line(float width) {
		return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
	}
}

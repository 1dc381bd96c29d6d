package io.github.calspike.plot;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/** Plots of training progress. */
public final class TrainingPlots {

	/** Colour of training curves. */
	public static final Color TRAIN = Charts.CALCIUM;
	/** Colour of validation curves. */
	public static final Color VALIDATION = new Color(255, 127, 14);

	private TrainingPlots() {}

	/**
	 * Loss and accuracy per epoch, training and validation, side by side.
	 *
	 * @param epochs 1-based epoch numbers
	 * @param trainLoss, validationLoss, trainAccuracy, validationAccuracy one value per epoch
	 *          (validation values may be NaN)
	 * @return a 1x2 figure titled {@code title}
	 */
	public static Figure history(String title, double[] epochs, double[] trainLoss,
		double[] validationLoss, double[] trainAccuracy, double[] validationAccuracy)
	{
		return history(title, "accuracy", epochs, trainLoss, validationLoss, trainAccuracy,
			validationAccuracy);
	}

	/** The same with another score than accuracy, e.g. "correlation". */
	public static Figure history(String title, String score, double[] epochs, double[] trainLoss,
		double[] validationLoss, double[] trainScore, double[] validationScore)
	{
		JFreeChart loss = curves("Loss", "loss", epochs, trainLoss, validationLoss);
		String name = Character.toUpperCase(score.charAt(0)) + score.substring(1);
		JFreeChart acc = curves(name, score, epochs, trainScore, validationScore);
		if (!hasValues(trainScore) && !hasValues(validationScore)) {
			// e.g. a rate model trained on all neurons: say why the panel is empty
			acc.getXYPlot().setNoDataMessage("No " + score + ": no validation neurons");
		}
		return new Figure(title, 1, 2, List.of(loss, acc), 560, 380);
	}

	/** @return a chart of a training and a validation curve against epochs */
	public static JFreeChart curves(String title, String yLabel, double[] epochs, double[] train,
		double[] validation)
	{
		ArrayXYDataset d = new ArrayXYDataset();
		if (hasValues(train)) d.add("training", epochs, train);
		if (hasValues(validation)) d.add("validation", epochs, validation);
		XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
		// a live chart starts with neither curve: training keeps its colour
		r.setSeriesPaint(0, hasValues(train) || !hasValues(validation) ? TRAIN : VALIDATION);
		r.setSeriesPaint(1, VALIDATION);
		for (int s = 0; s < 2; s++) {
			r.setSeriesStroke(s, Charts.line(2f));
			r.setSeriesShape(s, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
		}
		NumberAxis x = Charts.axis("epoch");
		x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		x.setAutoRangeIncludesZero(false);
		XYPlot p = Charts.style(new XYPlot(d, x, Charts.axis(yLabel), r));
		return Charts.chart(title, p, true);
	}

	private static boolean hasValues(double[] v) {
		for (double x : v) if (!Double.isNaN(x)) return true;
		return false;
	}
}

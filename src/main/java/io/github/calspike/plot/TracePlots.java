package io.github.calspike.plot;

import io.github.calspike.trace.TraceSet;

import java.awt.geom.Rectangle2D;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/** Plots of whole calcium traces. */
public final class TracePlots {

	/** Seconds of each trace the commands plot unless told otherwise (0 plots all). */
	public static final double DEFAULT_SECONDS = 60;

	private TracePlots() {}

	/**
	 * The tutorial's first figure: the calcium traces of the first {@code neurons} neurons, each
	 * above its spike train (one tick per frame holding spikes, at the height of its count), on a
	 * shared time axis in seconds.
	 *
	 * @param seconds how much of the recording to show from its start, in s; 0 or less for all
	 * @return a one-chart figure titled "Calcium and spikes"
	 */
	public static Figure calciumWithSpikes(TraceSet traces, int neurons, double seconds) {
		int n = Math.min(neurons, traces.size());
		String title = "Calcium and spikes, first " + n + (n == 1 ? " neuron" : " neurons");
		return stacked(title, traces, null, null, null, neurons, seconds, traces.hasSpikes()
			? "blue: calcium; red ticks: recorded spikes per frame (" + fmt(traces.rateHz()) + " Hz)"
			: "calcium (" + fmt(traces.rateHz()) + " Hz); no spikes given");
	}

	/**
	 * Calcium traces of the first {@code neurons} neurons, each above a panel of a per-frame
	 * prediction (a spike probability, or a rate) with the recorded spikes, if known, as ticks.
	 *
	 * @param prediction per neuron, one value per frame
	 * @param predictionLabel axis label of the prediction, e.g. "p(spike)"
	 * @param seconds how much to show from the start, s; 0 or less for all
	 */
	public static Figure calciumWithPrediction(String title, TraceSet traces, double[][] prediction,
		String predictionLabel, int neurons, double seconds)
	{
		return stacked(title, traces, prediction, predictionLabel, null, neurons, seconds,
			"blue: calcium; green: " + predictionLabel + (traces.hasSpikes()
				? "; red ticks: recorded spikes" : "") + " (" + fmt(traces.rateHz()) + " Hz)");
	}

	/**
	 * Calcium traces of the first {@code neurons} neurons, each above its inferred rate, its
	 * recorded spikes (if known) and its discrete spikes, so that a reader sees whether the
	 * discrete spikes sit at the events and at the recorded spikes.
	 *
	 * @param rates per neuron, expected spikes per frame
	 * @param discrete per neuron, whole spikes per frame
	 * @param seconds how much to show from the start, s; 0 or less for all
	 */
	public static Figure calciumWithRate(String title, TraceSet traces, double[][] rates,
		double[][] discrete, int neurons, double seconds)
	{
		return stacked(title, traces, rates, "spikes/frame", discrete, neurons, seconds,
			"blue: calcium; green: inferred spikes per frame; ticks: " + (traces.hasSpikes()
				? "recorded spikes (red), " : "") + "discrete inferred spikes (green) (" + fmt(traces
					.rateHz()) + " Hz)");
	}

	/**
	 * Per neuron, on a shared time axis: its calcium; below, its prediction if any; below, its
	 * spike train if known.
	 */
	private static Figure stacked(String title, TraceSet traces, double[][] prediction,
		String predictionLabel, double[][] discrete, int neurons, double seconds, String subtitle)
	{
		int n = Math.min(neurons, traces.size());
		if (n < 1) throw new IllegalArgumentException("No neurons to plot");
		NumberAxis time = Charts.axis("time (s)");
		CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
		plot.setGap(8);
		double shown = 0;
		for (int i = 0; i < n; i++) {
			double[] c = traces.calcium(i);
			int frames = seconds > 0 ? Math.min(c.length, (int) Math.ceil(seconds * traces
				.rateHz())) : c.length;
			shown = Math.max(shown, frames / traces.rateHz());
			double[] t = new double[c.length];
			for (int f = 0; f < t.length; f++) t[f] = f / traces.rateHz();
			plot.add(line(t, c, frames, "neuron " + traces.name(i), Charts.CALCIUM), prediction == null
				? 3 : 2);
			if (prediction != null) {
				XYPlot pred = line(t, prediction[i], frames, predictionLabel, Charts.PREDICTION);
				pred.getRangeAxis().setAutoRangeMinimumSize(0.1);
				((NumberAxis) pred.getRangeAxis()).setAutoRangeIncludesZero(true);
				plot.add(pred, 2);
			}
			if (traces.hasSpikes()) plot.add(spikeTrain(traces.spikes(i), t, frames, "recorded",
				Charts.SPIKE), 1);
			if (discrete != null) plot.add(spikeTrain(discrete[i], t, frames, "discrete",
				Charts.PREDICTION), 1);
		}
		time.setRange(0, shown);
		JFreeChart chart = Charts.chart(title, plot, false);
		Charts.subtitle(chart, subtitle);
		int perNeuron = (prediction != null ? 300 : 200) + (traces.hasSpikes() ? 60 : 0) +
			(discrete != null ? 60 : 0);
		return Figure.of(title, chart, 1400, perNeuron * n + 80);
	}

	private static XYPlot line(double[] t, double[] y, int frames, String label,
		java.awt.Color colour)
	{
		XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
		r.setSeriesPaint(0, colour);
		r.setSeriesStroke(0, Charts.line(1.0f));
		r.setDrawSeriesLineAsPath(true);
		return Charts.style(new XYPlot(new ArrayXYDataset().add(label, t, y, 0, frames), null, Charts
			.axis(label), r));
	}

	private static XYPlot spikeTrain(double[] s, double[] t, int frames, String label,
		java.awt.Color colour)
	{
		int k = 0;
		for (int f = 0; f < frames; f++) if (s[f] > 0) k++;
		double[] x = new double[k], y = new double[k];
		k = 0;
		double max = 1;
		for (int f = 0; f < frames; f++) {
			if (s[f] > 0) {
				x[k] = t[f];
				y[k++] = s[f];
				max = Math.max(max, s[f]);
			}
		}
		XYLineAndShapeRenderer ticks = new XYLineAndShapeRenderer(false, true);
		ticks.setSeriesShape(0, new Rectangle2D.Double(-0.75, -7, 1.5, 14));
		ticks.setSeriesPaint(0, colour);
		NumberAxis axis = Charts.axis(label);
		axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		axis.setRange(0, max + 0.8);
		return Charts.style(new XYPlot(new ArrayXYDataset().add(label, x, y), null, axis, ticks));
	}

	static String fmt(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}
}

package io.github.calspike.ui;

import io.github.calspike.plot.TrainingPlots;
import io.github.calspike.train.EpochResult;
import io.github.calspike.train.StopSignal;
import io.github.calspike.train.TrainingProgress;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.util.Locale;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A live view of a training run: loss and accuracy per epoch (training and validation), a progress
 * bar with the ETA, and two buttons. Stop ends training at the next batch and keeps the model of
 * the last complete epoch; Cancel ends it and discards the model. Progress reports may come from
 * any thread; the window updates itself on the Swing thread.
 */
public class TrainingWindow extends JFrame implements TrainingProgress {

	private static final long serialVersionUID = 1L;

	private final StopSignal stop;
	private volatile boolean discard;
	private final XYSeries trainLoss = new XYSeries("training", false);
	private final XYSeries valLoss = new XYSeries("validation", false);
	private final XYSeries trainAcc = new XYSeries("training", false);
	private final XYSeries valAcc = new XYSeries("validation", false);
	private final JProgressBar progress = new JProgressBar();
	private final JLabel status = new JLabel("Preparing windows...");
	private final JButton stopButton = new JButton("Stop (keep model)");
	private final JButton cancelButton = new JButton("Cancel (discard)");
	private final long start = System.nanoTime();
	private final Throttle throttle = Throttle.tenPerSecond();

	/** Builds the window, charting loss and {@code score} (e.g. "correlation") per epoch. */
	public TrainingWindow(String title, String score, StopSignal stop) {
		super(title);
		this.stop = stop;
		setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
		JPanel charts = new JPanel(new GridLayout(1, 2));
		charts.add(panel(chart("Loss", "loss", trainLoss, valLoss)));
		charts.add(panel(chart(Character.toUpperCase(score.charAt(0)) + score.substring(1), score,
			trainAcc, valAcc)));
		progress.setMaximum(1000);
		progress.setStringPainted(true);
		stopButton.addActionListener(e -> {
			stop.requestStop();
			status.setText("Stopping after this batch; keeping the last complete epoch...");
			stopButton.setEnabled(false);
			cancelButton.setEnabled(false);
		});
		cancelButton.addActionListener(e -> {
			discard = true;
			stop.requestStop();
			status.setText("Cancelling; the model will be discarded...");
			stopButton.setEnabled(false);
			cancelButton.setEnabled(false);
		});
		JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
		buttons.add(stopButton);
		buttons.add(cancelButton);
		JPanel south = new JPanel(new BorderLayout(8, 4));
		south.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
		south.add(progress, BorderLayout.NORTH);
		south.add(status, BorderLayout.CENTER);
		south.add(buttons, BorderLayout.EAST);
		JPanel content = new JPanel(new BorderLayout());
		content.add(charts, BorderLayout.CENTER);
		content.add(south, BorderLayout.SOUTH);
		setContentPane(content);
		pack();
		setLocationByPlatform(true);
	}

	private static ChartPanel panel(JFreeChart c) {
		ChartPanel p = new ChartPanel(c);
		p.setPreferredSize(new Dimension(480, 340));
		return p;
	}

	private static JFreeChart chart(String title, String y, XYSeries train, XYSeries val) {
		XYSeriesCollection d = new XYSeriesCollection();
		d.addSeries(train);
		d.addSeries(val);
		JFreeChart c = TrainingPlots.curves(title, y, new double[0], new double[0], new double[0]);
		((XYPlot) c.getPlot()).setDataset(d);
		return c;
	}

	/** @return whether the user chose Cancel (discard the model) */
	public boolean isDiscarded() {
		return discard;
	}

	@Override
	public void report(double fraction, String text) {
		if (!throttle.due(fraction)) return;
		long now = System.nanoTime();
		String line = ProgressText.withEta(text, fraction, (now - start) / 1e9);
		SwingUtilities.invokeLater(() -> {
			progress.setValue((int) Math.round(1000 * fraction));
			if (!stop.isStopRequested()) status.setText(line);
		});
	}

	@Override
	public void epoch(EpochResult r) {
		SwingUtilities.invokeLater(() -> {
			trainLoss.add(r.epoch(), r.trainLoss());
			if (!Double.isNaN(r.trainScore())) trainAcc.add(r.epoch(), r.trainScore());
			if (!Double.isNaN(r.validationLoss())) valLoss.add(r.epoch(), r.validationLoss());
			if (!Double.isNaN(r.validationScore())) valAcc.add(r.epoch(), r.validationScore());
		});
	}

	/** @return the status line and the progress bar's percentage, as shown (read on the event thread) */
	String shownStatus() {
		return status.getText() + " | " + progress.getString();
	}

	/** @return the epochs drawn so far (read on the event thread, as they are drawn) */
	int epochsShown() {
		return trainLoss.getItemCount();
	}

	/** Marks the run finished: buttons off, the window closable. */
	public void finished(String message) {
		SwingUtilities.invokeLater(() -> {
			status.setText(message);
			stopButton.setEnabled(false);
			cancelButton.setEnabled(false);
			setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
		});
	}
}

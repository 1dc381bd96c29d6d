package io.github.calspike.command;

import io.github.calspike.data.BalancedSampler;
import io.github.calspike.data.DatasetCache;
import io.github.calspike.data.Seeds;
import io.github.calspike.data.WindowDatasets;
import io.github.calspike.data.WindowSet;
import io.github.calspike.data.WindowSpec;
import io.github.calspike.data.Windowing;
import io.github.calspike.plot.WindowPlots;
import io.github.calspike.trace.Normalization;
import io.github.calspike.trace.Recording;
import io.github.calspike.trace.TraceSet;

import ij.measure.ResultsTable;

import java.io.IOException;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Cuts labelled windows from SpikeFinder data (one calcium and spikes pair, or a folder of pairs
 * as the training commands read them), draws a balanced sample, and shows example spike and
 * no-spike windows with the size of the dataset.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CalSpike>Show Spike Windows")
public class ShowSpikeWindows extends AbstractRecordingsCommand {

	/** Title of the dataset-size table. */
	public static final String TABLE = "Size of the dataset";
	/** Title of the example grid. */
	public static final String FIGURE = "Example spike windows";

	@Parameter(label = "Bins before centre", min = "0", persist = false)
	private int before = WindowSpec.DEFAULT_BEFORE;

	@Parameter(label = "Bins after centre", min = "0", persist = false)
	private int after = WindowSpec.DEFAULT_AFTER;

	@Parameter(label = "Spikes in centre bin for 'spike'", min = "1", persist = false)
	private int spike_n = WindowSpec.DEFAULT_SPIKE_N;

	@Parameter(label = "Stride (frames)", min = "1", persist = false)
	private int stride = WindowSpec.DEFAULT_STRIDE;

	@Parameter(label = "Normalization", choices = { Normalization.Labels.ROBUST_ZSCORE,
		Normalization.Labels.ZSCORE, Normalization.Labels.NONE }, persist = false)
	private String normalization = Normalization.ROBUST_ZSCORE.label();

	@Parameter(label = "Balanced samples (even number or 'all')", persist = false)
	private String samples = String.valueOf(BalancedSampler.DEFAULT_SAMPLES);

	@Parameter(label = "Random seed", persist = false)
	private long seed = Seeds.DEFAULT;

	@Override
	public void run() {
		try {
			TraceSet traces = Recording.joined(recordings());
			WindowSpec spec = new WindowSpec(before, after, spike_n, stride);
			Normalization norm = Normalization.fromLabel(normalization);
			long[] all = Windowing.countLabels(traces, spec);
			int n = Inputs.samples(samples);
			WindowDatasets.Result sample = WindowDatasets.balanced(traces, spec, norm, n, seed,
				DatasetCache.defaultCache());
			if (sample.fromCache()) log.info("Windows read from cache " + sample.key());
			if (n != BalancedSampler.ALL && sample.windows().size() < n) {
				log.warn("Only " + sample.windows().spikeCount() + " spike windows: the balanced sample" +
					" holds " + sample.windows().size() + " windows, not " + n);
			}
			outputs.table(TABLE, sizes(all, sample.windows(), spec));
			outputs.figure(WindowPlots.examples(FIGURE, sample.windows(), spec, 5));
		}
		catch (IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
		}
	}

	private static ResultsTable sizes(long[] all, WindowSet sample, WindowSpec spec) {
		ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		addRow(t, "all windows", all[0], all[1], spec);
		addRow(t, "balanced sample", sample.spikeCount(), sample.size(), spec);
		return t;
	}

	private static void addRow(ResultsTable t, String name, long spikes, long total,
		WindowSpec spec)
	{
		t.addRow();
		t.addValue("set", name);
		t.addValue("spike", spikes);
		t.addValue("no_spike", total - spikes);
		t.addValue("total", total);
		t.addValue("window_length", spec.length());
	}
}

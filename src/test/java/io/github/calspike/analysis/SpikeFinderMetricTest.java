package io.github.calspike.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.calspike.trace.io.ColumnTable;
import io.github.calspike.trace.io.SpikeFinderCsv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SpikeFinderMetricTest {

	private static final Path DATA = Paths.get("test-data/spikefinder");

	@Test
	void reproducesThePublishedStmScores() throws IOException {
		Map<String, Double> published = new HashMap<>();
		for (String line : Files.readAllLines(DATA.resolve("reference/stm-published-scores.csv"))
			.subList(1, 16))
		{
			String[] f = line.split(",");
			published.put(f[0] + "/" + f[1], Double.parseDouble(f[2]));
		}
		int checked = 0;
		for (String ds : new String[] { "4", "5" }) {
			ColumnTable truth = SpikeFinderCsv.readColumns(DATA.resolve(ds + ".train.spikes.csv"), 0,
				true);
			ColumnTable stm = SpikeFinderCsv.readColumns(DATA.resolve("reference/stm." + ds +
				".train.spikes.csv"), 0, false);
			List<double[]> t = new ArrayList<>(), p = new ArrayList<>();
			for (int i = 0; i < truth.size(); i++) {
				t.add(truth.column(i));
				p.add(stm.column(i));
			}
			SpikeFinderMetric.Scores s = SpikeFinderMetric.score(truth.labels(), t.toArray(
				new double[0][]), p.toArray(new double[0][]), SpikeFinderMetric.factor(100));
			for (int i = 0; i < truth.size(); i++) {
				double expected = published.get(ds + "/" + truth.labels().get(i));
				assertEquals(expected, s.get(i), 1e-6, "dataset " + ds + " neuron " + i);
				checked++;
			}
			assertEquals(ds.equals("4") ? 0.3863 : 0.3070, s.mean(), 5e-5, "dataset " + ds + " mean");
		}
		assertEquals(15, checked);
	}

	@Test
	void groupsComeFromTheFrameRateNotAFixedFour() {
		// the challenge's 100 Hz bins go in fours (25 Hz); a 50 Hz recording in twos; at 30 Hz or
		// slower no grouping is left to do, and labels say the rate actually correlated at
		assertEquals(4, SpikeFinderMetric.factor(100));
		assertEquals(2, SpikeFinderMetric.factor(50));
		assertEquals(1, SpikeFinderMetric.factor(30));
		assertEquals(1, SpikeFinderMetric.factor(7.5));
		assertEquals("25 Hz", SpikeFinderMetric.groupLabel(100));
		assertEquals("30 Hz", SpikeFinderMetric.groupLabel(30));
		assertEquals("7.5 Hz", SpikeFinderMetric.groupLabel(7.5));
		double[] truth = { 1, 0, 0, 1, 0, 1 }, pred = { 0.9, 0.1, 0.2, 0.8, 0.1, 0.7 };
		// at 30 Hz the metric is the plain frame-by-frame correlation
		assertEquals(SpikeFinderMetric.pearson(truth, pred), SpikeFinderMetric.correlation(truth, pred,
			SpikeFinderMetric.factor(30)), 1e-12);
	}

	@Test
	void dropsNanBinsBeforeGrouping() {
		double[] truth = { 1, 0, 0, 0, 0, 0, 2, 0, 0, 1, 0, 0, Double.NaN };
		double[] pred = { 0.5, Double.NaN, 0.1, 0.1, 0.1, 0, 0.9, 0.2, 0, 0.4, 0, 0, 3 };
		// kept: indices 0,2..11 -> truth {1,0,0,0,0,2,0,0,1,0,0}, pred {.5,.1,.1,.1,0,.9,.2,0,.4,0,0}
		// groups of 4 (last partial dropped): truth {1,2}, pred {0.8,1.2}
		assertEquals(1.0, SpikeFinderMetric.correlation(truth, pred, 4), 1e-12);
	}

	@Test
	void pearsonOfKnownCases() {
		assertEquals(1, SpikeFinderMetric.pearson(new double[] { 1, 2, 3 }, new double[] { 2, 4, 6 }),
			1e-12);
		assertEquals(-1, SpikeFinderMetric.pearson(new double[] { 1, 2, 3 }, new double[] { 3, 2,
			1 }), 1e-12);
		assertTrue(Double.isNaN(SpikeFinderMetric.pearson(new double[] { 1, 1 }, new double[] { 1,
			2 })));
	}

	@Test
	void meanAndMedianSkipUndefinedScores() {
		SpikeFinderMetric.Scores s = SpikeFinderMetric.score(List.of("a", "b", "c"), new double[][] {
			{ 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0 }, { 0, 0, 0, 0, 0, 0, 0, 0 }, { 1, 0, 0, 0, 0, 0, 0,
				0, 2, 0, 0, 0 } }, new double[][] { { 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0 }, { 1, 0, 0,
					0, 0, 0, 0, 0 }, { 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0 } }, 4);
		assertTrue(Double.isNaN(s.get(1)));
		assertEquals((s.get(0) + s.get(2)) / 2, s.mean(), 1e-12);
		assertEquals((s.get(0) + s.get(2)) / 2, s.median(), 1e-12);
	}
}

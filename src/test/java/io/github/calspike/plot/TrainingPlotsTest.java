package io.github.calspike.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class TrainingPlotsTest {

	static final double[] EPOCHS = { 1, 2, 3 }, LOSS = { 3, 2, 1.5 }, NONE = { Double.NaN,
		Double.NaN, Double.NaN };

	@Test
	void aScorePanelWithoutValidationNeuronsSaysWhyItIsEmpty() {
		Figure f = TrainingPlots.history("h", "correlation", EPOCHS, LOSS, NONE, NONE, NONE);
		XYPlot score = f.charts().get(1).getXYPlot();
		assertEquals(0, score.getDataset().getSeriesCount());
		assertEquals("No correlation: no validation neurons", score.getNoDataMessage());
		assertEquals(1, f.charts().get(0).getXYPlot().getDataset().getSeriesCount());
	}

	@Test
	void aScoredPanelHasNoSuchMessage() {
		Figure f = TrainingPlots.history("h", "correlation", EPOCHS, LOSS, NONE, NONE, new double[] {
			0.2, 0.3, 0.35 });
		XYPlot score = f.charts().get(1).getXYPlot();
		assertEquals(1, score.getDataset().getSeriesCount());
		assertNull(score.getNoDataMessage());
	}
}

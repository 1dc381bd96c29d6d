package io.github.calspike.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a training's status bar and window show, and how often they redraw. */
class ThrottleTest {

	@Test
	void theFirstUpdateAndTheLastAlwaysShowOthersAtMostOncePerInterval() {
		Throttle t = new Throttle(60_000_000_000L); // a minute: nothing else passes in this test
		assertTrue(t.due(0.01), "the first update shows at once");
		assertFalse(t.due(0.02));
		assertFalse(t.due(0.5));
		assertTrue(t.due(1), "the end always shows");
		Throttle none = new Throttle(0);
		assertTrue(none.due(0.1));
		assertTrue(none.due(0.2));
	}

	@Test
	void theStatusReadsAsASentenceWithTheTimeLeft() {
		assertEquals("Epoch 2/4, batch 10/10, loss 0.5000, 0:30 left", ProgressText.withEta(
			"epoch 2/4, batch 10/10, loss 0.5000", 0.5, 30));
		assertEquals("Member 1/3, epoch 1/2, 1:00 left", ProgressText.withEta("member 1/3, epoch 1/2",
			0.25, 20));
		assertEquals("Epoch 1/2, ? left", ProgressText.withEta("epoch 1/2", 0, 5));
	}
}

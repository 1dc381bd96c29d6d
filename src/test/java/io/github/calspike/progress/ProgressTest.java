package io.github.calspike.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Steps of a task fill one range: each sub-task's fraction lands in its own slice. */
class ProgressTest {

	@Test
	void subTasksFillTheirSlicesOfOneBar() {
		List<Double> at = new ArrayList<>();
		List<String> said = new ArrayList<>();
		Progress bar = (f, s) -> {
			at.add(f);
			said.add(s);
		};
		// registration owns the first third, measuring the rest; measuring's second half is a step
		// of its own
		Progress registering = bar.sub(0, 1 / 3.0), measuring = bar.sub(1 / 3.0, 2 / 3.0);
		registering.steps(0, 600, "frame");
		registering.steps(600, 600, "frame");
		measuring.steps(150, 600, "frame");
		measuring.sub(0.5, 0.5).report(0.5, "second half");
		measuring.report(1, "done");
		assertEquals(List.of(0.0, 1 / 3.0, 1 / 3.0 + 2 / 3.0 * 0.25, 1 / 3.0 + 2 / 3.0 * 0.75, 1.0),
			at);
		assertEquals(List.of("frame 0/600", "frame 600/600", "frame 150/600", "second half", "done"),
			said);
	}

	@Test
	void fractionsStayInTheirSliceAndBadSlicesAreRefused() {
		List<Double> at = new ArrayList<>();
		Progress slice = ((Progress) (f, s) -> at.add(f)).sub(0.2, 0.5);
		slice.report(-1, "");
		slice.report(3, "");
		slice.steps(5, 0, "frame"); // no total: the step is done
		assertEquals(List.of(0.2, 0.7, 0.7), at);
		assertThrows(IllegalArgumentException.class, () -> Progress.NONE.sub(0.6, 0.5));
		assertThrows(IllegalArgumentException.class, () -> Progress.NONE.sub(-0.1, 0.5));
	}
}

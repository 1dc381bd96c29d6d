package io.github.calspike.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;

import io.github.calspike.nn.Djl;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The training loop ends a training whose loss stops being a number, before its step. */
class TrainingLoopTest {

	@Test
	void aNaNLossEndsTheTrainingNamingItsEpochAndBatch() {
		Djl.engine();
		List<Integer> epochsReported = new ArrayList<>();
		try (Model model = Model.newInstance("linear", Device.cpu(), Djl.ENGINE)) {
			Linear block = Linear.builder().setUnits(1).build();
			model.setBlock(block);
			try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()))) {
				trainer.initialize(new Shape(4, 3));
				TrainingLoop.Batches batches = new TrainingLoop.Batches() {
					@Override
					public int count() {
						return 5;
					}

					@Override
					public TrainingLoop.Batch next(NDManager m, int b) {
						return new TrainingLoop.Batch(new NDList(m.ones(new Shape(4, 3))), new NDList(m.zeros(
							new Shape(4, 1))), 4);
					}
				};
				int[] calls = { 0 };
				// the fourth batch of epoch 2 (call 9) gives a NaN loss, as a diverging network would
				TrainingLoop.Objective objective = (labels, out) -> {
					NDArray l = Loss.l2Loss().evaluate(labels, new NDList(out.head()));
					return ++calls[0] == 9 ? l.mul(Float.NaN) : l;
				};
				TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
					() -> TrainingLoop.fit(trainer, block, 3, batches, objective, null, s -> {
						epochsReported.add(s.epoch);
						return new EpochResult(s.epoch, s.lossSum / s.batches, Double.NaN, Double.NaN,
							Double.NaN, EpochResult.F1, s.seconds, 1, EpochResult.TILES);
					}, TrainingProgress.NONE, new StopSignal()));
				assertEquals(2, e.epoch);
				assertEquals(4, e.batch);
				assertEquals(5, e.batches);
				assertTrue(e.getMessage().contains("epoch 2, batch 4 of 5") && e.getMessage().contains(
					"NaN") && e.getMessage().contains("nothing was saved"), e.getMessage());
				// the first epoch was complete and reported; the diverged one never was
				assertEquals(List.of(1), epochsReported);
				float[] w = block.getParameters().get("weight").getArray().toFloatArray();
				for (float v : w) assertTrue(Float.isFinite(v), "no step was taken with the NaN loss");
			}
		}
	}
}
